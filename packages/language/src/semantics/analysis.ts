/**
 * Exact analysis of a rule's finite answer space: every variable a rule reads takes one of its
 * codes or is blank, so what a rule does can be decided without sampling.
 *
 * The search assigns variables one at a time and evaluates the rule abstractly on the partial
 * assignment (each sub-expression yields the set of truth values still possible). When the
 * question asked of a subtree has one possible answer the subtree is settled as a whole (a "cube");
 * otherwise it branches. Leaves are fully assigned, where abstract and concrete evaluation agree,
 * so the result is exact. Rules are analysed per requirement, not per area: the area only chooses
 * which column is read, the logic is the same.
 */
import type { AstNode } from 'langium';
import type {
    AnswerCondition, AnswerOption, Expression, Indicator, IndicatorQuestion, NumericCondition, QuestionItem, Requirement
} from '../generated/ast.js';
import { areaMissingOptions, questionNumber, questionOf, shortLabel } from '../model/model-utils.js';
import { compare, itemsOfTarget, type Status, STATUSES } from './interpreter.js';

/** Truth values as bits, so that a set of possible values is a small mask. */
const T = 1, F = 2, U = 4;
type TruthMask = number;

/** One value a variable can take: an option's code, a representative count, or blank. */
export interface DomainValue {
    /** undefined for blank. */
    code?: string;
    number?: number;
    label: string;
    option?: AnswerOption;
}

/** A variable of the rule, independent of area: one question (and item) of the indicator. */
export interface RuleVariable {
    key: string;
    slot: IndicatorQuestion;
    item?: QuestionItem;
    /** "fråga ii A" */
    label: string;
    domain: DomainValue[];
}

type Assignment = Int32Array; // index into the domain, or -1 while unassigned
type Evaluator = (assignment: Assignment) => TruthMask;

/** Whether `node` is `root` or lies inside it. */
function containsNode(root: AstNode, node: AstNode): boolean {
    for (let current: AstNode | undefined = node; current; current = current.$container) {
        if (current === root) return true;
    }
    return false;
}

function and(a: TruthMask, b: TruthMask): TruthMask {
    let out = 0;
    if ((a & F) || (b & F)) out |= F;
    if ((a & T) && (b & T)) out |= T;
    if (((a & U) && (b & (T | U))) || ((b & U) && (a & (T | U)))) out |= U;
    return out;
}

function or(a: TruthMask, b: TruthMask): TruthMask {
    let out = 0;
    if ((a & T) || (b & T)) out |= T;
    if ((a & F) && (b & F)) out |= F;
    if (((a & U) && (b & (F | U))) || ((b & U) && (a & (F | U)))) out |= U;
    return out;
}

function not(a: TruthMask): TruthMask {
    return ((a & T) ? F : 0) | ((a & F) ? T : 0) | (a & U);
}

const STATUS_BIT: Record<Status, number> = { met: 1, not_met: 2, excluded: 4, missing: 8 };

/** The variables and compiled expressions of one indicator. */
export class RuleSpace {
    readonly variables: RuleVariable[] = [];
    protected readonly byKey = new Map<string, number>();

    constructor(readonly indicator: Indicator) {}

    /** The index of the variable for a question (and item), created on first use. */
    variable(slot: IndicatorQuestion, item: QuestionItem | undefined): number {
        const key = `${slot.name}${item ? ` ${item.name}` : ''}`;
        const existing = this.byKey.get(key);
        if (existing !== undefined) return existing;
        const question = questionOf(slot);
        const domain: DomainValue[] = question?.numeric
            ? this.numericDomain(slot, item)
            : (question?.answerSet?.ref?.options ?? []).map(o => ({ code: String(o.code), label: shortLabel(o), option: o }));
        domain.push({ label: 'blankt' });
        const index = this.variables.length;
        this.variables.push({ key, slot, item, label: `fråga ${key}`, domain });
        this.byKey.set(key, index);
        return index;
    }

