/**
 * Issue 19, case 4: nesting deeper than any rule a person writes, spread over many lines. The
 * parser must neither overflow the stack nor be left in a state that hands the next document
 * another file's elements (in a long-running language server that would corrupt the workspace).
 */
import { EmptyFileSystem } from 'langium';
import { clearDocuments, parseHelper } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { createOjServices, guardNesting, isIndicator, MAX_NESTING, type Indicator, type Model } from '../src/index.js';

const { shared, Oj: services } = createOjServices(EmptyFileSystem);
const parse = parseHelper<Model>(services);

afterEach(() => clearDocuments(shared));

const SURVEY = `enkät T2019 "Test 2019" {
    år 2019
    variabelmönster "T{indikator}_{fråga}{del}[_{grupp}]"
    datakälla "Enkät." målpopulation "Alla." nämnare "Svarande." redovisningsnivåer kommun, riket
}
svarsalternativ JN { Ja = 1 "Ja" Nej = 2 "Nej" }
område EB "Ekonomiskt bistånd"
`;

const rule = (condition: string, number = 1) => `indikator ${number} "Indikator ${number}" {
    områden EB
    fråga i Rutin${number}: "Har ni en rutin?" svar JN
    krävs: ${condition}
}
`;

/** `depth` parentheses around a condition, one per line, as a generator or a paste gone wrong writes them. */
const nested = (depth: number, separator = '\n') =>
    `${'('.repeat(depth).split('').join(separator)}${separator}Ja på fråga i${separator}${')'.repeat(depth).split('').join(separator)}`;

const errors = (model: { $document?: { diagnostics?: Array<{ severity?: number; message: string }> } }) =>
    (model.$document?.diagnostics ?? []).filter((d) => d.severity === 1).map((d) => d.message);

describe('nesting across lines', () => {
    test('150 parentheses over 300 lines: no crash, one error naming the line where it goes too deep', async () => {
        const text = SURVEY + rule(nested(150));
        const document = await parse(text, { validation: true });
        const messages = errors(document.parseResult.value as never);
        // The first parenthesis is on the line of "krävs:", one more on each line after it.
        const firstLine = text.split('\n').findIndex((line) => line.includes('krävs: (')) + 1;
        expect(messages[0]).toBe(
            `Uttrycket är nästlat i mer än ${MAX_NESTING} nivåer (parenteser och "inte"), från rad ${firstLine + MAX_NESTING} till rad ${firstLine + 149}; förenkla det. Nivåerna utöver ${MAX_NESTING} läses inte.`,
        );
        expect(messages).toHaveLength(1);
        const diagnostic = document.diagnostics!.find((d) => d.message === messages[0])!;
        expect(diagnostic.range.start.line + 1).toBe(firstLine + MAX_NESTING);
    });

    test('the same services parse the next document correctly, with its own elements', async () => {
        await parse(SURVEY + rule(nested(150)), { validation: true });
        await parse(SURVEY + rule(Array.from({ length: 400 }, () => 'inte').join('\n') + ' Ja på fråga i'), { validation: true });
        // The workspace forgets the broken files (their survey would be declared twice); the parser is the same.
        await clearDocuments(shared);
        const next = await parse(SURVEY + rule('Ja på fråga i', 7) + rule('Nej på fråga i', 8), { validation: true });
        const indicators = next.parseResult.value.elements.filter(isIndicator) as Indicator[];
        expect(indicators.map((i) => [i.number, i.name])).toEqual([
            [7, 'Indikator 7'],
            [8, 'Indikator 8'],
        ]);
        expect(next.parseResult.lexerErrors).toEqual([]);
        expect(next.parseResult.parserErrors).toEqual([]);
        expect(errors(next.parseResult.value as never)).toEqual([]);
    });

    test('a long run of "inte" over many lines is bounded the same way', async () => {
        const text = SURVEY + rule(Array.from({ length: 400 }, () => 'inte').join('\n') + ' Ja på fråga i');
        const document = await parse(text, { validation: true });
        expect(errors(document.parseResult.value as never)[0]).toMatch(
            new RegExp(`^Uttrycket är nästlat i mer än ${MAX_NESTING} nivåer`),
        );
    });

    test('nesting within the limit is parsed as written, and parentheses in texts and comments do not count', async () => {
        const parens = '('.repeat(200);
        const text = `${SURVEY}// ${parens}\n${rule(nested(MAX_NESTING - 5)).replace('"Har ni en rutin?"', `"${parens}"`)}`;
        const document = await parse(text, { validation: true });
        expect(document.parseResult.parserErrors).toEqual([]);
        expect(errors(document.parseResult.value as never)).toEqual([]);
    });
});

describe('the guard itself', () => {
    test('keeps every offset and line, and passes over every kind of token (a lone "/", operators, texts, comments)', () => {
        const text = `${'( '.repeat(120)}andel: fråga i / fråga ii >= 3 <> "a(" /* ( */ // (\ninte ${'inte '.repeat(120)}x ${') '.repeat(120)}/`;
        const { text: guarded, deep } = guardNesting(text);
        expect(guarded).toHaveLength(text.length);
        expect(guarded.split('\n').length).toBe(text.split('\n').length);
        expect(deep).toBeDefined();
        // 100 levels kept: the parentheses beyond are gone with their partners, the "inte" beyond the limit too.
        // (and the three inside the text and the comments)
        expect(guarded.split('(').length - 1).toBe(MAX_NESTING + 3);
        expect(guarded.split(')').length - 1).toBe(MAX_NESTING);
    });
});
