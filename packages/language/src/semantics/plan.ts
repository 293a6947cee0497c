/**
 * The plan: the lowered, fully resolved form of an indicator, one per area or group it is
 * evaluated for. Every engine reads this and only this (the interpreter, the generated TypeScript,
 * the analysis, the rule sentences; a SQL engine later): what is read, how it is combined, and in
 * which order exclusion, requirement and exception are decided. Lowering (lower.ts) is the only
 * code that knows the language's defaults; a plan states them explicitly.
 *
 * Plans are plain data: names, codes and numbers, no AST. The optional `ast` fields link back to
 * the source for the editor and the analysis (locations of diagnostics, the option a hint is
 * about); engines must not read them.
 *
 * How a unit is decided, by every engine:
 *   1. exclusion: true → excluded, unknown → missing;
 *   2. ratio: both sums known → met (numerator/denominator given) unless the denominator is 0
 *      (excluded); a sum unknown → missing;
 *   3. requirement: absent → missing; true → met; unknown → missing;
 *   4. exception (when the requirement is false): true → excluded, unknown → missing, false → not met.
 * Traces (the answers that decided) follow Kleene: a false 'and' is decided by its first false
 * operand, a true 'or' by its first true one; an unknown result by all unknown operands; otherwise
 * by all operands.
 *
 * Adding a kind of condition (e.g. 'atLeast', an arithmetic comparison):
 *   1. add its interface to `Condition` below, with the operands it needs already resolved;
 *   2. lower it once in lower.ts (the only place that reads its syntax);
 *   3. give every engine a case: the interpreter (interpreter.ts), the generated TypeScript
 *      (packages/evaluator/src/generator/evaluate.ts, traced and fast paths), the analysis
 *      (analysis.ts, `compileCondition`), and the SQL engine; `conditionChildren` below if it has
 *      sub-conditions. TypeScript's exhaustiveness checks (`never` in each switch) name the engines
 *      that lack it;
 *   4. add cases to the conformance suite (packages/language/test/conformance/cases.ts); every
 *      registered engine runs them.
 * Existing cases of the engines stay untouched.
 */
import type {
    AnswerCondition,
    AnswerOption,
    ArithmeticCondition as ArithmeticConditionNode,
    AtLeastCondition as AtLeastConditionNode,
    ComparisonOperator,
    Indicator,
    IndicatorQuestion,
    MeasureAggregation,
    NumericCondition,
    QuestionItem,
    ReportingLevel,
    ReportingUnit,
    Requirement,
    Stratum,
} from '../generated/ast.js';
import type { ComparabilityStatement } from './comparability.js';
import type { PopulationKind } from './population.js';
import type { Truth } from './status.js';

/**
 * What kind of result an indicator gives: a status decided by a rule, a share of summed counts, or
 * a background measure (a value per respondent, no met/not met; see `MeasurePlan`).
 */
export type PlanKind = 'rule' | 'ratio' | 'measure';

export interface IndicatorPlan {
    /** The survey's name (OJ2019), when the indicator's file names one. */
    survey?: string;
    number: number;
    name: string;
    kind: PlanKind;
    /** One per area or group the indicator is reported for, in that order; one with `unit` undefined when it has none. */
    units: UnitPlan[];
    /**
     * The kinds of respondents evaluated and counted; undefined when nothing declares a population
     * (every respondent is). A respondent outside is not evaluated: no status, not counted. Where
     * stadsdelar are in it, Stockholm and Göteborg are represented by their stadsdelar.
     */
    population?: PopulationKind[];
    /**
     * Where stadsdelar are in the population: the kommuner that answer by their stadsdelar (the
     * kommunkoder of the survey's declared stadsdelar, else Stockholm's and Göteborg's); their own
     * rows are outside.
     */
    dividedKommuner?: string[];
    /** The levels results are published at; aggregates exist only at these. */
    levels: ReportingLevel[];
    /** For a background measure: how the values are aggregated per level. */
    aggregation?: MeasureAggregation;
    /** Comparability with an earlier year, when the model names one. */
    comparability?: ComparabilityStatement;
    ast?: { indicator: Indicator };
}

