/**
 * Lowering of register indicators: the AST (`register SOL`, `population:`, `räknas:`, `indelning …`)
 * → RegisterIndicatorPlan (register-plan.ts). The only code that reads the register syntax, and the
 * only place where the language's register defaults live:
 * - mätdatum is the register's own (`mätdatum "…"` in the register), else the survey's;
 * - "inom N månader före mätdatum" is the N whole months that end on mätdatum: from the day after
 *   the same day N months earlier, through mätdatum, both inclusive (12 months before 2019-02-01 is
 *   2018-02-02–2019-02-01). Where that month is shorter, the day is its last one (1 month before
 *   2019-03-31 goes back to 2019-02-28, so the period is 2019-03-01–2019-03-31). "N år" is 12·N
 *   months; "N dagar" the N days ending on mätdatum ([mätdatum − N + 1, mätdatum]);
 * - the words compare as minst ≥, högst ≤, större än > (of days also "mer än"), mindre än <, lika med =;
 * - the results' total is "T"; a register indicator is published at its own or the survey's levels
 *   (never per stadsdel: a register's unit is a kommun), by default kommun, län and riket;
 * - suppression is the indicator's own `röjandekontroll`, else its register's.
 * A part that cannot be resolved (a column not declared, no valid mätdatum) lowers to a condition
 * that is unknown for every row (`UNRESOLVED`), so an engine never decides on a guess.
 *
 * Plans are cached per indicator and linking, as lower.ts does.
 */
import type { AstNode } from 'langium';
import type {
    ComparisonOperator,
    ComparisonWord,
    Indicator,
    Register,
    Column,
    RegisterExpression,
    RegisterGrouping,
    ReportingLevel,
    Suppression,
} from '../generated/ast.js';
import { isColumnCondition, isRegisterAnd, isColumn, isRegisterGrouping, isRegisterNot, isRegisterOr } from '../generated/ast.js';
import { surveyOf } from '../model/model-utils.js';
import { comparabilityOf } from './comparability.js';
import { reportingLevelsOf } from './population.js';
import type {
    RegisterColumn as RegisterColumnPlan,
    RegisterColumnType,
    RegisterCondition,
    RegisterIndicatorPlan,
    RegisterSourcePlan,
    RegisterStratificationPlan,
    SuppressionPolicy,
} from './register-plan.js';

export const REGISTER_COLUMN_TYPES: readonly RegisterColumnType[] = ['kommunkod', 'kön', 'heltal', 'datum', 'kod'];

/** The code of the total over all strata in a register indicator's results. */
export const REGISTER_TOTAL_CODE = 'T';

/** The levels a register indicator is published at when neither it nor its survey says. */
export const REGISTER_DEFAULT_LEVELS: readonly ReportingLevel[] = ['kommun', 'län', 'riket'];

/** A condition unknown for every row: a column no row has. */
export const UNRESOLVED: RegisterCondition = Object.freeze({ kind: 'codeIn', column: '', codes: [] }) as RegisterCondition;

const OPERATOR_OF_WORD: Record<ComparisonWord, ComparisonOperator> = {
    minst: '>=',
    högst: '<=',
    större: '>',
    mindre: '<',
    lika: '=',
};

/** Whether an indicator is computed from a register (it names one with `register …`). */
export function isRegisterIndicator(indicator: Indicator): boolean {
    return indicator.register !== undefined;
}

/** The register an indicator reads, when it names one that resolves. */
export function registerOf(indicator: Indicator): Register | undefined {
    return indicator.register?.ref;
}

export function columnTypeOf(column: Column | undefined): RegisterColumnType | undefined {
    return (REGISTER_COLUMN_TYPES as readonly string[]).includes(column?.type ?? '')
        ? (column!.type as RegisterColumnType)
        : undefined;
}

/** A valid ISO date (YYYY-MM-DD, a day the calendar has), or undefined. */
export function parseIsoDate(text: string | undefined): { year: number; month: number; day: number } | undefined {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text?.trim() ?? '');
    if (!m) return undefined;
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
    return { year, month, day };
}

