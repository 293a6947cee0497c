/**
 * The editor services a methodologist uses while writing: hover, completion, navigation, rename,
 * outline, folding, formatting, semantic tokens and quick fixes, through langium/test.
 */
import { EmptyFileSystem, URI } from 'langium';
import {
    clearDocuments, expectCompletion, expectFindReferences, expectFoldings, expectFormatting, expectGoToDefinition,
    expectHover, expectSemanticToken, expectSymbols, highlightHelper, parseHelper, testCodeAction
} from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { SemanticTokenTypes, type CompletionList } from 'vscode-languageserver';
import { createOjServices, IssueCodes, type Model } from '../src/index.js';

const services = createOjServices(EmptyFileSystem).Oj;
const shared = services.shared;

afterEach(() => clearDocuments(shared));

const HEAD = `enkät T2019 "Test 2019" {
    år 2019
    variabelmönster "T{indikator}_{fråga}{del}[_{grupp}]"
    datakälla "Enkät." målpopulation "Alla." nämnare "Svarande." redovisningsnivåer kommun, riket
}
svarsalternativ JN { Ja = 1 "Ja" Nej = 2 "Nej" }
svarsalternativ JNE_NY { Ja = 1 "Ja" Nej = 2 "Nej" EjAktuellt = 3 "Ej aktuellt, då rutinen upprättades nyligen" kort "Ej aktuellt" }
område EB "Ekonomiskt bistånd"
område BU "Barn och unga" { rubrik "Sociala barn- och ungdomsvården" }
begrepp ledningsnivå: med "ledningsnivå" avses "den nivå inom organisationen som har mandat att besluta om gemensamma rutiner."
`;

describe('hover', () => {
    const text = `${HEAD}
indikator 2 "Aktuell <|>rutin" {
    områden EB, BU
    redovisas för EB, BU
    begrepp <|>ledningsnivå
    fråga i Rutin: "Har ni en <b>skriftlig</b> rutin?" svar JN per område EB, BU
    fråga ii Uppf: "Följt upp?" svar JNE_NY per område EB, BU
    krävs: Ja på fråga <|>i och Ja eller <|>EjAktuellt på fråga ii
}`;

    test('on a question numeral: text, options with codes, variable names; model text is escaped', async () => {
        await expectHover(services)({
            text, index: 2,
            hover: /\*\*Fråga i\*\* \(Rutin\)\n\nHar ni en &lt;b&gt;skriftlig&lt;\/b&gt; rutin\?\n\nSvarsalternativ \(JN\): Ja = 1 · Nej = 2[\s\S]*Variabler: `T2_1_EB`, `T2_1_BU`/
        });
    });

    test('on an option: its label and code', async () => {
        await expectHover(services)({ text, index: 3, hover: /^\*\*Ej aktuellt, då rutinen upprättades nyligen\*\*\n\nKod 3 i svarsalternativen JNE\\_NY/ });
    });

    test('on an indicator: number, name and the rule in the Swedish of the published document', async () => {
        await expectHover(services)({
            text, index: 0,
            hover: /^\*\*2\. Aktuell rutin\*\*[\s\S]*För att uppnå indikatorn krävs: Ja på fråga i och Ja eller Ej aktuellt på fråga ii\.[\s\S]*\*\*Beslutstabell\*\*/
        });
    });

    test('on a term: its definition', async () => {
        await expectHover(services)({ text, index: 1, hover: '**ledningsnivå**\n\nMed ledningsnivå avses den nivå inom organisationen som har mandat att besluta om gemensamma rutiner.' });
    });
});

