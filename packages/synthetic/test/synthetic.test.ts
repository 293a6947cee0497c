/**
 * The synthetic workspace: valid in the language (no errors, no warnings), realistic in shape,
 * and a pure function of its seed. Responses fit the workspace's codebook.
 */
import { EmptyFileSystem, URI } from 'langium';
import { describe, expect, test } from 'vitest';
import { codebookRows, createOjServices, type Indicator, type Model } from '@oj/language';
import { isUnitCodeError, parseUnitCode } from '@oj/regions';
import { generateResponses, generateWorkspace, respondents, responsesCsv, STADSDELAR } from '../src/index.js';

async function build(files: Array<{ path: string; text: string }>) {
    const { shared } = createOjServices(EmptyFileSystem);
    const documents = files.map((f) =>
        shared.workspace.LangiumDocumentFactory.fromString<Model>(f.text, URI.file(`/synthetic/${f.path}`)),
    );
    documents.forEach((d) => shared.workspace.LangiumDocuments.addDocument(d));
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return documents;
}

describe('generateWorkspace', () => {
    const files = generateWorkspace({ seed: 3, indicators: 60, files: 4 });

    test('checks with no errors and no warnings', async () => {
        const documents = await build(files);
        const problems = documents.flatMap((d) =>
            (d.diagnostics ?? [])
                .filter((x) => x.severity === 1 || x.severity === 2)
                .map((x) => `${d.uri.path}:${x.range.start.line + 1} ${x.message}`),
        );
        expect(problems).toEqual([]);
    });

    test('has the shapes of a real year: matrices, items, multiple choice, alternatives, variants, exclusions, exceptions, counts, shares, examples, shared questions', async () => {
        const documents = await build(files);
        const indicators = documents.flatMap((d) =>
            d.parseResult.value.elements.filter((e): e is Indicator => e.$type === 'Indicator'),
        );
        expect(indicators.map((i) => i.number)).toEqual(Array.from({ length: 60 }, (_v, i) => i + 1));
        const text = files.map((f) => f.text).join('\n');
        expect(text).toMatch(/^ {4}för [A-Z]+ krävs:/m);
        for (const part of [
            'per område',
            'alternativ A',
            'flerval',
            'ELLER',
            'utesluts:',
            'undantas:',
            'antal på fråga',
            'andel:',
            'exempel',
            'samtliga alternativ av',
            'något alternativ av',
            'fråga i = ',
        ]) {
            expect(text, part).toContain(part);
        }
        expect(indicators.every((i) => i.questions.length >= 1 && i.questions.length <= 4)).toBe(true);
        expect(files.map((f) => f.path)).toEqual(
            expect.arrayContaining(['enkat.oj', 'svarsalternativ.oj', 'omraden.oj', 'fragor-gemensamma.oj']),
        );
        expect(files.filter((f) => f.path.startsWith('indikatorer-'))).toHaveLength(4);
        // Survey variables are unique: each names one column of the export.
        const variables = codebookRows(documents.map((d) => d.parseResult.value)).map((r) => r.variable);
        expect(new Set(variables).size).toBe(variables.length);
    });

    test('the same seed gives byte-identical files; another seed does not', () => {
        expect(generateWorkspace({ seed: 3, indicators: 60, files: 4 })).toEqual(files);
        expect(generateWorkspace({ seed: 4, indicators: 60, files: 4 })).not.toEqual(files);
    });

    test('spreads indicators over the files requested and numbers them through', () => {
        const many = generateWorkspace({ seed: 1, indicators: 500, files: 9 });
        const indicatorFiles = many.filter((f) => f.path.startsWith('indikatorer-'));
        expect(indicatorFiles).toHaveLength(9);
        const numbers = indicatorFiles.flatMap((f) => [...f.text.matchAll(/^indikator (\d+) /gm)].map((m) => Number(m[1])));
        expect(numbers).toEqual(Array.from({ length: 500 }, (_v, i) => i + 1));
        expect(() => generateWorkspace({ seed: 1, indicators: 0, files: 1 })).toThrow();
    });
});

describe('generateResponses', () => {
    test('one row per respondent with a code, a count or a blank for every variable of the codebook', async () => {
        const documents = await build(generateWorkspace({ seed: 5, indicators: 12, files: 2 }));
        const codebook = codebookRows(documents.map((d) => d.parseResult.value));
        const responses = generateResponses({ seed: 1, respondents: 313, variables: codebook });
        expect(responses.columns).toEqual(['unit', 'name', ...codebook.map((c) => c.variable)]);
        expect(responses.rows).toHaveLength(313);
        expect(new Set(responses.rows.map((r) => r[0])).size).toBe(313);
        for (const row of responses.rows) {
            expect(row[0]).toMatch(/^\d{4}(-\d{2})?$/);
            codebook.forEach((variable, i) => {
                const cell = row[i + 2];
                if (cell === '') return;
                if (variable.numeric) expect(Number.isInteger(Number(cell))).toBe(true);
                else expect(variable.codes.map(String)).toContain(cell);
            });
        }
        expect(responses.rows.flat().some((cell) => cell === '')).toBe(true);
        expect(generateResponses({ seed: 1, respondents: 313, variables: codebook })).toEqual(responses);
        expect(responsesCsv(responses).split('\n')[0]).toBe(responses.columns.join(','));
    });

    test("respondents are the register's kommuner and the stadsdelar the synthetic survey declares", async () => {
        const all = respondents(314);
        const units = all.map((r) => r.unit);
        expect(new Set(units).size).toBe(314);
        expect(units.slice(0, 2)).toEqual(['0180-01', '0180-02']);
        expect(units).toContain('1480-10');
        expect(units).toContain('1280');
        expect(all.find((r) => r.unit === '2584')?.name).toBe('Kiruna');
        expect(() => respondents(315)).toThrow(/at most 314 respondents/);
        // Every code passes the evaluator's check against the register and the survey's declaration.
        const documents = await build(generateWorkspace({ seed: 5, indicators: 4, files: 1 }));
        const survey = documents.map((d) => d.parseResult.value).find((m) => m.header?.survey)!.header!.survey!;
        const declared = new Set(survey.districts.map((d) => d.code));
        expect(declared).toEqual(new Set(STADSDELAR.map((s) => s.code)));
        for (const unit of units) expect(isUnitCodeError(parseUnitCode(unit, declared)), unit).toBe(false);
    });
});
