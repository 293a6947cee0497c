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
import type {
    AnswerCondition,
    AnswerOption,
    Indicator,
    IndicatorQuestion,
    QuestionItem,
    ReportingUnit,
    Requirement,
} from '../generated/ast.js';
import { questionNumber, questionOf } from '../model/model-utils.js';
import { compare } from './interpreter.js';
import { countDomains } from './count-witnesses.js';
import { lowerIndicator, lowerRule, requirementAlternatives } from './lower.js';
import {
    type Condition,
    conditionChildren,
    type InCondition,
    numberOf,
    numberReads,
    type Read,
    readKey,
    type Sum,
    type UnitPlan,
} from './plan.js';
import { type Status, STATUS_LABELS, STATUSES } from './status.js';

/** Per indicator (and linking: the lowered plans are the key), the counts its analysis tries. */
const countDomainsMemo = new WeakMap<UnitPlan, Map<string, number[]>>();

/** The comparisons of every plan of the indicator: each requirement, and each unit's exclusion and exception. */
function countDomainsOf(indicator: Indicator): Map<string, number[]> {
    const base = lowerRule(indicator);
    let domains = countDomainsMemo.get(base);
    if (!domains) {
        const conditions: Array<Condition | undefined> = [base.exclusion, base.exception];
        for (const requirement of indicator.requirements) conditions.push(lowerRule(indicator, requirement).requirement);
        for (const unit of lowerIndicator(indicator).units) conditions.push(unit.exclusion, unit.exception);
        domains = countDomains(conditions);
        countDomainsMemo.set(base, domains);
    }
    return domains;
}

/** Truth values as bits, so that a set of possible values is a small mask. */
const T = 1,
    F = 2,
    U = 4;
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

/** An option left out of one condition as written: "would the rule decide differently without it?" */
interface Removed {
    condition: AnswerCondition;
    option: AnswerOption;
}

/** The answer conditions (as written) that a plan's condition was lowered from, to find the part a removal touches. */
const sourcesMemo = new WeakMap<Condition, ReadonlySet<AnswerCondition>>();
function sourcesOf(condition: Condition): ReadonlySet<AnswerCondition> {
    let sources = sourcesMemo.get(condition);
    if (!sources) {
        const set = new Set<AnswerCondition>();
        if (condition.kind === 'in' && condition.ast) set.add(condition.ast.condition);
        for (const child of conditionChildren(condition)) for (const s of sourcesOf(child)) set.add(s);
        sources = set;
        sourcesMemo.set(condition, sources);
    }
    return sources;
}

function and(a: TruthMask, b: TruthMask): TruthMask {
    let out = 0;
    if (a & F || b & F) out |= F;
    if (a & T && b & T) out |= T;
    if ((a & U && b & (T | U)) || (b & U && a & (T | U))) out |= U;
    return out;
}

function or(a: TruthMask, b: TruthMask): TruthMask {
    let out = 0;
    if (a & T || b & T) out |= T;
    if (a & F && b & F) out |= F;
    if ((a & U && b & (F | U)) || (b & U && a & (F | U))) out |= U;
    return out;
}

function not(a: TruthMask): TruthMask {
    return (a & T ? F : 0) | (a & F ? T : 0) | (a & U);
}

/**
 * The truth values "at least `count` of these are true" can still take when each operand can
 * take the values of its mask: every choice of values is followed as a pair (true so far, true or
 * unknown so far), both capped at `count`, so the states stay few.
 */
function atLeastMask(wanted: number, masks: TruthMask[]): TruthMask {
    // More than there are operands is as unreachable as one more than there are.
    const count = Math.min(wanted, masks.length + 1);
    let states = new Set<number>([0]);
    const cap = (n: number) => Math.min(n, count);
    for (const mask of masks) {
        const next = new Set<number>();
        for (const state of states) {
            const trues = state >> 12,
                possible = state & 4095;
            if (mask & T) next.add((cap(trues + 1) << 12) | cap(possible + 1));
            if (mask & U) next.add((trues << 12) | cap(possible + 1));
            if (mask & F) next.add((trues << 12) | possible);
        }
        states = next;
    }
    let out = 0;
    for (const state of states) {
        const trues = state >> 12,
            possible = state & 4095;
        out |= trues >= count ? T : possible < count ? F : U;
    }
    return out;
}

const STATUS_BIT: Record<Status, number> = { met: 1, not_met: 2, excluded: 4, missing: 8 };

