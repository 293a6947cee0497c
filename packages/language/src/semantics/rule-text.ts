/**
 * Renders rules in Swedish the way the indicator description document words them:
 * "Ja på fråga i och Ja eller Ej aktuellt på fråga ii". Hover, documents and the preview all use
 * this, so the published text is generated from the rule that is evaluated.
 */
import {
    type AnswerCondition,
    type ArithmeticCondition,
    type AtLeastCondition,
    type CountSum,
    type Expression,
    type Indicator,
    type NumericCondition,
    type QuestionTarget,
    type ReportingUnit,
    type Requirement,
    isGroup,
} from '../generated/ast.js';
import { questionOf, shortLabel, unitLabel } from '../model/model-utils.js';
import { atLeastCount, COMPARISON_WORDS, itemsOfAtLeast, lowerRule } from './lower.js';

/** "A och B", "A, B och C". */
export function joinSwedish(parts: string[], conjunction = 'och'): string {
    if (parts.length <= 1) return parts.join('');
    return `${parts.slice(0, -1).join(', ')} ${conjunction} ${parts[parts.length - 1]}`;
}

function targetText(target: QuestionTarget): string {
    const numeral = target.question.ref?.name ?? target.question.$refText;
    const items = target.items.map((i) => i.ref?.name ?? i.$refText);
    return items.length > 0 ? `fråga ${numeral} ${joinSwedish(items)}` : `fråga ${numeral}`;
}

function itemRange(target: QuestionTarget): string {
    const items = questionOf(target.question.ref)?.items ?? [];
    if (items.length === 0) return '';
    return items.length === 1 ? ` (${items[0].name})` : ` (${items[0].name}–${items[items.length - 1].name})`;
}

function answerConditionText(condition: AnswerCondition): string {
    const options = joinSwedish(
        condition.options.map((o) => (o.ref ? shortLabel(o.ref) : o.$refText)),
        'eller',
    );
    if (condition.quantifier === 'samtliga')
        return `${options} på samtliga alternativ${itemRange(condition.target)} på ${targetText(condition.target)}`;
    if (condition.quantifier === 'något')
        return `${options} på något av alternativen${itemRange(condition.target)} på ${targetText(condition.target)}`;
    return `${options} på ${targetText(condition.target)}`;
}

const OPERATOR_TEXT: Record<NumericCondition['operator'], string> = {
    '>': 'fler än',
    '>=': 'minst',
    '<': 'färre än',
    '<=': 'högst',
    '=': 'exakt',
    '<>': 'inte',
};

/** "minst 40 timmar på fråga ii" when the question states its unit (`antal enhet "timmar"`), else "minst 40 på fråga ii". */
function numericConditionText(condition: NumericCondition): string {
    const unit = questionOf(condition.target.question.ref)?.countUnit;
    return `${OPERATOR_TEXT[condition.operator]} ${String(condition.value).replace('.', ',')}${unit ? ` ${unit}` : ''} på ${targetText(condition.target)}`;
}

/** Small counts in words, as the description writes them ("minst två av alternativen"). */
const NUMBER_WORDS = ['noll', 'ett', 'två', 'tre', 'fyra', 'fem', 'sex', 'sju', 'åtta', 'nio', 'tio', 'elva', 'tolv'];

export function numberInWords(value: number): string {
    return Number.isInteger(value) && value >= 0 && value < NUMBER_WORDS.length
        ? NUMBER_WORDS[value]
        : String(value).replace('.', ',');
}

/** "Ja på minst två av alternativen A–D på fråga ii" (or bare, "minst två av …"): a range as written, or the items counted. */
function atLeastConditionText(condition: AtLeastCondition): string {
    const options = joinSwedish(
        condition.options.map((o) => (o.ref ? shortLabel(o.ref) : o.$refText)),
        'eller',
    );
    const numeral = condition.question?.ref?.name ?? condition.question?.$refText;
    const items = itemsOfAtLeast(condition).map((i) => i.name);
    const written =
        condition.last || condition.items.length === 0
            ? items.length > 1
                ? `${items[0]}–${items[items.length - 1]}`
                : items.join('')
            : joinSwedish(condition.items.map((i) => i.ref?.name ?? i.$refText));
    const count = atLeastCount(condition);
    // The bare form counts ticked boxes and is printed as written, as the published document words it.
    const answered = condition.options.length > 0 ? `${options} på ` : '';
    return `${answered}minst ${count === undefined ? '…' : numberInWords(count)} av alternativen ${written} på fråga ${numeral}`;
}

