/** `newYear`: next year's workspace from examples/oj2019, checked as a methodologist would read it. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { NodeFileSystem } from 'langium/node';
import { createOjServices, loadWorkspace, type Indicator, type Model } from '@oj/language';
import { diffModels, newYear, type NewYearResult } from '../src/index.js';

const root = path.resolve(__dirname, '../../..');
const source = path.join(root, 'examples/oj2019');

async function load(dir: string) {
    const { shared, Oj } = createOjServices(NodeFileSystem);
    const loaded = await loadWorkspace(shared, [dir]);
    return { ...loaded, services: Oj, models: loaded.documents.map((d) => d.parseResult.value as Model) };
}

const indicators = (models: Model[]) => models.flatMap((m) => m.elements.filter((e): e is Indicator => e.$type === 'Indicator'));

describe('oj new-year examples/oj2019 --year 2020', () => {
    let result: NewYearResult;
    let out: string;

    beforeAll(async () => {
        const old = await load(source);
        result = await newYear(old.documents, source, { year: 2020 });
        out = fs.mkdtempSync(path.join(os.tmpdir(), 'oj-new-year-'));
        for (const file of result.files) fs.writeFileSync(path.join(out, file.path), file.content);
    });

    test('writes every file, and the new workspace has no errors', async () => {
        expect(result.files.map((f) => f.path).sort()).toEqual(
            fs
                .readdirSync(source)
                .filter((f) => f.endsWith('.oj'))
                .sort(),
        );
        const now = await load(out);
        const errors = [...now.diagnostics.values()].flat().filter((d) => d.severity === 1);
        expect(errors).toEqual([]);
    });

    test('moves the survey on: name, title, year and mätdatum', async () => {
        const survey = (await load(out)).models.map((m) => m.header?.survey).find((s) => s)!;
        expect(survey).toMatchObject({
            name: 'OJ2020',
            title: 'Öppna jämförelser socialtjänst 2020',
            year: 2020,
            measurementDate: '2020-02-01',
        });
        expect(
            result.files.filter((f) => f.content.startsWith('tillhör ')).every((f) => f.content.startsWith('tillhör OJ2020')),
        ).toBe(true);
    });

    test('links every indicator to its 2019 name, replacing an older link', async () => {
        const before = indicators((await load(source)).models);
        const after = indicators((await load(out)).models);
        expect(result.linked).toBe(before.length);
        expect(after.map((i) => [i.number, i.earlier?.year, i.earlier?.name])).toEqual(
            before.map((i) => [i.number, 2019, i.name]),
        );
    });

    test('keeps comments and worked examples, and is formatted as the formatter writes it', async () => {
        const text = (dir: string) =>
            fs
                .readdirSync(dir)
                .filter((f) => f.endsWith('.oj'))
                .map((f) => fs.readFileSync(path.join(dir, f), 'utf-8'))
                .join('\n');
        const comments = (t: string) => t.split('\n').filter((l) => l.trim().startsWith('//'));
        expect(comments(text(out))).toEqual(comments(text(source)));
        expect(text(out).match(/\bexempel\b/g)!.length).toBe(text(source).match(/\bexempel\b/g)!.length);
        const now = await load(out);
        for (const document of now.documents) {
            const edits = await now.services.lsp.Formatter!.formatDocument(document, {
                textDocument: { uri: document.uri.toString() },
                options: { tabSize: 4, insertSpaces: true },
            });
            expect(edits, document.uri.path).toEqual([]);
        }
    });

    test('behaves exactly as last year', async () => {
        const d = diffModels((await load(source)).models, (await load(out)).models);
        expect(d.summary).toMatchObject({ added: 0, removed: 0, changed: 0, behaviourChanged: 0 });
    });

    test('lists what a methodologist must review: years in texts and comments, not the values it moved', () => {
        const reasons = result.review.map((n) => `${n.file}:${n.line} ${n.reason}`);
        expect(reasons).toContain('enkat.oj:1 Kommentaren nämner år 2019');
        expect(result.review.some((n) => n.reason === 'Nämner år 2018' && n.text.includes('SOU 2018:32'))).toBe(true);
        expect(result.review.some((n) => n.text.includes('2019-02-01') || n.text.includes('2020-02-01'))).toBe(false);
        expect(result.review.some((n) => /^tidigare/.test(n.text))).toBe(false);
    });
});
