/**
 * `oj coverage`: which outcomes (met, not met, excluded, missing) each indicator's worked examples
 * show, per area or group, out of the outcomes its rule can give at all (exact analysis).
 */
import type { Command } from 'commander';
import {
    exampleCoverage,
    isRegisterIndicator,
    REGISTER_OUTCOME_WORDS,
    registerExampleCoverage,
    STATUS_LABELS,
    type CoverageEntry,
    type Indicator,
    type RegisterOutcome,
    type Status,
} from '@oj/language';
import { painter } from '../color.js';
import { inputError, usageError, withExamples } from '../frame.js';
import { percent } from '../format.js';
import { errorCount, openSurveyModel, SURVEY_OPTION } from '../workspace.js';

/** A survey indicator's outcomes are statuses; a register indicator's are what a register row can come to. */
type Outcome = Status | RegisterOutcome;

export interface CoverageReport {
    entries: Array<{
        indicator: number;
        group: string;
        kind: 'survey' | 'register';
        reachable: Outcome[];
        covered: Outcome[];
        uncovered: Outcome[];
    }>;
    reachable: number;
    covered: number;
    percent: number;
}

export async function coverage(inputs: string[], survey?: string): Promise<CoverageReport & { errors: number }> {
    const workspace = await openSurveyModel(inputs, survey);
    // Background measures have values, not outcomes: their examples cannot cover statuses.
    const indicators = workspace.models
        .flatMap((m) => m.elements.filter((e): e is Indicator => e.$type === 'Indicator' && !e.measure))
        .sort((a, b) => a.number - b.number);
    const entries = indicators.flatMap((indicator): CoverageReport['entries'] => {
        if (isRegisterIndicator(indicator)) {
            // A register indicator's examples are rows: each outcome a row can come to is to be shown once.
            const { reachable, covered } = registerExampleCoverage(indicator);
            return [
                {
                    indicator: indicator.number,
                    group: '',
                    kind: 'register' as const,
                    reachable: reachable as Outcome[],
                    covered: covered as Outcome[],
                    uncovered: reachable.filter((o) => !covered.includes(o)) as Outcome[],
                },
            ];
        }
        return exampleCoverage(indicator).map((entry: CoverageEntry) => ({
            indicator: entry.indicator.number,
            group: entry.unit?.name ?? '',
            kind: 'survey' as const,
            reachable: entry.reachable as Outcome[],
            covered: entry.covered.filter((s) => entry.reachable.includes(s)) as Outcome[],
            uncovered: entry.reachable.filter((s) => !entry.covered.includes(s)) as Outcome[],
        }));
    });
    const reachable = entries.reduce((n, e) => n + e.reachable.length, 0);
    const covered = entries.reduce((n, e) => n + e.covered.length, 0);
    return {
        entries,
        reachable,
        covered,
        percent: reachable === 0 ? 100 : (100 * covered) / reachable,
        errors: errorCount(workspace),
    };
}

function outcomeLabel(kind: 'survey' | 'register', outcome: Outcome): string {
    return kind === 'register' ? REGISTER_OUTCOME_WORDS[outcome as RegisterOutcome] : STATUS_LABELS[outcome as Status];
}

export function registerCoverage(program: Command, setExitCode: (code: number) => void): void {
    const command = program
        .command('coverage')
        .description('Visa vilka utfall indikatorernas exempel täcker, per område')
        .argument('<sökvägar...>', 'filer eller mappar')
        .option('--json', 'skriv resultatet som JSON')
        .option('--min <procent>', 'avsluta med slutkod 1 om täckningen är lägre', '0')
        .option(...SURVEY_OPTION)
        .action(async (paths: string[], options: { json?: boolean; min: string; enkät?: string }) => {
            const min = Number(options.min.replace(',', '.'));
            if (options.min.trim() === '' || !Number.isFinite(min) || min < 0 || min > 100) {
                throw usageError(`--min ska vara en procentsats mellan 0 och 100, inte "${options.min}".`);
            }
            const report = await coverage(paths, options.enkät);
            if (report.errors > 0) throw inputError(`Modellen har ${report.errors} fel; kör "oj check" för att se dem.`);
            if (options.json) {
                process.stdout.write(JSON.stringify(report, null, 2) + '\n');
            } else {
                const paint = painter(process.stdout);
                for (const e of report.entries) {
                    const mark = e.uncovered.length === 0 ? paint('green', '✓') : paint('red', '✗');
                    const missing =
                        e.uncovered.length > 0
                            ? `  saknar exempel för: ${e.uncovered.map((o) => outcomeLabel(e.kind, o)).join(', ')}`
                            : '';
                    process.stdout.write(
                        `${mark} ${String(e.indicator).padStart(3)} ${(e.group || '–').padEnd(6)} ${e.covered.length}/${e.reachable.length}${missing}\n`,
                    );
                }
                process.stdout.write(
                    `Täckning: ${report.covered} av ${report.reachable} möjliga utfall (${percent(report.percent)}).\n`,
                );
            }
            if (report.percent < min) {
                process.stderr.write(`Täckningen ${percent(report.percent)} är lägre än --min ${percent(min)}.\n`);
                setExitCode(1);
                return;
            }
            setExitCode(0);
        });
    withExamples(command, ['oj coverage examples/oj2019', 'oj coverage examples/oj2019 --min 90']);
}
