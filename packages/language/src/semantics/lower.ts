/**
 * Lowering: the AST of an indicator → its plan (plan.ts). The only code that knows the language's
 * defaults, so that no engine restates them:
 * - without `utesluts`, an answer saying the area does not exist ("området saknas") excludes, and
 *   nothing else does (the 'areaMissing' condition);
 * - an area variant of the requirement applies to its areas, the base rule to every other;
 * - a target without items reads every item of its question ("samtliga" unless "något");
 * - variables are named by the survey's pattern (model-utils' variableFor);
 * - a part that cannot be resolved (a name not yet linked, a per-area question read once) is unknown.
 *
 * Plans are cached per indicator and linking (lowering runs while typing).
 */
import type { AstNode } from 'langium';
import type {
    AnswerCondition,
    AnswerOption,
    ArithmeticCondition,
    AtLeastCondition,
    CountSum,
    Expression,
    Indicator,
    IndicatorQuestion,
    Measure,
    MeasureOperand,
    Model,
    NumericCondition,
    Question,
    QuestionItem,
    QuestionTarget,
    ReportingUnit,
    Requirement,
    Stratification,
    Stratum,
} from '../generated/ast.js';
import {
    isPerArea,
    optionsOf,
    questionOf,
    requirementFor,
    shortLabel,
    surveyOf,
    unitsOfIndicator,
    variableFor,
} from '../model/model-utils.js';
import type {
    ComparisonOp,
    Condition,
    Domain,
    InCondition,
    IndicatorPlan,
    MeasurePlan,
    NumberExpression,
    PartOfWhole,
    Read,
    StratumPlan,
    Sum,
    UnitPlan,
} from './plan.js';
import { conditionChildren, readsOf } from './plan.js';
import { comparabilityOf } from './comparability.js';
import { CITIES_WITH_STADSDELAR, populationOf, reportingLevelsOf } from './population.js';

const UNKNOWN: Condition = Object.freeze({ kind: 'const', value: undefined }) as Condition;
const NEVER: Condition = Object.freeze({ kind: 'const', value: false }) as Condition;

/** Options that say the area does not exist in the municipality ("Ej aktuellt, området finns inte …"). */
export function areaMissingOptions(question: Question | undefined): AnswerOption[] {
    return optionsOf(question).filter((o) => o.areaMissing);
}

/**
 * The answers the default exclusion excludes on, per question of the indicator: what an explicit
 * exclusion replaces (the validator warns when one leaves them out unmentioned).
 */
export function defaultExclusionOptions(indicator: Indicator): Array<{ slot: IndicatorQuestion; options: AnswerOption[] }> {
    return indicator.questions.flatMap((slot) => {
        const options = areaMissingOptions(questionOf(slot));
        return options.length > 0 ? [{ slot, options }] : [];
    });
}

/** Whether an answer excludes the respondent when the indicator states no exclusion of its own. */
export function excludesByDefault(option: AnswerOption): boolean {
    return option.areaMissing;
}

/** The items a target reads: those named, else all (for a question with items), else none. */
export function itemsOfTarget(target: QuestionTarget): Array<QuestionItem | undefined> {
    const question = questionOf(target.question?.ref);
    if (target.items.length > 0) return target.items.map((i) => i.ref);
    if (question && question.items.length > 0) return question.items;
    return [undefined];
}

/** The numbers "minst … av" is written with in words, as the description prints them. */
export const COUNT_WORDS: Readonly<Record<string, number>> = {
    två: 2,
    tre: 3,
    fyra: 4,
    fem: 5,
    sex: 6,
    sju: 7,
    åtta: 8,
    nio: 9,
    tio: 10,
};

/** How many "minst … av" asks for; undefined while it is being written. */
export function atLeastCount(condition: AtLeastCondition): number | undefined {
    return condition.countWord !== undefined ? COUNT_WORDS[condition.countWord] : condition.count;
}

