/**
 * Queries over the AST that every consumer needs the same way: which question an indicator's
 * numeral stands for, the survey variables a question is exported as, which rule applies to an
 * area, the survey an indicator belongs to. Keep these here so the validator, the interpreter,
 * the generators and the CLI cannot disagree.
 */
import { AstUtils, type AstNode } from 'langium';
import {
    type AnswerOption,
    type AnswerSet,
    type Expression,
    type Indicator,
    type IndicatorQuestion,
    type Model,
    type Question,
    type QuestionItem,
    type ReportingUnit,
    type Requirement,
    type Stratum,
    type Survey,
    isArea,
    isGroup,
    isIndicator,
    isIndicatorQuestion,
    isModel,
} from '../generated/ast.js';

/** The question an indicator's numeral (i, ii, …) stands for: declared in place or shared. */
export function questionOf(slot: IndicatorQuestion | undefined): Question | undefined {
    if (!slot) return undefined;
    return slot.declared ?? slot.shared?.ref;
}

export function answerSetOf(question: Question | undefined): AnswerSet | undefined {
    return question?.answerSet?.ref;
}

export function optionsOf(question: Question | undefined): AnswerOption[] {
    return answerSetOf(question)?.options ?? [];
}

/** The slot whose numeral refers to a question declared in place, if the question is inline. */
export function slotOfInlineQuestion(question: Question): IndicatorQuestion | undefined {
    return isIndicatorQuestion(question.$container) ? question.$container : undefined;
}

/** Whether the question is asked once per area or group (a matrix question). */
export function isPerArea(question: Question | undefined): boolean {
    return (question?.units.length ?? 0) > 0;
}

export function unitsOfQuestion(question: Question): ReportingUnit[] {
    return question.units.flatMap((u) => (u.ref ? [u.ref] : []));
}

/** The areas or groups an indicator is evaluated and reported for; empty when it is evaluated once. */
export function unitsOfIndicator(indicator: Indicator): ReportingUnit[] {
    return indicator.groups.flatMap((g) => (g.ref ? [g.ref] : []));
}

/** The label a reader sees for an area or group ("LSS barn"). */
export function unitLabel(unit: ReportingUnit): string {
    return unit.label;
}

/** The area itself, or the area a group belongs to. */
export function areaOfUnit(unit: ReportingUnit) {
    return isGroup(unit) ? unit.$container : unit;
}

/** The requirement without area restriction: the rule for every area that has no variant of its own. */
export function baseRequirement(indicator: Indicator): Requirement | undefined {
    return indicator.requirements.find((r) => r.units.length === 0);
}

/** The requirement that applies to an area or group: its own variant if it has one, else the base rule. */
export function requirementFor(indicator: Indicator, unit: ReportingUnit | undefined): Requirement | undefined {
    if (unit) {
        const variant = indicator.requirements.find((r) => r.units.some((u) => u.ref === unit));
        if (variant) return variant;
    }
    return baseRequirement(indicator);
}

/** The survey a document belongs to: declared in it or named by `tillhör`. */
export function surveyOfModel(model: Model): Survey | undefined {
    return model.header?.survey ?? model.header?.surveyRef?.ref;
}

export function surveyOf(node: AstNode): Survey | undefined {
    const model = AstUtils.getContainerOfType(node, isModel);
    return model ? surveyOfModel(model) : undefined;
}

export function indicatorOf(node: AstNode): Indicator | undefined {
    return AstUtils.getContainerOfType(node, isIndicator);
}

const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };

/** The value of a lower-case roman numeral (i → 1, iv → 4), or undefined if it is not one. */
export function romanValue(numeral: string): number | undefined {
    if (!/^[ivxlc]+$/.test(numeral)) return undefined;
    let total = 0;
    for (let i = 0; i < numeral.length; i++) {
        const value = ROMAN[numeral[i]];
        const next = ROMAN[numeral[i + 1]] ?? 0;
        total += value < next ? -value : value;
    }
    return toRoman(total) === numeral ? total : undefined;
}

export function toRoman(value: number): string {
    const table: Array<[number, string]> = [
        [100, 'c'],
        [90, 'xc'],
        [50, 'l'],
        [40, 'xl'],
        [10, 'x'],
        [9, 'ix'],
        [5, 'v'],
        [4, 'iv'],
        [1, 'i'],
    ];
    let out = '';
    for (const [n, s] of table) {
        while (value >= n) {
            out += s;
            value -= n;
        }
    }
    return out;
}

/** The number of a question within its indicator (i → 1): its numeral's value, else its position. */
export function questionNumber(slot: IndicatorQuestion): number {
    const indicator = slot.$container;
    return romanValue(slot.name) ?? indicator.questions.indexOf(slot) + 1;
}

/** One survey variable: a column of the export. */
export interface SurveyVariable {
    name: string;
    question: Question;
    /** The indicator's numeral for the question, when known. */
    slot?: IndicatorQuestion;
    item?: QuestionItem;
    unit?: ReportingUnit;
    /** For a question asked per stratum (per kön): the stratum. */
    stratum?: Stratum;
}

export interface VariableContext {
    indicator?: Indicator;
    slot?: IndicatorQuestion;
}

const PLACEHOLDER = /\{(indikator|fråga|del|grupp|indelning)(?::(\d+))?\}/g;

/** Whether a variable specification is a pattern (has placeholders) rather than a name. */
export function isVariablePattern(spec: string): boolean {
    return spec.includes('{');
}

export function patternPlaceholders(spec: string): string[] {
    return [...spec.matchAll(PLACEHOLDER)].map((m) => m[1]);
}

