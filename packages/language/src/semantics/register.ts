/**
 * The reference interpreter of register indicators: one row at a time, exactly as the header of
 * register-plan.ts states, with constant memory per row (counts per unit × stratum only), so that
 * the default engine can stream a file of millions of rows through it and the SQL engine can be
 * compared against it. The reading of a cell (trimmed; blank; ISO date; integer) lives here once.
 *
 * Aggregation to län, storstad and riket adds the counts of their kommuner (@oj/regions' register,
 * the one the survey engine checks units against) before dividing; suppression is applied last.
 */
import { kommun, STORSTADER } from '@oj/regions';
import type { ReportingLevel } from '../generated/ast.js';
import type {
    RegisterCell,
    RegisterColumnType,
    RegisterCondition,
    RegisterIndicatorPlan,
    RegisterStratificationPlan,
    SuppressionPolicy,
} from './register-plan.js';
import { compare } from './interpreter.js';
import { parseIsoDate } from './register-lower.js';

/** A register row as read from a file: column name → the cell's text (undefined when the file has no such column). */
export type RegisterRow = Record<string, string | undefined>;

export type RegisterOutcome = 'outside' | 'unknownUnit' | 'missing' | 'denominator' | 'numerator';

export interface RegisterRowDecision {
    /** The unit's code (trimmed) when it is a known kommun. */
    unit?: string;
    outcome: RegisterOutcome;
    /**
     * The stratum codes the row counts in, the total first ("T"), then one per stratification whose
     * stratum the row's value falls in, in the plan's order; empty for rows not counted (outside, unknownUnit).
     */
    strata: string[];
    /** Aligned with the plan's stratifications: the row's stratum code in each, undefined when blank or in none (unstratified). */
    byStratification: Array<string | undefined>;
}

// ---------------------------------------------------------------- reading cells

/** The cell's text trimmed, or undefined when it is blank or absent. */
export function registerText(value: string | undefined): string | undefined {
    const text = value?.trim();
    return text === undefined || text === '' ? undefined : text;
}

/** An integer cell ("65", "-3", "+7"), or undefined when blank or not an integer. */
export function registerInteger(value: string | undefined): number | undefined {
    const text = registerText(value);
    if (text === undefined || !/^[+-]?\d{1,15}$/.test(text)) return undefined;
    return Number(text);
}

/** A date cell (YYYY-MM-DD, a real day) as days since 1970-01-01, or undefined when blank or not such a date. */
export function registerDay(value: string | undefined): number | undefined {
    const date = parseIsoDate(registerText(value));
    return date ? Date.UTC(date.year, date.month - 1, date.day) / 86_400_000 : undefined;
}

/** A cell read as its column's type: undefined is unknown (blank or does not parse). */
export function readRegisterValue(type: RegisterColumnType, value: string | undefined): string | number | undefined {
    switch (type) {
        case 'heltal':
            return registerInteger(value);
        case 'datum':
            return registerDay(value);
        default:
            return registerText(value);
    }
}

// ---------------------------------------------------------------- conditions (Kleene)

/** A condition on a row in Kleene logic: true, false, or undefined (unknown). */
export function evaluateRegisterCondition(condition: RegisterCondition, row: RegisterRow): boolean | undefined {
    switch (condition.kind) {
        case 'and': {
            let result: boolean | undefined = true;
            for (const operand of condition.operands) {
                const value = evaluateRegisterCondition(operand, row);
                if (value === false) return false;
                if (value === undefined) result = undefined;
            }
            return result;
        }
        case 'or': {
            let result: boolean | undefined = false;
            for (const operand of condition.operands) {
                const value = evaluateRegisterCondition(operand, row);
                if (value === true) return true;
                if (value === undefined) result = undefined;
            }
            return result;
        }
        case 'not': {
            const value = evaluateRegisterCondition(condition.operand, row);
            return value === undefined ? undefined : !value;
        }
        case 'codeIn': {
            const text = registerText(row[condition.column]);
            return text === undefined ? undefined : condition.codes.includes(text);
        }
        case 'numberCompare': {
            const value = registerInteger(row[condition.column]);
            return value === undefined ? undefined : compare(condition.operator, value, condition.value);
        }
        case 'dateBetween': {
            const text = registerText(row[condition.column]);
            if (text === undefined || !parseIsoDate(text)) return undefined;
            // ISO dates compare as text.
            return text >= condition.from && text <= condition.to;
        }
        case 'daysBetween': {
            const from = registerDay(row[condition.from]);
            const to = registerDay(row[condition.to]);
            return from === undefined || to === undefined ? undefined : compare(condition.operator, to - from, condition.days);
        }
        case 'blank':
            return registerText(row[condition.column]) === undefined;
    }
}

// ---------------------------------------------------------------- one row