/**
 * The option that means "ticked" on a question, which the bare "minst två av alternativen A–D på
 * fråga ii" counts: for an answer set with a tick-box rule ("tom ruta räknas som EjVald …"), its one
 * option besides the unticked one; for a `flerval` question, the option coded 1 of a set coded 1 and
 * 0 (an export writes a ticked box as 1). "Området saknas" options are not boxes and never count.
 * Undefined when no single option means ticked: the author must name the answer.
 */
export function tickedOption(question: Question | undefined): AnswerOption | undefined {
    const set = question?.answerSet?.ref;
    if (!set) return undefined;
    const boxes = set.options.filter((o) => !o.areaMissing);
    const unticked = set.blankRule?.option?.ref;
    if (unticked) {
        const others = boxes.filter((o) => o !== unticked);
        return others.length === 1 ? others[0] : undefined;
    }
    if (!question.multipleChoice || boxes.length !== 2) return undefined;
    const codes = boxes.map((o) => o.code).sort((a, b) => a - b);
    return codes[0] === 0 && codes[1] === 1 ? boxes.find((o) => o.code === 1) : undefined;
}

/** The answers a "minst … av" counts: those written, else the question's ticked option (none when it has none). */
export function atLeastOptions(condition: AtLeastCondition): AnswerOption[] {
    if (condition.options.length > 0) return condition.options.flatMap((o) => (o.ref ? [o.ref] : []));
    const ticked = tickedOption(questionOf(condition.question?.ref));
    return ticked ? [ticked] : [];
}

/**
 * The items "minst … av alternativen" counts: a range ("A–D", in the question's order), a list,
 * or every item of the question when none are named. Unresolved names are left out.
 */
export function itemsOfAtLeast(condition: AtLeastCondition): QuestionItem[] {
    const items = questionOf(condition.question?.ref)?.items ?? [];
    if (condition.items.length === 0) return items;
    const first = condition.items[0]?.ref;
    const last = condition.last?.ref;
    if (condition.last) {
        const from = first ? items.indexOf(first) : -1;
        const to = last ? items.indexOf(last) : -1;
        return from >= 0 && to >= from ? items.slice(from, to + 1) : [];
    }
    return condition.items.flatMap((i) => (i.ref ? [i.ref] : []));
}

/**
 * The exclusion that applies to a unit: its own ("för AO utesluts: …"), else the indicator's.
 * Undefined when neither is written (then the default applies, see lowerExclusion).
 */
export function exclusionFor(indicator: Indicator, unit: ReportingUnit | undefined): Expression | undefined {
    const variant = unit ? indicator.areaExclusions.find((e) => e.units.some((u) => u.ref === unit)) : undefined;
    return variant ? variant.condition : indicator.exclusion?.condition;
}

/** The exception that applies to a unit: its own ("för LSSB undantas: …"), else the indicator's. */
export function exceptionFor(indicator: Indicator, unit: ReportingUnit | undefined): Expression | undefined {
    const variant = unit ? indicator.areaExceptions.find((e) => e.units.some((u) => u.ref === unit)) : undefined;
    return variant ? variant.condition : indicator.exception?.condition;
}

interface Context {
    indicator: Indicator;
    unit: ReportingUnit | undefined;
    /** The unit whose exclusion and exception variants apply (the unit itself, or one a rule plan stands for). */
    variantsOf: ReportingUnit | undefined;
    /**
     * Lowered for the analysis, independent of area: every question is read (per-area ones too,
     * named without a group), since the area only chooses which column is read.
     */
    anyUnit: boolean;
    reads: Map<string, Read>;
    domains: Map<Question, Domain>;
    /** For an indicator split by a stratification (kön): the stratum, or the total over all strata. */
    stratum?: StratumPlan;
}

