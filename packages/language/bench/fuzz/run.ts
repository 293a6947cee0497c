/**
 * `npm run fuzz`: 10,000 mutated documents through every language service, seeded.
 *   npx tsx packages/language/bench/fuzz/run.ts [--count 10000] [--seed 1] [--failures-dir /tmp/oj-fuzz-failures]
 * Prints the number of documents, failures (exceptions escaping or swallowed by a service) and the
 * median and maximum time per document; exits with 1 when a failure occurred or a document took 1 s or more.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { describeFailure, fuzz } from './harness.js';
import { fuzzSources } from './sources.js';

const { values } = parseArgs({
    options: {
        count: { type: 'string', default: '10000' },
        seed: { type: 'string', default: '1' },
        'failures-dir': { type: 'string', default: path.join(process.env.TMPDIR ?? '/tmp', 'oj-fuzz-failures') }
    }
});
const count = Number(values.count);
const seed = Number(values.seed);
const started = performance.now();
const report = await fuzz({
    seed, count, sources: fuzzSources(),
    onProgress: (done, current) => {
        if (done % 500 === 0 || done === count) {
            process.stderr.write(`${done}/${count} documents, ${current.failures.length} failures, ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
        }
    }
});
const sorted = [...report.times].sort((a, b) => a - b);
const median = sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
const max = sorted[sorted.length - 1] ?? 0;
const slow = report.times.filter(t => t >= 1000).length;
const byService = new Map<string, number>();
for (const failure of report.failures) byService.set(failure.service, (byService.get(failure.service) ?? 0) + 1);

console.log(`seed ${seed}: ${report.documents} documents, ${report.failures.length} escaped exceptions` +
    `${byService.size > 0 ? ` (${[...byService].map(([s, n]) => `${s}: ${n}`).join(', ')})` : ''}`);
console.log(`time per document: median ${median.toFixed(1)} ms, max ${max.toFixed(0)} ms, ${slow} documents at 1 s or more`);
console.log('slowest documents:');
for (const slowCase of report.slowest) console.log(`  #${slowCase.index} ${slowCase.source} [${slowCase.mutations.join('; ')}]: ${slowCase.ms.toFixed(0)} ms`);
if (slow > 0) {
    fs.mkdirSync(values['failures-dir']!, { recursive: true });
    for (const slowCase of report.slowest.filter(c => c.ms >= 1000)) fs.writeFileSync(path.join(values['failures-dir']!, `slow-${slowCase.index}.oj`), slowCase.text);
}
if (report.failures.length > 0) {
    fs.mkdirSync(values['failures-dir']!, { recursive: true });
    const distinct = new Map<string, typeof report.failures[number]>();
    for (const failure of report.failures) {
        const key = `${failure.service}: ${failure.message.split('\n')[0]}`;
        if (!distinct.has(key)) distinct.set(key, failure);
    }
    console.log(`${distinct.size} distinct failures (first case of each written to ${values['failures-dir']}):`);
    for (const failure of distinct.values()) {
        console.log(`  ${describeFailure(failure)}`);
        fs.writeFileSync(path.join(values['failures-dir']!, `case-${failure.index}.oj`), failure.text);
        fs.writeFileSync(path.join(values['failures-dir']!, `case-${failure.index}.txt`), `${describeFailure(failure)}\n\n${failure.message}\n`);
    }
}
process.exitCode = report.failures.length > 0 || slow > 0 ? 1 : 0;