describe('completion', () => {
    const indicator = (rule: string) => `${HEAD}
indikator 1 "Prov" {
    områden EB
    fråga i Rutin: "Har ni?" svar JN
    fråga ii Uppf: "Följt upp?" svar JNE_NY
        alternativ A "Del A"
        alternativ B "Del B"
    ${rule}
}`;
    const labels = (list: CompletionList) => list.items.map(i => i.label);

    test('after a comparison with a question, only that question\'s options', async () => {
        await expectCompletion(services)({
            text: indicator('krävs: fråga i är <|>'), index: 0,
            assert: list => expect(labels(list).sort()).toEqual(['Ja', 'Nej'])
        });
        await expectCompletion(services)({
            text: indicator('krävs: fråga ii A är <|>'), index: 0,
            assert: list => {
                expect(labels(list).sort()).toEqual(['EjAktuellt', 'Ja', 'Nej']);
                expect(list.items.find(i => i.label === 'EjAktuellt')?.detail).toBe('3 – Ej aktuellt, då rutinen upprättades nyligen');
            }
        });
    });

    test('items of the question after its numeral', async () => {
        await expectCompletion(services)({
            text: indicator('krävs: Ja på fråga ii <|>'), index: 0,
            assert: list => expect(labels(list)).toEqual(expect.arrayContaining(['A', 'B']))
        });
    });

    test('keywords by context: parts inside an indicator, declarations at the top level', async () => {
        await expectCompletion(services)({
            text: indicator('krävs: Ja på fråga i\n    <|>'), index: 0,
            assert: list => {
                expect(labels(list)).toEqual(expect.arrayContaining(['beskrivning', 'syfte', 'krävs', 'utesluts', 'exempel', 'fråga']));
                expect(labels(list)).not.toContain('enkät');
            }
        });
        await expectCompletion(services)({
            text: `${HEAD}\n<|>`, index: 0,
            assert: list => {
                expect(labels(list)).toEqual(expect.arrayContaining(['indikator', 'fråga', 'svarsalternativ', 'område', 'begrepp']));
                expect(labels(list)).not.toContain('krävs');
            }
        });
    });
});

describe('navigation', () => {
    const text = `${HEAD}
fråga <|Delad|>: "Har ni en delad rutin?" svar JN variabel "D1"
indikator 1 "Prov" {
    områden EB
    fråga <|i|> = <|>Delad
    krävs: Ja på fråga <|>i
    utesluts: Nej på fråga <|>i
}`;

    test('go to definition from a numeral in a rule and from a shared question', async () => {
        await expectGoToDefinition(services)({ text, index: 1, rangeIndex: 1 });
        await expectGoToDefinition(services)({ text, index: 0, rangeIndex: 0 });
    });

    test('find references of a numeral: every rule and exclusion mention', async () => {
        await expectFindReferences(services)({
            text: `${HEAD}
indikator 1 "Prov" {
    områden EB
    fråga <|>i Rutin: "Har ni?" svar JN
    krävs: Ja på fråga <|i|>
    utesluts: Nej på fråga <|i|>
}`,
            includeDeclaration: false
        });
    });

    test('highlight shows the declaration and its uses', async () => {
        const document = await parseHelper<Model>(services)(`${HEAD}indikator 1 "P" { områden EB fråga i Q: "?" svar JN krävs: Ja på fråga i utesluts: Nej på fråga i }`);
        const text = document.textDocument.getText();
        const highlights = await services.lsp.DocumentHighlightProvider!.getDocumentHighlight(document, {
            textDocument: { uri: document.textDocument.uri }, position: document.textDocument.positionAt(text.lastIndexOf('fråga i') + 6)
        });
        expect(highlights?.map(h => text.slice(document.textDocument.offsetAt(h.range.start), document.textDocument.offsetAt(h.range.end)))).toEqual(['i', 'i', 'i']);
    });
});