/** The stratification an indicator's counts are asked by (per kön), if any: its results are split by it. */
export function stratificationOf(indicator: Indicator): Stratification | undefined {
    const targets = [
        indicator.ratio?.numerator,
        indicator.ratio?.denominator,
        ...[indicator.measure?.numerator, indicator.measure?.denominator].flatMap((o) => o?.terms.map((t) => t.target) ?? []),
    ];
    for (const target of targets) {
        const stratification = questionOf(target?.question?.ref)?.stratification?.ref;
        if (stratification) return stratification;
    }
    return undefined;
}

/** The strata an indicator is evaluated for, the total last; one undefined when it is not split. */
function strataOf(indicator: Indicator): Array<StratumPlan | undefined> {
    const stratification = stratificationOf(indicator);
    if (!stratification) return [undefined];
    return [
        ...stratification.strata.map((s) => ({ code: s.code, label: s.label, total: false, ast: { stratum: s } })),
        { code: stratification.totalCode, label: stratification.totalLabel, total: true },
    ];
}

function domainOf(context: Context, question: Question): Domain {
    let domain = context.domains.get(question);
    if (!domain) {
        domain = question.numeric
            ? { kind: 'count' }
            : {
                  kind: 'codes',
                  options: optionsOf(question).map((o) => ({
                      name: o.name,
                      code: String(o.code),
                      label: o.label,
                      shortLabel: shortLabel(o),
                      areaMissing: o.areaMissing,
                      ast: { option: o },
                  })),
              };
        context.domains.set(question, domain);
    }
    return domain;
}

/** The read of one item of a question for the context's unit; undefined when it cannot be read. */
function read(context: Context, slot: IndicatorQuestion | undefined, item: QuestionItem | undefined): Read | undefined {
    const question = questionOf(slot);
    if (!slot || !question) return undefined;
    if (isPerArea(question) && !context.unit && !context.anyUnit) return undefined;
    return readStratum(context, slot, question, item, question.stratification ? context.stratum?.ast?.stratum : undefined);
}

/** The reads of one item for the context's stratum: the stratum's variable, or for the total every stratum's. */
function readsOfItem(
    context: Context,
    slot: IndicatorQuestion | undefined,
    item: QuestionItem | undefined,
): Array<Read | undefined> {
    const question = questionOf(slot);
    const strata = question?.stratification?.ref?.strata ?? [];
    if (!slot || !question || strata.length === 0 || !context.stratum?.total) return [read(context, slot, item)];
    if (isPerArea(question) && !context.unit && !context.anyUnit) return [undefined];
    return strata.map((stratum) => readStratum(context, slot, question, item, stratum));
}

function readStratum(
    context: Context,
    slot: IndicatorQuestion,
    question: Question,
    item: QuestionItem | undefined,
    stratum: Stratum | undefined,
): Read | undefined {
    let variable = variableFor(question, item, context.unit, { indicator: context.indicator, slot }, stratum);
    if (variable === undefined) {
        if (!context.anyUnit) return undefined;
        variable = '';
    }
    const key = `${slot.name}\u0000${item?.name ?? ''}\u0000${variable}`;
    let result = context.reads.get(key);
    if (!result) {
        result = { variable, question: slot.name, domain: domainOf(context, question), ast: { slot, item } };
        if (item) result.item = item.name;
        const blankRule = question.answerSet?.ref?.blankRule;
        if (item && blankRule?.option?.ref && question.items.length > 1) {
            // The other boxes, read plainly (their own blank rule is not asked: a blank box is not ticked).
            const ticked = question.items
                .filter((other) => other !== item)
                .flatMap((other): Read[] => {
                    const name =
                        variableFor(question, other, context.unit, { indicator: context.indicator, slot }, stratum) ??
                        (context.anyUnit ? '' : undefined);
                    return name === undefined
                        ? []
                        : [
                              {
                                  variable: name,
                                  question: slot.name,
                                  item: other.name,
                                  domain: result!.domain,
                                  ast: { slot, item: other },
                              },
                          ];
                });
            result.blankAs = { code: String(blankRule.option.ref.code), ticked };
        }
        context.reads.set(key, result);
    }
    return result;
}

