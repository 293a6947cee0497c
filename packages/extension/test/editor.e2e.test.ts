/**
 * The extension's own requests through both real clients (IPC and raw stdio) on a copy of the 2019
 * set: the worked examples the Testing view lists and runs (`oj/examples`), the preview while a
 * rule is half typed, and the decision explorer (`oj/explore`).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ExampleFile, ExploreResult, PreviewResult } from '../src/protocol.js';
import { type Answer, type Driver, DRIVER_KINDS, startDriver } from './support/drivers.js';
import { examplesDir } from './support/paths.js';

const INDICATORS = 'indikatorer-flera-omraden.oj';

function resultOf<T>(answer: Answer): T {
    if ('error' in answer) throw new Error(`${answer.error.code}: ${answer.error.message}`);
    return answer.result as T;
}

describe.each(DRIVER_KINDS)("the extension's requests through the %s client", (kind) => {
    let workspace: string;
    let driver: Driver;
    let uri: string;
    let original: string;

    beforeAll(async () => {
        workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'oj-editor-'));
        fs.cpSync(examplesDir, workspace, { recursive: true });
        driver = await startDriver(kind, workspace);
        uri = driver.uriOf(INDICATORS);
        original = fs.readFileSync(path.join(workspace, INDICATORS), 'utf-8');
        driver.open(uri, original);
        await driver.published(uri);
    });

    afterAll(async () => {
        await driver?.stop();
        fs.rmSync(workspace, { recursive: true, force: true });
    });

    test('oj/examples lists every worked example of the workspace under its indicator, all passing', async () => {
        const { files } = resultOf<{ files: ExampleFile[] }>(await driver.request('oj/examples', {}));
        expect(files.map((f) => path.basename(f.uri))).toEqual([INDICATORS]);
        const [file] = files;
        expect(file.indicators.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
        const examples = file.indicators.flatMap((i) => i.examples);
        expect(examples).toHaveLength((original.match(/^\s*exempel\b/gm) ?? []).length);
        expect(examples.filter((e) => !e.passed).map((e) => e.title)).toEqual([]);
        const second = file.indicators.find((i) => i.number === 2)!;
        expect(second.examples.map((e) => e.title)).toEqual([
            'Rutin som följts upp',
            'Rutinen upprättades nyligen',
            'Ingen rutin',
            'Området finns inte i kommunen',
            'Uppföljningen obesvarad',
        ]);
        // Ranges point at the example's source lines (for the gutter icons).
        const line = original.split('\n').findIndex((l) => l.includes('exempel "Ingen rutin"'));
        expect(second.examples[2].range.start.line).toBe(line);
    });

    test('a failing example shows the expected and the actual status and the answers that decided, per area', async () => {
        const at = original.indexOf('indikator 2 "');
        const broken =
            original.slice(0, at) +
            original
                .slice(at)
                .replace(
                    'exempel "Ingen rutin" {\n        fråga i = Nej\n        ger ej uppnådd',
                    'exempel "Ingen rutin" {\n        fråga i = Nej\n        ger uppnådd',
                );
        expect(broken).not.toBe(original);
        driver.change(uri, broken);
        await driver.published(uri, (p) => p.diagnostics.some((d) => d.severity === 1));
        const { files } = resultOf<{ files: ExampleFile[] }>(await driver.request('oj/examples', { textDocument: { uri } }));
        const example = files[0].indicators.find((i) => i.number === 2)!.examples[2];
        expect(example.title).toBe('Ingen rutin');
        expect(example.passed).toBe(false);
        const failing = example.outcomes.filter((o) => !o.passed);
        expect(failing.map((o) => o.unit)).toEqual(['EB', 'MB', 'SP', 'VNR', 'BU', 'LSSB', 'LSSV', 'AO']);
        expect(failing[4]).toMatchObject({ unit: 'BU', expected: 'met', actual: 'not_met' });
        expect(failing[4].deciding.map((d) => d.text)).toEqual(['fråga i för BU = Nej']);
        expect(failing[4].deciding[0].variable).toBe('I02_1_BU');
        driver.change(uri, original);
        await driver.published(uri, (p) => !p.diagnostics.some((d) => d.severity === 1));
    });

    test('the preview while a rule is half typed: no error, the indicator as it last was complete', async () => {
        const before = resultOf<PreviewResult>(await driver.request('oj/preview', { textDocument: { uri } }));
        expect(before.notes ?? []).toEqual([]);
        const rule =
            'Ja på fråga i och Ja eller EjAktuellt på fråga ii\n    utesluts: EjAktuellt på fråga i\n    exempel "Rutin som följts upp"';
        expect(original).toContain(rule);
        for (const typed of [' och', ' och på', ' och Ja på fråga']) {
            const text = original.replace(rule, rule.replace('på fråga ii\n', `på fråga ii${typed}\n`));
            driver.change(uri, text);
            await driver.published(uri, (p) => p.diagnostics.some((d) => d.severity === 1));
            const answer = await driver.request('oj/preview', { textDocument: { uri } });
            expect('result' in answer, JSON.stringify(answer)).toBe(true);
            const preview = resultOf<PreviewResult>(answer);
            expect(preview.body).toContain('id="indikator-2"');
            expect(preview.body).toContain('Ja på fråga i och Ja eller Ej aktuellt på fråga ii');
            expect(preview.notes).toEqual(['Indikator 2 visas som den senast var komplett, medan den skrivs.']);
        }
        driver.change(uri, original);
        await driver.published(uri, (p) => !p.diagnostics.some((d) => d.severity === 1));
        expect(resultOf<PreviewResult>(await driver.request('oj/preview', { textDocument: { uri } })).notes).toEqual([]);
    });

    test('the decision explorer: picked answers give the status, the deciding answers and the rule with what decided marked', async () => {
        const answer = await driver.request('oj/explore', {
            textDocument: { uri },
            indicator: 2,
            unit: 'BU',
            answers: { i: 'Nej' },
        });
        const result = resultOf<ExploreResult>(answer);
        expect(result).toMatchObject({ indicator: 2, unit: 'BU', status: 'not_met', statusText: 'ej uppnådd' });
        expect(result.units.map((u) => u.name)).toEqual(['EB', 'MB', 'SP', 'VNR', 'BU', 'LSSB', 'LSSV', 'AO']);
        expect(result.questions.map((q) => [q.numeral, q.options.map((o) => o.name)])).toEqual([
            ['i', ['Ja', 'Nej', 'EjAktuellt']],
            ['ii', ['Ja', 'Nej', 'EjAktuellt']],
        ]);
        expect(result.deciding.map((d) => d.text)).toEqual(['fråga i för BU = Nej']);
        expect(result.rule.filter((s) => s.decided).map((s) => s.text)).toEqual(['fråga i']);
        expect(result.rule.map((s) => s.text).join('')).toBe('Ja på fråga i och Ja eller Ej aktuellt på fråga ii');
        // Ja on i with ii blank: the blank decides "saknas"; both questions were read.
        const missing = resultOf<ExploreResult>(
            await driver.request('oj/explore', { textDocument: { uri }, indicator: 2, unit: 'BU', answers: { i: 'Ja' } }),
        );
        expect(missing.status).toBe('missing');
        expect(missing.deciding.map((d) => d.text)).toEqual(['fråga ii för BU = blankt']);
    });

    test("the explorer's answers written as a new worked example: it passes and the Testing view lists it", async () => {
        const result = resultOf<ExploreResult>(
            await driver.request('oj/explore', {
                textDocument: { uri },
                indicator: 2,
                unit: 'BU',
                answers: { i: 'Ja', ii: 'EjAktuellt' },
            }),
        );
        expect(result.status).toBe('met');
        expect(result.example).toBe(
            [
                '    exempel "fråga i = Ja, fråga ii = EjAktuellt ger uppnådd" {',
                '        fråga i = Ja',
                '        fråga ii = EjAktuellt',
                '        ger BU: uppnådd',
                '    }',
                '',
            ].join('\n'),
        );
        const lines = original.split('\n');
        expect(lines[result.insertAt.line]).toBe('}');
        const edited = [
            ...lines.slice(0, result.insertAt.line),
            result.example + lines[result.insertAt.line],
            ...lines.slice(result.insertAt.line + 1),
        ].join('\n');
        driver.change(uri, edited);
        const published = await driver.published(
            uri,
            (p) => p.version !== undefined && p.diagnostics.every((d) => d.severity !== 1),
        );
        expect(published.diagnostics.filter((d) => d.severity === 1)).toEqual([]);
        const { files } = resultOf<{ files: ExampleFile[] }>(await driver.request('oj/examples', { textDocument: { uri } }));
        const added = files[0].indicators.find((i) => i.number === 2)!.examples.at(-1)!;
        expect(added).toMatchObject({ title: 'fråga i = Ja, fråga ii = EjAktuellt ger uppnådd', passed: true });
        driver.change(uri, original);
        await driver.published(uri, (p) => !p.diagnostics.some((d) => d.severity === 1));
    });
});