export interface UnitPlan {
    indicator: number;
    /** The area or group code; undefined for an indicator evaluated once. */
    unit?: string;
    /** "LSS barn" */
    unitLabel?: string;
    /** Every variable the plan reads, in the order first read (exclusion, requirement, exception, ratio). */
    variables: Read[];
    exclusion: Condition;
    /** The requirement that applies to this unit, alternatives as an 'or'; undefined when none applies (→ missing). */
    requirement?: Condition;
    exception?: Condition;
    ratio?: { numerator: Sum; denominator: Sum };
    /** For a background measure: the value is the numerator's sum, or its quotient with the denominator's. */
    measure?: MeasurePlan;
    /** For an indicator split by a stratification (per kön): the stratum, or the total over all strata. */
    stratum?: StratumPlan;
    /**
     * Counts that are part of another count, as the model relates them (see `PartOfWhole`); absent
     * when it relates none. Not part of the decision: engines that publish check them first.
     */
    plausibility?: PartOfWhole[];
    ast?: { unit?: ReportingUnit; requirement?: Requirement };
}

/**
 * A count that cannot be larger than another, as the model relates them: a share's part and whole
 * (`andel: fråga i / fråga ii`), a quotient of counts compared with a per cent in a rule
 * ("(antal på fråga ii) / (antal på fråga i) är minst 80 %"), or a rule bounding one count by another
 * ("antal på fråga ii är högst antal på fråga i"). A respondent whose part (both sums known) is larger
 * than its whole is implausible: every publishing engine lists it and treats the unit as missing,
 * so a share above 100 % is never published. The rules themselves do not read this.
 */
export interface PartOfWhole {
    part: Sum;
    whole: Sum;
    /** Where the model relates them. */
    source: 'ratio' | 'share' | 'atMost';
}

/**
 * One stratum of a stratification (kvinnor "K", män "M"), or its total ("T"): a stratum reads each
 * stratified count's variable for that stratum; the total reads every stratum's and sums them.
 * Counts not asked per stratum are read as they are in every stratum.
 */
export interface StratumPlan {
    /** The code in the results (Kolada's K, M, T). */
    code: string;
    label: string;
    total: boolean;
    ast?: { stratum?: Stratum };
}

/**
 * How a background measure is decided, by every engine: exclusion as for every indicator
 * (true → excluded, unknown → missing); a sum unknown → missing; a quotient whose denominator is 0
 * → excluded; otherwise measured, with the value.
 */
export interface MeasurePlan {
    numerator: Sum;
    denominator?: Sum;
}

/** One survey variable read: a column of the response row. */
export interface Read {
    variable: string;
    /** The indicator's numeral of the question: i, ii, … */
    question: string;
    /** The item's letter, for a question with items. */
    item?: string;
    domain: Domain;
    /**
     * A tick box ("tom ruta räknas som EjVald när någon ruta är ikryssad"): when this item is blank
     * and some other box of the question is ticked (answered with another code than `code`), the
     * item's answer is `code`; with every box blank it stays blank. `ticked` are the other boxes.
     */
    blankAs?: { code: string; ticked: Read[] };
    ast?: { slot: IndicatorQuestion; item?: QuestionItem };
}

/** The values a variable can hold besides blank: an answer set's codes, or a count. */
export type Domain = CodeDomain | CountDomain;

export interface CodeDomain {
    kind: 'codes';
    options: DomainOption[];
}

export interface CountDomain {
    kind: 'count';
}

export interface DomainOption {
    /** The option's name in the model (EjAktuellt). */
    name: string;
    /** The answer code as the export holds it, a decimal string. */
    code: string;
    /** "Ej aktuellt, området finns inte" */
    label: string;
    /** The word of rule text ("Ej aktuellt"); the label when the model gives none. */
    shortLabel: string;
    /** The option says the area does not exist in the municipality. */
    areaMissing: boolean;
    ast?: { option: AnswerOption };
}

/** A sum of counts; unknown when any term is blank or a term could not be resolved (`unresolved` > 0). */
export interface Sum {
    reads: Read[];
    unresolved: number;
}

export type Condition =
    | AndCondition
    | OrCondition
    | NotCondition
    | InCondition
    | CompareCondition
    | AreaMissingCondition
    | CountingCondition
    | CalculationCondition
    | ConstCondition;

/** Kleene conjunction of its operands, as written (not flattened); true when it has none. */
export interface AndCondition {
    kind: 'and';
    operands: Condition[];
}

/** Kleene disjunction of its operands; false when it has none. */
export interface OrCondition {
    kind: 'or';
    operands: Condition[];
}

export interface NotCondition {
    kind: 'not';
    operand: Condition;
}

/** The answer is one of `codes`; unknown when blank. */
export interface InCondition {
    kind: 'in';
    read: Read;
    codes: string[];
    ast?: { condition: AnswerCondition };
}

export type ComparisonOp = ComparisonOperator;

