/** What the fuzzer mutates: the 2019 example set and a small synthetic workspace (counts, shares, exceptions, shared questions). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateWorkspace } from '@oj/synthetic';
import type { SourceFile } from './harness.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

export function fuzzSources(): SourceFile[] {
    const examples = path.join(ROOT, 'examples/oj2019');
    const files = fs.readdirSync(examples).filter(f => f.endsWith('.oj')).sort()
        .map(name => ({ name: `oj2019/${name}`, text: fs.readFileSync(path.join(examples, name), 'utf-8') }));
    const synthetic = generateWorkspace({ seed: 11, indicators: 24, files: 2 }).map(f => ({ name: `synthetic/${f.path}`, text: f.text }));
    return [...files, ...synthetic];
}
