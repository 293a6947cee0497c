/**
 * What an indicator does differently from one year to the next, exactly: per area or group, the
 * joint answer space of the variables either year reads is split by the analysis' cube search
 * (both years' plans compiled over the same variables, see `RuleSpace`), and the cubes where the
 * two statuses differ are counted exactly (products of domain sizes) and listed as a small decision
 * table. Variables are joined by name (a variable renamed with its question, item and area kept is
 * followed), options by label (so a recoded option is followed, not mistaken for another answer);
 * answers only one year offers are reported with the question, not here.
 *
 * A share of counts (`andel:`) has no place in the analysis, so a pair where either year is one is
 * still decided combination by combination through the interpreter, up to `MAX_COMBINATIONS`.
 * Counts take the analysis' witnesses (count-witnesses.ts), computed over both years' comparisons
 * together: for every combination of truths those comparisons can take, one assignment giving it,
 * so that the search is exact over all whole counts where the comparisons are linear; where they
 * are not, the representative counts (the constants compared with, their neighbours, 0–5, 10, 100).
 */
import {
    type Condition,
    type DomainValue,
    type Indicator,
    type Read,
    RuleSpace,
    type Status,
    type UnitPlan,
    conditionChildren,
    countDomains,
    evaluatePlan,
    lowerIndicator,
    numberReads,
    partition,
    readKey,
} from '@oj/language';

export interface TransitionRow {
    /** Per variable: the answers of this row (labels), or undefined for "any answer". */
    values: Array<string[] | undefined>;
    from: Status;
    to: Status;
    /** How many full answer combinations the row stands for. */
    count: number;
}

export interface UnitBehaviour {
    /** Area or group code; undefined for an indicator evaluated once. */
    unit?: string;
    unitLabel?: string;
    /** "fråga i", "fråga ii A" (the new year's numerals), with the variable names of both years. */
    variables: Array<{ label: string; before?: string; after?: string }>;
    /** Answer combinations compared (the joint space). */
    combinations: number;
    /** Combinations whose status changes. */
    changed: number;
    rows: TransitionRow[];
    /** Set when the joint space is too large to decide every combination (only a share of counts is enumerated). */
    tooLarge?: boolean;
}

/** Largest joint space decided combination by combination (a pair where either year is a share of counts). */
export const MAX_COMBINATIONS = 200_000;

interface JointValue {
    label: string;
    before: string | number | undefined;
    after: string | number | undefined;
}

interface JointVariable {
    label: string;
    before?: Read;
    after?: Read;
    values: JointValue[];
}

function conditionsOf(plan: UnitPlan): Condition[] {
    const out: Condition[] = [];
    const visit = (c: Condition | undefined) => {
        if (!c) return;
        out.push(c);
        conditionChildren(c).forEach(visit);
    };
    visit(plan.exclusion);
    visit(plan.requirement);
    visit(plan.exception);
    return out;
}

/**
 * The constants a count is compared with in either year's rules, with their neighbours and zero;
 * a count in a calculation also takes the analysis' representatives (1–5, 10, 100 and the constants
 * the calculation is compared with), as `RuleSpace.numericDomain` does.
 */
function countValues(variable: string, key: string, ...plans: UnitPlan[]): number[] {
    const values = new Set<number>([0]);
    // Joint witnesses of both years' comparisons, for counts read under the same question and item.
    const witnesses = countDomains(plans.flatMap((p) => [p.exclusion, p.requirement, p.exception]));
    for (const n of witnesses.get(key) ?? []) values.add(n);
    const same = (r: Read) => r.variable === variable || readKey(r) === key;
    for (const plan of plans) {
        for (const c of conditionsOf(plan)) {
            if (c.kind === 'calculation' && [...numberReads(c.left), ...numberReads(c.right)].some(same)) {
                [1, 2, 3, 4, 5, 10, 100].forEach((n) => values.add(n));
                for (const side of [c.left, c.right])
                    if (side.kind === 'number' && Number.isInteger(side.value))
                        [side.value, side.value + 1, Math.max(0, side.value - 1)].forEach((n) => values.add(n));
            }
            if (c.kind !== 'compare' || !same(c.read)) continue;
            values.add(c.value);
            values.add(c.value + 1);
            values.add(Math.max(0, c.value - 1));
            if (!Number.isInteger(c.value)) values.add(Math.floor(c.value));
        }
    }
    return [...values].sort((a, b) => a - b);
}

