/**
 * Messages a hurried author understands (issue 12): each case is a small model that triggers the
 * message and a near-identical one that does not. What the parser's recovery builds after a
 * syntax error is not reported; a name written nearly right is offered as it is declared, with a
 * quick fix.
 */
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { clearDocuments } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import {
    closestNames,
    createOjServices,
    exclusionSentence,
    type Indicator,
    IssueCodes,
    type Model,
    requirementSentence,
} from '../src/index.js';

const { shared, Oj: services } = createOjServices(EmptyFileSystem);

afterEach(() => clearDocuments(shared));

const SURVEY = `enkät T2019 "Test 2019" {
    år 2019
    variabelmönster "T{indikator}_{fråga}{del}[_{grupp}]"
    datakälla "Enkät." målpopulation "Alla." nämnare "Svarande." redovisningsnivåer kommun, riket
}
svarsalternativ JN { Ja = 1 "Ja" Nej = 2 "Nej" }
svarsalternativ JNE { Ja = 1 "Ja" Nej = 2 "Nej" EjAktuellt = 3 "Ej aktuellt, området finns inte" kort "Ej aktuellt" området saknas }
område EB "Ekonomiskt bistånd"
område BU "Barn och unga"
`;

const PARTS = 'beskrivning "B." syfte "S." önskad riktning positiv typ struktur kvalitetsområde "Säker"';

const indicator = (body: string, areas = 'områden EB') => `indikator 2 "Ett" {\n    ${areas}\n    ${PARTS}\n${body}\n}\n`;

const TWO = (rule: string) =>
    `    fråga i Rutin: "Har ni en rutin?" svar JNE\n    fråga ii Uppf: "Har ni följt upp rutinen?" svar JN\n    krävs: ${rule}`;

const codeOf = (d: Diagnostic) => (d.data as { code?: string } | undefined)?.code;

async function diagnosticsOf(...sources: string[]): Promise<{ documents: LangiumDocument[]; diagnostics: Diagnostic[][] }> {
    const documents = sources.map((text, i) =>
        shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(`/messages/file${i}.oj`)),
    );
    documents.forEach((d) => shared.workspace.LangiumDocuments.addDocument(d));
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return { documents, diagnostics: documents.map((d) => d.diagnostics ?? []) };
}

/** The errors of a one-file model, as "code: message". */
async function errors(text: string): Promise<string[]> {
    await clearDocuments(shared);
    const { diagnostics } = await diagnosticsOf(text);
    return diagnostics[0].filter((d) => d.severity === 1).map((d) => `${codeOf(d)}: ${d.message}`);
}