/** The variables and compiled conditions of one indicator's plans. */
export class RuleSpace {
    readonly variables: RuleVariable[] = [];
    protected readonly byKey = new Map<string, number>();

    /**
     * @param extraValues values to add to variables' domains, by variable key ("ii A"): the
     *   answers of a row the space is to decide (the conformance suite's analysis engine).
     */
    constructor(
        readonly indicator: Indicator,
        protected readonly extraValues: ReadonlyMap<string, readonly DomainValue[]> = new Map(),
    ) {}

    /** The index of the variable for a read (its question and item), created on first use. */
    variable(read: Read): number {
        const key = readKey(read);
        const existing = this.byKey.get(key);
        if (existing !== undefined) return existing;
        const domain: DomainValue[] =
            read.domain.kind === 'count'
                ? this.numericDomain(key)
                : read.domain.options.map((o) => ({ code: o.code, label: o.shortLabel, option: o.ast?.option }));
        for (const extra of this.extraValues.get(key) ?? []) {
            if (!domain.some((v) => v.code === extra.code && v.number === extra.number)) domain.push(extra);
        }
        domain.push({ label: 'blankt' });
        const index = this.variables.length;
        this.variables.push({ key, slot: read.ast!.slot, item: read.ast?.item, label: `fråga ${key}`, domain });
        this.byKey.set(key, index);
        return index;
    }

    /**
     * The counts to try: for every combination of truths the indicator's count comparisons can take
     * together, one assignment giving it (count-witnesses.ts), so that the search is exact over all
     * whole counts, not a sample of them.
     */
    protected numericDomain(key: string): DomainValue[] {
        return (countDomainsOf(this.indicator).get(key) ?? [0]).map((n) => ({ number: n, label: String(n) }));
    }

    /**
     * Compiled conditions, reused: the analyses compile the same rule many times over, once per
     * option left out, and only the part holding the left-out option differs. Variables are
     * still created in the order the conditions are first compiled.
     */
    protected readonly compiled = new Map<Condition, Evaluator>();

    compile(condition: Condition | undefined, removed?: Removed): Evaluator {
        if (!condition) return () => U;
        if (removed && sourcesOf(condition).has(removed.condition)) return this.compileNode(condition, removed);
        let evaluator = this.compiled.get(condition);
        if (!evaluator) {
            evaluator = this.compileNode(condition, undefined);
            this.compiled.set(condition, evaluator);
        }
        return evaluator;
    }

    protected compileNode(condition: Condition, removed: Removed | undefined): Evaluator {
        switch (condition.kind) {
            case 'and':
                return this.fold(
                    condition.operands.map((c) => this.compile(c, removed)),
                    and,
                    T,
                );
            case 'or':
                return this.fold(
                    condition.operands.map((c) => this.compile(c, removed)),
                    or,
                    F,
                );
            case 'not': {
                const inner = this.compile(condition.operand, removed);
                return (a) => not(inner(a));
            }
            case 'in':
                return this.compileIn(condition, removed);
            case 'compare': {
                const index = this.variable(condition.read);
                const truth = this.variables[index].domain.map((v) =>
                    v.number === undefined ? U : compare(condition.operator, v.number, condition.value) ? T : F,
                );
                return this.lookup(index, truth);
            }
            case 'areaMissing': {
                const parts = condition.parts.map((p) => this.compileIn(p, undefined));
                // An answer saying the area is missing excludes; any other answer proves it exists.
                return (a) => {
                    const masks = parts.map((p) => p(a));
                    let out = 0;
                    if (masks.some((m) => m & T)) out |= T;
                    if (masks.every((m) => m & (F | U)) && masks.some((m) => m & F)) out |= F;
                    if (masks.every((m) => m & U)) out |= U;
                    return out;
                };
            }
            case 'atLeast': {
                const parts = condition.operands.map((c) => this.compile(c, removed));
                return (a) =>
                    atLeastMask(
                        condition.count,
                        parts.map((p) => p(a)),
                    );
            }
            case 'calculation': {
                // Decided once every count it reads is assigned; a blank one makes it unknown at once.
                const reads = [...numberReads(condition.left), ...numberReads(condition.right)];
                const indices = reads.map((r) => this.variable(r));
                return (a) => {
                    let open = false;
                    for (const index of indices) {
                        const value = a[index];
                        if (value < 0) open = true;
                        else if (this.variables[index].domain[value].number === undefined) return U;
                    }
                    if (open) return T | F | U;
                    const counts = new Map<Read, number>();
                    reads.forEach((read, i) => counts.set(read, this.variables[indices[i]].domain[a[indices[i]]].number!));
                    const countOf = (sum: Sum) =>
                        sum.unresolved > 0 ? undefined : sum.reads.reduce((total, r) => total + counts.get(r)!, 0);
                    const left = numberOf(condition.left, countOf),
                        right = numberOf(condition.right, countOf);
                    return left === undefined || right === undefined ? U : compare(condition.operator, left, right) ? T : F;
                };
            }
            case 'const': {
                const mask = condition.value === true ? T : condition.value === false ? F : U;
                return () => mask;
            }
        }
    }

