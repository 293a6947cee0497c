/**
 * The 2019 example set against the survey's own description of its variables (../shared/oj2019):
 * the model must name exactly the export's variables, with their questions, items, groups and codes,
 * and check clean.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { check } from '../src/commands/check.js';
import { codebookCsv } from '../src/commands/codebook.js';
import { coverage } from '../src/commands/coverage.js';

const root = path.resolve(__dirname, '../../..');
const example = path.join(root, 'examples/oj2019');
const shared = path.resolve(root, '../shared/oj2019');

type Row = Record<string, string>;
const readCsv = (text: string): Row[] => parse(text, { columns: true, bom: true, skip_empty_lines: true });

describe('examples/oj2019', () => {
    test('checks without errors or warnings', async () => {
        const { diagnostics, files } = await check([example]);
        expect(files).toBeGreaterThanOrEqual(4);
        expect(
            diagnostics
                .filter((d) => d.severity === 'error' || d.severity === 'warning')
                .map((d) => `${d.file}:${d.line} ${d.message}`),
        ).toEqual([]);
    });

    test('the codebook lists exactly the variables, questions, items, groups and answer codes of the 2019 survey', async () => {
        const { csv, errors } = await codebookCsv([example]);
        expect(errors).toBe(0);
        const ours = readCsv(csv);
        const theirs = readCsv(fs.readFileSync(path.join(shared, 'codebook.csv'), 'utf-8'));
        const answerSets = readCsv(fs.readFileSync(path.join(shared, 'answer-sets.csv'), 'utf-8'));
        const codesOf = (set: string) =>
            answerSets
                .filter((r) => r.answer_set === set)
                .map((r) => r.code)
                .sort()
                .join('|');
        expect(ours.map((r) => r.variable).sort()).toEqual(theirs.map((r) => r.variable).sort());
        const key = (r: Row) => [r.variable, r.indicator, r.question, r.item, r.group, r.answer_set].join(',');
        expect(ours.map(key).sort()).toEqual(theirs.map(key).sort());
        for (const row of ours) {
            expect(row.codes.split('|').sort().join('|'), row.variable).toBe(codesOf(row.answer_set));
        }
    });

    test('the worked examples show every outcome each indicator and group can give', async () => {
        const report = await coverage([example]);
        expect(report.entries.filter((e) => e.uncovered.length > 0)).toEqual([]);
        expect(report.percent).toBe(100);
        expect(report.entries.length).toBeGreaterThanOrEqual(10);
    });
});