/** The stratum a row falls in within one stratification, or undefined (blank, or in none of its strata). */
export function registerStratumOf(stratification: RegisterStratificationPlan, row: RegisterRow): string | undefined {
    const raw = row[stratification.column];
    for (const stratum of stratification.strata) {
        if (stratum.codes) {
            const text = registerText(raw);
            if (text !== undefined && stratum.codes.includes(text)) return stratum.code;
        } else {
            const value = registerInteger(raw);
            if (value === undefined) return undefined;
            if ((stratum.min === undefined || value >= stratum.min) && (stratum.max === undefined || value <= stratum.max))
                return stratum.code;
        }
    }
    return undefined;
}

/** Whether a unit code is one a register row can be counted for: a kommun of the register. */
export function isKnownRegisterUnit(code: string): boolean {
    return kommun(code) !== undefined;
}

/** How one row counts for one indicator (register-plan.ts' header, steps 1–4). */
export function decideRegisterRow(plan: RegisterIndicatorPlan, row: RegisterRow): RegisterRowDecision {
    const unit = registerText(row[plan.source.unitColumn]);
    if (unit === undefined || !isKnownRegisterUnit(unit)) return { outcome: 'unknownUnit', strata: [], byStratification: [] };
    const inPopulation = evaluateRegisterCondition(plan.population, row);
    if (inPopulation === false) return { unit, outcome: 'outside', strata: [], byStratification: [] };
    let outcome: RegisterOutcome = 'missing';
    if (inPopulation === true) {
        const counted = evaluateRegisterCondition(plan.numerator, row);
        outcome = counted === true ? 'numerator' : counted === false ? 'denominator' : 'missing';
    }
    const byStratification = plan.stratifications.map((s) => registerStratumOf(s, row));
    const strata = [plan.totalCode, ...byStratification.filter((code): code is string => code !== undefined)];
    return { unit, outcome, strata, byStratification };
}

// ---------------------------------------------------------------- counting

/** The counts of one unit (or region of a level) in one stratum; `stratification` undefined for the total. */
export interface RegisterCellRow extends RegisterCell {
    level: ReportingLevel;
    /** Kommunkod, länskod, or "riket". */
    region: string;
    stratification?: string;
    /** The stratum code, or the plan's totalCode. */
    stratum: string;
}

/** A published cell: its share (none when the denominator is 0 or the cell is suppressed) and why it is suppressed. */
export interface RegisterResultCell extends RegisterCellRow {
    value?: number;
    /** 'few': fewer individuals than the policy's minimum; 'complementary': suppressed so that a 'few' cell cannot be worked out. */
    suppressed?: 'few' | 'complementary';
}

/**
 * Counts rows per unit × stratum for one indicator. Memory grows with the units and strata seen,
 * never with the rows, so any number of rows can be streamed through `add`.
 */
export class RegisterAccumulator {
    readonly plan: RegisterIndicatorPlan;
    /** Rows counted per outcome (outside and unknownUnit included), for the summary. */
    readonly outcomes: Record<RegisterOutcome, number> = { outside: 0, unknownUnit: 0, missing: 0, denominator: 0, numerator: 0 };
    /** Rows in the population whose stratum value was blank or in no stratum, per stratification name. */
    readonly unstratified: Record<string, number> = {};
    private readonly counts = new Map<string, Map<string, RegisterCell>>();

    constructor(plan: RegisterIndicatorPlan) {
        this.plan = plan;
        for (const s of plan.stratifications) this.unstratified[s.name] = 0;
    }

    /** Decides the row and counts it; returns the decision. */
    add(row: RegisterRow): RegisterRowDecision {
        const decision = decideRegisterRow(this.plan, row);
        this.addDecision(decision);
        return decision;
    }

    /** Counts a decision made elsewhere (an engine that decides rows itself). */
    addDecision(decision: RegisterRowDecision): void {
        this.outcomes[decision.outcome]++;
        if (decision.unit === undefined || decision.outcome === 'outside' || decision.outcome === 'unknownUnit') return;
        let unit = this.counts.get(decision.unit);
        if (!unit) this.counts.set(decision.unit, (unit = new Map()));
        const bump = (key: string) => {
            let cell = unit.get(key);
            if (!cell) unit.set(key, (cell = { numerator: 0, denominator: 0, missing: 0 }));
            if (decision.outcome === 'missing') cell.missing++;
            else {
                cell.denominator++;
                if (decision.outcome === 'numerator') cell.numerator++;
            }
        };
        bump(cellKey(undefined, this.plan.totalCode));
        this.plan.stratifications.forEach((s, i) => {
            const code = decision.byStratification[i];
            if (code === undefined) this.unstratified[s.name]++;
            else bump(cellKey(s.name, code));
        });
    }

    /** The units rows were counted for, in code order. */
    units(): string[] {
        return [...this.counts.keys()].sort();
    }

    /**
     * Every cell of every unit counted: the total, then each stratification's strata in the plan's
     * order (a stratum without rows is a cell of zeros), units in code order.
     */
    cells(): RegisterCellRow[] {
        return this.units().flatMap((unit) => cellsOf(this.plan, 'kommun', unit, this.counts.get(unit)!));
    }
}

