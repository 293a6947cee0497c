/**
 * The editor services a methodologist uses while writing: hover, completion, navigation, rename,
 * outline, folding, formatting, semantic tokens and quick fixes, through langium/test.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem, TextDocument, URI, type LangiumDocument } from 'langium';
import {
    clearDocuments,
    expectCompletion,
    expectFindReferences,
    expectFoldings,
    expectFormatting,
    expectGoToDefinition,
    expectHover,
    expectSemanticToken,
    expectSymbols,
    highlightHelper,
    parseHelper,
    testCodeAction,
    validationHelper,
} from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { SemanticTokenTypes, type CodeAction, type CompletionList, type Diagnostic, type TextEdit } from 'vscode-languageserver';
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
svarsalternativ VAL { Vald = 1 "Vald" EjVald = 0 "Ej vald" }
område EB "Ekonomiskt bistånd"
område BU "Barn och unga" { rubrik "Sociala barn- och ungdomsvården" }
område LSS "LSS" { grupp LSSB "LSS barn" grupp LSSV "LSS vuxen" }
begrepp ledningsnivå: med "ledningsnivå" avses "den nivå inom organisationen som har mandat att besluta om gemensamma rutiner."
`;

const code = (d: Diagnostic) => (d.data as { code?: string } | undefined)?.code;

/** Loads several files as one workspace, as the editor does with a folder. */
async function open(texts: string[]): Promise<Array<LangiumDocument<Model>>> {
    const documents = texts.map((t, i) => shared.workspace.LangiumDocumentFactory.fromString<Model>(t, URI.file(`/ws/f${i}.oj`)));
    documents.forEach((d) => shared.workspace.LangiumDocuments.addDocument(d));
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return documents;
}

function applyEdits(document: LangiumDocument, edits: TextEdit[] | undefined): string {
    return TextDocument.applyEdits(document.textDocument, edits ?? []);
}