function daysInMonth(year: number, month: number): number {
    return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function iso(date: Date): string {
    return date.toISOString().slice(0, 10);
}

/** The measurement date of a register indicator: its register's own, else its survey's (as written; check with parseIsoDate). */
export function registerMeasurementDate(register: Register | undefined, node: AstNode): string | undefined {
    return register?.measurementDate ?? surveyOf(node)?.measurementDate;
}

/**
 * The inclusive ISO period "inom N <unit> före mätdatum" means (see the header), or undefined when
 * mätdatum is not a valid date or N is not positive.
 */
export function periodBefore(
    measurementDate: string | undefined,
    count: number,
    unit: string,
): { from: string; to: string } | undefined {
    const date = parseIsoDate(measurementDate);
    if (!date || !Number.isInteger(count) || count < 1) return undefined;
    const to = new Date(Date.UTC(date.year, date.month - 1, date.day));
    if (unit === 'dagar' || unit === 'dag') {
        return { from: iso(new Date(to.getTime() - (count - 1) * 86_400_000)), to: iso(to) };
    }
    const months = unit === 'år' ? count * 12 : count;
    const index = date.year * 12 + (date.month - 1) - months;
    const [year, month] = [Math.floor(index / 12), (index % 12) + 1];
    const start = new Date(Date.UTC(year, month - 1, Math.min(date.day, daysInMonth(year, month))));
    return { from: iso(new Date(start.getTime() + 86_400_000)), to: iso(to) };
}

function lowerCondition(expression: RegisterExpression | undefined, measurementDate: string | undefined): RegisterCondition {
    if (!expression) return UNRESOLVED;
    if (isRegisterOr(expression) || isRegisterAnd(expression)) {
        // Flattened, so that "a och b och c" is one conjunction of three (as SQL and the rule text want it).
        const kind = isRegisterOr(expression) ? 'or' : 'and';
        const operands = [expression.left, expression.right].flatMap((side) => {
            const lowered = lowerCondition(side, measurementDate);
            return lowered.kind === kind ? lowered.operands : [lowered];
        });
        return { kind, operands };
    }
    if (isRegisterNot(expression)) return { kind: 'not', operand: lowerCondition(expression.operand, measurementDate) };
    if (!isColumnCondition(expression)) return UNRESOLVED;
    const column = expression.column?.ref;
    if (!column) return UNRESOLVED;
    if (expression.blank) return { kind: 'blank', column: column.name };
    if (expression.codes.length > 0) return { kind: 'codeIn', column: column.name, codes: expression.codes.map(String) };
    if (expression.period !== undefined) {
        const period = periodBefore(measurementDate, expression.value ?? 0, expression.period);
        if (!period) return UNRESOLVED;
        const unit = expression.period === 'år' ? 'år' : expression.period.startsWith('dag') ? 'dagar' : 'månader';
        return { kind: 'dateBetween', column: column.name, ...period, period: { count: expression.value ?? 0, unit } };
    }
    const operator = expression.more
        ? '>'
        : (expression.operator ?? (expression.word ? OPERATOR_OF_WORD[expression.word] : undefined));
    if (operator === undefined || expression.value === undefined) return UNRESOLVED;
    if (expression.dayUnit !== undefined) {
        const from = expression.other?.ref;
        if (!from) return UNRESOLVED;
        return { kind: 'daysBetween', from: from.name, to: column.name, operator, days: expression.value };
    }
    return { kind: 'numberCompare', column: column.name, operator, value: expression.value };
}

function columnPlan(column: Column): RegisterColumnPlan {
    const type = columnTypeOf(column) ?? 'kod';
    const plan: RegisterColumnPlan = { name: column.name, type };
    if (column.label !== undefined) plan.label = column.label;
    if (column.codes.length > 0) plan.codes = column.codes.map((c) => ({ code: String(c.name), label: c.label }));
    return plan;
}

/** The codes and labels of a kön column that declares none: those of the official statistics. */
export const DEFAULT_KON_CODES: ReadonlyArray<{ code: string; label: string }> = [
    { code: 'K', label: 'Kvinnor' },
    { code: 'M', label: 'Män' },
];

/** The codes a kod or kön column may hold (a kön column without codes holds K and M). */
export function codesOfColumn(column: Column | undefined): Array<{ code: string; label: string }> {
    if (!column) return [];
    if (column.codes.length > 0) return column.codes.map((c) => ({ code: String(c.name), label: c.label }));
    return columnTypeOf(column) === 'kön' ? DEFAULT_KON_CODES.map((c) => ({ ...c })) : [];
}

function stratificationPlan(stratifier: Column | RegisterGrouping): RegisterStratificationPlan | undefined {
    if (isRegisterGrouping(stratifier)) {
        const column = stratifier.column?.ref;
        if (!column) return undefined;
        return {
            name: stratifier.name,
            label: stratifier.label,
            column: column.name,
            strata: stratifier.groups.map((g) => {
                const stratum: RegisterStratificationPlan['strata'][number] = { code: g.name, label: g.label };
                if (g.min !== undefined) stratum.min = g.min;
                if (g.max !== undefined) stratum.max = g.max;
                return stratum;
            }),
        };
    }
    if (isColumn(stratifier)) {
        return {
            name: stratifier.name,
            label: stratifier.label ?? stratifier.name,
            column: stratifier.name,
            strata: codesOfColumn(stratifier).map((c) => ({ code: c.code, label: c.label, codes: [c.code] })),
        };
    }
    return undefined;
}

function suppressionPlan(suppression: Suppression | undefined): SuppressionPolicy | undefined {
    return suppression ? { minimum: suppression.minimum, mark: suppression.mark } : undefined;
}

/** The source part of the plan: the register's columns, unit column and resolved mätdatum. */
export function lowerRegisterSource(register: Register | undefined, indicator: Indicator): RegisterSourcePlan {
    const measurementDate = registerMeasurementDate(register, indicator);
    const date = parseIsoDate(measurementDate);
    return {
        name: register?.name ?? indicator.register?.$refText ?? '',
        title: register?.title ?? '',
        columns: (register?.columns ?? []).map(columnPlan),
        unitColumn: register?.unitColumn?.ref?.name ?? register?.unitColumn?.$refText ?? '',
        measurementDate: date ? measurementDate!.trim() : '',
    };
}

/** The suppression an indicator is published under: its own, else its register's. */
export function suppressionOf(indicator: Indicator): Suppression | undefined {
    return indicator.suppression ?? registerOf(indicator)?.suppression;
}

function lowerUncached(indicator: Indicator): RegisterIndicatorPlan {
    const register = registerOf(indicator);
    const measurementDate = registerMeasurementDate(register, indicator);
    const { levels, declared } = reportingLevelsOf(indicator);
    const plan: RegisterIndicatorPlan = {
        kind: 'register',
        survey: surveyOf(indicator)?.name,
        number: indicator.number,
        name: indicator.name,
        source: lowerRegisterSource(register, indicator),
        population: lowerCondition(indicator.population, measurementDate),
        numerator: lowerCondition(indicator.counted, measurementDate),
        stratifications: indicator.stratifiers.flatMap((s) => {
            const stratification = s.ref ? stratificationPlan(s.ref) : undefined;
            return stratification ? [stratification] : [];
        }),
        totalCode: REGISTER_TOTAL_CODE,
        levels: declared ? levels.filter((l) => l !== 'stadsdel') : [...REGISTER_DEFAULT_LEVELS],
    };
    const suppression = suppressionPlan(suppressionOf(indicator));
    if (suppression) plan.suppression = suppression;
    const comparability = comparabilityOf(indicator);
    if (comparability) plan.comparability = comparability;
    return plan;
}

/** Plans per linking of a document: relinking gives a new `references` array (as in lower.ts). */
const byLinking = new WeakMap<object, WeakMap<Indicator, RegisterIndicatorPlan>>();
const unattached = new WeakMap<Indicator, RegisterIndicatorPlan>();

/** The plan of a register indicator (one that names a register); cached per indicator and linking. */
export function lowerRegisterIndicator(indicator: Indicator): RegisterIndicatorPlan {
    let root: AstNode = indicator;
    while (root.$container) root = root.$container;
    const linking = root.$document?.references;
    let cache = unattached;
    if (linking) {
        cache = byLinking.get(linking) ?? new WeakMap();
        byLinking.set(linking, cache);
    }
    let plan = cache.get(indicator);
    if (!plan) {
        plan = lowerUncached(indicator);
        cache.set(indicator, plan);
    }
    return plan;
}