describe('names written nearly right: "menade du …"', () => {
    test.each([
        [
            'a question numeral in the wrong case',
            TWO('Ja på fråga i och Ja på fråga «I»'),
            'unknown-question: Indikator 2 har ingen fråga I (frågorna är i och ii). Menade du i?',
            TWO('Ja på fråga i och Ja på fråga ii'),
        ],
        [
            'an option in the wrong case',
            TWO('«ja» på fråga i'),
            'unknown-option: ja är inget svarsalternativ på fråga i (JNE: Ja, Nej, EjAktuellt). Menade du Ja?',
            TWO('Ja på fråga i'),
        ],
        [
            'an option with a letter too many',
            TWO('«Jaa» på fråga i'),
            'unknown-option: Jaa är inget svarsalternativ på fråga i (JNE: Ja, Nej, EjAktuellt). Menade du Ja?',
            TWO('Ja på fråga i'),
        ],
        [
            'a misspelt option',
            TWO('inte «EjAktuelt» på fråga i'),
            'unknown-option: EjAktuelt är inget svarsalternativ på fråga i (JNE: Ja, Nej, EjAktuellt). Menade du EjAktuellt?',
            TWO('inte EjAktuellt på fråga i'),
        ],
        [
            'an answer set in the wrong case',
            TWO('Ja på fråga i').replace('svar JNE', 'svar «jne»'),
            'unknown-reference: Det finns inga svarsalternativ som heter jne. Menade du JNE?',
            TWO('Ja på fråga i'),
        ],
    ])('%s', async (_name, trigger, message, clean) => {
        const marked = indicator(trigger);
        const text = SURVEY + marked.replace(/[«»]/g, '');
        const found = await errors(text);
        expect(found).toEqual([message]);
        await clearDocuments(shared);
        const { diagnostics, documents } = await diagnosticsOf(text);
        // The quick fix writes the name as declared.
        const diagnostic = diagnostics[0].find((d) => d.severity === 1)!;
        const offset = SURVEY.length + marked.indexOf('«');
        expect(documents[0].textDocument.offsetAt(diagnostic.range.start)).toBe(offset);
        const actions = (await services.lsp.CodeActionProvider!.getCodeActions(documents[0], {
            textDocument: { uri: documents[0].textDocument.uri },
            range: diagnostic.range,
            context: { diagnostics: [diagnostic] },
        })) as CodeAction[];
        const suggested = /Menade du (\S+)\?$/.exec(message)![1];
        expect(actions[0]).toMatchObject({ title: `Ändra till ${suggested}`, isPreferred: true });
        expect(await errors(SURVEY + indicator(clean))).toEqual([]);
    });

    test('an area in the wrong case: the declared areas are listed and the right one suggested', async () => {
        expect(await errors(SURVEY + indicator(TWO('Ja på fråga i'), 'områden EB, Bu'))).toEqual([
            'unknown-area: Det finns inget område som heter Bu (områdena är EB och BU). Menade du BU?',
        ]);
        expect(await errors(SURVEY + indicator(TWO('Ja på fråga i'), 'områden EB, BU'))).toEqual([]);
    });

    test("another area's code is not taken for a misspelling: MB is listed against the declared areas only", async () => {
        expect(await errors(SURVEY + indicator(TWO('Ja på fråga i'), 'områden EB, MB'))).toEqual([
            'unknown-area: Det finns inget område som heter MB (områdena är EB och BU).',
        ]);
    });

    test('an undeclared group lists the areas and the groups', async () => {
        const lss = 'område LSS "LSS" { grupp LSSB "LSS barn" grupp LSSV "LSS vuxen" }\n';
        const rule =
            '    redovisas för EB, LSSX\n    fråga i Rutin: "Har ni en rutin?" svar JNE per område EB, LSSB\n    krävs: Ja på fråga i';
        expect(await errors(SURVEY + lss + indicator(rule, 'områden EB, LSS'))).toContain(
            'unknown-area: Det finns inget område eller någon grupp som heter LSSX (områdena är EB, BU och LSS; grupperna är LSSB och LSSV). Menade du LSSB eller LSSV?',
        );
    });

    test('a question numeral that the indicator does not have is not "meant" as another numeral', async () => {
        expect(await errors(SURVEY + indicator(TWO('Ja på fråga i och Ja på fråga iii')))).toEqual([
            'unknown-question: Indikator 2 har ingen fråga iii (frågorna är i och ii).',
        ]);
    });

    test.each([
        ['Ja', ['Ja', 'Nej'], []],
        ['ja', ['Ja', 'Nej'], ['Ja']],
        ['Nje', ['Ja', 'Nej'], ['Nej']],
        ['MB', ['EB', 'BU'], []],
        ['EBB', ['EB', 'BU'], ['EB']],
        ['Rutinen', ['Rutin', 'Rutiner'], ['Rutiner']],
        ['Skyddad', ['SkyddadeRutin', 'Uppf'], []],
    ])('closestNames(%s, %j) is %j', (name, candidates, expected) => {
        expect(closestNames(name, candidates)).toEqual(expected);
    });
});

describe('one error for one mistake', () => {
    test('a question whose answer set is not declared: one error, not one per option that names it', async () => {
        const body = `    fråga i Rutin: "Har ni en rutin?" svar JA_NEJ
    krävs: Ja på fråga i
    utesluts: EjAktuellt på fråga i
    exempel { fråga i = Ja ger uppnådd }
    exempel { fråga i = Nej ger ej uppnådd }`;
        expect(await errors(SURVEY + indicator(body))).toEqual([
            'unknown-reference: Det finns inga svarsalternativ som heter JA_NEJ.',
        ]);
        expect(await errors(SURVEY + indicator(body.replace('JA_NEJ', 'JNE')))).toEqual([]);
    });

    test('a shared question that is not found: its options are not reported as well', async () => {
        const body = '    fråga i = Rutinen\n    krävs: Ja på fråga i';
        expect(await errors(SURVEY + 'fråga Rutin: "Har ni?" svar JNE variabel "RUT"\n' + indicator(body))).toEqual([
            'unknown-question: Det finns ingen fråga med id Rutinen. Menade du Rutin?',
        ]);
    });
});