    /** Representative counts: each constant the rule compares with and its neighbours, and zero. */
    protected numericDomain(slot: IndicatorQuestion, item: QuestionItem | undefined): DomainValue[] {
        const constants = new Set<number>([0]);
        const visit = (expression: Expression | undefined) => {
            if (!expression) return;
            if (expression.$type === 'NumericCondition') {
                const target = expression.target;
                if (target?.question?.ref === slot && (target.items.length === 0 || target.items.some(i => i.ref === item))) {
                    constants.add(expression.value);
                    constants.add(expression.value + 1);
                    constants.add(Math.max(0, expression.value - 1));
                    if (!Number.isInteger(expression.value)) constants.add(Math.floor(expression.value));
                }
            } else if (expression.$type === 'And' || expression.$type === 'Or') {
                visit(expression.left); visit(expression.right);
            } else if (expression.$type === 'Not') {
                visit(expression.operand);
            }
        };
        for (const requirement of this.indicator.requirements) requirement.alternatives.forEach(visit);
        visit(this.indicator.exclusion?.condition);
        visit(this.indicator.exception?.condition);
        return [...constants].sort((a, b) => a - b).map(n => ({ number: n, label: String(n) }));
    }

    /**
     * Compiled sub-expressions, reused: the analyses compile the same rule many times over, once
     * per option left out, and only the part holding the left-out option differs. Variables are
     * still created in the order the expressions are first compiled.
     */
    protected readonly compiled = new Map<Expression, Evaluator>();

    /** A part of the rule not yet written (the parser recovered from an incomplete line) is unknown. */
    compile(expression: Expression | undefined, removed?: { condition: AnswerCondition; option: AnswerOption }): Evaluator {
        if (!expression) return () => U;
        if (removed && containsNode(expression, removed.condition)) return this.compileNode(expression, removed);
        let evaluator = this.compiled.get(expression);
        if (!evaluator) {
            evaluator = this.compileNode(expression, undefined);
            this.compiled.set(expression, evaluator);
        }
        return evaluator;
    }

    protected compileNode(expression: Expression, removed?: { condition: AnswerCondition; option: AnswerOption }): Evaluator {
        switch (expression.$type) {
            case 'And': {
                const l = this.compile(expression.left, removed), r = this.compile(expression.right, removed);
                return a => and(l(a), r(a));
            }
            case 'Or': {
                const l = this.compile(expression.left, removed), r = this.compile(expression.right, removed);
                return a => or(l(a), r(a));
            }
            case 'Not': {
                const inner = this.compile(expression.operand, removed);
                return a => not(inner(a));
            }
            case 'AnswerCondition': return this.compileAnswerCondition(expression, removed);
            case 'NumericCondition': return this.compileNumericCondition(expression);
            // Only a parse the parser recovered from oddly leaves anything else here: unknown, like a part not yet written.
            default: return () => U;
        }
    }

    protected compileAnswerCondition(condition: AnswerCondition, removed?: { condition: AnswerCondition; option: AnswerOption }): Evaluator {
        const slot = condition.target?.question?.ref;
        if (!slot) return () => U;
        const codes = new Set(condition.options
            .filter(o => !(removed && removed.condition === condition && o.ref === removed.option))
            .flatMap(o => (o.ref ? [String(o.ref.code)] : [])));
        const parts = itemsOfTarget(condition.target).map(item => {
            const index = this.variable(slot, item);
            const domain = this.variables[index].domain;
            const truth = domain.map(v => (v.code === undefined && v.number === undefined ? U : codes.has(v.code ?? '') ? T : F));
            const possible = truth.reduce((m, t) => m | t, 0);
            return (a: Assignment) => (a[index] < 0 ? possible : truth[a[index]]);
        });
        return this.combineItems(parts, condition.quantifier === 'något');
    }

    protected compileNumericCondition(condition: NumericCondition): Evaluator {
        const slot = condition.target?.question?.ref;
        if (!slot) return () => U;
        const parts = itemsOfTarget(condition.target).map(item => {
            const index = this.variable(slot, item);
            const domain = this.variables[index].domain;
            const truth = domain.map(v => (v.number === undefined ? U : compare(condition.operator, v.number, condition.value) ? T : F));
            const possible = truth.reduce((m, t) => m | t, 0);
            return (a: Assignment) => (a[index] < 0 ? possible : truth[a[index]]);
        });
        return this.combineItems(parts, false);
    }