/** A count compared with a constant; unknown when blank or not a number. */
export interface CompareCondition {
    kind: 'compare';
    read: Read;
    operator: ComparisonOp;
    value: number;
    ast?: { condition: NumericCondition };
}

/**
 * The default exclusion made explicit: true if some part is true (the answer says the area does
 * not exist), else false if some part is false (answered otherwise), else unknown. Its trace is
 * the first true part, else the first false one, else every part. Lowering gives it one part
 * at least (with none, the exclusion is the constant false).
 */
export interface AreaMissingCondition {
    kind: 'areaMissing';
    parts: InCondition[];
}

/**
 * At least `count` of the operands are true, counted in Kleene logic: true when `count` operands
 * are known true; false when fewer than `count` could be true even if every unknown one were;
 * otherwise unknown. Its trace: the first `count` true operands when true, every false operand
 * when false, every unknown operand when unknown.
 */
export interface CountingCondition {
    kind: 'atLeast';
    count: number;
    operands: Condition[];
    ast?: { condition: AtLeastConditionNode };
}

/**
 * A number computed from one respondent's counts: a question's count (its items summed), a
 * constant, or two of them added, subtracted or divided. Unknown when a count is blank or not a
 * number, or when a divisor is 0.
 */
export type NumberExpression =
    | { kind: 'count'; sum: Sum }
    | { kind: 'number'; value: number }
    | { kind: 'arithmetic'; operator: '+' | '-' | '/'; left: NumberExpression; right: NumberExpression };

/**
 * Two numbers computed from counts, compared ("(antal på fråga ii) / (antal på fråga i) är minst
 * 80 %"); unknown when either is. Its trace: every count it reads, left to right.
 */
export interface CalculationCondition {
    kind: 'calculation';
    left: NumberExpression;
    operator: ComparisonOp;
    right: NumberExpression;
    ast?: { condition: ArithmeticConditionNode };
}

/**
 * The value of a number expression, given the value of each count (undefined when unknown): the
 * arithmetic every engine that computes in TypeScript shares. A divisor of 0 gives unknown.
 */
export function numberOf(expression: NumberExpression, countOf: (sum: Sum) => number | undefined): number | undefined {
    switch (expression.kind) {
        case 'count':
            return countOf(expression.sum);
        case 'number':
            return expression.value;
        case 'arithmetic': {
            const left = numberOf(expression.left, countOf);
            const right = numberOf(expression.right, countOf);
            if (left === undefined || right === undefined) return undefined;
            if (expression.operator === '/') return right === 0 ? undefined : left / right;
            return expression.operator === '+' ? left + right : left - right;
        }
    }
}

/** Every count a number expression reads, left to right, with repeats. */
export function numberReads(expression: NumberExpression, out: Read[] = []): Read[] {
    if (expression.kind === 'count') out.push(...expression.sum.reads);
    else if (expression.kind === 'arithmetic') {
        numberReads(expression.left, out);
        numberReads(expression.right, out);
    }
    return out;
}

/** A fixed truth, for parts that cannot be resolved (unknown) and for "never excluded" (false). */
export interface ConstCondition {
    kind: 'const';
    value: Truth;
}

/** The sub-conditions of a condition, for walks that do not care about its kind. */
export function conditionChildren(condition: Condition): readonly Condition[] {
    switch (condition.kind) {
        case 'and':
        case 'or':
        case 'atLeast':
            return condition.operands;
        case 'not':
            return [condition.operand];
        case 'areaMissing':
            return condition.parts;
        case 'in':
        case 'compare':
        case 'calculation':
        case 'const':
            return [];
    }
}

/** Every read of a condition, in order, with repeats. */
export function readsOf(condition: Condition | undefined, out: Read[] = []): Read[] {
    if (!condition) return out;
    if (condition.kind === 'in' || condition.kind === 'compare') out.push(condition.read);
    if (condition.kind === 'calculation') {
        numberReads(condition.left, out);
        numberReads(condition.right, out);
    }
    for (const child of conditionChildren(condition)) readsOf(child, out);
    return out;
}

/** The key engines use for a variable independent of area: "ii A". */
export function readKey(read: Pick<Read, 'question' | 'item'>): string {
    return `${read.question}${read.item ? ` ${read.item}` : ''}`;
}

/**
 * A plan (or any part of one) without its back-links to the AST: plain JSON data, for comparing
 * plans (two years of a survey, snapshots) and for engines that serialise them.
 */
export function withoutAst<T>(plan: T): T {
    return JSON.parse(JSON.stringify(plan, (key, value: unknown) => (key === 'ast' ? undefined : value))) as T;
}
