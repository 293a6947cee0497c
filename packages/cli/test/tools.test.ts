/**
 * The developer tools on an ordinary machine: `npm run fuzz` measures its per-document budget in
 * CPU time and names every document over it on a FAIL line; `npm run bench` reports an absent
 * LibreOffice as not measured instead of failing.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { EXPECTED, summarize } from '../../../bench/report.js';
import { root } from './support.js';

const run = promisify(execFile);
let dir: string;

beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oj-tools-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function fuzz(args: string[]): Promise<{ code: number; stdout: string }> {
    const tsx = path.join(root, 'node_modules/.bin/tsx');
    try {
        const { stdout } = await run(
            tsx,
            ['packages/language/bench/fuzz/run.ts', '--failures-dir', path.join(dir, 'fuzz'), ...args],
            {
                cwd: root,
                env: { ...process.env, PATH: `${path.join(root, 'node_modules/.bin')}:${process.env.PATH}` },
                maxBuffer: 1 << 26,
            },
        );
        return { code: 0, stdout };
    } catch (error) {
        const e = error as { code: number; stdout: string };
        return { code: e.code, stdout: e.stdout };
    }
}

describe('npm run fuzz', () => {
    test('a document over the CPU budget fails the run with a FAIL line naming it, and its text is kept', async () => {
        const result = await fuzz(['--count', '3', '--budget-ms', '0']);
        expect(result.code).toBe(1);
        const fails = result.stdout.split('\n').filter((l) => l.startsWith('FAIL '));
        expect(fails).toHaveLength(3);
        for (const [i, line] of fails.entries()) {
            expect(line).toMatch(
                new RegExp(
                    `^FAIL over the CPU budget of 0 ms: #${i} \\S+\\.oj \\[.*\\]: \\d+ ms CPU \\(\\d+ ms wall\\); the document is in \\S+slow-${i}\\.oj$`,
                ),
            );
            expect(fs.existsSync(path.join(dir, 'fuzz', `slow-${i}.oj`))).toBe(true);
        }
        expect(result.stdout).toContain('FAILED: 0 failures, 3 documents over the CPU budget.');
    }, 120_000);

    test('within the budget: no FAIL line, exit 0, CPU and wall time both reported', async () => {
        const result = await fuzz(['--count', '3', '--budget-ms', '600000']);
        expect(result.stdout).not.toMatch(/^FAIL/m);
        expect(result.stdout).toMatch(
            /^CPU time per document: median [\d.]+ ms, max \d+ ms, 0 documents at the budget of 600000 ms or more$/m,
        );
        expect(result.stdout).toMatch(/^wall time per document: /m);
        expect(result.stdout).toContain('OK: no failures, every document within the CPU budget.');
        expect(result.code).toBe(0);
    }, 120_000);
});

describe('npm run bench without LibreOffice', () => {
    const savedPath = process.env.PATH;
    afterEach(() => {
        process.env.PATH = savedPath;
    });
    const measured = Object.fromEntries(EXPECTED.filter((e) => e.key !== 'docs.libreofficePdfMs').map((e) => [e.key, 1]));

    test('the LibreOffice peer is "not measured (LibreOffice saknas)", not missing', () => {
        process.env.PATH = path.join(dir, 'empty-bin');
        const summary = summarize(measured);
        expect(summary.missing).toEqual([]);
        expect([...summary.notMeasured]).toEqual([['docs.libreofficePdfMs', 'LibreOffice saknas']]);
        expect(summary.rows.find((r) => r[0] === 'docs.libreofficePdfMs')).toEqual([
            'docs.libreofficePdfMs',
            '–',
            '',
            'not measured (LibreOffice saknas)',
        ]);
    });

    test('with soffice on PATH, a LibreOffice number no benchmark produced is missing', () => {
        const bin = path.join(dir, 'bin');
        fs.mkdirSync(bin, { recursive: true });
        fs.writeFileSync(path.join(bin, 'soffice'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
        process.env.PATH = bin;
        const summary = summarize(measured);
        expect(summary.missing).toEqual(['docs.libreofficePdfMs']);
        expect(summary.notMeasured.size).toBe(0);
    });
});