function jointValues(before: Read | undefined, after: Read | undefined, counts: number[]): JointValue[] {
    const blank: JointValue = { label: 'blankt', before: undefined, after: undefined };
    const domain = (before ?? after)!.domain;
    if (domain.kind === 'count') return [...counts.map((n) => ({ label: String(n), before: n, after: n })), blank];
    const old = before?.domain.kind === 'codes' ? before.domain.options : [];
    const now = after?.domain.kind === 'codes' ? after.domain.options : [];
    if (!before) return [...now.map((o) => ({ label: o.shortLabel, before: undefined, after: o.code })), blank];
    if (!after) return [...old.map((o) => ({ label: o.shortLabel, before: o.code, after: undefined })), blank];
    const values: JointValue[] = [];
    const used = new Set<unknown>();
    for (const o of old) {
        const match =
            now.find((n) => !used.has(n) && n.label.trim() === o.label.trim()) ??
            now.find((n) => !used.has(n) && n.code === o.code);
        // An answer only one year offers cannot be compared; the question's changes name it.
        if (!match) continue;
        used.add(match);
        values.push({ label: match.shortLabel, before: o.code, after: match.code });
    }
    values.push(blank);
    return values;
}

const label = (read: Read) => `fråga ${readKey(read)}`;

/** The variables either year reads for a unit, joined by name, else by question and item. */
function jointVariables(before: UnitPlan, after: UnitPlan): JointVariable[] {
    const joined: JointVariable[] = [];
    const taken = new Set<Read>();
    for (const v of after.variables) {
        const match =
            before.variables.find((o) => !taken.has(o) && o.variable === v.variable) ??
            before.variables.find((o) => !taken.has(o) && readKey(o) === readKey(v));
        if (match) taken.add(match);
        joined.push({
            label: label(v),
            before: match,
            after: v,
            values: jointValues(match, v, countValues(v.variable, readKey(v), before, after)),
        });
    }
    for (const o of before.variables) {
        if (!taken.has(o))
            joined.push({
                label: `${label(o)} (bara tidigare år)`,
                before: o,
                values: jointValues(o, undefined, countValues(o.variable, readKey(o), before)),
            });
    }
    return joined;
}

/** Per variable of the joint space (in the order of a behaviour's `variables`), the labels of its values. */
export function jointDomains(before: UnitPlan, after: UnitPlan): string[][] {
    return jointVariables(before, after).map((v) => v.values.map((value) => value.label));
}

/**
 * Merges rows of one transition that differ in one variable only; a variable taking every value
 * becomes "any". Rows are grouped by their values in every other variable (one pass per variable,
 * until nothing merges), so that thousands of cubes merge in linear passes.
 */
function merge(rows: Array<{ values: Array<Set<number> | undefined>; count: number }>, sizes: number[]) {
    const text = (v: Set<number> | undefined) => (v === undefined ? '*' : [...v].sort((a, b) => a - b).join(','));
    let changed = true;
    while (changed) {
        changed = false;
        for (let k = 0; k < sizes.length; k++) {
            const groups = new Map<string, { at: number; list: typeof rows }>();
            const next: typeof rows = [];
            for (const row of rows) {
                if (row.values[k] === undefined) {
                    next.push(row);
                    continue;
                }
                const key = row.values.map((v, j) => (j === k ? '' : text(v))).join('|');
                const group = groups.get(key);
                if (group) group.list.push(row);
                else {
                    groups.set(key, { at: next.length, list: [row] });
                    next.push(row);
                }
            }
            for (const { at, list } of groups.values()) {
                if (list.length === 1) continue;
                // Cubes are disjoint: the union of their values at k is the merged row's.
                const union = new Set<number>();
                for (const row of list) row.values[k]!.forEach((x) => union.add(x));
                const values = [...list[0].values];
                values[k] = union.size === sizes[k] ? undefined : union;
                next[at] = { values, count: list.reduce((n, row) => n + row.count, 0) };
                changed = true;
            }
            rows = next;
        }
    }
    return rows;
}

const STATUS_ORDER: Status[] = ['met', 'not_met', 'excluded', 'missing'];

