/**
 * Semantic tokens as a client decodes them with the server's legend: a question reference in a
 * rule ("fråga ii", its items) has a token type of its own, told apart from plain text, from
 * keywords and from the answer options beside it (issue 20 item 13).
 */
import { EmptyFileSystem } from 'langium';
import { parseHelper } from 'langium/test';
import { describe, expect, test } from 'vitest';
import type { SemanticTokensLegend } from 'vscode-languageserver';
import { createOjServices } from '../src/index.js';
import { ITEM_TOKEN_MODIFIER, QUESTION_TOKEN_TYPE } from '../src/lsp/oj-semantic-tokens.js';

const services = createOjServices(EmptyFileSystem).Oj;
const provider = services.lsp.SemanticTokenProvider!;
const legend: SemanticTokensLegend = provider.semanticTokensOptions.legend;

const HEAD = `enkät T2019 "Test 2019" { år 2019 }
svarsalternativ JN { Ja = 1 "Ja" Nej = 2 "Nej" }
svarsalternativ VAL { Vald = 1 "Vald" EjVald = 0 "Ej vald" }
område EB "Ekonomiskt bistånd"
fråga Delad: "Delad fråga?" svar JN variabel "D1"
`;

/** The tokens of the indicator's last part (the rule written into it). */
const tokensOfRule = (text: string) => tokensOf(text, text.lastIndexOf('\n    ', text.length - 3));

/** Every token of the text (from an offset): its text, type and modifiers, decoded with the legend the server announces. */
async function tokensOf(text: string, from = 0): Promise<Array<{ text: string; type: string; modifiers: string[] }>> {
    const document = await parseHelper(services)(text);
    const { data } = await provider.semanticHighlight(document, { textDocument: { uri: document.uri.toString() } });
    const tokens: Array<{ text: string; type: string; modifiers: string[] }> = [];
    let line = 0;
    let char = 0;
    for (let i = 0; i < data.length; i += 5) {
        line += data[i];
        char = data[i] === 0 ? char + data[i + 1] : data[i + 1];
        const start = document.textDocument.offsetAt({ line, character: char });
        const modifiers = legend.tokenModifiers.filter((_, bit) => (data[i + 4] & (1 << bit)) !== 0);
        if (start >= from)
            tokens.push({ text: text.slice(start, start + data[i + 2]), type: legend.tokenTypes[data[i + 3]], modifiers });
    }
    return tokens;
}

const indicator = (rule: string) => `${HEAD}
indikator 1 "P" {
    områden EB
    fråga i Rutin: "Har ni?" svar JN
    fråga ii Former: "Vilka?" svar VAL
        alternativ A "a"
        alternativ B "b"
        alternativ C "c"
    fråga iii Personer: "Hur många?" antal
    fråga iv = Delad
    ${rule}
}`;

describe('question references', () => {
    test('the legend announces the type "question" and the modifier "item"', () => {
        expect(legend.tokenTypes).toContain(QUESTION_TOKEN_TYPE);
        expect(legend.tokenModifiers).toContain(ITEM_TOKEN_MODIFIER);
        // Added after the standard ones, so that their indexes stay as every client expects.
        expect(legend.tokenTypes.indexOf('variable')).toBe(21);
        expect(legend.tokenTypes.indexOf(QUESTION_TOKEN_TYPE)).toBe(legend.tokenTypes.length - 1);
    });

    test('"fråga ii A, B" in a rule: "fråga", the numeral and the items are question tokens; the options beside them are not', async () => {
        const rule = await tokensOfRule(indicator('krävs: Ja på fråga i och Vald på fråga ii A, B'));
        expect(rule.map((t) => [t.text, t.type, t.modifiers.join(' ')])).toEqual([
            ['Ja', 'enumMember', ''],
            ['fråga', 'question', ''],
            ['i', 'question', ''],
            ['Vald', 'enumMember', ''],
            ['fråga', 'question', ''],
            ['ii', 'question', ''],
            ['A', 'question', 'item'],
            ['B', 'question', 'item'],
        ]);
        // "på", "och" stay keywords (the TextMate grammar's), with no semantic token of their own.
        expect(rule.map((t) => t.text)).not.toContain('på');
    });

    test('in "minst två av alternativen A–C på fråga ii", in counts, shares and examples', async () => {
        const summary = (tokens: Array<{ text: string; type: string; modifiers: string[] }>) =>
            tokens.map((t) => `${t.text}:${t.type}${t.modifiers.length > 0 ? `:${t.modifiers.join(' ')}` : ''}`);
        expect(summary(await tokensOfRule(indicator('krävs: Vald på minst två av alternativen A–C på fråga ii')))).toEqual([
            'Vald:enumMember',
            'A:question:item',
            'C:question:item',
            'fråga:question',
            'ii:question',
        ]);
        expect(summary(await tokensOfRule(indicator('krävs: antal på fråga iii > 0')))).toEqual([
            'fråga:question',
            'iii:question',
        ]);
        expect(summary(await tokensOfRule(indicator('exempel { fråga iii = 2  ger uppnådd }')))).toEqual([
            'fråga:question',
            'iii:question',
        ]);
        expect(summary(await tokensOfRule(indicator('andel: fråga iii / fråga iii')))).toEqual([
            'fråga:question',
            'iii:question',
            'fråga:question',
            'iii:question',
        ]);
        expect(summary(await tokensOfRule(indicator('mått: (fråga iii + fråga iii) / fråga iii')))).toHaveLength(6);
    });

    test('declarations: a numeral and a shared question as questions, declared; an item as an item, declared', async () => {
        const tokens = await tokensOf(indicator('krävs: Ja på fråga i'));
        const find = (text: string) => tokens.find((t) => t.text === text)!;
        expect(find('Delad')).toEqual({ text: 'Delad', type: 'question', modifiers: ['declaration'] });
        expect(find('i')).toEqual({ text: 'i', type: 'question', modifiers: ['declaration'] });
        expect(find('A')).toEqual({ text: 'A', type: 'question', modifiers: ['declaration', 'item'] });
        // The "fråga" that begins a declaration is the keyword of the declaration, left to the TextMate grammar.
        expect(tokens.filter((t) => t.text === 'fråga')).toHaveLength(1);
    });
});