function lowerAnswerCondition(context: Context, condition: AnswerCondition): Condition {
    const slot = condition.target?.question?.ref;
    if (!slot) return UNKNOWN;
    const codes = condition.options.flatMap((o) => (o.ref ? [String(o.ref.code)] : []));
    const parts = itemsOfTarget(condition.target).map((item): Condition => {
        const r = read(context, slot, item);
        return r ? { kind: 'in', read: r, codes, ast: { condition } } : UNKNOWN;
    });
    if (parts.length === 1) return parts[0];
    return { kind: condition.quantifier === 'något' ? 'or' : 'and', operands: parts };
}

function lowerNumericCondition(context: Context, condition: NumericCondition): Condition {
    const slot = condition.target?.question?.ref;
    if (!slot) return UNKNOWN;
    const parts = itemsOfTarget(condition.target).map((item): Condition => {
        const r = read(context, slot, item);
        return r
            ? { kind: 'compare', read: r, operator: condition.operator, value: condition.value, ast: { condition } }
            : UNKNOWN;
    });
    return parts.length === 1 ? parts[0] : { kind: 'and', operands: parts };
}

function lowerAtLeastCondition(context: Context, condition: AtLeastCondition): Condition {
    const slot = condition.question?.ref;
    const count = atLeastCount(condition);
    if (!slot || count === undefined) return UNKNOWN;
    const codes = atLeastOptions(condition).map((o) => String(o.code));
    if (codes.length === 0) return UNKNOWN;
    const operands = itemsOfAtLeast(condition).map((item): Condition => {
        const r = read(context, slot, item);
        return r ? { kind: 'in', read: r, codes } : UNKNOWN;
    });
    return { kind: 'atLeast', count, operands, ast: { condition } };
}

/** "är minst", "är större än": the comparison a word stands for. */
export const COMPARISON_WORDS: Readonly<Record<string, ComparisonOp>> = {
    minst: '>=',
    högst: '<=',
    större: '>',
    mindre: '<',
    lika: '=',
};

/** A sum of counts as written, with "/" binding tighter than "+" and "-", each left to right. */
function lowerCountSum(context: Context, sum: CountSum | undefined): NumberExpression | undefined {
    if (!sum || sum.terms.length === 0) return undefined;
    const terms = sum.terms.map((term): NumberExpression | undefined =>
        term.sum
            ? lowerCountSum(context, term.sum)
            : term.target
              ? { kind: 'count', sum: lowerSum(context, term.target) }
              : undefined,
    );
    if (terms.some((t) => t === undefined) || sum.operators.length !== terms.length - 1) return undefined;
    // Quotients first, then sums and differences.
    const products: NumberExpression[] = [terms[0]!];
    const additive: Array<'+' | '-'> = [];
    sum.operators.forEach((operator, i) => {
        const next = terms[i + 1]!;
        if (operator === '/') products.push({ kind: 'arithmetic', operator: '/', left: products.pop()!, right: next });
        else {
            additive.push(operator as '+' | '-');
            products.push(next);
        }
    });
    return products
        .slice(1)
        .reduce<NumberExpression>((left, right, i) => ({ kind: 'arithmetic', operator: additive[i], left, right }), products[0]);
}

function lowerArithmeticCondition(context: Context, condition: ArithmeticCondition): Condition {
    const left = lowerCountSum(context, condition.left);
    const operator = condition.word !== undefined ? COMPARISON_WORDS[condition.word] : condition.operator;
    const right: NumberExpression | undefined = condition.right
        ? lowerCountSum(context, condition.right)
        : condition.value !== undefined
          ? { kind: 'number', value: condition.percent ? condition.value / 100 : condition.value }
          : undefined;
    if (!left || !right || !operator) return UNKNOWN;
    return { kind: 'calculation', left, operator, right, ast: { condition } };
}

