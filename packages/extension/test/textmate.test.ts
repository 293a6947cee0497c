/**
 * The TextMate grammar the extension ships, run by VS Code's own engine (vscode-textmate with the
 * Oniguruma regex library): every keyword of the language is highlighted as a keyword, including
 * those that begin or end with å, ä or ö, and not inside a longer name or in a string.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, test } from 'vitest';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, type IGrammar } from 'vscode-textmate';
import { repoDir } from './support/paths.js';

const require = createRequire(import.meta.url);
const grammarFile = process.env.OJ_TM_GRAMMAR ?? path.join(repoDir, 'syntaxes/oj.tmLanguage.json');
let grammar: IGrammar;

/** The scopes of each token of a line, as [text, innermost scope]. */
function tokens(line: string): Array<[string, string]> {
    const result = grammar.tokenizeLine(line, INITIAL);
    return result.tokens.map((t) => [line.slice(t.startIndex, t.endIndex), t.scopes[t.scopes.length - 1]]);
}

beforeAll(async () => {
    await oniguruma.loadWASM(fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer as ArrayBuffer);
    const registry = new Registry({
        onigLib: Promise.resolve({
            createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
            createOnigString: (text) => new oniguruma.OnigString(text),
        }),
        loadGrammar: async () => JSON.parse(fs.readFileSync(grammarFile, 'utf-8')),
    });
    grammar = (await registry.loadGrammar('source.oj'))!;
});

describe("the TextMate grammar in VS Code's engine", () => {
    test('every keyword is a keyword, also those beginning or ending with å, ä or ö', () => {
        const rule = JSON.parse(fs.readFileSync(grammarFile, 'utf-8')).patterns.find(
            (p: { name?: string }) => p.name === 'keyword.control.oj',
        );
        const keywords: string[] = /\((.*)\)/.exec(rule.match)![1].split('|');
        expect(keywords).toEqual(expect.arrayContaining(['år', 'är', 'önskad', 'på', 'mätdatum', 'tillhör', 'krävs']));
        for (const keyword of keywords) {
            expect(tokens(`x ${keyword} y`), keyword).toContainEqual([keyword, 'keyword.control.oj']);
        }
    });

    test('a rule line: keywords highlighted, names and texts not', () => {
        expect(
            tokens('    krävs: Ja på fråga i och inte Nej på fråga ii')
                .filter(([, scope]) => scope === 'keyword.control.oj')
                .map(([text]) => text),
        ).toEqual(['krävs', 'på', 'fråga', 'och', 'inte', 'på', 'fråga']);
        expect(
            tokens('    år 2019 önskad riktning positiv')
                .filter(([, scope]) => scope === 'keyword.control.oj')
                .map(([text]) => text),
        ).toEqual(['år', 'önskad', 'riktning', 'positiv']);
        // Inside a longer word or a string a keyword is not one.
        expect(
            tokens('område Påföljd "Är det på?"')
                .filter(([, scope]) => scope === 'keyword.control.oj')
                .map(([text]) => text),
        ).toEqual(['område']);
        expect(
            tokens('begrepp årsrapport')
                .filter(([, scope]) => scope === 'keyword.control.oj')
                .map(([text]) => text),
        ).toEqual(['begrepp']);
    });

    test('a question reference: "fråga" a keyword, its numeral and items coloured as a question, the options beside it not', () => {
        const QUESTION = 'entity.name.function.question.oj';
        const ITEM = 'entity.name.function.question.item.oj';
        expect(
            tokens('    krävs: Ja på fråga i och Vald på fråga ii A, B').filter(
                ([text, scope]) => scope !== 'source.oj' && text.trim() !== '',
            ),
        ).toEqual([
            ['krävs', 'keyword.control.oj'],
            ['på', 'keyword.control.oj'],
            ['fråga', 'keyword.control.oj'],
            ['i', QUESTION],
            ['och', 'keyword.control.oj'],
            ['på', 'keyword.control.oj'],
            ['fråga', 'keyword.control.oj'],
            ['ii', QUESTION],
            ['A, B', ITEM],
        ]);
        expect(tokens('        fråga iii A–D = Vald')).toContainEqual(['A–D', ITEM]);
        // A declaration's name is no item; a longer word beginning with "fråga" is no reference.
        expect(tokens('    fråga ii AvhysningRutin: "Har ni?" svar JN')).toContainEqual(['ii', QUESTION]);
        expect(tokens('    fråga ii AvhysningRutin: "Har ni?" svar JN').map(([, scope]) => scope)).not.toContain(ITEM);
        expect(tokens('    frågan ii').map(([, scope]) => scope)).not.toContain(QUESTION);
    });
});