describe('parser recovery does not invent errors', () => {
    test.each([
        [
            'an unknown word between two conditions',
            TWO('Ja på fråga i samt Ja på fråga ii'),
            ['Här väntades "}", men det står "Ja".'],
        ],
        [
            'a phrase the language does not have',
            TWO('Ja på fråga i och något av Ja på fråga ii'),
            ['Här väntades "alternativ", men det står "av".'],
        ],
        [
            '"minst en av", a count the language does not spell',
            TWO('Ja på fråga i och minst en av Ja på fråga ii'),
            ['Här väntades ett heltal, "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio" eller "tio", men det står "en".'],
        ],
        [
            '"fråga 1" for "fråga i"',
            TWO('Ja på fråga 1 och Ja på fråga ii'),
            ['Frågor numreras med romerska siffror som i indikatorbeskrivningen: skriv "fråga i", inte "fråga 1".'],
        ],
    ])('%s gives one syntax error and nothing about what recovery built', async (_name, body, messages) => {
        await clearDocuments(shared);
        const { diagnostics } = await diagnosticsOf(SURVEY + indicator(body));
        // No "Fråga ii finns redan i indikator 2", no "Fråga i har inget alternativ samt", no "används inte".
        expect(diagnostics[0].map((d) => d.message)).toEqual(messages);
        expect(await errors(SURVEY + indicator(TWO('Ja på fråga i och Ja på fråga ii')))).toEqual([]);
    });

    test('a question written twice is still reported when nothing needed recovering', async () => {
        const body = '    fråga i Rutin: "Har ni?" svar JNE\n    fråga i Uppf: "Följt upp?" svar JN\n    krävs: Ja på fråga i';
        const found = await errors(SURVEY + indicator(body));
        expect(found.filter((f) => f.startsWith('duplicate-numeral'))).toEqual([
            'duplicate-numeral: Fråga i finns redan i indikator 2.',
            'duplicate-numeral: Fråga i finns redan i indikator 2.',
        ]);
    });

    test('an error on a line of its own is kept beside a syntax error elsewhere in the indicator', async () => {
        const body =
            '    fråga i Rutin: "Har ni?" svar JNE\n    fråga ii Uppf: "Följt upp?" svar JN\n    krävs: Ja på fråga i samt Ja på fråga ii\n    utesluts: Kanske på fråga i';
        const found = await errors(SURVEY + indicator(body));
        expect(found).toContain('unknown-option: Kanske är inget svarsalternativ på fråga i (JNE: Ja, Nej, EjAktuellt).');
        expect(found.filter((f) => f.startsWith('duplicate-numeral'))).toEqual([]);
    });
});

describe('quick fixes for syntax hints', () => {
    test.each([
        [
            'fråga 2',
            TWO('Ja på fråga i och Ja på fråga 2'),
            IssueCodes.QuestionNumberedWithDigits,
            'ii',
            TWO('Ja på fråga i och Ja på fråga ii'),
        ],
        [
            'A och B',
            '    fråga i Delar: "Delar?" svar JN\n        alternativ A "a"\n        alternativ B "b"\n        alternativ C "c"\n    krävs: Ja på fråga i A, B och C',
            IssueCodes.ItemsJoinedWithAnd,
            'A, B, C',
            '    fråga i Delar: "Delar?" svar JN\n        alternativ A "a"\n        alternativ B "b"\n        alternativ C "c"\n    krävs: Ja på fråga i A, B, C',
        ],
    ])('%s', async (_name, body, code, replacement, fixed) => {
        await clearDocuments(shared);
        const { documents, diagnostics } = await diagnosticsOf(SURVEY + indicator(body));
        const diagnostic = diagnostics[0].find((d) => codeOf(d) === code)!;
        expect(diagnostic).toBeDefined();
        const actions = (await services.lsp.CodeActionProvider!.getCodeActions(documents[0], {
            textDocument: { uri: documents[0].textDocument.uri },
            range: diagnostic.range,
            context: { diagnostics: [diagnostic] },
        })) as CodeAction[];
        expect(actions.map((a) => a.title)).toEqual([`Ändra till ${replacement}`]);
        const [edit] = actions[0].edit!.changes![documents[0].textDocument.uri];
        const text = documents[0].textDocument.getText();
        const start = documents[0].textDocument.offsetAt(edit.range.start);
        const end = documents[0].textDocument.offsetAt(edit.range.end);
        expect(text.slice(0, start) + edit.newText + text.slice(end)).toBe(SURVEY + indicator(fixed));
        expect(await errors(SURVEY + indicator(fixed))).toEqual([]);
    });

    test('"för Barn och unga krävs" names the area by its code', async () => {
        const body =
            '    redovisas för EB, BU\n    fråga i Rutin: "Har ni en rutin?" svar JNE per område EB, BU\n    krävs: Ja på fråga i\n    för Barn och unga krävs: Ja på fråga i och inte Nej på fråga i';
        expect(await errors(SURVEY + indicator(body, 'områden EB, BU'))).toEqual([
            'unit-named-by-label: Områden och grupper anges med sin kod: skriv "för BU krävs" ("Barn och unga" är området BU).',
        ]);
        expect(
            await errors(SURVEY + indicator(body.replace('för Barn och unga krävs', 'för BU krävs'), 'områden EB, BU')),
        ).toEqual([]);
    });
});