/**
 * Expands a variable pattern. `[…]` marks an optional segment that disappears when a placeholder
 * inside it is empty, so that "I{indikator:02}_{fråga}{del}[_{grupp}]" gives I01_1 and I02_1_EB.
 */
export function expandVariablePattern(
    spec: string,
    values: Partial<Record<'indikator' | 'fråga' | 'del' | 'grupp' | 'indelning', string | number>>,
): string {
    // A pure function called for every answer an interpreter reads: remember its results.
    const key = `${spec}\u0000${values.indikator ?? ''}\u0000${values.fråga ?? ''}\u0000${values.del ?? ''}\u0000${values.grupp ?? ''}\u0000${values.indelning ?? ''}`;
    let expanded = expansions.get(key);
    if (expanded === undefined) {
        expanded = expandUncached(spec, values);
        expansions.set(key, expanded);
    }
    return expanded;
}

const expansions = new Map<string, string>();

function expandUncached(
    spec: string,
    values: Partial<Record<'indikator' | 'fråga' | 'del' | 'grupp' | 'indelning', string | number>>,
): string {
    const fill = (text: string): { text: string; empty: boolean } => {
        let empty = false;
        const out = text.replace(PLACEHOLDER, (_m, key: keyof typeof values, width?: string) => {
            const raw = values[key];
            if (raw === undefined || raw === '') {
                empty = true;
                return '';
            }
            const str = String(raw);
            return width ? str.padStart(Number(width), '0') : str;
        });
        return { text: out, empty };
    };
    const withOptional = spec.replace(/\[([^\]]*)\]/g, (_m, inner: string) => {
        const filled = fill(inner);
        return filled.empty ? '' : filled.text;
    });
    return fill(withOptional).text;
}

/** The pattern or name that names a question's variables: the item's, the question's, else the survey's. */
export function variableSpecOf(question: Question, item?: QuestionItem): string | undefined {
    return item?.variable ?? question.variable ?? surveyOf(question)?.variablePattern;
}

/**
 * The survey variables of a question. A question shared between indicators is named without
 * indicator context; a question declared inside an indicator gets that indicator's number and numeral.
 */
export function variablesOfQuestion(question: Question, context: VariableContext = {}): SurveyVariable[] {
    const slot = context.slot ?? slotOfInlineQuestion(question);
    const indicator = context.indicator ?? slot?.$container;
    const units: Array<ReportingUnit | undefined> = isPerArea(question) ? unitsOfQuestion(question) : [undefined];
    const items: Array<QuestionItem | undefined> = question.items.length > 0 ? question.items : [undefined];
    const strata: Array<Stratum | undefined> = stratumsOfQuestion(question);
    const result: SurveyVariable[] = [];
    for (const item of items) {
        const spec = variableSpecOf(question, item);
        if (!spec) continue;
        for (const unit of units) {
            for (const stratum of strata) {
                const name = expandVariablePattern(spec, {
                    indikator: indicator?.number,
                    fråga: slot ? questionNumber(slot) : undefined,
                    del: item?.name,
                    grupp: unit?.name,
                    indelning: stratum?.code,
                });
                const variable: SurveyVariable = { name, question, slot, item, unit };
                if (stratum) variable.stratum = stratum;
                result.push(variable);
            }
        }
    }
    return result;
}

/** The strata a question is asked for (per kön: kvinnor, män), or one undefined when it is not stratified. */
export function stratumsOfQuestion(question: Question): Array<Stratum | undefined> {
    const strata = question.stratification?.ref?.strata ?? [];
    return strata.length > 0 ? strata : [undefined];
}

/** The variable that holds the answer to one item of a question for one area (either may be absent), and one stratum. */
export function variableFor(
    question: Question,
    item: QuestionItem | undefined,
    unit: ReportingUnit | undefined,
    context: VariableContext = {},
    stratum?: Stratum,
): string | undefined {
    const spec = variableSpecOf(question, item);
    if (!spec) return undefined;
    const slot = context.slot ?? slotOfInlineQuestion(question);
    const indicator = context.indicator ?? slot?.$container;
    return expandVariablePattern(spec, {
        indikator: indicator?.number,
        fråga: slot ? questionNumber(slot) : undefined,
        del: item?.name,
        grupp: isPerArea(question) ? unit?.name : undefined,
        indelning: question.stratification ? stratum?.code : undefined,
    });
}

/** Every variable of an indicator, question by question in numeral order. */
export function variablesOfIndicator(indicator: Indicator): SurveyVariable[] {
    return indicator.questions.flatMap((slot) => {
        const question = questionOf(slot);
        return question ? variablesOfQuestion(question, { indicator, slot }) : [];
    });
}

/** The numerals of the indicator's questions that an expression mentions. */
export function slotsInExpression(expression: Expression | undefined): IndicatorQuestion[] {
    if (!expression) return [];
    const found = new Set<IndicatorQuestion>();
    for (const node of [expression, ...AstUtils.streamAllContents(expression)]) {
        if (node.$type === 'QuestionTarget' || node.$type === 'AtLeastCondition') {
            const slot = (node as { question?: { ref?: IndicatorQuestion } }).question?.ref;
            if (slot) found.add(slot);
        }
    }
    return [...found];
}

export function isUnit(node: unknown): node is ReportingUnit {
    return isArea(node) || isGroup(node);
}

/** Short label for rule text ("Ej aktuellt"), falling back to the full label. */
export function shortLabel(option: AnswerOption): string {
    return option.shortLabel ?? option.label;
}
