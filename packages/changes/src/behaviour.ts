/**
 * What an indicator does differently from one year to the next, exactly: per area or group, every
 * combination of answers to the variables either year reads is decided by both years' rules (the
 * reference interpreter), and the combinations whose status differs are listed as a small decision
 * table with counts. Variables are joined by name (a variable renamed with its question, item and
 * area kept is followed), options by label (so a recoded option is followed, not mistaken for
 * another answer); answers only one year offers are reported with the question, not here.
 */
import { AstUtils, type AstNode } from 'langium';
import {
    type Indicator, type ReportingUnit, type Status, type SurveyVariable,
    evaluateIndicator, optionsOf, shortLabel, unitsOfIndicator, variablesOfIndicator
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
    before?: SurveyVariable;
    after?: SurveyVariable;
    values: JointValue[];
}

function variablesFor(indicator: Indicator, unit: ReportingUnit | undefined): SurveyVariable[] {
    return variablesOfIndicator(indicator).filter(v => !v.unit || v.unit.name === unit?.name);
}

function slotKey(v: SurveyVariable): string {
    return `${v.slot?.name ?? ''}\u0000${v.item?.name ?? ''}`;
}

function variableLabel(v: SurveyVariable): string {
    return `fråga ${v.slot?.name ?? '?'}${v.item ? ` ${v.item.name}` : ''}`;
}

/** The constants count answers are compared with in an indicator's rules, with their neighbours and zero. */
function countValues(...indicators: Indicator[]): number[] {
    const values = new Set<number>([0]);
    for (const indicator of indicators) {
        const visit = (root: AstNode | undefined) => {
            if (!root) return;
            for (const node of AstUtils.streamAst(root)) {
                if (node.$type !== 'NumericCondition') continue;
                const value = (node as unknown as { value: number }).value;
                values.add(value); values.add(value + 1); values.add(Math.max(0, value - 1));
                if (!Number.isInteger(value)) values.add(Math.floor(value));
            }
        };
        for (const r of indicator.requirements) r.alternatives.forEach(visit);
        visit(indicator.exclusion?.condition);
        visit(indicator.exception?.condition);
    }
    return [...values].sort((a, b) => a - b);
}

function jointValues(before: SurveyVariable | undefined, after: SurveyVariable | undefined, counts: number[]): JointValue[] {
    const blank: JointValue = { label: 'blankt', before: undefined, after: undefined };
    const numeric = (before ?? after)!.question.numeric;
    if (numeric) return [...counts.map(n => ({ label: String(n), before: n, after: n })), blank];
    const old = before ? optionsOf(before.question) : [];
    const now = after ? optionsOf(after.question) : [];
    if (!before) return [...now.map(o => ({ label: shortLabel(o), before: undefined, after: String(o.code) })), blank];
    if (!after) return [...old.map(o => ({ label: shortLabel(o), before: String(o.code), after: undefined })), blank];
    const values: JointValue[] = [];
    const used = new Set<unknown>();
    for (const o of old) {
        const match = now.find(n => !used.has(n) && n.label.trim() === o.label.trim()) ?? now.find(n => !used.has(n) && n.code === o.code);
        // An answer only one year offers cannot be compared; the question's changes name it.
        if (!match) continue;
        used.add(match);
        values.push({ label: shortLabel(match), before: String(o.code), after: String(match.code) });
    }
    values.push(blank);
    return values;
}

/** The variables either year reads for a unit, joined by name, else by question and item. */
function jointVariables(before: Indicator, after: Indicator, unitBefore: ReportingUnit | undefined, unitAfter: ReportingUnit | undefined): JointVariable[] {
    const old = variablesFor(before, unitBefore);
    const now = variablesFor(after, unitAfter);
    const counts = countValues(before, after);
    const joined: JointVariable[] = [];
    const taken = new Set<SurveyVariable>();
    for (const v of now) {
        const match = old.find(o => !taken.has(o) && o.name === v.name) ?? old.find(o => !taken.has(o) && slotKey(o) === slotKey(v));
        if (match) taken.add(match);
        joined.push({ label: variableLabel(v), before: match, after: v, values: jointValues(match, v, counts) });
    }
    for (const o of old) if (!taken.has(o)) joined.push({ label: `${variableLabel(o)} (bara tidigare år)`, before: o, values: jointValues(o, undefined, counts) });
    return joined;
}