describe('hover', () => {
    const text = `${HEAD}
indikator 2 "Aktuell <|>rutin" {
    områden EB, BU
    redovisas för EB, BU
    begrepp <|>ledningsnivå
    fråga i Rutin: "Har ni en <script>alert(1)</script> *skriftlig* rutin?" svar JN per område EB, BU
    fråga ii Uppf: "Följt upp?" svar JNE_NY per område EB, BU
    krävs: Ja på fråga <|>i och Ja eller <|>EjAktuellt på fråga ii
}`;

    test('on a question numeral in a rule: text, options with codes, areas and variable names, with model text escaped', async () => {
        await expectHover(services)({
            text,
            index: 2,
            hover: [
                '**Fråga i** (Rutin)',
                '',
                'Har ni en &lt;script&gt;alert(1)&lt;/script&gt; \\*skriftlig\\* rutin?',
                '',
                'Svarsalternativ (JN): Ja = 1 · Nej = 2',
                '',
                'Ställs per område: EB, BU',
                '',
                'Variabler: `T2_1_EB`, `T2_1_BU`',
            ].join('\n'),
        });
    });

    test('on a question with a printed label: the options as the question prints them', async () => {
        await expectHover(services)({
            text: `${HEAD}
indikator 3 "Plan" {
    områden EB
    fråga i Plan: "Har ni en plan?" svar JNE_NY
        etikett EjAktuellt "Ej aktuellt, då planen upprättades nyligen"
    krävs: Ja på fråga <|>i
}`,
            index: 0,
            hover: /Svarsalternativ \(JNE\\_NY\): Ja = 1 · Nej = 2 · Ej aktuellt, då planen upprättades nyligen = 3/,
        });
    });

    test('on an option: its label and code', async () => {
        await expectHover(services)({
            text,
            index: 3,
            hover: '**Ej aktuellt, då rutinen upprättades nyligen**\n\nKod 3 i svarsalternativen JNE\\_NY\n\nI regeltext: Ej aktuellt',
        });
    });

    test('on an indicator: number, name and the rule in the Swedish of the published document', async () => {
        await expectHover(services)({
            text,
            index: 0,
            hover: /^\*\*2\. Aktuell rutin\*\*\n\nEkonomiskt bistånd, Sociala barn- och ungdomsvården\n\nFör att uppnå indikatorn krävs: Ja på fråga i och Ja eller Ej aktuellt på fråga ii\.\n\nRedovisas för: Ekonomiskt bistånd, Barn och unga\n\n\*\*Beslutstabell\*\*/,
        });
    });

    test('on a term reference: its definition', async () => {
        await expectHover(services)({
            text,
            index: 1,
            hover: '**ledningsnivå**\n\nMed ledningsnivå avses den nivå inom organisationen som har mandat att besluta om gemensamma rutiner.',
        });
    });

    test('markup in names, labels and definitions is shown as written', async () => {
        const hostile = `${HEAD.replace('"Ej aktuellt, då rutinen upprättades nyligen"', '"Ej *aktuellt* <b>nu</b>"').replace(
            'har mandat att besluta om gemensamma rutiner.',
            '<img src=x onerror=alert(1)> _kursiv_',
        )}
indikator 3 "Rutin <|>**fet** [länk](http://x)" {
    områden EB
    begrepp <|>ledningsnivå
    fråga i Rutin: "?" svar JNE_NY
    krävs: <|>EjAktuellt på fråga i
}`;
        await expectHover(services)({
            text: hostile,
            index: 0,
            hover: /^\*\*3\. Rutin \\\*\\\*fet\\\*\\\* \\\[länk\\\]\(http:\/\/x\)\*\*\n/,
        });
        await expectHover(services)({
            text: hostile,
            index: 1,
            hover: '**ledningsnivå**\n\nMed ledningsnivå avses den nivå inom organisationen som &lt;img src=x onerror=alert(1)&gt; \\_kursiv\\_',
        });
        await expectHover(services)({ text: hostile, index: 2, hover: /^\*\*Ej \\\*aktuellt\\\* &lt;b&gt;nu&lt;\/b&gt;\*\*\n/ });
    });

    test('on an indicator whose rule is still being written: the parts that parse, without a decision table', async () => {
        const unfinished = `${HEAD}indikator 1 "<|>P" { områden EB fråga i Q: "?" svar JN krävs: Ja på fråga i och }`;
        await expectHover(services)({
            text: unfinished,
            index: 0,
            hover: '**1. P**\n\nEkonomiskt bistånd\n\nRegeln visas när den är färdigskriven.',
        });
    });

    test('on a background measure of a survey for kommuner: its value, who is counted, where it is published, comparability', async () => {
        const measure = `${HEAD.replace('målpopulation "Alla."', 'målpopulation kommuner')}indikator 4 "<|>Sjuksköterskor" {
    områden EB
    tidigare 2018 "Sjuksköterskor" ej jämförbar "Tillfälligt anställda räknades 2018."
    fråga i A: "Antal sjuksköterskor?" antal
    fråga ii B: "Antal boenden?" antal
    mått: fråga i / fråga ii aggregeras som median
}`;
        await expectHover(services)({
            text: measure,
            index: 0,
            hover: [
                '**4. Sjuksköterskor**',
                '',
                'Ekonomiskt bistånd',
                '',
                'Bakgrundsmått: svaret på fråga i delat med svaret på fråga ii; värdena redovisas som median per redovisningsnivå.',
                '',
                'Utvärderas för: kommuner (övriga svarande räknas inte)',
                '',
                'Redovisningsnivå: Kommuner och riket.',
                '',
                'Resultaten är inte jämförbara med 2018. Tillfälligt anställda räknades 2018.',
            ].join('\n'),
        });
    });

    test('on an area and an answer set', async () => {
        const areas = `${HEAD}indikator 1 "P" { områden <|>LSS fråga i Q: "?" svar <|>JN krävs: Ja på fråga i }`;
        await expectHover(services)({
            text: areas,
            index: 0,
            hover: '**Område LSS**: LSS\n\nGrupper: LSSB (LSS barn), LSSV (LSS vuxen)',
        });
        await expectHover(services)({
            text: areas,
            index: 1,
            hover: '**Svarsalternativ JN**\n\n| Kod | Svar |\n| ---: | --- |\n| 1 | Ja |\n| 2 | Nej |',
        });
    });
});