const COMPARISON_TEXT: Record<string, string> = {
    '>': 'är större än',
    '>=': 'är minst',
    '<': 'är mindre än',
    '<=': 'är högst',
    '=': 'är lika med',
    '<>': 'är inte lika med',
};

/** The unit every count of a sum is in ("timmar"), when they share one. */
function sumUnit(sum: CountSum | undefined): string | undefined {
    const units = new Set<string | undefined>();
    const visit = (s: CountSum | undefined) =>
        s?.terms.forEach((t) => (t.sum ? visit(t.sum) : units.add(questionOf(t.target?.question.ref)?.countUnit)));
    visit(sum);
    return units.size === 1 ? [...units][0] : undefined;
}

/** "antalet timmar på fråga ii delat med antalet timmar på fråga i", "antalet på fråga i plus antalet på fråga ii". */
function countSumText(sum: CountSum | undefined): string {
    if (!sum) return '…';
    const term = (t: CountSum['terms'][number]) => {
        if (t.sum) return t.sum.terms.length > 1 ? `(${countSumText(t.sum)})` : countSumText(t.sum);
        const unit = questionOf(t.target?.question.ref)?.countUnit;
        return t.target ? `antalet${unit ? ` ${unit}` : ''} på ${targetText(t.target)}` : '…';
    };
    const words: Record<string, string> = { '+': 'plus', '-': 'minus', '/': 'delat med' };
    return sum.terms
        .map((t, i) => (i === 0 ? term(t) : `${words[sum.operators[i - 1]] ?? sum.operators[i - 1]} ${term(t)}`))
        .join(' ');
}

/**
 * "antalet personer på fråga ii delat med antalet personer på fråga i är minst 80 procent": in
 * words, with the unit of the counts; a number compared with a sum of counts in one unit has it too.
 */
function arithmeticConditionText(condition: ArithmeticCondition): string {
    const operator = condition.word !== undefined ? COMPARISON_WORDS[condition.word] : condition.operator;
    const comparison = operator ? COMPARISON_TEXT[operator] : 'är';
    let right: string;
    if (condition.right) right = countSumText(condition.right);
    else {
        const number = String(condition.value ?? '…').replace('.', ',');
        const divided = condition.left?.operators.includes('/');
        const unit = condition.percent ? 'procent' : divided ? undefined : sumUnit(condition.left);
        right = unit ? `${number} ${unit}` : number;
    }
    return `${countSumText(condition.left)} ${comparison} ${right}`;
}

function precedence(expression: Expression): number {
    switch (expression.$type) {
        case 'Or':
            return 1;
        case 'And':
            return 2;
        case 'Not':
            return 3;
        default:
            return 4;
    }
}

/** A rule expression in Swedish; "eller" inside "och" is put in parentheses so it cannot be misread. */
export function expressionText(expression: Expression): string {
    const wrap = (child: Expression, min: number) => {
        const text = expressionText(child);
        return precedence(child) < min ? `(${text})` : text;
    };
    switch (expression.$type) {
        case 'Or':
            return `${wrap(expression.left, 1)} eller ${wrap(expression.right, 1)}`;
        case 'And':
            return `${wrap(expression.left, 2)} och ${wrap(expression.right, 2)}`;
        case 'Not':
            return `inte ${wrap(expression.operand, 3)}`;
        case 'AnswerCondition':
            return answerConditionText(expression);
        case 'NumericCondition':
            return numericConditionText(expression);
        case 'AtLeastCondition':
            return atLeastConditionText(expression);
        case 'ArithmeticCondition':
            return arithmeticConditionText(expression);
    }
}

/** The rule of one requirement: alternatives joined by "ELLER", as the seed prints them. */
export function requirementText(requirement: Requirement): string {
    return requirement.alternatives.map(expressionText).join(', ELLER ');
}

/**
 * The areas and groups a variant is for, named as such: "området Barn och unga", "gruppen LSS
 * barn", "områdena Ekonomiskt bistånd och Äldreomsorg", "området Äldreomsorg och gruppen LSS barn".
 */