describe('what the analysis says about exclusions', () => {
    const JNB =
        'svarsalternativ JNB { Ja = 1 "Ja" Nej = 2 "Nej" NejBehovs = 3 "Nej, behövs inte" EjAktuellt = 4 "Ej aktuellt, området finns inte" kort "Ej aktuellt" området saknas }\n';

    async function withCode(text: string, code: string): Promise<string[]> {
        await clearDocuments(shared);
        const { diagnostics } = await diagnosticsOf(text);
        return diagnostics[0].filter((d) => codeOf(d) === code).map((d) => d.message);
    }

    test('an overlap of exclusion and rule names an answer combination that is in both', async () => {
        const overlapping = SURVEY + indicator(TWO('Ja eller EjAktuellt på fråga i och Ja på fråga ii'));
        expect(await withCode(overlapping, 'exclusion-overlaps-requirement')).toEqual([
            'Uteslutningen och regeln överlappar: t.ex. svaren Ej aktuellt på fråga i och Ja på fråga ii både utesluts och uppfyller regeln; ' +
                'uteslutningen avgörs först, så regeln gäller aldrig för dem.',
        ]);
        expect(
            await withCode(SURVEY + indicator(TWO('Ja på fråga i och Ja på fråga ii')), 'exclusion-overlaps-requirement'),
        ).toEqual([]);
    });

    test('an exclusion\'s options that change outcomes are not said to "never change the outcome"', async () => {
        const body =
            '    fråga i Rutin: "Har ni en rutin?" svar JNB\n    krävs: Ja på fråga i\n    utesluts: EjAktuellt eller NejBehovs på fråga i';
        expect(await withCode(SURVEY + JNB + indicator(body), 'option-never-matters')).toEqual([]);
        // An option the default exclusion removes first does not matter in the rule, and is said so.
        const rule = '    fråga i Rutin: "Har ni en rutin?" svar JNB\n    krävs: Ja eller EjAktuellt på fråga i';
        expect(await withCode(SURVEY + JNB + indicator(rule), 'option-never-matters')).toEqual([
            'Ej aktuellt ändrar aldrig utfallet här: villkoret ger samma resultat utan det.',
        ]);
    });
});

