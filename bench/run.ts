/**
 * `npm run bench`: runs every package's benchmark, collects their numbers into bench/results.json
 * and prints one table with the targets of the performance issue.
 *
 * A package's benchmark is its `bench` script if its package.json has one, else each
 * packages/<pkg>/bench/*-bench.ts file. Numbers are read from what a benchmark writes during this
 * run: JSON on stdout, or a packages/<pkg>/bench/*results*.json file it (re)wrote. A file left over
 * from an earlier run is never used, and a key no benchmark produced is reported missing.
 *
 *   npm run bench                 all benchmarks
 *   npx tsx bench/run.ts --only language,documents
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { EXPECTED, summarize } from './report.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { only: { type: 'string' } } });
const only = values.only?.split(',').map((s) => s.trim());

/**
 * Arguments that keep a benchmark within the ten minutes the whole run may take on a shared
 * two-core machine (the evaluator's default of a million rows per engine takes several minutes alone).
 */
const ARGUMENTS: Record<string, string[]> = {
    'packages/evaluator/bench/evaluator-bench.ts': ['--rows', '20000'],
    'packages/language/bench/ls-bench.ts': ['--runs', '3'],
};

/** Node flags a benchmark needs: the heap is measured after a forced collection. */
const NODE_FLAGS: Record<string, string[]> = {
    'packages/language/bench/ls-bench.ts': ['--expose-gc'],
};

interface Benchmark {
    name: string;
    command: string[];
    cwd: string;
    resultDir: string;
}

function discover(): Benchmark[] {
    const benchmarks: Benchmark[] = [];
    const packagesDir = path.join(ROOT, 'packages');
    for (const pkg of fs.readdirSync(packagesDir).sort()) {
        const dir = path.join(packagesDir, pkg);
        const manifest = path.join(dir, 'package.json');
        if (!fs.existsSync(manifest) || (only && !only.includes(pkg))) continue;
        const scripts = (JSON.parse(fs.readFileSync(manifest, 'utf-8')) as { scripts?: Record<string, string> }).scripts ?? {};
        const benchDir = path.join(dir, 'bench');
        if (scripts.bench) {
            benchmarks.push({
                name: `${pkg} (npm run bench)`,
                command: ['npm', 'run', '--silent', 'bench', '-w', `packages/${pkg}`],
                cwd: ROOT,
                resultDir: benchDir,
            });
            continue;
        }
        if (!fs.existsSync(benchDir)) continue;
        for (const file of fs
            .readdirSync(benchDir)
            .filter((f) => f.endsWith('-bench.ts'))
            .sort()) {
            const relative = `packages/${pkg}/bench/${file}`;
            benchmarks.push({
                name: relative,
                command: ['npx', 'tsx', ...(NODE_FLAGS[relative] ?? []), relative, ...(ARGUMENTS[relative] ?? [])],
                cwd: ROOT,
                resultDir: benchDir,
            });
        }
    }
    return benchmarks;
}

/** Nested results ({ docs: { pdfMs } }) become dotted keys (docs.pdfMs); only numbers are kept. */
function flatten(value: unknown, prefix = '', out: Record<string, number> = {}): Record<string, number> {
    if (typeof value === 'number' && Number.isFinite(value)) {
        out[prefix] = value;
    } else if (value && typeof value === 'object' && !Array.isArray(value)) {
        for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}.${key}` : key, out);
    }
    return out;
}

/** The last JSON object printed on stdout, if any. */
function jsonFromStdout(stdout: string): unknown {
    const start = stdout.lastIndexOf('\n{');
    const text = (start >= 0 ? stdout.slice(start + 1) : stdout.startsWith('{') ? stdout : '').trim();
    if (!text) return undefined;
    try {
        return JSON.parse(text);
    } catch {
        return undefined;
    }
}

function resultFiles(dir: string): string[] {
    if (!fs.existsSync(dir)) return [];
    return fs
        .readdirSync(dir)
        .filter((f) => /results.*\.json$/.test(f))
        .map((f) => path.join(dir, f));
}

const started = Date.now();
const results: Record<string, number> = {};
const runs: Array<{ name: string; seconds: number; status: string }> = [];
const benchmarks = discover();
process.stderr.write(`${benchmarks.length} benchmarks: ${benchmarks.map((b) => b.name).join(', ')}\n`);
for (const benchmark of benchmarks) {
    process.stderr.write(`\n=== ${benchmark.name}\n`);
    const before = new Map(resultFiles(benchmark.resultDir).map((f) => [f, fs.statSync(f).mtimeMs]));
    const start = Date.now();
    const child = spawnSync(benchmark.command[0], benchmark.command.slice(1), {
        cwd: benchmark.cwd,
        encoding: 'utf-8',
        stdio: ['ignore', 'pipe', 'inherit'],
        maxBuffer: 1 << 26,
    });
    const seconds = (Date.now() - start) / 1000;
    process.stderr.write(child.stdout ?? '');
    const found: Record<string, number> = {};
    Object.assign(found, flatten(jsonFromStdout(child.stdout ?? '')));
    for (const file of resultFiles(benchmark.resultDir)) {
        const modified = fs.statSync(file).mtimeMs;
        if (modified < start || before.get(file) === modified) continue;
        Object.assign(found, flatten(JSON.parse(fs.readFileSync(file, 'utf-8'))));
    }
    Object.assign(results, found);
    const status = child.status === 0 ? `${Object.keys(found).length} numbers` : `failed (exit ${child.status ?? child.signal})`;
    runs.push({ name: benchmark.name, seconds, status });
}

const { rows, missing, notMeasured } = summarize(results);
const ordered: Record<string, number> = {};
for (const { key } of EXPECTED) if (results[key] !== undefined) ordered[key] = results[key];
for (const key of Object.keys(results).sort()) if (!(key in ordered)) ordered[key] = results[key];
fs.writeFileSync(path.join(ROOT, 'bench/results.json'), JSON.stringify(ordered, null, 2) + '\n');

const widths = [0, 1, 2, 3].map((i) => Math.max(...[['key', 'value', 'target', ''], ...rows].map((r) => r[i].length)));
const line = (cells: string[]) => cells.map((c, i) => (i === 1 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
console.log(`\n${line(['key', 'value', 'target', ''])}`);
for (const row of rows) console.log(line(row));
const extra = Object.keys(ordered).filter((k) => !EXPECTED.some((e) => e.key === k));
if (extra.length > 0) {
    console.log('\nalso measured:');
    for (const key of extra) console.log(`  ${key} = ${ordered[key]}`);
}
console.log('\nbenchmarks:');
for (const run of runs) console.log(`  ${run.name}: ${run.seconds.toFixed(0)} s, ${run.status}`);
console.log(
    `\n${((Date.now() - started) / 1000).toFixed(0)} s in all on ${os.cpus().length} cores, load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}; wrote bench/results.json`,
);
for (const [key, reason] of notMeasured) console.log(`not measured: ${key} (${reason})`);
if (missing.length > 0) console.log(`missing: ${missing.join(', ')}`);
process.exitCode = missing.length > 0 || runs.some((r) => r.status.startsWith('failed')) ? 1 : 0;