/** A part of the rule not yet written (the parser recovered from an incomplete line) is unknown. */
function lowerExpressionIn(context: Context, expression: Expression | undefined): Condition {
    if (!expression) return UNKNOWN;
    switch (expression.$type) {
        case 'And':
            return {
                kind: 'and',
                operands: [lowerExpressionIn(context, expression.left), lowerExpressionIn(context, expression.right)],
            };
        case 'Or':
            return {
                kind: 'or',
                operands: [lowerExpressionIn(context, expression.left), lowerExpressionIn(context, expression.right)],
            };
        case 'Not':
            return { kind: 'not', operand: lowerExpressionIn(context, expression.operand) };
        case 'AnswerCondition':
            return lowerAnswerCondition(context, expression);
        case 'NumericCondition':
            return lowerNumericCondition(context, expression);
        case 'AtLeastCondition':
            return lowerAtLeastCondition(context, expression);
        case 'ArithmeticCondition':
            return lowerArithmeticCondition(context, expression);
        default:
            return UNKNOWN;
    }
}

/** The exclusion as written (the unit's own, else the indicator's), or the default: an answer on any question saying the area does not exist. */
function lowerExclusion(context: Context): Condition {
    const { indicator } = context;
    // A unit's own exclusion, or the indicator's, replaces the default.
    const variant = context.variantsOf && indicator.areaExclusions.find((e) => e.units.some((u) => u.ref === context.variantsOf));
    if (variant) return lowerExpressionIn(context, variant.condition);
    if (indicator.exclusion) return lowerExpressionIn(context, indicator.exclusion.condition);
    const parts: InCondition[] = [];
    for (const slot of indicator.questions) {
        const question = questionOf(slot);
        const missing = areaMissingOptions(question);
        if (!question || missing.length === 0) continue;
        const codes = missing.map((o) => String(o.code));
        for (const item of question.items.length > 0 ? question.items : [undefined]) {
            const r = read(context, slot, item);
            if (r) parts.push({ kind: 'in', read: r, codes });
        }
    }
    return parts.length === 0 ? NEVER : { kind: 'areaMissing', parts };
}

function lowerRequirement(context: Context, requirement: Requirement | undefined): Condition | undefined {
    if (!requirement) return undefined;
    if (requirement.alternatives.length === 1) return lowerExpressionIn(context, requirement.alternatives[0]);
    return { kind: 'or', operands: requirement.alternatives.map((a) => lowerExpressionIn(context, a)) };
}

function lowerSum(context: Context, target: QuestionTarget | undefined): Sum {
    const sum: Sum = { reads: [], unresolved: 0 };
    if (!target) return { reads: [], unresolved: 1 };
    for (const item of itemsOfTarget(target)) {
        for (const r of readsOfItem(context, target.question?.ref, item)) {
            if (r) sum.reads.push(r);
            else sum.unresolved++;
        }
    }
    return sum;
}

/** A side of a background measure: the sum of its terms' counts. */
function lowerOperand(context: Context, operand: MeasureOperand | undefined): Sum {
    const sum: Sum = { reads: [], unresolved: operand ? 0 : 1 };
    for (const term of operand?.terms ?? []) {
        const part = lowerSum(context, term.target);
        sum.reads.push(...part.reads);
        sum.unresolved += part.unresolved;
    }
    return sum;
}

function lowerMeasure(context: Context, measure: Measure): MeasurePlan {
    const plan: MeasurePlan = { numerator: lowerOperand(context, measure.numerator) };
    if (measure.denominator) plan.denominator = lowerOperand(context, measure.denominator);
    return plan;
}

