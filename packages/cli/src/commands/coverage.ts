/**
 * `oj coverage`: which outcomes (met, not met, excluded, missing) each indicator's worked examples
 * show, per area or group, out of the outcomes its rule can give at all (exact analysis).
 */
import type { Command } from 'commander';
import { exampleCoverage, STATUS_LABELS, type CoverageEntry, type Indicator, type Status } from '@oj/language';
import { errorCount, openWorkspace } from '../workspace.js';

export interface CoverageReport {
    entries: Array<{ indicator: number; group: string; reachable: Status[]; covered: Status[]; uncovered: Status[] }>;
    reachable: number;
    covered: number;
    percent: number;
}

export async function coverage(inputs: string[]): Promise<CoverageReport & { errors: number }> {
    const workspace = await openWorkspace(inputs);
    const indicators = workspace.models.flatMap(m => m.elements.filter((e): e is Indicator => e.$type === 'Indicator'))
        .sort((a, b) => a.number - b.number);
    const entries = indicators.flatMap(exampleCoverage).map((entry: CoverageEntry) => ({
        indicator: entry.indicator.number,
        group: entry.unit?.name ?? '',
        reachable: entry.reachable,
        covered: entry.covered.filter(s => entry.reachable.includes(s)),
        uncovered: entry.reachable.filter(s => !entry.covered.includes(s))
    }));
    const reachable = entries.reduce((n, e) => n + e.reachable.length, 0);
    const covered = entries.reduce((n, e) => n + e.covered.length, 0);
    return { entries, reachable, covered, percent: reachable === 0 ? 100 : (100 * covered) / reachable, errors: errorCount(workspace) };
}

export function registerCoverage(program: Command, setExitCode: (code: number) => void): void {
    program.command('coverage')
        .description('Visa vilka utfall indikatorernas exempel täcker, per område')
        .argument('<paths...>', 'filer eller mappar')
        .option('--json', 'skriv resultatet som JSON')
        .option('--min <percent>', 'avsluta med fel om täckningen är lägre', '0')
        .action(async (paths: string[], options: { json?: boolean; min: string }) => {
            const report = await coverage(paths);
            if (options.json) {
                process.stdout.write(JSON.stringify(report, null, 2) + '\n');
            } else {
                for (const e of report.entries) {
                    const mark = e.uncovered.length === 0 ? '✓' : '✗';
                    const missing = e.uncovered.length > 0 ? `  saknar exempel för: ${e.uncovered.map(s => STATUS_LABELS[s]).join(', ')}` : '';
                    process.stdout.write(`${mark} ${String(e.indicator).padStart(3)} ${(e.group || '–').padEnd(6)} ${e.covered.length}/${e.reachable.length}${missing}\n`);
                }
                process.stdout.write(`Täckning: ${report.covered} av ${report.reachable} möjliga utfall (${report.percent.toFixed(1)} %).\n`);
            }
            setExitCode(report.errors > 0 || report.percent < Number(options.min) ? 1 : 0);
        });
}
