/**
 * Register indicators' results as `oj evaluate` publishes them, from either engine's counts: the
 * kommun cells and the cells of the levels above (the language's `aggregateRegisterCells`), both
 * suppressed by the declared policy (`suppress`), and their rows in units.csv and aggregates.csv
 * beside the survey indicators'. A suppressed cell shows the policy's mark in place of its share and
 * no counts, so that nothing of it can be read from the files.
 */
import {
    aggregateRegisterCells,
    type Indicator,
    isRegisterIndicator,
    lowerRegisterIndicator,
    type Model,
    type RegisterCellRow,
    type RegisterIndicatorPlan,
    type RegisterResultCell,
    suppress,
} from '@oj/language';
import { kommun } from '@oj/regions';
import type { CsvCell } from './csv.js';
import type { RegisterCounts, RegisterIndicatorCounts } from './register-file.js';

/** The register indicators of the models, by number. */
export function registerIndicatorsOf(models: Model[]): Indicator[] {
    return models
        .flatMap((m) => m.elements.filter((e): e is Indicator => e.$type === 'Indicator' && isRegisterIndicator(e)))
        .sort((a, b) => a.number - b.number);
}

export function registerPlansOf(models: Model[]): RegisterIndicatorPlan[] {
    return registerIndicatorsOf(models).map(lowerRegisterIndicator);
}

/** One register indicator's published cells. */
export interface RegisterIndicatorResult {
    plan: RegisterIndicatorPlan;
    /** Per kommun (when the plan is published per kommun), suppressed. */
    units: RegisterResultCell[];
    /** Per län, storstad and riket as the plan is published, suppressed. */
    levels: RegisterResultCell[];
    /** The kommun cells as counted, before suppression (for the number of kommuner per region). */
    counted: RegisterCellRow[];
    unknownUnit: number;
    unstratified: Record<string, number>;
    /** Rows in the population whose numerator or population could not be decided. */
    missing: number;
}

/** Levels and suppression over an engine's counts, for each plan. */
export function registerResults(plans: readonly RegisterIndicatorPlan[], counts: RegisterCounts): RegisterIndicatorResult[] {
    return plans.map((plan) => {
        const own: RegisterIndicatorCounts | undefined = counts.indicators.find((i) => i.indicator === plan.number);
        const cells = own?.cells ?? [];
        return {
            plan,
            units: plan.levels.includes('kommun') ? suppress(cells, plan.suppression) : [],
            levels: suppress(aggregateRegisterCells(plan, cells), plan.suppression),
            counted: cells,
            unknownUnit: own?.unknownUnit ?? 0,
            unstratified: own?.unstratified ?? {},
            missing: cells.filter((c) => c.stratification === undefined).reduce((sum, c) => sum + c.missing, 0),
        };
    });
}

/** The status column of a register cell: its figure published, or held back by the policy. */
function statusOf(cell: RegisterResultCell): string {
    return cell.suppressed ? 'suppressed' : 'published';
}

/** The share as the result files write shares (four decimals), the mark when suppressed, empty without a denominator. */
function shareOf(cell: RegisterResultCell, plan: RegisterIndicatorPlan): string {
    if (cell.suppressed) return plan.suppression?.mark ?? '';
    return cell.value === undefined ? '' : cell.value.toFixed(4);
}

/** units.csv's rows of the register indicators: one per kommun and stratum (`unit, name, indicator, group, stratum, status, numerator, denominator, value`). */
export function registerUnitRows(results: readonly RegisterIndicatorResult[]): CsvCell[][] {
    return results.flatMap(({ plan, units }) =>
        units.map((cell) => [
            cell.region,
            kommun(cell.region)?.namn ?? '',
            plan.number,
            '',
            cell.stratum,
            statusOf(cell),
            cell.suppressed ? '' : cell.numerator,
            cell.suppressed ? '' : cell.denominator,
            shareOf(cell, plan),
        ]),
    );
}

const LEVEL_NAME: Record<string, string> = { län: 'lan', storstad: 'storstad', riket: 'riket' };

/**
 * aggregates.csv's rows of the register indicators (`indicator, group, stratum, level, region,
 * numerator, denominator, share, value, respondents`), `respondents` being the kommuner counted in
 * the region.
 */
export function registerAggregateRows(
    results: readonly RegisterIndicatorResult[],
): Array<{ indicator: number; cells: CsvCell[] }> {
    return results.flatMap(({ plan, counted, levels }) => {
        const kommuner = new Map<string, number>();
        for (const cell of counted)
            if (cell.stratification === undefined) {
                const lan = kommun(cell.region)?.lanskod;
                for (const region of [lan, cell.region, 'riket'])
                    if (region) kommuner.set(region, (kommuner.get(region) ?? 0) + 1);
            }
        return levels.map((cell) => ({
            indicator: plan.number,
            cells: [
                plan.number,
                '',
                cell.stratum,
                LEVEL_NAME[cell.level] ?? cell.level,
                cell.region,
                cell.suppressed ? '' : cell.numerator,
                cell.suppressed ? '' : cell.denominator,
                shareOf(cell, plan),
                '',
                kommuner.get(cell.region) ?? '',
            ],
        }));
    });
}
