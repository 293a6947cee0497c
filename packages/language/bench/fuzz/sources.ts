/** What the fuzzer mutates: the example surveys and a small synthetic workspace (counts, shares, exceptions, shared questions). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateWorkspace } from '@oj/synthetic';
import type { SourceFile } from './harness.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

export function fuzzSources(): SourceFile[] {
    // The example surveys: khs2019 brings populations, background measures, strata and comparability,
    // register2019 registers and register indicators.
    const files = ['oj2019', 'khs2019', 'register2019'].flatMap((set) => {
        const examples = path.join(ROOT, 'examples', set);
        return fs
            .readdirSync(examples)
            .filter((f) => f.endsWith('.oj'))
            .sort()
            .map((name) => ({ name: `${set}/${name}`, text: fs.readFileSync(path.join(examples, name), 'utf-8') }));
    });
    const synthetic = generateWorkspace({ seed: 11, indicators: 24, files: 2 }).map((f) => ({
        name: `synthetic/${f.path}`,
        text: f.text,
    }));
    return [...files, ...synthetic];
}