function lowerUnitWith(
    indicator: Indicator,
    unit: ReportingUnit | undefined,
    requirement: Requirement | undefined,
    anyUnit: boolean,
    stratum?: StratumPlan,
    variantsOf = unit,
): UnitPlan {
    const context: Context = { indicator, unit, variantsOf, anyUnit, reads: new Map(), domains: new Map(), stratum };
    const plan: UnitPlan = {
        indicator: indicator.number,
        variables: [],
        exclusion: lowerExclusion(context),
        ast: { unit, requirement },
    };
    if (unit) {
        plan.unit = unit.name;
        plan.unitLabel = unit.label;
    }
    if (stratum) plan.stratum = stratum;
    if (indicator.ratio) {
        plan.ratio = {
            numerator: lowerSum(context, indicator.ratio.numerator),
            denominator: lowerSum(context, indicator.ratio.denominator),
        };
    } else if (indicator.measure) {
        plan.measure = lowerMeasure(context, indicator.measure);
    } else {
        plan.requirement = lowerRequirement(context, requirement);
    }
    const exception = exceptionFor(indicator, variantsOf);
    if (exception && !indicator.ratio && !indicator.measure) plan.exception = lowerExpressionIn(context, exception);
    const reads = [
        ...readsOf(plan.exclusion),
        ...readsOf(plan.requirement),
        ...readsOf(plan.exception),
        ...(plan.ratio ? [...plan.ratio.numerator.reads, ...plan.ratio.denominator.reads] : []),
        ...(plan.measure ? [...plan.measure.numerator.reads, ...(plan.measure.denominator?.reads ?? [])] : []),
    ];
    const plausibility = partsOfWholes(plan);
    if (plausibility.length > 0) plan.plausibility = plausibility;
    // The other boxes a tick box looks at are read too (after what the conditions read); one read per variable.
    const all = [...reads, ...reads.flatMap((r) => r.blankAs?.ticked ?? [])];
    const seen = new Set<string>();
    const key = (r: Read) => `${r.question}\u0000${r.item ?? ''}\u0000${r.variable}`;
    plan.variables = [...new Set(all)].filter((r) => !seen.has(key(r)) && !!seen.add(key(r)));
    return plan;
}

/**
 * The counts a unit's plan relates as part and whole (plan.ts, PartOfWhole): its share's, then those
 * its exclusion, requirement and exception state, once per pair of sums. Only plain counts are
 * related: "(antal på fråga ii) / (antal på fråga i)" compared with a per cent (a share), and
 * "antal på fråga ii är högst antal på fråga i" (or "antal på fråga i är minst antal på fråga ii").
 */
function partsOfWholes(plan: UnitPlan): PartOfWhole[] {
    const found: PartOfWhole[] = [];
    const add = (part: Sum, whole: Sum, source: PartOfWhole['source']) => {
        if (part.unresolved > 0 || whole.unresolved > 0 || part.reads.length === 0 || whole.reads.length === 0) return;
        const key = (sum: Sum) => sum.reads.map((r) => r.variable).join('+');
        if (!found.some((f) => key(f.part) === key(part) && key(f.whole) === key(whole))) found.push({ part, whole, source });
    };
    if (plan.ratio) add(plan.ratio.numerator, plan.ratio.denominator, 'ratio');
    const count = (e: NumberExpression) => (e.kind === 'count' ? e.sum : undefined);
    const visit = (condition: Condition | undefined) => {
        if (!condition) return;
        if (condition.kind === 'calculation') {
            const { left, right, operator } = condition;
            if (
                left.kind === 'arithmetic' &&
                left.operator === '/' &&
                right.kind === 'number' &&
                condition.ast?.condition.percent
            ) {
                const part = count(left.left),
                    whole = count(left.right);
                if (part && whole) add(part, whole, 'share');
            }
            const a = count(left),
                b = count(right);
            if (a && b && operator === '<=') add(a, b, 'atMost');
            if (a && b && operator === '>=') add(b, a, 'atMost');
        }
        conditionChildren(condition).forEach(visit);
    };
    visit(plan.exclusion);
    visit(plan.requirement);
    visit(plan.exception);
    return found;
}