export function unitsPhrase(units: ReadonlyArray<{ ref?: ReportingUnit; $refText: string }>): string {
    const areas = units.filter((u) => !isGroup(u.ref)).map((u) => (u.ref ? unitLabel(u.ref) : u.$refText));
    const groups = units.filter((u) => isGroup(u.ref)).map((u) => unitLabel(u.ref!));
    const phrase = (words: string[], one: string, many: string) =>
        words.length === 0 ? [] : [`${words.length === 1 ? one : many} ${joinSwedish(words)}`];
    return joinSwedish([...phrase(areas, 'området', 'områdena'), ...phrase(groups, 'gruppen', 'grupperna')]);
}

/** "För att uppnå indikatorn krävs: …" or "För området Barn och unga krävs: …". */
export function requirementSentence(requirement: Requirement): string {
    const rule = requirementText(requirement);
    const qualifier = requirement.qualifier ? ` ${requirement.qualifier}` : '';
    if (requirement.units.length === 0) return `För att uppnå indikatorn${qualifier} krävs: ${rule}.`;
    return `För ${unitsPhrase(requirement.units)} krävs: ${rule}.`;
}

/** What an exclusion written as a condition removes from the denominator. */
function writtenExclusionSentence(condition: Expression): string {
    return condition.$type === 'AnswerCondition' && !condition.quantifier && condition.target.items.length === 0
        ? `${joinSwedish(
              condition.options.map((o) => (o.ref ? shortLabel(o.ref) : o.$refText)),
              'eller',
          )} som svar på ${targetText(condition.target)} ingår inte i nämnaren.`
        : condition.$type === 'AnswerCondition'
          ? `${answerConditionText(condition)} ingår inte i nämnaren.`
          : `Kommuner och stadsdelar där gäller: ${expressionText(condition)}, ingår inte i nämnaren.`;
}

function exceptionSentenceOf(condition: Expression): string {
    return `Kommuner och stadsdelar som inte uppnår indikatorn och där gäller: ${expressionText(condition)}, ingår inte i nämnaren.`;
}

/** "För området Äldreomsorg: …", and for the rest "För övriga områden: …" once some area has a variant. */
function perUnit(sentence: string, units: string | undefined): string {
    return units === undefined ? sentence : `För ${units}: ${sentence}`;
}

/**
 * The denominator sentences that follow from the exclusions and exceptions: "Ej aktuellt ingår
 * inte i nämnaren." With exclusions or exceptions of some areas ("för AO utesluts: …"), each is
 * printed for its areas, and the indicator's own as the rule "för övriga områden".
 */
export function exclusionSentence(indicator: Indicator): string | undefined {
    const parts: string[] = [];
    const others = (variants: readonly unknown[]) => (variants.length > 0 ? 'övriga områden' : undefined);
    for (const variant of indicator.areaExclusions) {
        if (variant.condition) parts.push(perUnit(writtenExclusionSentence(variant.condition), unitsPhrase(variant.units)));
    }
    if (indicator.exclusion) {
        parts.push(perUnit(writtenExclusionSentence(indicator.exclusion.condition), others(indicator.areaExclusions)));
    } else {
        // The exclusion the indicator gets without one of its own, as lowered: the answers it accepts.
        const exclusion = lowerRule(indicator).exclusion;
        const labels = new Set<string>();
        if (exclusion.kind === 'areaMissing') {
            for (const part of exclusion.parts) {
                if (part.read.domain.kind !== 'codes') continue;
                for (const option of part.read.domain.options)
                    if (part.codes.includes(option.code)) labels.add(option.shortLabel);
            }
        }
        if (labels.size > 0)
            parts.push(perUnit(`${joinSwedish([...labels], 'eller')} ingår inte i nämnaren.`, others(indicator.areaExclusions)));
    }
    for (const variant of indicator.areaExceptions) {
        if (variant.condition) parts.push(perUnit(exceptionSentenceOf(variant.condition), unitsPhrase(variant.units)));
    }
    if (indicator.exception)
        parts.push(perUnit(exceptionSentenceOf(indicator.exception.condition), others(indicator.areaExceptions)));
    return parts.length > 0 ? parts.join(' ') : undefined;
}

/** "fråga ii", "fråga ii A och B": a count a share or measure adds up. */
export function ratioTargetText(target: QuestionTarget): string {
    return targetText(target);
}

/** "Antal på fråga i / antal på fråga ii" for ratio indicators. */
export function ratioText(indicator: Indicator): string | undefined {
    if (!indicator.ratio) return undefined;
    return `Summan av svaren på ${targetText(indicator.ratio.numerator)} delat med summan av svaren på ${targetText(indicator.ratio.denominator)}`;
}
