/**
 * `npm run fuzz`: 10,000 mutated documents through every language service, seeded.
 *   npx tsx packages/language/bench/fuzz/run.ts [--count 10000] [--seed 1] [--budget-ms 1000] [--failures-dir /tmp/oj-fuzz-failures]
 * Prints the number of documents, failures (exceptions escaping or swallowed by a service) and the
 * median and maximum time per document. The budget per document is CPU time (process.cpuUsage),
 * not wall time, so that a loaded machine does not fail the run. Every failure and every document
 * over the budget gets a line starting "FAIL" naming the document; the exit code is then 1.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { describeFailure, DOCUMENT_BUDGET_CPU_MS, fuzz, type SlowCase } from './harness.js';
import { fuzzSources } from './sources.js';

const { values } = parseArgs({
    options: {
        count: { type: 'string', default: '10000' },
        seed: { type: 'string', default: '1' },
        'budget-ms': { type: 'string', default: String(DOCUMENT_BUDGET_CPU_MS) },
        'failures-dir': { type: 'string', default: path.join(process.env.TMPDIR ?? '/tmp', 'oj-fuzz-failures') },
    },
});
const count = Number(values.count);
const seed = Number(values.seed);
const budget = Number(values['budget-ms']);
const failuresDir = values['failures-dir']!;
const started = performance.now();
const report = await fuzz({
    seed,
    count,
    sources: fuzzSources(),
    budgetCpuMs: budget,
    onProgress: (done, current) => {
        if (done % 500 === 0 || done === count) {
            process.stderr.write(
                `${done}/${count} documents, ${current.failures.length} failures, ${current.overBudget.length} over the CPU budget, ${((performance.now() - started) / 1000).toFixed(0)} s\n`,
            );
        }
    },
});
const stats = (times: number[]) => {
    const sorted = [...times].sort((a, b) => a - b);
    return { median: sorted[Math.floor((sorted.length - 1) / 2)] ?? 0, max: sorted[sorted.length - 1] ?? 0 };
};
const cpu = stats(report.cpuTimes);
const wall = stats(report.times);
const byService = new Map<string, number>();
for (const failure of report.failures) byService.set(failure.service, (byService.get(failure.service) ?? 0) + 1);
const describeSlow = (c: SlowCase) =>
    `#${c.index} ${c.source} [${c.mutations.join('; ')}]: ${c.cpuMs.toFixed(0)} ms CPU (${c.ms.toFixed(0)} ms wall)`;

console.log(
    `seed ${seed}: ${report.documents} documents, ${report.failures.length} escaped exceptions` +
        `${byService.size > 0 ? ` (${[...byService].map(([s, n]) => `${s}: ${n}`).join(', ')})` : ''}`,
);
console.log(
    `CPU time per document: median ${cpu.median.toFixed(1)} ms, max ${cpu.max.toFixed(0)} ms, ${report.overBudget.length} documents at the budget of ${budget} ms or more`,
);
console.log(`wall time per document: median ${wall.median.toFixed(1)} ms, max ${wall.max.toFixed(0)} ms`);
console.log('slowest documents (CPU time):');
for (const slowCase of report.slowest) console.log(`  ${describeSlow(slowCase)}`);
if (report.overBudget.length > 0) {
    fs.mkdirSync(failuresDir, { recursive: true });
    for (const slowCase of report.overBudget) {
        const file = path.join(failuresDir, `slow-${slowCase.index}.oj`);
        fs.writeFileSync(file, slowCase.text);
        console.log(`FAIL over the CPU budget of ${budget} ms: ${describeSlow(slowCase)}; the document is in ${file}`);
    }
}
if (report.failures.length > 0) {
    fs.mkdirSync(failuresDir, { recursive: true });
    const distinct = new Map<string, (typeof report.failures)[number]>();
    for (const failure of report.failures) {
        const key = `${failure.service}: ${failure.message.split('\n')[0]}`;
        if (!distinct.has(key)) distinct.set(key, failure);
    }
    console.log(`${distinct.size} distinct failures (first case of each written to ${failuresDir}):`);
    for (const failure of distinct.values()) {
        console.log(`FAIL ${describeFailure(failure)}; the document is in ${path.join(failuresDir, `case-${failure.index}.oj`)}`);
        fs.writeFileSync(path.join(failuresDir, `case-${failure.index}.oj`), failure.text);
        fs.writeFileSync(
            path.join(failuresDir, `case-${failure.index}.txt`),
            `${describeFailure(failure)}\n\n${failure.message}\n`,
        );
    }
}
const failed = report.failures.length > 0 || report.overBudget.length > 0;
console.log(
    failed
        ? `FAILED: ${report.failures.length} failures, ${report.overBudget.length} documents over the CPU budget.`
        : 'OK: no failures, every document within the CPU budget.',
);
process.exitCode = failed ? 1 : 0;