describe('completion', () => {
    const indicator = (rule: string) => `${HEAD}
indikator 1 "Prov" {
    områden EB
    fråga i Rutin: "Har ni en rutin?" svar JN
    fråga ii Former: "Vilka former?" svar VAL
        alternativ A "Handledning"
        alternativ B "Fortbildning"
    ${rule}
}`;
    const labels = (list: CompletionList) => list.items.map((i) => i.label);
    const references = (list: CompletionList) =>
        labels(list)
            .filter((l) => ['Ja', 'Nej', 'EjAktuellt', 'Vald', 'EjVald'].includes(l))
            .sort();

    test('after "fråga ii är", only question ii\'s options, with code and label', async () => {
        await expectCompletion(services)({
            text: indicator('krävs: fråga ii A är <|>'),
            index: 0,
            assert: (list) => {
                expect(labels(list).sort()).toEqual(['EjVald', 'Vald']);
                expect(list.items.find((i) => i.label === 'EjVald')?.detail).toBe('0 – Ej vald');
            },
        });
        await expectCompletion(services)({
            text: indicator('krävs: fråga i är <|>'),
            index: 0,
            assert: (list) => expect(labels(list).sort()).toEqual(['Ja', 'Nej']),
        });
    });

    test('in the option position before "på fråga ii", only question ii\'s options', async () => {
        for (const rule of [
            'krävs: <|> på fråga ii A',
            'krävs: Ja på fråga i och <|> på fråga ii A',
            'krävs: <|> på samtliga alternativ av fråga ii',
            'krävs: V<|> på fråga ii B',
            'krävs: Vald eller <|> på fråga ii A',
        ]) {
            await expectCompletion(services)({
                text: indicator(rule),
                index: 0,
                assert: (list) => expect(references(list), rule).toEqual(['EjVald', 'Vald']),
            });
        }
        await expectCompletion(services)({
            text: indicator('krävs: <|> på fråga i'),
            index: 0,
            assert: (list) => expect(references(list)).toEqual(['Ja', 'Nej']),
        });
    });

    test("before the question is written, the options of all the indicator's questions and the words that can start a condition", async () => {
        await expectCompletion(services)({
            text: indicator('krävs: <|>'),
            index: 0,
            assert: (list) => {
                expect(references(list)).toEqual(['EjVald', 'Ja', 'Nej', 'Vald']);
                expect(labels(list)).toEqual(expect.arrayContaining(['inte', 'fråga', 'antal', 'samtliga', 'något']));
                expect(labels(list)).not.toContain('EjAktuellt');
            },
        });
    });

    test('items after the question\'s numeral, numerals after "på fråga"', async () => {
        await expectCompletion(services)({
            text: indicator('krävs: Vald på fråga ii <|>'),
            index: 0,
            assert: (list) => {
                expect(labels(list)).toEqual(expect.arrayContaining(['A', 'B', 'och', 'eller', 'ELLER']));
                expect(list.items.find((i) => i.label === 'A')?.detail).toBe('Handledning');
            },
        });
        await expectCompletion(services)({
            text: indicator('krävs: Ja på fråga <|>'),
            index: 0,
            assert: (list) => {
                expect(labels(list)).toEqual(['i', 'ii']);
                expect(list.items[0].detail).toBe('Har ni en rutin?');
            },
        });
    });

    test('an example answer offers the question\'s options and "blankt"', async () => {
        await expectCompletion(services)({
            text: indicator('krävs: Ja på fråga i\n    exempel { fråga ii A = <|> ger uppnådd }'),
            index: 0,
            assert: (list) => expect(labels(list).sort()).toEqual(['EjVald', 'Vald', 'blankt']),
        });
    });

    test('areas and groups where a reporting unit is expected', async () => {
        await expectCompletion(services)({
            text: indicator('redovisas för <|>'),
            index: 0,
            assert: (list) => {
                expect(labels(list)).toEqual(expect.arrayContaining(['EB', 'BU', 'LSS', 'LSSB', 'LSSV']));
                expect(list.items.find((i) => i.label === 'LSSB')?.detail).toBe('LSS barn');
            },
        });
    });

    test('keywords by context: parts inside an indicator, declarations at the top level', async () => {
        await expectCompletion(services)({
            text: indicator('krävs: Ja på fråga i\n    <|>'),
            index: 0,
            assert: (list) => {
                expect(labels(list)).toEqual(
                    expect.arrayContaining([
                        'beskrivning',
                        'syfte',
                        'krävs',
                        'utesluts',
                        'undantas',
                        'andel',
                        'exempel',
                        'fråga',
                        'kvalitetsområde',
                    ]),
                );
                expect(labels(list)).not.toContain('enkät');
                expect(labels(list)).not.toContain('svarsalternativ');
            },
        });
        await expectCompletion(services)({
            text: `${HEAD}\n<|>`,
            index: 0,
            assert: (list) => {
                expect(labels(list)).toEqual(
                    expect.arrayContaining(['indikator', 'fråga', 'svarsalternativ', 'område', 'begrepp']),
                );
                expect(labels(list)).not.toContain('krävs');
                expect(labels(list)).not.toContain('beskrivning');
            },
        });
    });
});