describe('rename', () => {
    async function open(texts: string[]) {
        const documents = texts.map((t, i) => shared.workspace.LangiumDocumentFactory.fromString<Model>(t, URI.file(`/rename/f${i}.oj`)));
        documents.forEach(d => shared.workspace.LangiumDocuments.addDocument(d));
        await shared.workspace.DocumentBuilder.build(documents);
        return documents;
    }

    test('renaming a shared question changes every indicator that uses it, across files', async () => {
        const [declaring, using] = await open([
            `${HEAD}fråga Delad: "Har ni?" svar JN variabel "D1"\n`,
            'tillhör T2019\nindikator 1 "A" { områden EB fråga i = Delad krävs: Ja på fråga i }\nindikator 2 "B" { områden EB fråga ii = Delad krävs: Ja på fråga ii }\n'
        ]);
        const offset = declaring.textDocument.getText().indexOf('Delad');
        const edit = await services.lsp.RenameProvider!.rename(declaring, {
            textDocument: { uri: declaring.uri.toString() }, position: declaring.textDocument.positionAt(offset + 1), newName: 'DeladRutin'
        });
        const changes = edit?.changes ?? {};
        expect(changes[declaring.uri.toString()]).toHaveLength(1);
        expect(changes[using.uri.toString()].map(e => e.newText)).toEqual(['DeladRutin', 'DeladRutin']);
    });

    test('renaming a numeral updates every rule, exclusion and example that mentions it', async () => {
        const [document] = await open([`${HEAD}indikator 1 "A" {
    områden EB
    fråga i Rutin: "Har ni?" svar JNE_NY
    krävs: Ja på fråga i
    utesluts: EjAktuellt på fråga i
    exempel { fråga i = Nej ger ej uppnådd }
}`]);
        const text = document.textDocument.getText();
        const edit = await services.lsp.RenameProvider!.rename(document, {
            textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(text.indexOf('fråga i Rutin') + 6), newName: 'iv'
        });
        const edits = edit?.changes?.[document.uri.toString()] ?? [];
        expect(edits).toHaveLength(4);
        expect(edits.every(e => e.newText === 'iv')).toBe(true);
    });

    test('a keyword or an invalid name is refused', async () => {
        const [document] = await open([`${HEAD}fråga Delad: "Har ni?" svar JN variabel "D1"\n`]);
        const position = document.textDocument.positionAt(document.textDocument.getText().indexOf('Delad'));
        for (const newName of ['krävs', '1abc', 'två ord']) {
            await expect(services.lsp.RenameProvider!.rename(document, { textDocument: { uri: document.uri.toString() }, position, newName })).rejects.toThrow(/kan inte användas som namn/);
        }
    });
});

describe('outline, folding, semantic tokens', () => {
    const text = `${HEAD}
indikator 1 "Ett område" {
    områden EB
    fråga i Rutin: "Har ni?" svar JN
    krävs: Ja på fråga i
}
indikator 2 "Flera områden" {
    områden EB, BU
    fråga i Rutin2: "Har ni?" svar JN
    krävs: Ja på fråga i
}`;

    test('document symbols: declarations, then indicators by the section the document puts them in', async () => {
        await expectSymbols(services)({
            text,
            assert: symbols => {
                expect(symbols.map(s => s.name)).toEqual([
                    'Test 2019', 'EB – Ekonomiskt bistånd', 'BU – Barn och unga', 'JN', 'JNE_NY', 'ledningsnivå',
                    'Indikatorer som mäts och publiceras inom flera områden', 'Ekonomiskt bistånd'
                ]);
                const multi = symbols[6];
                expect(multi.children?.map(c => c.name)).toEqual(['2. Flera områden']);
                expect(symbols[7].children?.[0].children?.map(c => c.name)).toEqual(['i: Har ni?']);
            }
        });
    });

    test('folding ranges for every multi-line block', async () => {
        await expectFoldings(services)({
            text: `enkät T "T" <|{
    år 2019
|>}
indikator 1 "P" <|{
    områden EB
    exempel <|{
        fråga i = Ja
        ger uppnådd
    |>}
|>}`,
            assert: (foldings, expected) => {
                // Each fold runs from the opening line to the line before the closing brace.
                expect(foldings.map(f => [f.startLine, f.endLine])).toEqual([[0, 1], [3, 8], [5, 7]]);
                expect(expected).toHaveLength(3);
            }
        });
    });

    test('semantic tokens tell an option from a question numeral, an item and an area', async () => {
        const tokens = await highlightHelper(services)(`${HEAD}indikator 1 "P" { områden <|EB|> fråga i Q: "?" svar JN alternativ A "a" krävs: <|Ja|> på fråga <|i|> <|A|> }`);
        expectSemanticToken(tokens, { rangeIndex: 0, tokenType: SemanticTokenTypes.namespace });
        expectSemanticToken(tokens, { rangeIndex: 1, tokenType: SemanticTokenTypes.enumMember });
        expectSemanticToken(tokens, { rangeIndex: 2, tokenType: SemanticTokenTypes.variable });
        expectSemanticToken(tokens, { rangeIndex: 3, tokenType: SemanticTokenTypes.property });
    });
});