interface Cached {
    plan?: IndicatorPlan;
    units: Map<ReportingUnit | undefined, UnitPlan>;
    strata: Map<string, UnitPlan>;
    rules: Map<Requirement | undefined, Map<ReportingUnit | undefined, UnitPlan>>;
}

/** Plans per linking of a document: relinking (a name in another file changed) gives a new `references` array. */
const byLinking = new WeakMap<object, WeakMap<Indicator, Cached>>();
const unattached = new WeakMap<Indicator, Cached>();

function cached(indicator: Indicator): Cached {
    let root: AstNode = indicator;
    while (root.$container) root = root.$container;
    const linking = root.$document?.references;
    let cache = unattached;
    if (linking) {
        cache = byLinking.get(linking) ?? new WeakMap();
        byLinking.set(linking, cache);
    }
    let entry = cache.get(indicator);
    if (!entry) {
        entry = { units: new Map(), rules: new Map(), strata: new Map() };
        cache.set(indicator, entry);
    }
    return entry;
}

/** The kommuner that answer by their stadsdelar: those of the survey's declared stadsdelar, else Stockholm and Göteborg. */
function dividedKommuner(indicator: Indicator): string[] {
    const declared = (surveyOf(indicator)?.districts ?? []).map((d) => d.code.slice(0, 4));
    return declared.length > 0 ? [...new Set(declared)].sort() : Object.keys(CITIES_WITH_STADSDELAR).sort();
}

/**
 * The plan of one unit: the indicator as evaluated for an area or group (or once, for `undefined`),
 * with the requirement that applies to it. Any unit can be asked for, reported or not.
 */
export function lowerUnit(indicator: Indicator, unit?: ReportingUnit): UnitPlan {
    const entry = cached(indicator);
    let plan = entry.units.get(unit);
    if (!plan) {
        plan = lowerUnitWith(indicator, unit, requirementFor(indicator, unit), false);
        entry.units.set(unit, plan);
    }
    return plan;
}

/** The plan of one unit and stratum of an indicator split by a stratification (per kön), or the total. */
function lowerUnitStratum(indicator: Indicator, unit: ReportingUnit | undefined, stratum: StratumPlan): UnitPlan {
    const entry = cached(indicator);
    const key = `${unit?.name ?? ''}\u0000${stratum.code}`;
    let plan = entry.strata.get(key);
    if (!plan) {
        plan = lowerUnitWith(indicator, unit, requirementFor(indicator, unit), false, stratum);
        entry.strata.set(key, plan);
    }
    return plan;
}

/**
 * The plan of an indicator: one unit plan per area or group it is reported for, or one when it has
 * none; for an indicator split by a stratification, one per area and stratum, then the total.
 */
export function lowerIndicator(indicator: Indicator): IndicatorPlan {
    const entry = cached(indicator);
    if (!entry.plan) {
        const units = unitsOfIndicator(indicator);
        entry.plan = {
            survey: surveyOf(indicator)?.name,
            number: indicator.number,
            name: indicator.name,
            kind: indicator.ratio ? 'ratio' : indicator.measure ? 'measure' : 'rule',
            units: (units.length > 0 ? units : [undefined]).flatMap((unit) =>
                strataOf(indicator).map((stratum) =>
                    stratum ? lowerUnitStratum(indicator, unit, stratum) : lowerUnit(indicator, unit),
                ),
            ),
            levels: reportingLevelsOf(indicator).levels,
            ast: { indicator },
        };
        if (entry.plan.survey === undefined) delete entry.plan.survey;
        const population = populationOf(indicator).kinds;
        if (population) entry.plan.population = population;
        if (population?.includes('stadsdel')) entry.plan.dividedKommuner = dividedKommuner(indicator);
        if (indicator.measure) entry.plan.aggregation = indicator.measure.aggregation ?? 'summa';
        const comparability = comparabilityOf(indicator);
        if (comparability) entry.plan.comparability = comparability;
    }
    return entry.plan;
}

