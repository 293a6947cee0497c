#!/usr/bin/env node
/**
 * Byte-identical outputs on examples/oj2019: runs `oj docs` (PDF, Word, HTML, the questionnaire),
 * `oj generate` and `oj evaluate` (on the fixed response file scripts/oj2019-outputs/responses.csv)
 * and compares the SHA-256 of every file written with scripts/oj2019-outputs/hashes.txt.
 *
 *   node scripts/oj2019-outputs.mjs            compare (exit 1 and list the files that differ)
 *   node scripts/oj2019-outputs.mjs --record   write hashes.txt from the current build
 *   node scripts/oj2019-outputs.mjs --keep D   leave the outputs in folder D (to diff them)
 *
 * Run after `npx tsc -b tsconfig.build.json`: it runs the built `oj` command. The responses are
 * seeded synthetic answers (@oj/synthetic, seed 2019) for the 290 kommuner of the 2019 register.
 * When a change is meant to alter an output, say which and why, and record the hashes again.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const here = path.join(root, 'scripts/oj2019-outputs');
const hashesFile = path.join(here, 'hashes.txt');
const args = process.argv.slice(2);
const record = args.includes('--record');
const keepIndex = args.indexOf('--keep');
const out = keepIndex >= 0 ? path.resolve(args[keepIndex + 1]) : fs.mkdtempSync(path.join(os.tmpdir(), 'oj2019-outputs-'));
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(path.join(out, 'docs'), { recursive: true });

const model = path.join(root, 'examples/oj2019');
const oj = (...ojArgs) =>
    execFileSync(process.execPath, [path.join(root, 'packages/cli/bin/oj.js'), ...ojArgs], {
        cwd: root,
        stdio: ['ignore', 'ignore', 'pipe'],
    });

oj('docs', model, '--format', 'pdf', '--out', path.join(out, 'docs/indikatorer.pdf'));
oj('docs', model, '--format', 'docx', '--out', path.join(out, 'docs/indikatorer.docx'));
oj('docs', model, '--format', 'html', '--out', path.join(out, 'docs/indikatorer.html'));
oj('docs', model, '--kind', 'questionnaire', '--format', 'docx', '--out', path.join(out, 'docs/formular.docx'));
oj('generate', model, '--out', path.join(out, 'generate'));
oj('evaluate', model, '--responses', path.join(here, 'responses.csv'), '--out', path.join(out, 'evaluate'));

function files(dir) {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const full = path.join(dir, entry.name);
        return entry.isDirectory() ? files(full) : [full];
    });
}

const hashes = files(out)
    .map((file) => path.relative(out, file).split(path.sep).join('/'))
    .sort()
    .map(
        (file) =>
            `${createHash('sha256')
                .update(fs.readFileSync(path.join(out, file)))
                .digest('hex')}  ${file}`,
    );
const text = hashes.join('\n') + '\n';
if (keepIndex < 0) fs.rmSync(out, { recursive: true, force: true });

if (record) {
    fs.writeFileSync(hashesFile, text);
    process.stderr.write(`${hashes.length} hashes written to ${path.relative(root, hashesFile)}.\n`);
} else {
    const expected = fs.readFileSync(hashesFile, 'utf-8').trim().split('\n');
    const differ = [...new Set([...expected, ...hashes])]
        .filter((line) => !(expected.includes(line) && hashes.includes(line)))
        .map((line) => line.slice(66))
        .filter((file, i, all) => all.indexOf(file) === i);
    if (differ.length > 0) {
        process.stderr.write(`Differs from ${path.relative(root, hashesFile)}:\n${differ.map((f) => `  ${f}`).join('\n')}\n`);
        process.exit(1);
    }
    process.stderr.write(`${hashes.length} files byte-identical to ${path.relative(root, hashesFile)}.\n`);
}