describe('formatting', () => {
    test('a badly laid out indicator gets one part per line and is stable', async () => {
        const before = `tillhör T
indikator 1 "X" {   områden EB ,BU beskrivning "b"
fråga i Q1: "t" svar JN   alternativ A "a"     alternativ B "b"
  krävs: Ja på fråga i A ,B ELLER Nej på fråga i A
exempel "e" { fråga i A = Ja fråga i B = Ja ger uppnådd }   }`;
        const after = `tillhör T
indikator 1 "X" {
    områden EB, BU
    beskrivning "b"
    fråga i Q1: "t" svar JN
        alternativ A "a"
        alternativ B "b"
    krävs: Ja på fråga i A, B
        ELLER Nej på fråga i A
    exempel "e" {
        fråga i A = Ja
        fråga i B = Ja
        ger uppnådd
    }
}`;
        await expectFormatting(services)({ before, after });
        await expectFormatting(services)({ before: after, after });
    });
});

describe('quick fixes', () => {
    test('an unknown option is replaced by an option of the question\'s answer set', async () => {
        const input = `${HEAD}indikator 1 "P" { områden EB fråga i Q: "?" svar JN krävs: Jaa på fråga i }`;
        const document = await parseHelper<Model>(services)(input);
        await shared.workspace.DocumentBuilder.build([document], { validation: true });
        const diagnostic = document.diagnostics!.find(d => (d.data as { code?: string }).code === IssueCodes.UnknownOption)!;
        const actions = await services.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.textDocument.uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] }
        });
        expect((actions ?? []).map(a => a.title)).toEqual(['Ändra till Ja', 'Ändra till Nej']);
    });

    test('an undeclared area is declared at the end of the file', async () => {
        const input = `${HEAD}indikator 1 "P" { områden MB fråga i Q: "?" svar JN krävs: Ja på fråga i }`;
        await testCodeAction(services)(input, IssueCodes.UnknownArea, `${input}\n\nområde MB "MB"\n`);
    });

    test('a question with items named without items gets "samtliga alternativ av"', async () => {
        const input = `${HEAD}indikator 1 "P" { områden EB fråga i Q: "?" svar JN alternativ A "a" alternativ B "b" krävs: Ja på fråga i }`;
        await testCodeAction(services)(input, IssueCodes.ItemsRequired, input.replace('krävs: Ja på fråga i', 'krävs: Ja på samtliga alternativ av fråga i'));
    });

    test('missing printed parts get skeleton lines', async () => {
        const input = `${HEAD}indikator 1 "P" {
    områden EB
    beskrivning "B."
    syfte "S."
    önskad riktning positiv
    typ struktur
    fråga i Q: "?" svar JN
    krävs: Ja på fråga i
}`;
        await testCodeAction(services)(input, IssueCodes.MissingPrintedPart, input.replace('indikator 1 "P" {', 'indikator 1 "P" {\n    kvalitetsområde ""'));
    });
});