    /** Items joined by "or" (något alternativ) or "and"; a plain loop, as this runs for every cube searched. */
    protected combineItems(parts: Evaluator[], any: boolean): Evaluator {
        if (parts.length === 1) return parts[0];
        return a => {
            let mask = parts[0](a);
            for (let i = 1; i < parts.length; i++) mask = any ? or(mask, parts[i](a)) : and(mask, parts[i](a));
            return mask;
        };
    }

    protected exclusionEvaluator?: Evaluator;

    /** The exclusion as written, or the default: any answer saying the area does not exist. */
    compileExclusion(): Evaluator {
        return (this.exclusionEvaluator ??= this.buildExclusion());
    }

    protected buildExclusion(): Evaluator {
        if (this.indicator.exclusion) return this.compile(this.indicator.exclusion.condition);
        const parts: Evaluator[] = [];
        for (const slot of this.indicator.questions) {
            const question = questionOf(slot);
            const missing = new Set(areaMissingOptions(question).map(o => String(o.code)));
            if (!question || missing.size === 0) continue;
            for (const item of question.items.length > 0 ? question.items : [undefined]) {
                const index = this.variable(slot, item);
                const truth = this.variables[index].domain.map(v => (v.code === undefined ? U : missing.has(v.code) ? T : F));
                const possible = truth.reduce((m, t) => m | t, 0);
                parts.push(a => (a[index] < 0 ? possible : truth[a[index]]));
            }
        }
        if (parts.length === 0) return () => F;
        // An answer saying the area is missing excludes; any other answer proves it exists (see the interpreter).
        return a => {
            const masks = parts.map(p => p(a));
            let out = 0;
            if (masks.some(m => m & T)) out |= T;
            if (masks.every(m => m & (F | U)) && masks.some(m => m & F)) out |= F;
            if (masks.every(m => m & U)) out |= U;
            return out;
        };
    }

    compileRequirement(requirement: Requirement, removed?: { condition: AnswerCondition; option: AnswerOption }): Evaluator {
        const alternatives = requirement.alternatives.map(a => this.compile(a, removed));
        return a => {
            let mask = 0;
            for (let i = 0; i < alternatives.length; i++) mask = i === 0 ? alternatives[i](a) : or(mask, alternatives[i](a));
            return mask;
        };
    }

    /** The possible statuses (as bits) for a partial assignment. */
    statusEvaluator(requirement: Requirement, removed?: { condition: AnswerCondition; option: AnswerOption }): (a: Assignment) => number {
        const exclusion = this.compileExclusion();
        const fulfilment = this.compileRequirement(requirement, removed);
        const exception = this.indicator.exception ? this.compile(this.indicator.exception.condition) : undefined;
        return a => {
            const e = exclusion(a);
            let out = 0;
            if (e & T) out |= STATUS_BIT.excluded;
            if (e & U) out |= STATUS_BIT.missing;
            if (e & F) {
                const r = fulfilment(a);
                if (r & T) out |= STATUS_BIT.met;
                if (r & U) out |= STATUS_BIT.missing;
                if (r & F) {
                    if (!exception) out |= STATUS_BIT.not_met;
                    else {
                        const x = exception(a);
                        if (x & T) out |= STATUS_BIT.excluded;
                        if (x & U) out |= STATUS_BIT.missing;
                        if (x & F) out |= STATUS_BIT.not_met;
                    }
                }
            }
            return out;
        };
    }
}

/** A set of answer combinations: fixed values for some variables, anything for the rest. */
export interface Cube {
    /** Domain index per variable, -1 for "any". */
    values: number[];
    /** How many full combinations the cube stands for. */
    count: number;
}

/**
 * Splits the answer space by a labelling function on partial assignments (bit set of labels still
 * possible). Returns the cubes per label; `stopAt` ends the search once a cube with that label is found.
 */