describe('completion in broken text', () => {
    test('"tillhör" written before a term offers the workspace\'s surveys', async () => {
        await open([HEAD]);
        await expectCompletion(services)({
            text: 'tillhör <|>\n\nbegrepp rutin: med "rutin" avses "ett bestämt tillvägagångssätt."\n',
            index: 0,
            assert: (list) => expect(list.items.map((i) => i.label)).toContain('T2019'),
        });
    });

    test('at every offset of half-written rules and examples, completion answers without logging an error', async () => {
        const bodies = [
            'exempel { fråga ii A, = Vald ger uppnådd }',
            'utesluts: Ja på fråga ii A, och',
            'krävs: Ja på fråga ii A, och inte',
            'krävs: (Vald på fråga ii A, B eller',
            'exempel { fråga ii A = ger }',
            'krävs: Ja på fråga ii\n    undantas: fråga ii\n    undantas: fråga ii',
        ];
        const logged: unknown[] = [];
        const consoleError = console.error;
        console.error = (...args: unknown[]) => {
            logged.push(args);
        };
        try {
            for (const body of bodies) {
                const text = `tillhör T2019\nindikator 1 "Prov" {\n    fråga ii Former: "Vilka?" svar VAL\n        alternativ A "A"\n        alternativ B "B"\n    ${body}\n}\n`;
                const [, document] = await open([HEAD, text]);
                for (let offset = 0; offset <= text.length; offset++) {
                    const position = document.textDocument.positionAt(offset);
                    const list = await services.lsp.CompletionProvider!.getCompletion(document, {
                        textDocument: { uri: document.uri.toString() },
                        position,
                    });
                    expect(list, `${body} @${offset}`).toBeDefined();
                }
                await clearDocuments(shared);
            }
        } finally {
            console.error = consoleError;
        }
        expect(logged).toEqual([]);
    });
});

describe('navigation', () => {
    const text = `${HEAD}
fråga <|Delad|>: "Har ni en delad rutin?" svar JN variabel "D1"
indikator 1 "Prov" {
    områden EB
    fråga <|i|> = <|>Delad
    krävs: Ja på fråga <|>i
    utesluts: <|>Nej på fråga <|>i
}`;

    test('go to definition from a numeral in a rule and from a shared question', async () => {
        await expectGoToDefinition(services)({ text, index: 1, rangeIndex: 1 });
        await expectGoToDefinition(services)({ text, index: 3, rangeIndex: 1 });
        await expectGoToDefinition(services)({ text, index: 0, rangeIndex: 0 });
    });

    test("go to definition from an option goes to the option of the question's answer set", async () => {
        const withMarks =
            HEAD.replace('svarsalternativ JN { Ja = 1 "Ja" Nej', 'svarsalternativ JN { Ja = 1 "Ja" <|Nej|>') +
            'indikator 1 "P" { områden EB fråga i Q: "?" svar JNE_NY fråga ii R: "?" svar JN krävs: Ja på fråga i utesluts: <|>Nej på fråga ii }';
        await expectGoToDefinition(services)({ text: withMarks, index: 0, rangeIndex: 0 });
    });

    test('find references of a numeral: every rule and exclusion mention', async () => {
        await expectFindReferences(services)({
            text: `${HEAD}
indikator 1 "Prov" {
    områden EB
    fråga <|>i Rutin: "Har ni?" svar JN
    fråga ii Uppf: "Har ni?" svar JN
    krävs: Ja på fråga <|i|> och Ja på fråga ii
    utesluts: Nej på fråga <|i|>
    exempel { fråga <|i|> = Ja fråga ii = Ja ger uppnådd }
}`,
            includeDeclaration: false,
        });
    });

    test('find references of a shared question across files', async () => {
        const [declaring, first, second] = await open([
            `${HEAD}fråga Delad: "Har ni?" svar JN variabel "D1"\n`,
            'tillhör T2019\nindikator 1 "A" { områden EB fråga i = Delad krävs: Ja på fråga i }\n',
            'tillhör T2019\nindikator 2 "B" { områden EB fråga ii = Delad krävs: Ja på fråga ii }\n',
        ]);
        const offset = declaring.textDocument.getText().indexOf('Delad');
        const locations = await services.lsp.ReferencesProvider!.findReferences(declaring, {
            textDocument: { uri: declaring.uri.toString() },
            position: declaring.textDocument.positionAt(offset),
            context: { includeDeclaration: false },
        });
        expect(locations.map((l) => l.uri).sort()).toEqual([first.uri.toString(), second.uri.toString()]);
    });

    test('highlight shows the declaration and its uses', async () => {
        const document = await parseHelper<Model>(services)(
            `${HEAD}indikator 1 "P" { områden EB fråga i Q: "?" svar JN krävs: Ja på fråga i utesluts: Nej på fråga i }`,
        );
        const text = document.textDocument.getText();
        const highlights = await services.lsp.DocumentHighlightProvider!.getDocumentHighlight(document, {
            textDocument: { uri: document.textDocument.uri },
            position: document.textDocument.positionAt(text.lastIndexOf('fråga i') + 6),
        });
        expect(
            highlights?.map((h) =>
                text.slice(document.textDocument.offsetAt(h.range.start), document.textDocument.offsetAt(h.range.end)),
            ),
        ).toEqual(['i', 'i', 'i']);
    });
});