/** Merges rows of one transition that differ in one variable; a variable taking every value becomes "any". */
function merge(rows: Array<{ values: Array<Set<number> | undefined>; count: number }>, sizes: number[]) {
    let changed = true;
    while (changed) {
        changed = false;
        for (let i = 0; i < rows.length && !changed; i++) {
            for (let j = i + 1; j < rows.length && !changed; j++) {
                let diff = -1, ok = true;
                for (let k = 0; k < sizes.length; k++) {
                    const a = rows[i].values[k], b = rows[j].values[k];
                    const same = a === b || (a !== undefined && b !== undefined && a.size === b.size && [...a].every(x => b.has(x)));
                    if (same) continue;
                    if (a === undefined || b === undefined || diff >= 0) { ok = false; break; }
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
export function unitBehaviour(before: Indicator, after: Indicator, unitBefore: ReportingUnit | undefined, unitAfter: ReportingUnit | undefined): UnitBehaviour {
    const variables = jointVariables(before, after, unitBefore, unitAfter);
    const sizes = variables.map(v => v.values.length);
    const combinations = sizes.reduce((p, s) => p * s, 1);
    const base: UnitBehaviour = {
        unit: unitAfter?.name ?? unitBefore?.name,
        unitLabel: unitAfter?.label ?? unitBefore?.label,
        variables: variables.map(v => ({ label: v.label, before: v.before?.name, after: v.after?.name })),
        combinations,
        changed: 0,
        rows: []
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
            if (v.before) rowBefore[v.before.name] = value.before;
            if (v.after) rowAfter[v.after.name] = value.after;
        });
        const from = evaluateIndicator(before, rowBefore, unitBefore).status;
        const to = evaluateIndicator(after, rowAfter, unitAfter).status;
        if (from !== to) {
            changed++;
            const key = `${from}>${to}`;
            if (!groups.has(key)) groups.set(key, []);
            groups.get(key)!.push({ values: index.map(i => new Set([i])), count: 1 });
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
            rows.push({ values: row.values.map((set, k) => (set ? [...set].sort((a, b) => a - b).map(i => variables[k].values[i].label) : undefined)), from, to, count: row.count });
        }
    }
    rows.sort((a, b) => STATUS_ORDER.indexOf(a.from) - STATUS_ORDER.indexOf(b.from) || STATUS_ORDER.indexOf(a.to) - STATUS_ORDER.indexOf(b.to) || b.count - a.count);
    return { ...base, changed, rows };
}

/** Per unit of either year: the behaviour of the pair. Units only one year has are compared with nothing. */
export function indicatorBehaviour(before: Indicator, after: Indicator): { units: UnitBehaviour[]; unitsAdded: string[]; unitsRemoved: string[] } {
    const old = unitsOfIndicator(before), now = unitsOfIndicator(after);
    if (old.length === 0 && now.length === 0) return { units: [unitBehaviour(before, after, undefined, undefined)], unitsAdded: [], unitsRemoved: [] };
    const units = now.flatMap(u => {
        const match = old.find(o => o.name === u.name);
        return match ? [unitBehaviour(before, after, match, u)] : [];
    });
    return {
        units,
        unitsAdded: now.filter(u => !old.some(o => o.name === u.name)).map(u => u.name),
        unitsRemoved: old.filter(o => !now.some(u => u.name === o.name)).map(o => o.name)
    };
}

/** Units whose changes read the same (same questions, same rows), so that a table is shown once for all of them. */
export function groupUnits(units: UnitBehaviour[]): UnitBehaviour[][] {
    const groups = new Map<string, UnitBehaviour[]>();
    for (const u of units) {
        const key = JSON.stringify([u.variables.map(v => v.label), u.rows, u.combinations, u.tooLarge ?? false]);
        if (!groups.has(key)) groups.set(key, []);
        groups.get(key)!.push(u);
    }
    return [...groups.values()];
}

/** "Ekonomiskt bistånd (EB), Missbruk (MB) och LSS barn (LSSB)". */
export function unitsText(units: UnitBehaviour[], withCodes = true): string {
    const names = units.map(u => (withCodes && u.unitLabel && u.unitLabel !== u.unit ? `${u.unitLabel} (${u.unit})` : u.unitLabel ?? u.unit ?? ''));
    return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} och ${names.at(-1)}`;
}