    protected compileIn(condition: InCondition, removed: Removed | undefined): Evaluator {
        const codes = new Set(
            removed && condition.ast?.condition === removed.condition
                ? removed.condition.options
                      .filter((o) => o.ref !== removed.option)
                      .flatMap((o) => (o.ref ? [String(o.ref.code)] : []))
                : condition.codes,
        );
        const index = this.variable(condition.read);
        const truth = this.variables[index].domain.map((v) =>
            v.code === undefined && v.number === undefined ? U : codes.has(v.code ?? '') ? T : F,
        );
        const blankAs = condition.read.blankAs;
        if (!blankAs) return this.lookup(index, truth);
        // A tick box: blank is the blank code when another box is ticked, unknown when none is.
        const blankIndex = truth.length - 1;
        const asBlank = codes.has(blankAs.code) ? T : F;
        const others = blankAs.ticked.map((read) => {
            const k = this.variable(read);
            // Per domain index: 1 ticked, 0 not (blank or the blank code); unassigned is either, if the domain allows both.
            const ticked = this.variables[k].domain.map((v) => (v.code !== undefined && v.code !== blankAs.code ? 1 : 0));
            return { index: k, ticked, canTick: ticked.some((t) => t === 1) };
        });
        const answered = truth.slice(0, blankIndex).reduce((m, t) => m | t, 0);
        const whenBlank = (a: Assignment): TruthMask => {
            let maybe = false;
            for (const other of others) {
                const value = a[other.index];
                if (value < 0) {
                    if (other.canTick) maybe = true;
                } else if (other.ticked[value] === 1) return asBlank;
            }
            return maybe ? asBlank | U : U;
        };
        return (a: Assignment) => {
            const value = a[index];
            if (value < 0) return answered | whenBlank(a);
            return value === blankIndex ? whenBlank(a) : truth[value];
        };
    }

    protected lookup(index: number, truth: TruthMask[]): Evaluator {
        const possible = truth.reduce((m, t) => m | t, 0);
        return (a: Assignment) => (a[index] < 0 ? possible : truth[a[index]]);
    }

    /** Operands joined left to right; a plain loop, as this runs for every cube searched. */
    protected fold(parts: Evaluator[], join: (a: TruthMask, b: TruthMask) => TruthMask, empty: TruthMask): Evaluator {
        if (parts.length === 0) return () => empty;
        if (parts.length === 1) return parts[0];
        return (a) => {
            let mask = parts[0](a);
            for (let i = 1; i < parts.length; i++) mask = join(mask, parts[i](a));
            return mask;
        };
    }