describe('exclusions and exceptions of some areas (för AO utesluts, för LSSB undantas)', () => {
    const AREAS = 'område AO "Äldreomsorg"\nområde LSS "LSS" { grupp LSSB "LSS barn" grupp LSSV "LSS vuxen" }\n';
    const body = (variants: string) => `    redovisas för EB, AO, LSSB, LSSV
    fråga i Rutin: "Har ni en rutin?" svar JNE per område EB, AO, LSSB, LSSV
    fråga ii Uppf: "Har ni följt upp rutinen?" svar JN per område EB, AO, LSSB, LSSV
    krävs: Ja på fråga i och Ja på fråga ii
${variants}`;
    const areas = 'områden EB, AO, LSS';

    test("printed per area and group, the indicator's own as the rule for the other areas", async () => {
        await clearDocuments(shared);
        const text =
            SURVEY +
            AREAS +
            indicator(
                body('    för AO utesluts: EjAktuellt på fråga i eller Nej på fråga ii\n    för LSSB undantas: Nej på fråga ii'),
                areas,
            );
        const { documents, diagnostics } = await diagnosticsOf(text);
        expect(diagnostics[0].filter((d) => d.severity === 1)).toEqual([]);
        const model = documents[0].parseResult.value as Model;
        const found = model.elements.find((e): e is Indicator => e.$type === 'Indicator')!;
        expect(requirementSentence(found.requirements[0])).toBe(
            'För att uppnå indikatorn krävs: Ja på fråga i och Ja på fråga ii.',
        );
        expect(exclusionSentence(found)).toBe(
            'För området Äldreomsorg: Kommuner och stadsdelar där gäller: Ej aktuellt på fråga i eller Nej på fråga ii, ingår inte i nämnaren. ' +
                'För övriga områden: Ej aktuellt ingår inte i nämnaren. ' +
                'För gruppen LSS barn: Kommuner och stadsdelar som inte uppnår indikatorn och där gäller: Nej på fråga ii, ingår inte i nämnaren.',
        );
    });

    test('an area reported as its groups is named by them', async () => {
        expect(await errors(SURVEY + AREAS + indicator(body('    för LSS undantas: Nej på fråga ii'), areas))).toEqual([
            'variant-not-reported: Indikator 2 redovisas för LSS som grupperna LSSB och LSSV; skriv "för LSSB, LSSV".',
        ]);
        expect(await errors(SURVEY + AREAS + indicator(body('    för LSSB, LSSV undantas: Nej på fråga ii'), areas))).toEqual([]);
    });

    test('an area with two exclusions of its own', async () => {
        expect(
            await errors(
                SURVEY +
                    AREAS +
                    indicator(
                        body(
                            '    för AO utesluts: EjAktuellt på fråga i\n    för EB, AO utesluts: EjAktuellt på fråga i eller Nej på fråga ii',
                        ),
                        areas,
                    ),
            ),
        ).toEqual(['duplicate-requirement: AO har redan en egen uteslutning i indikator 2.']);
    });

    test("an overlap in an area's own exclusion is reported there, for that area", async () => {
        const found = (
            await diagnosticsOf(SURVEY + AREAS + indicator(body('    för AO utesluts: Ja på fråga i'), areas))
        ).diagnostics[0]
            .filter((d) => codeOf(d) === 'exclusion-overlaps-requirement')
            .map((d) => d.message);
        expect(found).toEqual([
            'Uteslutningen och regeln överlappar: t.ex. svaren Ja på fråga i och Ja på fråga ii både utesluts och uppfyller regeln för AO; ' +
                'uteslutningen avgörs först, så regeln gäller aldrig för dem.',
        ]);
    });
});

describe('arithmetic over counts', () => {
    const COUNTS =
        '    fråga i Alla: "Hur många?" antal enhet "personer"\n    fråga ii Med: "Hur många av dem?" antal enhet "personer"\n    fråga iii Rutin: "Har ni en rutin?" svar JN\n';

    test('arithmetic on an answer with options is a type error; on counts it is not', async () => {
        expect(
            await errors(
                SURVEY +
                    indicator(`${COUNTS}    krävs: (antal på fråga iii) / (antal på fråga i) är minst 80 % och Ja på fråga iii`),
            ),
        ).toEqual([
            'number-on-option-question: Fråga iii besvaras med svarsalternativ, inte med ett antal, och kan inte räknas med; skriv t.ex. "Ja på fråga iii".',
        ]);
        expect(
            await errors(
                SURVEY +
                    indicator(`${COUNTS}    krävs: (antal på fråga ii) / (antal på fråga i) är minst 80 % och Ja på fråga iii`),
            ),
        ).toEqual([]);
    });

    test('printed in words, with the unit the questions state', async () => {
        await clearDocuments(shared);
        const { documents } = await diagnosticsOf(
            SURVEY +
                indicator(
                    `${COUNTS}    krävs: (antal på fråga ii) / (antal på fråga i) är minst 80 % och antal på fråga i + antal på fråga ii > 10 och Ja på fråga iii`,
                ),
        );
        const found = (documents[0].parseResult.value as Model).elements.find((e): e is Indicator => e.$type === 'Indicator')!;
        expect(requirementSentence(found.requirements[0])).toBe(
            'För att uppnå indikatorn krävs: antalet personer på fråga ii delat med antalet personer på fråga i är minst 80 procent ' +
                'och antalet personer på fråga i plus antalet personer på fråga ii är större än 10 personer och Ja på fråga iii.',
        );
    });
});