export function partition(variableCount: number, domains: number[], label: (a: Assignment) => number, stopAt?: number): Map<number, Cube[]> {
    const result = new Map<number, Cube[]>();
    const assignment = new Int32Array(variableCount).fill(-1);
    let stop = false;
    const visit = (depth: number, remaining: number) => {
        if (stop) return;
        const labels = label(assignment);
        if (labels === 0) return;
        if ((labels & (labels - 1)) === 0 || depth === variableCount) {
            // One label possible (or a leaf, where evaluation is exact and one label remains).
            const bit = labels & -labels;
            if (!result.has(bit)) result.set(bit, []);
            result.get(bit)!.push({ values: Array.from(assignment), count: remaining });
            if (stopAt !== undefined && (bit & stopAt)) stop = true;
            return;
        }
        const size = domains[depth];
        for (let v = 0; v < size && !stop; v++) {
            assignment[depth] = v;
            visit(depth + 1, remaining / size);
        }
        assignment[depth] = -1;
    };
    visit(0, domains.reduce((p, d) => p * d, 1));
    return result;
}

/**
 * Whether some answer combination gets label 1 under a labelling as `partition` takes it (bit 1 =
 * found, bit 2 = not here): `partition(…, 1).has(1)` without recording the cubes it passes, since
 * the analysis asks this once per alternative, variable and option while typing.
 */
export function existsLabel(variableCount: number, domains: number[], label: (a: Assignment) => number): boolean {
    const assignment = new Int32Array(variableCount).fill(-1);
    const visit = (depth: number): boolean => {
        const labels = label(assignment);
        if (labels === 0) return false;
        // One label possible, or a leaf: the cube's label is the lowest bit, as partition records it.
        if ((labels & (labels - 1)) === 0 || depth === variableCount) return (labels & 1) !== 0;
        const size = domains[depth];
        for (let v = 0; v < size; v++) {
            assignment[depth] = v;
            if (visit(depth + 1)) { assignment[depth] = -1; return true; }
        }
        assignment[depth] = -1;
        return false;
    };
    return visit(0);
}

/** The number of combinations per label bit, as `partition` would sum its cubes, without recording them. */
function countLabels(variableCount: number, domains: number[], label: (a: Assignment) => number): Map<number, number> {
    const result = new Map<number, number>();
    const assignment = new Int32Array(variableCount).fill(-1);
    const visit = (depth: number, remaining: number) => {
        const labels = label(assignment);
        if (labels === 0) return;
        if ((labels & (labels - 1)) === 0 || depth === variableCount) {
            const bit = labels & -labels;
            result.set(bit, (result.get(bit) ?? 0) + remaining);
            return;
        }
        const size = domains[depth];
        for (let v = 0; v < size; v++) {
            assignment[depth] = v;
            visit(depth + 1, remaining / size);
        }
        assignment[depth] = -1;
    };
    visit(0, domains.reduce((p, d) => p * d, 1));
    return result;
}

export interface DecisionRow {
    /** Per variable: the labels of the values in this row, or undefined for "any". */
    values: Array<string[] | undefined>;
    status: Status;
    count: number;
}

export interface RuleAnalysis {
    requirement: Requirement;
    variables: RuleVariable[];
    /** Number of answer combinations per status. */
    counts: Record<Status, number>;
    total: number;
    /** A compact decision table: merged cubes per status. */
    table: DecisionRow[];
    neverMet: boolean;
    alwaysMet: boolean;
    /** Combinations that are both excluded and meet the requirement. */
    exclusionOverlap: boolean;
    /** Alternatives (by index) that another alternative already covers, with the covering index. */
    subsumedAlternatives: Array<{ index: number; by: number }>;
    /** Variables whose answer never changes the status. */
    irrelevantVariables: RuleVariable[];
    /** Options written in a condition that could be left out without changing any status. */
    irrelevantOptions: Array<{ condition: AnswerCondition; option: AnswerOption; index: number }>;
    /** Options of the rule's questions that no condition or exclusion mentions. */
    unmentionedOptions: Array<{ slot: IndicatorQuestion; options: AnswerOption[] }>;
}

/**
 * For a search for a difference between status sets: 1 = a difference is certain below this node,
 * 2 = no difference is possible, 3 = undecided yet.
 */