/**
 * One year's view of the joint space: the analysis' compiler over the joint variables, each domain
 * index standing for the same joint value in both years (a recoded option has this year's code).
 */
class YearSpace extends RuleSpace {
    private readonly byVariable = new Map<string, number>();

    constructor(joint: JointVariable[], side: 'before' | 'after') {
        // The indicator only serves RuleSpace's own domains, which the joint variables replace.
        super(undefined as unknown as Indicator);
        joint.forEach((v, index) => {
            const read = v[side];
            const domain: DomainValue[] = v.values.map((value) => {
                const own = value[side];
                return typeof own === 'number'
                    ? { number: own, label: value.label }
                    : own === undefined
                      ? { label: value.label }
                      : { code: own, label: value.label };
            });
            this.variables.push({ key: v.label, slot: read?.ast?.slot as never, label: v.label, domain });
            if (read) this.byVariable.set(read.variable, index);
        });
    }

    /** Reads are joined by their column: every read of a plan is one of its `variables`. */
    override variable(read: Read): number {
        const index = this.byVariable.get(read.variable);
        if (index === undefined) throw new Error(`${read.variable} is not a variable of the joint space`);
        return index;
    }
}

const STATUS_OF_BIT: Status[] = ['met', 'not_met', 'excluded', 'missing'];
/** The label of cubes whose status is the same in both years; transitions are bits 0–15 (from × 4 + to). */
const SAME = 1 << 16;

/** The statuses of a status mask (bit per status, as `planEvaluator` gives them), as indices. */
function statusIndices(mask: number): number[] {
    const out: number[] = [];
    for (let i = 0; i < 4; i++) if (mask & (1 << i)) out.push(i);
    return out;
}

/**
 * The transitions still possible for a partial assignment: each pair of a status possible last year
 * and one possible now (a superset, which the search only uses to decide when to branch; a fully
 * assigned combination has exactly one of each).
 */
function transitionLabel(before: number, after: number): number {
    let out = 0;
    for (const i of statusIndices(before)) for (const j of statusIndices(after)) out |= i === j ? SAME : 1 << (i * 4 + j);
    return out;
}

function baseOf(before: UnitPlan, after: UnitPlan, variables: JointVariable[]): UnitBehaviour {
    return {
        unit: after.unit ?? before.unit,
        unitLabel: after.unitLabel ?? before.unitLabel,
        variables: variables.map((v) => ({ label: v.label, before: v.before?.variable, after: v.after?.variable })),
        combinations: variables.reduce((p, v) => p * v.values.length, 1),
        changed: 0,
        rows: [],
    };
}

function tableOf(
    groups: Map<string, Array<{ values: Array<Set<number> | undefined>; count: number }>>,
    variables: JointVariable[],
): TransitionRow[] {
    const sizes = variables.map((v) => v.values.length);
    const rows: TransitionRow[] = [];
    for (const [key, list] of groups) {
        const [from, to] = key.split('>') as [Status, Status];
        for (const row of merge(list, sizes)) {
            rows.push({
                values: row.values.map((set, k) =>
                    set ? [...set].sort((a, b) => a - b).map((i) => variables[k].values[i].label) : undefined,
                ),
                from,
                to,
                count: row.count,
            });
        }
    }
    rows.sort(
        (a, b) =>
            STATUS_ORDER.indexOf(a.from) - STATUS_ORDER.indexOf(b.from) ||
            STATUS_ORDER.indexOf(a.to) - STATUS_ORDER.indexOf(b.to) ||
            b.count - a.count,
    );
    return rows;
}

/**
 * Compares the two years' statuses over the joint answer space of one unit, exactly at every size:
 * the cube search splits the space into cubes where both statuses are settled, and the changed
 * cubes are counted (products of domain sizes). A share of counts is enumerated.
 */
