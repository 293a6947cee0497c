/**
 * What an indicator does differently from one year to the next, exactly: per area or group, every
 * combination of answers to the variables either year reads is decided by both years' rules (the
 * reference interpreter), and the combinations whose status differs are listed as a small decision
 * table with counts. Variables are joined by name (a variable renamed with its question, item and
 * area kept is followed), options by label (so a recoded option is followed, not mistaken for
 * another answer); answers only one year offers are reported with the question, not here.
 */
import {
    type Condition,
    type Indicator,
    type Read,
    type Status,
    type UnitPlan,
    conditionChildren,
    evaluatePlan,
    lowerIndicator,
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
    /** Set when the joint space is too large to decide every combination. */
    tooLarge?: boolean;
}

/** Largest joint space decided combination by combination. */
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

/** The constants a count is compared with in either year's rules, with their neighbours and zero. */
function countValues(variable: string, key: string, ...plans: UnitPlan[]): number[] {
    const values = new Set<number>([0]);
    for (const plan of plans) {
        for (const c of conditionsOf(plan)) {
            if (c.kind !== 'compare' || (c.read.variable !== variable && readKey(c.read) !== key)) continue;
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

/** Merges rows of one transition that differ in one variable; a variable taking every value becomes "any". */
function merge(rows: Array<{ values: Array<Set<number> | undefined>; count: number }>, sizes: number[]) {
    let changed = true;
    while (changed) {
        changed = false;
        for (let i = 0; i < rows.length && !changed; i++) {
            for (let j = i + 1; j < rows.length && !changed; j++) {
                let diff = -1,
                    ok = true;
                for (let k = 0; k < sizes.length; k++) {
                    const a = rows[i].values[k],
                        b = rows[j].values[k];
                    const same =
                        a === b || (a !== undefined && b !== undefined && a.size === b.size && [...a].every((x) => b.has(x)));
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
                values[diff] = union.size === sizes[diff] ? undefined : union;
                rows[i] = { values, count: rows[i].count + rows[j].count };
                rows.splice(j, 1);
                changed = true;
            }
        }
    }
    return rows;
}

const STATUS_ORDER: Status[] = ['met', 'not_met', 'excluded', 'missing'];

/** Compares the two years' statuses over the joint answer space of one unit. */
export function unitBehaviour(before: UnitPlan, after: UnitPlan): UnitBehaviour {
    const variables = jointVariables(before, after);
    const sizes = variables.map((v) => v.values.length);
    const combinations = sizes.reduce((p, s) => p * s, 1);
    const base: UnitBehaviour = {
        unit: after.unit ?? before.unit,
        unitLabel: after.unitLabel ?? before.unitLabel,
        variables: variables.map((v) => ({ label: v.label, before: v.before?.variable, after: v.after?.variable })),
        combinations,
        changed: 0,
        rows: [],
    };
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
    return { ...base, changed, rows };
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