function differenceLabel(masks: number[]): number {
    const singles = masks.every(m => (m & (m - 1)) === 0);
    if (!singles) return 3;
    return masks.some(m => m !== masks[0]) ? 1 : 2;
}

const statusOfBit = (bit: number): Status => STATUSES.find(s => STATUS_BIT[s] === bit)!;

function collectConditions(expression: Expression | undefined, out: AnswerCondition[] = []): AnswerCondition[] {
    if (!expression) return out;
    if (expression.$type === 'AnswerCondition') out.push(expression);
    else if (expression.$type === 'And' || expression.$type === 'Or') { collectConditions(expression.left, out); collectConditions(expression.right, out); }
    else if (expression.$type === 'Not') collectConditions(expression.operand, out);
    return out;
}

/** Merges cubes that differ in exactly one variable into rows with value sets. */
function mergeCubes(cubes: Cube[], variables: RuleVariable[]): Array<{ values: Array<Set<number> | undefined>; count: number }> {
    let rows = cubes.map(c => ({ values: c.values.map(v => (v < 0 ? undefined : new Set([v]))), count: c.count }));
    let changed = true;
    while (changed) {
        changed = false;
        outer: for (let i = 0; i < rows.length; i++) {
            for (let j = i + 1; j < rows.length; j++) {
                let diff = -1;
                let ok = true;
                for (let k = 0; k < variables.length; k++) {
                    const a = rows[i].values[k], b = rows[j].values[k];
                    const same = (a === undefined && b === undefined) || (a && b && a.size === b.size && [...a].every(x => b.has(x)));
                    if (same) continue;
                    if (a === undefined || b === undefined || diff >= 0) { ok = false; break; }
                    diff = k;
                }
                if (!ok || diff < 0) continue;
                const union = new Set([...rows[i].values[diff]!, ...rows[j].values[diff]!]);
                const values = [...rows[i].values];
                values[diff] = union.size === variables[diff].domain.length ? undefined : union;
                rows[i] = { values, count: rows[i].count + rows[j].count };
                rows.splice(j, 1);
                changed = true;
                break outer;
            }
        }
    }
    return rows;
}

