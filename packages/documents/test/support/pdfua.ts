/**
 * The PDF/UA-1 checker (pdfua.py, on pikepdf) for tests: every test that writes a PDF — the
 * description, the questionnaire, reports — runs it on its output. Also usable from the command line:
 *
 *     npx tsx packages/documents/test/support/pdfua.ts file.pdf …
 *
 * Needs Debian's python3-pikepdf (`apt-get install -y python3-pikepdf`); without it the checker
 * throws with that instruction rather than letting a test pass unchecked.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const CHECKER = path.join(here, 'pdfua.py');
const MUTANTS = path.join(here, 'pdfua_mutants.py');

export type PdfUaCheck =
    | 'marked'
    | 'struct-tree'
    | 'role-map'
    | 'lang'
    | 'title'
    | 'pdfuaid'
    | 'figure-alt'
    | 'fonts'
    | 'tabs'
    | 'tagged-content'
    | 'headings'
    | 'tables';

/** Every check, in the order reported. */
export const PDFUA_CHECKS: PdfUaCheck[] = [
    'marked',
    'struct-tree',
    'role-map',
    'lang',
    'title',
    'pdfuaid',
    'figure-alt',
    'fonts',
    'tabs',
    'tagged-content',
    'headings',
    'tables',
];

export interface PdfUaFailure {
    check: PdfUaCheck;
    message: string;
}

export interface PdfUaResult {
    file: string;
    ok: boolean;
    failures: PdfUaFailure[];
}

let python: string | undefined;

/** Debian's python3 (which has python3-pikepdf), even where another python3 comes first on PATH. */
function pythonWithPikepdf(): string {
    if (python) return python;
    for (const candidate of ['/usr/bin/python3', 'python3']) {
        const probe = spawnSync(candidate, ['-c', 'import pikepdf'], { stdio: 'pipe' });
        if (probe.status === 0) return (python = candidate);
    }
    throw new Error('PDF/UA-kontrollen behöver pikepdf: apt-get install -y python3-pikepdf');
}

/** Checks PDF files (paths) or PDF bytes; one result per input. */
export function checkPdfUa(...inputs: Array<string | Uint8Array>): PdfUaResult[] {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oj-pdfua-'));
    try {
        const files = inputs.map((input, i) => {
            if (typeof input === 'string') return input;
            const file = path.join(dir, `${i}.pdf`);
            fs.writeFileSync(file, input);
            return file;
        });
        const run = spawnSync(pythonWithPikepdf(), [CHECKER, ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
        if (run.status !== 0 && run.status !== 1) throw new Error(`pdfua.py: ${run.stderr || `exit ${run.status}`}`);
        return run.stdout
            .trim()
            .split('\n')
            .map((line) => JSON.parse(line) as PdfUaResult);
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

/** The failures of one PDF, as "check: message" lines (empty when it conforms): easy to assert on. */
export function pdfUaFailures(input: string | Uint8Array): string[] {
    return checkPdfUa(input)[0].failures.map((f) => `${f.check}: ${f.message}`);
}

/** Writes one test PDF per check, each breaking exactly that requirement of a conforming PDF. */
export function writePdfUaMutants(good: string, outDir: string): Record<PdfUaCheck, string> {
    execFileSync(pythonWithPikepdf(), [MUTANTS, good, outDir], { stdio: 'pipe' });
    return Object.fromEntries(PDFUA_CHECKS.map((c) => [c, path.join(outDir, `${c}.pdf`)])) as Record<PdfUaCheck, string>;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    const results = checkPdfUa(...process.argv.slice(2));
    for (const r of results) {
        process.stdout.write(
            r.ok
                ? `${r.file}: PDF/UA-kontrollen godkänd\n`
                : `${r.file}:\n${r.failures.map((f) => `  ${f.check}: ${f.message}`).join('\n')}\n`,
        );
    }
    process.exitCode = results.every((r) => r.ok) ? 0 : 1;
}