function cellKey(stratification: string | undefined, stratum: string): string {
    return `${stratification ?? ''}\u0000${stratum}`;
}

function cellsOf(
    plan: RegisterIndicatorPlan,
    level: ReportingLevel,
    region: string,
    counts: Map<string, RegisterCell>,
): RegisterCellRow[] {
    const cell = (stratification: string | undefined, stratum: string): RegisterCellRow => {
        const found = counts.get(cellKey(stratification, stratum));
        const row: RegisterCellRow = {
            level,
            region,
            stratum,
            numerator: found?.numerator ?? 0,
            denominator: found?.denominator ?? 0,
            missing: found?.missing ?? 0,
        };
        if (stratification !== undefined) row.stratification = stratification;
        return row;
    };
    return [cell(undefined, plan.totalCode), ...plan.stratifications.flatMap((s) => s.strata.map((st) => cell(s.name, st.code)))];
}

/**
 * The cells of the levels above kommun the plan is published at (län, storstad, riket), adding the
 * counts of their kommuner: län by @oj/regions' länskod, storstad for the storstäder among the
 * units, riket over all. Län and storstäder without any counted kommun are left out; riket is
 * always there. Order: län by code, storstäder by code, riket.
 */
export function aggregateRegisterCells(plan: RegisterIndicatorPlan, unitCells: readonly RegisterCellRow[]): RegisterCellRow[] {
    const regions = new Map<string, { level: ReportingLevel; region: string; counts: Map<string, RegisterCell> }>();
    const add = (level: ReportingLevel, region: string, row: RegisterCellRow) => {
        const id = `${level}\u0000${region}`;
        let entry = regions.get(id);
        if (!entry) regions.set(id, (entry = { level, region, counts: new Map() }));
        const key = cellKey(row.stratification, row.stratum);
        const cell = entry.counts.get(key) ?? { numerator: 0, denominator: 0, missing: 0 };
        cell.numerator += row.numerator;
        cell.denominator += row.denominator;
        cell.missing += row.missing;
        entry.counts.set(key, cell);
    };
    for (const row of unitCells) {
        if (row.level !== 'kommun') continue;
        const lanskod = kommun(row.region)?.lanskod;
        if (plan.levels.includes('län') && lanskod) add('län', lanskod, row);
        if (plan.levels.includes('storstad') && STORSTADER[row.region]) add('storstad', row.region, row);
        if (plan.levels.includes('riket')) add('riket', 'riket', row);
    }
    if (plan.levels.includes('riket') && ![...regions.values()].some((r) => r.level === 'riket')) {
        regions.set('riket\u0000riket', { level: 'riket', region: 'riket', counts: new Map() });
    }
    const order: ReportingLevel[] = ['län', 'storstad', 'riket'];
    return [...regions.values()]
        .sort((a, b) => order.indexOf(a.level) - order.indexOf(b.level) || a.region.localeCompare(b.region))
        .flatMap((r) => cellsOf(plan, r.level, r.region, r.counts));
}

/** The share of a cell: numerator / denominator, undefined when the denominator is 0. */
export function registerShare(cell: RegisterCell): number | undefined {
    return cell.denominator > 0 ? cell.numerator / cell.denominator : undefined;
}

/**
 * Applies the declared small-count suppression to published cells (SuppressionPolicy in
 * register-plan.ts): a cell with 0 < denominator < minimum is suppressed ('few'); where exactly one
 * cell of a stratification within a region is, the published cell with the smallest denominator
 * beside it is suppressed too ('complementary', the first in stratum order on a tie), so that it
 * cannot be worked out from the total. The total forms a group of its own. Without a policy, only
 * the shares are set. Cells keep their order.
 */
export function suppress(cells: readonly RegisterCellRow[], policy: SuppressionPolicy | undefined): RegisterResultCell[] {
    const result: RegisterResultCell[] = cells.map((c) => {
        const cell: RegisterResultCell = { ...c };
        if (policy && c.denominator > 0 && c.denominator < policy.minimum) cell.suppressed = 'few';
        return cell;
    });
    if (policy) {
        const groups = new Map<string, RegisterResultCell[]>();
        for (const cell of result) {
            if (cell.stratification === undefined) continue;
            const key = `${cell.level}\u0000${cell.region}\u0000${cell.stratification}`;
            groups.set(key, [...(groups.get(key) ?? []), cell]);
        }
        for (const group of groups.values()) {
            if (group.filter((c) => c.suppressed).length !== 1) continue;
            let smallest: RegisterResultCell | undefined;
            for (const c of group)
                if (!c.suppressed && c.denominator > 0 && (!smallest || c.denominator < smallest.denominator)) smallest = c;
            if (smallest) smallest.suppressed = 'complementary';
        }
    }
    for (const cell of result) {
        const share = cell.suppressed ? undefined : registerShare(cell);
        if (share !== undefined) cell.value = share;
    }
    return result;
}