/**
 * One requirement (the base rule or an area variant; undefined: the plan without one) lowered
 * independently of area, for the analysis and the rule sentences: every question is read, and
 * variables are named without a group. The area only chooses which column is read, and (given
 * `variantsOf`) which of the exclusion and exception variants apply.
 */
export function lowerRule(indicator: Indicator, requirement?: Requirement, variantsOf?: ReportingUnit): UnitPlan {
    const entry = cached(indicator);
    let byUnit = entry.rules.get(requirement);
    if (!byUnit) {
        byUnit = new Map();
        entry.rules.set(requirement, byUnit);
    }
    let plan = byUnit.get(variantsOf);
    if (!plan) {
        plan = lowerUnitWith(indicator, undefined, requirement, true, undefined, variantsOf);
        byUnit.set(variantsOf, plan);
    }
    return plan;
}

/**
 * The analyses a requirement needs: one for each distinct exclusion and exception it meets among
 * the units it applies to (the indicator's own for all of them, unless some have variants), each
 * with the units it stands for (empty: the units without variants, or an indicator without units).
 */
export function ruleContexts(
    indicator: Indicator,
    requirement: Requirement,
): Array<{ variantsOf?: ReportingUnit; units: ReportingUnit[] }> {
    const units = unitsOfIndicator(indicator).filter((u) => requirementFor(indicator, u) === requirement);
    const contexts = new Map<string, { variantsOf?: ReportingUnit; units: ReportingUnit[] }>();
    const plain = { units: [] as ReportingUnit[] };
    for (const unit of units) {
        const exclusion = indicator.areaExclusions.find((e) => e.units.some((u) => u.ref === unit));
        const exception = indicator.areaExceptions.find((e) => e.units.some((u) => u.ref === unit));
        if (!exclusion && !exception) {
            plain.units.push(unit);
            continue;
        }
        const key = `${indicator.areaExclusions.indexOf(exclusion!)}/${indicator.areaExceptions.indexOf(exception!)}`;
        const context = contexts.get(key) ?? { variantsOf: unit, units: [] };
        context.units.push(unit);
        contexts.set(key, context);
    }
    // The indicator's own exclusion and exception, unless every unit the requirement applies to has a variant.
    const result = plain.units.length > 0 || units.length === 0 ? [plain] : [];
    return [...result, ...contexts.values()];
}

/** The alternatives of a requirement as lowered in its rule plan (`lowerRule`): the operands its 'or' joins. */
export function requirementAlternatives(indicator: Indicator, requirement: Requirement): Condition[] {
    const condition = lowerRule(indicator, requirement).requirement;
    if (!condition) return [];
    return requirement.alternatives.length === 1 ? [condition] : (condition as Extract<Condition, { kind: 'or' }>).operands;
}

/** One expression lowered for a unit of its indicator (not cached: for single evaluations and tests). */
export function lowerExpression(expression: Expression, unit?: ReportingUnit, indicator?: Indicator): Condition {
    let owner: AstNode | undefined = expression;
    while (owner && owner.$type !== 'Indicator') owner = owner.$container;
    const context: Context = {
        indicator: indicator ?? (owner as Indicator),
        unit,
        variantsOf: unit,
        anyUnit: false,
        reads: new Map(),
        domains: new Map(),
    };
    return lowerExpressionIn(context, expression);
}

/** The plans of every indicator of the models, in indicator number order. */
export function lowerModels(models: readonly Model[]): IndicatorPlan[] {
    // Register indicators have plans of their own (register-lower.ts).
    return models
        .flatMap((m) => m.elements.filter((e): e is Indicator => e.$type === 'Indicator' && e.register === undefined))
        .sort((a, b) => a.number - b.number)
        .map(lowerIndicator);
}