    /** The possible statuses (as bits) of a plan for a partial assignment. */
    planEvaluator(plan: UnitPlan, removed?: Removed): (a: Assignment) => number {
        // An option left out of the exclusion or the exception changes them too, not only the requirement.
        const exclusion = this.compile(plan.exclusion, removed);
        const fulfilment = this.compile(plan.requirement, removed);
        const exception = plan.exception ? this.compile(plan.exception, removed) : undefined;
        return (a) => {
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

    /** The possible statuses (as bits) of one requirement of the indicator, independent of area. */
    statusEvaluator(requirement: Requirement, removed?: Removed): (a: Assignment) => number {
        return this.planEvaluator(lowerRule(this.indicator, requirement), removed);
    }
}

/** The statuses some answer combination gives a rule plan (exact). */
export function reachableStatuses(indicator: Indicator, plan: UnitPlan): Status[] {
    const space = new RuleSpace(indicator);
    const status = space.planEvaluator(plan);
    const counts = countLabels(
        space.variables.length,
        space.variables.map((v) => v.domain.length),
        status,
    );
    return STATUSES.filter((s) => (counts.get(STATUS_BIT[s]) ?? 0) > 0);
}

/**
 * Decides response rows of one rule plan with the analysis' own evaluation (a full assignment is a
 * leaf of its search, where it is exact), so that a test can hold the analysis to the interpreter.
 * Answers outside the variables' domains (a count the rule does not name, a code not in the answer
 * set) are added to the domains as they are met.
 */
export class AnalysisDecider {
    protected space!: RuleSpace;
    protected status!: (a: Assignment) => number;
    protected readonly extra = new Map<string, DomainValue[]>();
    protected readonly reads: Array<{ read: Read; key: string; count: boolean }>;

    constructor(
        readonly indicator: Indicator,
        readonly plan: UnitPlan,
    ) {
        if (plan.ratio) throw new Error('the analysis decides rules, not ratios');
        this.reads = plan.variables.map((read) => ({ read, key: readKey(read), count: read.domain.kind === 'count' }));
        this.build();
    }

    protected build(): void {
        this.space = new RuleSpace(this.indicator, this.extra);
        this.status = this.space.planEvaluator(this.plan);
        this.indices = [];
    }

    /** Per variable, the domain index of each value (counts keyed as numbers, codes as text). */
    protected indices: Array<Map<string | number, number>> = [];

    protected indexOf(variable: number, domain: readonly DomainValue[], value: DomainValue): number | undefined {
        let map = this.indices[variable];
        if (!map) {
            map = new Map();
            domain.forEach((v, i) => {
                const key = v.number ?? v.code;
                if (key !== undefined && !map!.has(key)) map!.set(key, i);
            });
            this.indices[variable] = map;
        }
        return map.get(value.number ?? value.code!);
    }

    decide(row: Readonly<Record<string, string | number | null | undefined>>): Status {
        let assignment = this.assign(row);
        if (!assignment) {
            this.build();
            assignment = this.assign(row)!;
        }
        const bits = this.status(assignment);
        if ((bits & (bits - 1)) !== 0 || bits === 0) throw new Error(`the analysis left ${bits} open on a full assignment`);
        return statusOfBit(bits);
    }

    /** Domain indices for the row's answers; undefined (after noting the new values) when one is outside its domain. */
    protected assign(row: Readonly<Record<string, string | number | null | undefined>>): Assignment | undefined {
        const assignment = new Int32Array(this.space.variables.length).fill(-1);
        let complete = true;
        for (const { read, key, count } of this.reads) {
            const index = this.space.variable(read);
            const domain = this.space.variables[index].domain;
            const value = row[read.variable];
            if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
                assignment[index] = domain.length - 1;
                continue;
            }
            const text = String(value).trim();
            const number = count ? Number(text.replace(',', '.')) : NaN;
            const wanted: DomainValue = Number.isFinite(number) ? { number, label: text } : { code: text, label: text };
            const at = this.indexOf(index, domain, wanted);
            if (at !== undefined) {
                assignment[index] = at;
                continue;
            }
            complete = false;
            this.extra.set(key, [...(this.extra.get(key) ?? []), wanted]);
        }
        return complete ? assignment : undefined;
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
export function partition(
    variableCount: number,
    domains: number[],
    label: (a: Assignment) => number,
    stopAt?: number,
): Map<number, Cube[]> {
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
            if (stopAt !== undefined && bit & stopAt) stop = true;
            return;
        }
        const size = domains[depth];
        for (let v = 0; v < size && !stop; v++) {
            assignment[depth] = v;
            visit(depth + 1, remaining / size);
        }
        assignment[depth] = -1;
    };
    visit(
        0,
        domains.reduce((p, d) => p * d, 1),
    );
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
            if (visit(depth + 1)) {
                assignment[depth] = -1;
                return true;
            }
        }
        assignment[depth] = -1;
        return false;
    };
    return visit(0);
}

/**
 * An answer combination (as a cube: domain index per variable, -1 for any) that gets label 1
 * under a labelling as `existsLabel` takes it, or undefined when none does.
 */