export function unitBehaviour(before: UnitPlan, after: UnitPlan): UnitBehaviour {
    if (before.ratio || after.ratio) return enumeratedBehaviour(before, after);
    const variables = jointVariables(before, after);
    const base = baseOf(before, after, variables);
    const old = new YearSpace(variables, 'before').planEvaluator(before);
    const now = new YearSpace(variables, 'after').planEvaluator(after);
    const sizes = variables.map((v) => v.values.length);
    const groups = new Map<string, Array<{ values: Array<Set<number> | undefined>; count: number }>>();
    let changed = 0;
    for (const [bit, cubes] of partition(variables.length, sizes, (a) => transitionLabel(old(a), now(a)))) {
        if (bit === SAME) continue;
        const index = Math.log2(bit);
        const key = `${STATUS_OF_BIT[Math.floor(index / 4)]}>${STATUS_OF_BIT[index % 4]}`;
        const list = groups.get(key) ?? [];
        groups.set(key, list);
        for (const cube of cubes) {
            changed += cube.count;
            list.push({ values: cube.values.map((v) => (v < 0 ? undefined : new Set([v]))), count: cube.count });
        }
    }
    return { ...base, changed, rows: tableOf(groups, variables) };
}

/**
 * The same comparison combination by combination through the reference interpreter, up to
 * `MAX_COMBINATIONS`: for a share of counts, and as the oracle the cube search is tested against.
 */
export function enumeratedBehaviour(before: UnitPlan, after: UnitPlan): UnitBehaviour {
    const variables = jointVariables(before, after);
    const sizes = variables.map((v) => v.values.length);
    const base = baseOf(before, after, variables);
    const combinations = base.combinations;
    if (combinations > MAX_COMBINATIONS) return { ...base, tooLarge: true };
    const groups = new Map<string, Array<{ values: Array<Set<number> | undefined>; count: number }>>();
    const index = new Array<number>(variables.length).fill(0);
    let changed = 0;
    for (let n = 0; n < combinations; n++) {
        const rowBefore: Record<string, string | number | undefined> = {};
        const rowAfter: Record<string, string | number | undefined> = {};
        variables.forEach((v, k) => {
            const value = v.values[index[k]];
            if (v.before) rowBefore[v.before.variable] = value.before;
            if (v.after) rowAfter[v.after.variable] = value.after;
        });
        const from = evaluatePlan(before, rowBefore).status;
        const to = evaluatePlan(after, rowAfter).status;
        if (from !== to) {
            changed++;
            const key = `${from}>${to}`;
            if (!groups.has(key)) groups.set(key, []);
            groups.get(key)!.push({ values: index.map((i) => new Set([i])), count: 1 });
        }
        for (let k = variables.length - 1; k >= 0; k--) {
            if (++index[k] < sizes[k]) break;
            index[k] = 0;
        }
    }
    return { ...base, changed, rows: tableOf(groups, variables) };
}

/** Per unit of either year: the behaviour of the pair. Units only one year has are compared with nothing. */
export function indicatorBehaviour(
    before: Indicator,
    after: Indicator,
): { units: UnitBehaviour[]; unitsAdded: string[]; unitsRemoved: string[] } {
    const old = lowerIndicator(before).units,
        now = lowerIndicator(after).units;
    const units = now.flatMap((u) => {
        const match = old.find((o) => o.unit === u.unit);
        return match ? [unitBehaviour(match, u)] : [];
    });
    return {
        units,
        unitsAdded: now.filter((u) => u.unit !== undefined && !old.some((o) => o.unit === u.unit)).map((u) => u.unit!),
        unitsRemoved: old.filter((o) => o.unit !== undefined && !now.some((u) => u.unit === o.unit)).map((o) => o.unit!),
    };
}

/** Units whose changes read the same (same questions, same rows), so that a table is shown once for all of them. */
export function groupUnits(units: UnitBehaviour[]): UnitBehaviour[][] {
    const groups = new Map<string, UnitBehaviour[]>();
    for (const u of units) {
        const key = JSON.stringify([u.variables.map((v) => v.label), u.rows, u.combinations, u.tooLarge ?? false]);
        if (!groups.has(key)) groups.set(key, []);
        groups.get(key)!.push(u);
    }
    return [...groups.values()];
}

/** "Ekonomiskt bistånd (EB), Missbruk (MB) och LSS barn (LSSB)". */
export function unitsText(units: UnitBehaviour[], withCodes = true): string {
    const names = units.map((u) =>
        withCodes && u.unitLabel && u.unitLabel !== u.unit ? `${u.unitLabel} (${u.unit})` : (u.unitLabel ?? u.unit ?? ''),
    );
    return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} och ${names.at(-1)}`;
}