/** Analyses one requirement (the base rule or an area variant) of an indicator, exactly. */
export function analyseRequirement(indicator: Indicator, requirement: Requirement): RuleAnalysis {
    const space = new RuleSpace(indicator);
    const status = space.statusEvaluator(requirement);
    // Compile everything once more so that every variable the analyses need exists before searching.
    const alternatives = requirement.alternatives.map(a => space.compile(a));
    const exclusion = space.compileExclusion();
    const fulfilment = space.compileRequirement(requirement);
    const conditions = [
        ...requirement.alternatives.flatMap(a => collectConditions(a)),
        ...collectConditions(indicator.exclusion?.condition),
        ...collectConditions(indicator.exception?.condition)
    ];
    const removedStatus = conditions.flatMap(condition => condition.options.flatMap((o, index) => (o.ref && condition.options.length > 1)
        ? [{ condition, option: o.ref, index, evaluate: space.statusEvaluator(requirement, { condition, option: o.ref }) }] : []));
    const variables = space.variables;
    const domains = variables.map(v => v.domain.length);
    const n = variables.length;

    // Counts come from a pass that records nothing; the decision table (hover only) is built when first read.
    const counts: Record<Status, number> = { met: 0, not_met: 0, excluded: 0, missing: 0 };
    for (const [bit, count] of countLabels(n, domains, status)) counts[statusOfBit(bit)] = count;
    let table: DecisionRow[] | undefined;
    const decisionTable = (): DecisionRow[] => {
        if (table) return table;
        const rows: DecisionRow[] = [];
        for (const [bit, list] of partition(n, domains, status)) {
            const s = statusOfBit(bit);
            for (const row of mergeCubes(list, variables)) {
                rows.push({ values: row.values.map((set, k) => (set ? [...set].sort((a, b) => a - b).map(i => variables[k].domain[i].label) : undefined)), status: s, count: row.count });
            }
        }
        rows.sort((a, b) => STATUSES.indexOf(a.status) - STATUSES.indexOf(b.status));
        table = rows;
        return rows;
    };
    const total = domains.reduce((p, d) => p * d, 1);

    const exists = (label: (a: Assignment) => number) => existsLabel(n, domains, label);
    // Bit 1 = "found", bit 2 = "not here".
    const exclusionOverlap = exists(a => {
        const e = exclusion(a), r = fulfilment(a);
        return ((e & T) && (r & T) ? 1 : 0) | (!(e & T) || !(r & T) || (e & (F | U)) || (r & (F | U)) ? 2 : 0);
    });

    const subsumedAlternatives: Array<{ index: number; by: number }> = [];
    alternatives.forEach((alt, i) => {
        const by = alternatives.findIndex((other, j) => j !== i && !(subsumedAlternatives.some(s => s.index === j)) && !exists(a => {
            const x = alt(a), y = other(a);
            // Found: alternative i true where j is not.
            return ((x & T) && (y & (F | U)) ? 1 : 0) | ((x & (F | U)) || (y & T) ? 2 : 0);
        }));
        if (by >= 0) subsumedAlternatives.push({ index: i, by });
    });

    // A variable matters when two rows differing only in it get different statuses.
    const masks: number[] = [];
    const irrelevantVariables = variables.filter((_variable, k) => !exists(a => {
        const saved = a[k];
        masks.length = 0;
        for (let v = 0; v < domains[k]; v++) { a[k] = v; masks.push(status(a)); }
        a[k] = saved;
        return differenceLabel(masks);
    }));

    const irrelevantOptions = removedStatus.filter(r => !exists(a => differenceLabel([status(a), r.evaluate(a)])))
        .map(({ condition, option, index }) => ({ condition, option, index }));

    const mentioned = new Set(conditions.flatMap(c => c.options.map(o => o.ref)));
    const defaultExcluded = indicator.exclusion ? new Set<AnswerOption>() : new Set(indicator.questions.flatMap(s => areaMissingOptions(questionOf(s))));
    const slots = [...new Set(variables.map(v => v.slot))].sort((a, b) => questionNumber(a) - questionNumber(b));
    const unmentionedOptions = slots.flatMap(slot => {
        const question = questionOf(slot);
        if (!question || question.numeric) return [];
        const options = (question.answerSet?.ref?.options ?? []).filter(o => !mentioned.has(o) && !defaultExcluded.has(o));
        return options.length > 0 ? [{ slot, options }] : [];
    });

    return {
        requirement, variables, counts, total,
        get table() { return decisionTable(); },
        neverMet: counts.met === 0,
        alwaysMet: counts.met > 0 && counts.not_met === 0,
        exclusionOverlap, subsumedAlternatives, irrelevantVariables, irrelevantOptions, unmentionedOptions
    };
}

/** Whether an area variant decides every answer combination exactly as the base rule does. */
export function variantEqualsBase(indicator: Indicator, variant: Requirement, base: Requirement): boolean {
    const space = new RuleSpace(indicator);
    const a = space.statusEvaluator(variant);
    const b = space.statusEvaluator(base);
    const domains = space.variables.map(v => v.domain.length);
    return !existsLabel(space.variables.length, domains, x => differenceLabel([a(x), b(x)]));
}

/** The decision table as Markdown, at most `limit` rows. */
export function decisionTableMarkdown(analysis: RuleAnalysis, limit = 16, escape: (text: string) => string = t => t): string {
    const STATUS_SV: Record<Status, string> = { met: 'uppnådd', not_met: 'ej uppnådd', excluded: 'utesluten', missing: 'saknas' };
    const header = `| ${analysis.variables.map(v => escape(v.label)).join(' | ')} | utfall |`;
    const rule = `| ${analysis.variables.map(() => '---').join(' | ')} | --- |`;
    const rows = analysis.table.slice(0, limit).map(row =>
        `| ${row.values.map(v => (v ? escape(v.join(' / ')) : '–')).join(' | ')} | ${STATUS_SV[row.status]} |`);
    const more = analysis.table.length > limit ? [`\n… och ${analysis.table.length - limit} rader till`] : [];
    return [header, rule, ...rows].join('\n') + more.join('');
}