export function findLabel(variableCount: number, domains: number[], label: (a: Assignment) => number): number[] | undefined {
    const assignment = new Int32Array(variableCount).fill(-1);
    const visit = (depth: number): boolean => {
        const labels = label(assignment);
        if (labels === 0) return false;
        if ((labels & (labels - 1)) === 0 || depth === variableCount) return (labels & 1) !== 0;
        const size = domains[depth];
        for (let v = 0; v < size; v++) {
            assignment[depth] = v;
            if (visit(depth + 1)) return true;
        }
        assignment[depth] = -1;
        return false;
    };
    return visit(0) ? Array.from(assignment) : undefined;
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
    visit(
        0,
        domains.reduce((p, d) => p * d, 1),
    );
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
    /** One such combination: the answers it fixes (the other variables may take any value). */
    overlapExample?: Array<{ variable: RuleVariable; value: DomainValue }>;
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
    const singles = masks.every((m) => (m & (m - 1)) === 0);
    if (!singles) return 3;
    return masks.some((m) => m !== masks[0]) ? 1 : 2;
}

const statusOfBit = (bit: number): Status => STATUSES.find((s) => STATUS_BIT[s] === bit)!;

/** The answer conditions as written that a plan's condition reads, in order. */
function collectConditions(condition: Condition | undefined, out: AnswerCondition[] = []): AnswerCondition[] {
    if (!condition) return out;
    if (condition.kind === 'in' && condition.ast && !out.includes(condition.ast.condition)) out.push(condition.ast.condition);
    for (const child of conditionChildren(condition)) collectConditions(child, out);
    return out;
}

/** The options an 'in' condition (or the default exclusion's parts) accepts, as the model's options. */
function mentionedOptions(condition: Condition | undefined, out: Set<AnswerOption>): Set<AnswerOption> {
    if (!condition) return out;
    if (condition.kind === 'in' && condition.read.domain.kind === 'codes') {
        for (const option of condition.read.domain.options)
            if (condition.codes.includes(option.code) && option.ast) out.add(option.ast.option);
    }
    for (const child of conditionChildren(condition)) mentionedOptions(child, out);
    return out;
}