describe('rename', () => {
    async function rename(document: LangiumDocument, offset: number, newName: string) {
        return services.lsp.RenameProvider!.rename(document, {
            textDocument: { uri: document.uri.toString() },
            position: document.textDocument.positionAt(offset),
            newName,
        });
    }

    test('renaming a shared question changes its declaration and the "= Id" slot in every file', async () => {
        const files = [
            `${HEAD}fråga Delad: "Har ni?" svar JN variabel "D1"\n`,
            'tillhör T2019\nindikator 1 "A" { områden EB fråga i = Delad krävs: Ja på fråga i }\n',
            'tillhör T2019\nindikator 2 "B" { områden EB fråga ii = Delad krävs: Ja på fråga ii }\nindikator 3 "C" { områden EB fråga i = Delad krävs: Nej på fråga i }\n',
        ];
        const documents = await open(files);
        const edit = await rename(documents[0], files[0].indexOf('Delad') + 2, 'DeladRutin');
        const renamed = documents.map((d) => applyEdits(d, edit?.changes?.[d.uri.toString()]));
        expect(renamed).toEqual(files.map((f) => f.replaceAll('Delad', 'DeladRutin')));
        // The renamed workspace still links.
        await clearDocuments(shared);
        const after = await open(renamed);
        expect(
            after
                .flatMap((d) => d.diagnostics ?? [])
                .filter((d) => d.severity === 1)
                .map((d) => d.message),
        ).toEqual([]);
    });

    test('renaming a numeral changes every rule, exclusion, exception and example that mentions it, and nothing else', async () => {
        const template = `${HEAD}indikator 1 "A" {
    områden EB
    fråga $N Rutin: "Har ni?" svar JNE_NY
        alternativ A "a"
        alternativ B "b"
    fråga ii Uppf: "Följt upp?" svar JN
    krävs: Ja på fråga $N A, B och Ja på fråga ii
        ELLER Ja på samtliga alternativ av fråga $N
    utesluts: fråga $N A är EjAktuellt
    undantas: Nej på något alternativ av $N
    exempel { fråga $N A, B = Ja  fråga ii = Nej  ger ej uppnådd }
}`;
        const before = template.replaceAll('$N', 'i');
        const [document] = await open([before]);
        const edit = await rename(document, before.indexOf('fråga i Rutin') + 6, 'iv');
        expect(edit?.changes?.[document.uri.toString()]).toHaveLength(6);
        expect(applyEdits(document, edit?.changes?.[document.uri.toString()])).toBe(template.replaceAll('$N', 'iv'));
    });

    test('renaming an option changes the conditions on that answer set only', async () => {
        const template = `${HEAD.replace('svarsalternativ JN { Ja = 1', 'svarsalternativ JN { $O = 1')}indikator 1 "A" {
    områden EB
    fråga i Rutin: "Har ni?" svar JN
    fråga ii Uppf: "Följt upp?" svar JNE_NY
    krävs: $O på fråga i och Ja på fråga ii
    exempel { fråga i = $O  fråga ii = Ja  ger uppnådd }
}`;
        const before = template.replaceAll('$O', 'Ja');
        const [document] = await open([before]);
        const edit = await rename(document, before.indexOf('Ja = 1'), 'JaRutin');
        expect(applyEdits(document, edit?.changes?.[document.uri.toString()])).toBe(template.replaceAll('$O', 'JaRutin'));
    });

    test('renaming an area changes areas, reporting groups, per-area questions, variants and examples', async () => {
        const template = `${HEAD.replace('område BU', 'område $A')}indikator 1 "A" {
    områden EB, $A
    redovisas för EB, $A
    fråga i Rutin: "Har ni?" svar JN per område EB, $A
    krävs: Ja på fråga i
    för $A krävs: Ja på fråga i
    exempel { fråga i för $A = Ja  fråga i för EB = Nej  ger EB: ej uppnådd, $A: uppnådd }
}`;
        const before = template.replaceAll('$A', 'BU');
        const [document] = await open([before]);
        const edit = await rename(document, before.indexOf('område BU') + 7, 'BUV');
        expect(applyEdits(document, edit?.changes?.[document.uri.toString()])).toBe(template.replaceAll('$A', 'BUV'));
    });

    test('a name another declaration already has is refused: a numeral, an option, an area, a question id', async () => {
        const text = `${HEAD}fråga Delad: "Har ni?" svar JN variabel "D1"
indikator 1 "A" {
    områden EB
    fråga i = Delad
    fråga ii Uppf: "Följt upp?" svar JNE_NY
    krävs: Ja på fråga i och Ja på fråga ii
}`;
        const [document] = await open([text]);
        const at = (needle: string, delta = 0) => text.indexOf(needle) + delta;
        const refusals: Array<[number, string]> = [
            [at('fråga i =', 6), 'ii'],
            [at('Ja = 1'), 'Nej'],
            [at('område EB', 7), 'BU'],
            [at('fråga ii Uppf', 9), 'Delad'],
            [at('svarsalternativ VAL', 16), 'JN'],
        ];
        for (const [offset, newName] of refusals) {
            await expect(rename(document, offset, newName), newName).rejects.toThrow(
                `Namnet ${newName} används redan; välj ett annat.`,
            );
        }
        // A name taken in another answer set is free here: options are looked up per question.
        await expect(rename(document, at('Ja = 1'), 'EjAktuellt')).resolves.toBeDefined();
    });

    test("an indicator's quoted name is not renamed", async () => {
        const text = `${HEAD}indikator 1 "Aktuell rutin" { områden EB fråga i Q: "?" svar JN krävs: Ja på fråga i }`;
        const [document] = await open([text]);
        const position = document.textDocument.positionAt(text.indexOf('Aktuell rutin') + 3);
        expect(
            await services.lsp.RenameProvider!.prepareRename(document, {
                textDocument: { uri: document.uri.toString() },
                position,
            }),
        ).toBeUndefined();
        expect(await rename(document, text.indexOf('Aktuell rutin') + 3, 'Ny')).toBeUndefined();
        // A name is still renamable from where it is used.
        expect(
            await services.lsp.RenameProvider!.prepareRename(document, {
                textDocument: { uri: document.uri.toString() },
                position: document.textDocument.positionAt(text.lastIndexOf('fråga i') + 6),
            }),
        ).toBeDefined();
    });

    test('a keyword or an invalid name is refused', async () => {
        const [document] = await open([`${HEAD}fråga Delad: "Har ni?" svar JN variabel "D1"\n`]);
        const offset = document.textDocument.getText().indexOf('Delad');
        for (const newName of ['krävs', 'fråga', 'ELLER', 'samtliga', '1abc', 'två ord', '', 'a-b']) {
            await expect(rename(document, offset, newName), newName).rejects.toThrow(/kan inte användas som namn/);
        }
        await expect(rename(document, offset, 'Åtgärd_2')).resolves.toBeDefined();
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
}
indikator 3 "Barn" {
    områden BU
    fråga i Rutin3: "Har ni?" svar JN
    krävs: Ja på fråga i
}
fråga Delad: "Delad fråga?" svar JN variabel "D1"`;

    test('document symbols: declarations, then indicators by the section the document puts them in', async () => {
        await expectSymbols(services)({
            text,
            assert: (symbols) => {
                expect(symbols.map((s) => s.name)).toEqual([
                    'Test 2019',
                    'EB – Ekonomiskt bistånd',
                    'BU – Barn och unga',
                    'LSS – LSS',
                    'JN',
                    'JNE_NY',
                    'VAL',
                    'ledningsnivå',
                    'Delad: Delad fråga?',
                    'Indikatorer som mäts och publiceras inom flera områden',
                    'Ekonomiskt bistånd',
                    'Sociala barn- och ungdomsvården',
                ]);
                expect(symbols[3].children?.map((c) => c.name)).toEqual(['LSSB – LSS barn', 'LSSV – LSS vuxen']);
                expect(symbols[9].children?.map((c) => c.name)).toEqual(['2. Flera områden']);
                expect(symbols[10].children?.map((c) => c.name)).toEqual(['1. Ett område']);
                expect(symbols[10].children?.[0].children?.map((c) => c.name)).toEqual(['i: Har ni?']);
                expect(symbols[11].children?.map((c) => c.name)).toEqual(['3. Barn']);
            },
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
                expect(foldings.map((f) => [f.startLine, f.endLine])).toEqual([
                    [0, 1],
                    [3, 8],
                    [5, 7],
                ]);
                expect(expected).toHaveLength(3);
            },
        });
    });

    test('semantic tokens tell an option from a question numeral, an item, an area and a shared question', async () => {
        const tokens = await highlightHelper(services)(`${HEAD}fråga Delad: "?" svar JN variabel "D1"
indikator 1 "P" { områden <|EB|> fråga i Q: "?" svar JN alternativ A "a" fråga ii = <|Delad|> krävs: <|Ja|> på fråga <|i|> <|A|> och <|Nej|> på fråga <|ii|> }`);
        expectSemanticToken(tokens, { rangeIndex: 0, tokenType: SemanticTokenTypes.namespace });
        // Questions, their numerals and items have a type of their own (oj-semantic-tokens.ts; semantic-tokens.test.ts).
        expectSemanticToken(tokens, { rangeIndex: 1, tokenType: 'question' });
        expectSemanticToken(tokens, { rangeIndex: 2, tokenType: SemanticTokenTypes.enumMember });
        expectSemanticToken(tokens, { rangeIndex: 3, tokenType: 'question' });
        expectSemanticToken(tokens, { rangeIndex: 4, tokenType: 'question' });
        expectSemanticToken(tokens, { rangeIndex: 5, tokenType: SemanticTokenTypes.enumMember });
        expectSemanticToken(tokens, { rangeIndex: 6, tokenType: 'question' });
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

    test("a survey's stadsdelar: one per line inside their braces, and the survey still closes at its own brace", async () => {
        const before = `enkät T "T" { år 2019 stadsdelar { 0180-01 "Rinkeby-Kista"   0180-02 "Spånga-Tensta" } del G "Gemensam" }`;
        const after = `enkät T "T" {
    år 2019
    stadsdelar {
        0180-01 "Rinkeby-Kista"
        0180-02 "Spånga-Tensta"
    }
    del G "Gemensam"
}`;
        await expectFormatting(services)({ before, after });
        await expectFormatting(services)({ before: after, after });
    });

    test('a survey, an answer set and an area are laid out the same way', async () => {
        const before = `enkät T "T" { år 2019 mätdatum "2019-02-01"   del G "Gemensam" }
svarsalternativ JN {Ja = 1 "Ja" Nej = 2 "Nej"}
område LSS "LSS" { rubrik "Stöd" grupp LSSB "LSS barn" grupp LSSV "LSS vuxen" }`;
        const after = `enkät T "T" {
    år 2019
    mätdatum "2019-02-01"
    del G "Gemensam"
}
svarsalternativ JN {
    Ja = 1 "Ja"
    Nej = 2 "Nej"
}
område LSS "LSS" {
    rubrik "Stöd"
    grupp LSSB "LSS barn"
    grupp LSSV "LSS vuxen"
}`;
        await expectFormatting(services)({ before, after });
        await expectFormatting(services)({ before: after, after });
    });

    test('a comment on a line of its own is indented with the part it precedes; a trailing comment stays put', async () => {
        const before = `tillhör T
// Indikatorerna för EB.
indikator 1 "X" {
// Varför bara EB.
  områden EB // se rubriken
      /* Två rader
  text */
 beskrivning "b"
    exempel { fråga i = Ja
  // saknas i enkäten
  ger uppnådd }
}`;
        const after = `tillhör T
// Indikatorerna för EB.
indikator 1 "X" {
    // Varför bara EB.
    områden EB // se rubriken
    /* Två rader
text */
    beskrivning "b"
    exempel {
        fråga i = Ja
        // saknas i enkäten
        ger uppnådd
    }
}`;
        await expectFormatting(services)({ before, after });
        await expectFormatting(services)({ before: after, after });
    });

    const examples = path.resolve(__dirname, '../../../examples/oj2019');
    const files = fs.existsSync(examples)
        ? fs
              .readdirSync(examples)
              .filter((f) => f.endsWith('.oj'))
              .sort()
        : [];

    test.each(files)('examples/oj2019/%s: formatting moves only whitespace and is stable', async (file) => {
        const text = fs.readFileSync(path.join(examples, file), 'utf-8');
        const format = async (source: string) => {
            const document = await parseHelper<Model>(services)(source);
            const edits = await services.lsp.Formatter!.formatDocument(document, {
                textDocument: { uri: document.uri.toString() },
                options: { tabSize: 4, insertSpaces: true },
            });
            return applyEdits(document, edits);
        };
        const once = await format(text);
        const strings = (s: string) => s.match(/"(\\.|[^"\\])*"/g);
        const skeleton = (s: string) => s.replace(/"(\\.|[^"\\])*"/g, '""').replace(/\s+/g, '');
        expect(strings(once)).toEqual(strings(text));
        expect(skeleton(once)).toBe(skeleton(text));
        expect(await format(once)).toBe(once);
        // The example is written as the formatter writes it: with its indentation lost, it comes back.
        const flattened = text
            .split('\n')
            .map((line) => line.trimStart().replace(/ \{$/, '{'))
            .join('\n');
        expect(await format(flattened)).toBe(text);
    });
});

describe('quick fixes', () => {
    async function actionsFor(input: string, issue: string): Promise<{ document: LangiumDocument; actions: CodeAction[] }> {
        await clearDocuments(shared);
        const { document, diagnostics } = await validationHelper<Model>(services)(input);
        const relevant = diagnostics.filter((d) => code(d) === issue);
        expect(relevant, `one ${issue}`).toHaveLength(1);
        const actions = await services.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.textDocument.uri },
            range: relevant[0].range,
            context: { diagnostics: relevant },
        });
        return { document, actions: (actions ?? []) as CodeAction[] };
    }

    test("an unknown option is replaced by one of the question's options", async () => {
        const input = `${HEAD}indikator 1 "P" { områden EB fråga i Q: "?" svar JNE_NY krävs: Jaa på fråga i }`;
        const { document, actions } = await actionsFor(input, IssueCodes.UnknownOption);
        expect(actions.map((a) => a.title)).toEqual(['Ändra till Ja', 'Ändra till Nej', 'Ändra till EjAktuellt']);
        expect(applyEdits(document, actions[2].edit?.changes?.[document.textDocument.uri])).toBe(
            input.replace('Jaa på', 'EjAktuellt på'),
        );
    });

    test("a typo of an option: the nearest name first, marked preferred, so that Enter keeps the rule's meaning", async () => {
        const input = `${HEAD}indikator 1 "P" { områden EB fråga i Q: "?" svar JNE_NY krävs: EjAktuelt på fråga i }`;
        const { actions } = await actionsFor(input, IssueCodes.UnknownOption);
        expect(actions.map((a) => [a.title, a.isPreferred])).toEqual([
            ['Ändra till EjAktuellt', true],
            ['Ändra till Ja', false],
            ['Ändra till Nej', false],
        ]);
    });

    test("a name near none of the options: listed in the answer set's order, none preferred", async () => {
        const input = `${HEAD}indikator 1 "P" { områden EB fråga i Q: "?" svar JNE_NY krävs: Kanske på fråga i }`;
        const { actions } = await actionsFor(input, IssueCodes.UnknownOption);
        expect(actions.map((a) => a.isPreferred)).toEqual([false, false, false]);
    });

    test('an unknown option on a one-option set is replaced directly', async () => {
        const input = `${HEAD}svarsalternativ ETT { Ja = 1 "Ja" }\nindikator 1 "P" { områden EB fråga i Q: "?" svar ETT krävs: Nej på fråga i }`;
        await testCodeAction(services)(input, IssueCodes.UnknownOption, input.replace('Nej på', 'Ja på'));
    });

    test('an undeclared area is declared at the end of the file', async () => {
        const input = `${HEAD}indikator 1 "P" { områden MB fråga i Q: "?" svar JN krävs: Ja på fråga i }`;
        await testCodeAction(services)(input, IssueCodes.UnknownArea, `${input}\n\nområde MB "MB"\n`);
    });

    test('a question with items named without items gets "samtliga alternativ av", in either word order', async () => {
        const input = `${HEAD}indikator 1 "P" { områden EB fråga i Q: "?" svar JN alternativ A "a" alternativ B "b" krävs: Ja på fråga i }`;
        await testCodeAction(services)(
            input,
            IssueCodes.ItemsRequired,
            input.replace('krävs: Ja på fråga i', 'krävs: Ja på samtliga alternativ av fråga i'),
        );
        const reversed = input.replace('krävs: Ja på fråga i', 'krävs: fråga i är Ja');
        await testCodeAction(services)(
            reversed,
            IssueCodes.ItemsRequired,
            reversed.replace('krävs: fråga i är Ja', 'krävs: samtliga alternativ av fråga i är Ja'),
        );
    });

    test('missing printed parts get skeleton lines; texts left empty keep the warning until written', async () => {
        const input = `${HEAD}indikator 1 "P" {
    områden EB
    beskrivning "B."
    önskad riktning positiv
    fråga i Q: "?" svar JN
    krävs: Ja på fråga i
}`;
        const { document, actions } = await actionsFor(input, IssueCodes.MissingPrintedPart);
        expect(actions).toHaveLength(1);
        const fixed = applyEdits(document, actions[0].edit?.changes?.[document.textDocument.uri]);
        expect(fixed).toBe(
            input.replace('indikator 1 "P" {', 'indikator 1 "P" {\n    syfte ""\n    typ struktur\n    kvalitetsområde ""'),
        );
        // The fixed text parses; the parts still without text are named, and the fix offers nothing more.
        const again = await actionsFor(fixed, IssueCodes.MissingPrintedPart);
        const diagnostics = again.document.diagnostics ?? [];
        expect(diagnostics.filter((d) => code(d) === IssueCodes.MissingPrintedPart).map((d) => d.message)).toEqual([
            'Indikator 1 saknar text för: Syfte, Kvalitetsområde.',
        ]);
        expect(diagnostics.filter((d) => d.severity === 1)).toEqual([]);
        expect(again.actions).toEqual([]);
    });
});