/** Merges cubes that differ in exactly one variable into rows with value sets. */
function mergeCubes(cubes: Cube[], variables: RuleVariable[]): Array<{ values: Array<Set<number> | undefined>; count: number }> {
    let rows = cubes.map((c) => ({ values: c.values.map((v) => (v < 0 ? undefined : new Set([v]))), count: c.count }));
    let changed = true;
    while (changed) {
        changed = false;
        outer: for (let i = 0; i < rows.length; i++) {
            for (let j = i + 1; j < rows.length; j++) {
                let diff = -1;
                let ok = true;
                for (let k = 0; k < variables.length; k++) {
                    const a = rows[i].values[k],
                        b = rows[j].values[k];
                    const same =
                        (a === undefined && b === undefined) || (a && b && a.size === b.size && [...a].every((x) => b.has(x)));
                    if (same) continue;
                    if (a === undefined || b === undefined || diff >= 0) {
                        ok = false;
                        break;
                    }
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

/**
 * Analyses one requirement (the base rule or an area variant) of an indicator, exactly; with
 * `variantsOf`, with the exclusion and exception that apply to that area or group.
 */
export function analyseRequirement(indicator: Indicator, requirement: Requirement, variantsOf?: ReportingUnit): RuleAnalysis {
    const space = new RuleSpace(indicator);
    const plan = lowerRule(indicator, requirement, variantsOf);
    const status = space.planEvaluator(plan);
    // Compile everything once more so that every variable the analyses need exists before searching.
    const alternatives = requirementAlternatives(indicator, requirement).map((a) => space.compile(a));
    const exclusion = space.compile(plan.exclusion);
    const fulfilment = space.compile(plan.requirement);
    const conditions = collectConditions(plan.requirement);
    collectConditions(plan.exclusion, conditions);
    collectConditions(plan.exception, conditions);
    const removedStatus = conditions.flatMap((condition) =>
        condition.options.flatMap((o, index) =>
            o.ref && condition.options.length > 1
                ? [{ condition, option: o.ref, index, evaluate: space.planEvaluator(plan, { condition, option: o.ref }) }]
                : [],
        ),
    );
    const variables = space.variables;
    const domains = variables.map((v) => v.domain.length);
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
                rows.push({
                    values: row.values.map((set, k) =>
                        set ? [...set].sort((a, b) => a - b).map((i) => variables[k].domain[i].label) : undefined,
                    ),
                    status: s,
                    count: row.count,
                });
            }
        }
        rows.sort((a, b) => STATUSES.indexOf(a.status) - STATUSES.indexOf(b.status));
        table = rows;
        return rows;
    };
    const total = domains.reduce((p, d) => p * d, 1);

    const exists = (label: (a: Assignment) => number) => existsLabel(n, domains, label);
    // Bit 1 = "found", bit 2 = "not here".
    const overlap = findLabel(n, domains, (a) => {
        const e = exclusion(a),
            r = fulfilment(a);
        return (e & T && r & T ? 1 : 0) | (!(e & T) || !(r & T) || e & (F | U) || r & (F | U) ? 2 : 0);
    });
    const exclusionOverlap = overlap !== undefined;
    const overlapExample = overlap?.flatMap((v, k) => (v < 0 ? [] : [{ variable: variables[k], value: variables[k].domain[v] }]));

    const subsumedAlternatives: Array<{ index: number; by: number }> = [];
    alternatives.forEach((alt, i) => {
        const by = alternatives.findIndex(
            (other, j) =>
                j !== i &&
                !subsumedAlternatives.some((s) => s.index === j) &&
                !exists((a) => {
                    const x = alt(a),
                        y = other(a);
                    // Found: alternative i true where j is not.
                    return (x & T && y & (F | U) ? 1 : 0) | (x & (F | U) || y & T ? 2 : 0);
                }),
        );
        if (by >= 0) subsumedAlternatives.push({ index: i, by });
    });

    // A variable matters when two rows differing only in it get different statuses.
    const masks: number[] = [];
    const irrelevantVariables = variables.filter(
        (_variable, k) =>
            !exists((a) => {
                const saved = a[k];
                masks.length = 0;
                for (let v = 0; v < domains[k]; v++) {
                    a[k] = v;
                    masks.push(status(a));
                }
                a[k] = saved;
                return differenceLabel(masks);
            }),
    );

    const irrelevantOptions = removedStatus
        .filter((r) => !exists((a) => differenceLabel([status(a), r.evaluate(a)])))
        .map(({ condition, option, index }) => ({ condition, option, index }));

    // Options an 'in' of the rule, the exclusion (the default one included) or the exception accepts.
    const mentioned = new Set<AnswerOption>(conditions.flatMap((c) => c.options.flatMap((o) => (o.ref ? [o.ref] : []))));
    for (const condition of [plan.requirement, plan.exclusion, plan.exception]) mentionedOptions(condition, mentioned);
    const slots = [...new Set(variables.map((v) => v.slot))].sort((a, b) => questionNumber(a) - questionNumber(b));
    const unmentionedOptions = slots.flatMap((slot) => {
        const question = questionOf(slot);
        if (!question || question.numeric) return [];
        const options = (question.answerSet?.ref?.options ?? []).filter((o) => !mentioned.has(o));
        return options.length > 0 ? [{ slot, options }] : [];
    });

    return {
        requirement,
        variables,
        counts,
        total,
        get table() {
            return decisionTable();
        },
        neverMet: counts.met === 0,
        alwaysMet: counts.met > 0 && counts.not_met === 0,
        exclusionOverlap,
        overlapExample,
        subsumedAlternatives,
        irrelevantVariables,
        irrelevantOptions,
        unmentionedOptions,
    };
}

/** Whether an area variant decides every answer combination exactly as the base rule does. */
export function variantEqualsBase(indicator: Indicator, variant: Requirement, base: Requirement): boolean {
    const space = new RuleSpace(indicator);
    const a = space.statusEvaluator(variant);
    const b = space.statusEvaluator(base);
    const domains = space.variables.map((v) => v.domain.length);
    return !existsLabel(space.variables.length, domains, (x) => differenceLabel([a(x), b(x)]));
}

/** The decision table as Markdown, at most `limit` rows. */
export function decisionTableMarkdown(analysis: RuleAnalysis, limit = 16, escape: (text: string) => string = (t) => t): string {
    const header = `| ${analysis.variables.map((v) => escape(v.label)).join(' | ')} | utfall |`;
    const rule = `| ${analysis.variables.map(() => '---').join(' | ')} | --- |`;
    const rows = analysis.table
        .slice(0, limit)
        .map(
            (row) => `| ${row.values.map((v) => (v ? escape(v.join(' / ')) : '–')).join(' | ')} | ${STATUS_LABELS[row.status]} |`,
        );
    const more = analysis.table.length > limit ? [`\n… och ${analysis.table.length - limit} rader till`] : [];
    return [header, rule, ...rows].join('\n') + more.join('');
}
