/**
 * Every validation check: a small model that triggers it (the offending text marked «…») and a
 * near-identical model that does not. Models may span several files, as workspaces do.
 */
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { clearDocuments } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createOjServices, IssueCodes, type IssueCode } from '../src/index.js';

const { shared } = createOjServices(EmptyFileSystem);

afterEach(() => clearDocuments(shared));

const SURVEY = `enkät T2019 "Test 2019" {
    år 2019
    mätdatum "2019-02-01"
    variabelmönster "T{indikator}_{fråga}{del}[_{grupp}]"
    datakälla "Enkät." målpopulation "Alla." nämnare "Svarande." redovisningsnivåer kommun, riket
}
svarsalternativ JN { Ja = 1 "Ja" Nej = 2 "Nej" }
svarsalternativ JNE { Ja = 1 "Ja" Nej = 2 "Nej" EjAktuellt = 3 "Ej aktuellt, området finns inte" kort "Ej aktuellt" området saknas }
område EB "Ekonomiskt bistånd"
område BU "Barn och unga"
`;

const PARTS = `beskrivning "B." syfte "S." önskad riktning positiv typ struktur kvalitetsområde "Säker"`;

/** One indicator with complete printed parts; `body` holds its questions and rule. */
const indicator = (body: string, head = 'indikator 1 "Ett"', areas = 'områden EB') => `${head} {\n    ${areas}\n    ${PARTS}\n${body}\n}\n`;

const PLAIN = `    fråga i Rutin: "Har ni en rutin?" svar JNE
    krävs: Ja på fråga i`;

interface Case {
    name: string;
    code: IssueCode;
    severity: 'error' | 'warning';
    /** Files of the triggering workspace; the marked text «…» must lie in the diagnostic's range. */
    trigger: string[];
    /** The same workspace with the problem put right. */
    clean: string[];
    message?: RegExp;
}

const SEVERITY = { error: 1, warning: 2 } as const;

const cases: Case[] = [
    {
        name: 'an unresolved reference to an answer set',
        code: IssueCodes.UnknownReference, severity: 'error',
        trigger: [SURVEY + indicator(`    fråga i Rutin: "Har ni en rutin?" svar «JA_NEJ»\n    krävs: Ja på fråga i`)],
        clean: [SURVEY + indicator(PLAIN)],
        message: /^Okänt svarsalternativen: JA_NEJ\.$/
    },
    {
        name: 'an answer option that is not in the question\'s answer set',
        code: IssueCodes.UnknownOption, severity: 'error',
        trigger: [SURVEY + indicator(`    fråga i Rutin: "Har ni en rutin?" svar JN\n    krävs: «EjAktuellt» på fråga i`)],
        clean: [SURVEY + indicator(`    fråga i Rutin: "Har ni en rutin?" svar JNE\n    krävs: Ja på fråga i\n    utesluts: EjAktuellt på fråga i`)],
        message: /EjAktuellt är inget svarsalternativ på fråga i \(JN: Ja, Nej\)/
    },
    {
        name: 'an indicator area that is not declared',
        code: IssueCodes.UnknownArea, severity: 'error',
        trigger: [SURVEY + indicator(PLAIN, undefined, 'områden EB, «MB»')],
        clean: [SURVEY + indicator(PLAIN, undefined, 'områden EB, BU')],
        message: /Området eller gruppen MB är inte deklarerad/
    },
    {
        name: 'a reporting group that is not declared',
        code: IssueCodes.UnknownArea, severity: 'error',
        trigger: [SURVEY + indicator(`    redovisas för EB, «LSSB»\n    fråga i Rutin: "Har ni?" svar JNE per område EB, BU\n    krävs: Ja på fråga i`)],
        clean: [SURVEY + indicator(`    redovisas för EB, BU\n    fråga i Rutin: "Har ni?" svar JNE per område EB, BU\n    krävs: Ja på fråga i`)]
    },
    {
        name: 'a question numeral the indicator does not have',
        code: IssueCodes.UnknownQuestion, severity: 'error',
        trigger: [SURVEY + indicator(`    fråga i Rutin: "Har ni en rutin?" svar JNE\n    krävs: Ja på fråga «ii»`)],
        clean: [SURVEY + indicator(PLAIN)],
        message: /Indikatorn har ingen fråga ii/
    },
    {
        name: 'a shared question that does not exist',
        code: IssueCodes.UnknownQuestion, severity: 'error',
        trigger: [SURVEY + indicator(`    fråga i = «Rutinen»\n    krävs: Ja på fråga i`) + `fråga Rutin: "Har ni?" svar JNE variabel "RUT"\n`],
        clean: [SURVEY + indicator(`    fråga i = Rutin\n    krävs: Ja på fråga i`) + `fråga Rutin: "Har ni?" svar JNE variabel "RUT"\n`]
    },
    {
        name: 'an item the question does not have',
        code: IssueCodes.UnknownItem, severity: 'error',
        trigger: [SURVEY + indicator(`    fråga i Delar: "Innehåller?" svar JN\n        alternativ A "a"\n        alternativ B "b"\n    krävs: Ja på fråga i A, «C»`)],
        clean: [SURVEY + indicator(`    fråga i Delar: "Innehåller?" svar JN\n        alternativ A "a"\n        alternativ B "b"\n    krävs: Ja på fråga i A, B`)]
    },
    {
        name: 'two indicators with the same number in two files of one survey',
        code: IssueCodes.DuplicateIndicatorNumber, severity: 'error',
        trigger: [SURVEY + indicator(PLAIN), 'tillhör T2019\n' + indicator(PLAIN.replace('Rutin', 'Rutin2'), 'indikator «1» "Två"')],
        clean: [SURVEY + indicator(PLAIN), 'tillhör T2019\n' + indicator(PLAIN.replace('Rutin', 'Rutin2'), 'indikator 2 "Två"')],
        message: /Indikatornummer 1 används av 2 indikatorer i T2019/
    },
    {
        name: 'two indicators with the same name',
        code: IssueCodes.DuplicateIndicatorName, severity: 'error',
        trigger: [SURVEY + indicator(PLAIN) + indicator(PLAIN.replace('Rutin', 'Rutin2'), 'indikator 2 «"Ett"»')],
        clean: [SURVEY + indicator(PLAIN) + indicator(PLAIN.replace('Rutin', 'Rutin2'), 'indikator 2 "Två"')]
    },
    {
        name: 'two questions with the same id',
        code: IssueCodes.DuplicateQuestionId, severity: 'error',
        trigger: [SURVEY + indicator(PLAIN) + indicator(PLAIN.replace('fråga i Rutin', 'fråga i «Rutin»'), 'indikator 2 "Två"')],
        clean: [SURVEY + indicator(PLAIN) + indicator(PLAIN.replace('Rutin', 'Rutin2'), 'indikator 2 "Två"')]
    },
    {
        name: 'a numeral used twice in one indicator',
        code: IssueCodes.DuplicateNumeral, severity: 'error',
        trigger: [SURVEY + indicator(`    fråga i Rutin: "Har ni?" svar JNE\n    fråga «i» Uppf: "Följt upp?" svar JN\n    krävs: Ja på fråga i`)],
        clean: [SURVEY + indicator(`    fråga i Rutin: "Har ni?" svar JNE\n    fråga ii Uppf: "Följt upp?" svar JN\n    krävs: Ja på fråga i och Ja på fråga ii`)]
    },
    {
        name: 'a survey variable named twice',
        code: IssueCodes.DuplicateVariable, severity: 'error',
        trigger: [SURVEY + indicator(`    fråga «i» Rutin: "Har ni?" svar JNE variabel "X1"\n    fråga ii Uppf: "Följt upp?" svar JN variabel "X1"\n    krävs: Ja på fråga i och Ja på fråga ii`)],
        clean: [SURVEY + indicator(`    fråga i Rutin: "Har ni?" svar JNE variabel "X1"\n    fråga ii Uppf: "Följt upp?" svar JN variabel "X2"\n    krävs: Ja på fråga i och Ja på fråga ii`)],
        message: /Variabeln X1 används av 2 frågor/
    },
    {
        name: 'two options with the same code',
        code: IssueCodes.DuplicateOption, severity: 'error',
        trigger: [SURVEY.replace('Nej = 2 "Nej" }', 'Nej = «1» "Nej" }') + indicator(PLAIN.replace('svar JNE', 'svar JN'))],
        clean: [SURVEY + indicator(PLAIN.replace('svar JNE', 'svar JN'))],
        message: /Koden 1 används redan av Ja i JN/
    },
    {
        name: 'a part written twice',
        code: IssueCodes.DuplicatePart, severity: 'error',
        trigger: [SURVEY + indicator(`    «syfte» "Ett annat syfte."\n${PLAIN}`)],
        clean: [SURVEY + indicator(PLAIN)],
        message: /"syfte" anges mer än en gång/
    },
    {
        name: 'two base rules',
        code: IssueCodes.DuplicateRequirement, severity: 'error',
        trigger: [SURVEY + indicator(`${PLAIN}\n    «krävs: Nej på fråga i»`)],
        clean: [SURVEY + indicator(PLAIN)]
    },
    {
        name: 'a per-area question in an indicator not reported per area',
        code: IssueCodes.PerAreaOutsideAreaContext, severity: 'error',
        trigger: [SURVEY + indicator(`    fråga «i» Rutin: "Har ni?" svar JNE per område EB, BU\n    krävs: Ja på fråga i`)],
        clean: [SURVEY + indicator(`    redovisas för EB, BU\n    fråga i Rutin: "Har ni?" svar JNE per område EB, BU\n    krävs: Ja på fråga i`)],
        message: /ställs per område, men indikator 1 redovisas inte per område/
    },
    {
        name: 'an indicator reported for an area its question is not asked for',
        code: IssueCodes.AreaNotAsked, severity: 'error',
        trigger: [SURVEY + indicator(`    redovisas för EB, BU\n    fråga «i» Rutin: "Har ni?" svar JNE per område EB\n    krävs: Ja på fråga i`)],
        clean: [SURVEY + indicator(`    redovisas för EB\n    fråga i Rutin: "Har ni?" svar JNE per område EB\n    krävs: Ja på fråga i`)]
    },
    {
        name: 'a numeric question compared with an option',
        code: IssueCodes.OptionOnNumericQuestion, severity: 'error',
        trigger: [SURVEY + indicator(`    fråga i Antal: "Hur många?" antal\n    krävs: «Ja» på fråga i`)],
        clean: [SURVEY + indicator(`    fråga i Antal: "Hur många?" antal\n    krävs: antal på fråga i > 0`)]
    },
    {
        name: 'an option question compared with a number',
        code: IssueCodes.NumberOnOptionQuestion, severity: 'error',
        trigger: [SURVEY + indicator(`    fråga i Rutin: "Har ni?" svar JNE\n    krävs: antal på fråga i > «0»`)],
        clean: [SURVEY + indicator(PLAIN)]
    },
    {
        name: 'a ratio of option questions',
        code: IssueCodes.RatioNotNumeric, severity: 'error',
        trigger: [SURVEY + indicator(`    fråga i A: "Antal?" antal\n    fråga ii B: "Har ni?" svar JN\n    andel: fråga i / fråga «ii»`)],
        clean: [SURVEY + indicator(`    fråga i A: "Antal?" antal\n    fråga ii B: "Antal totalt?" antal\n    andel: fråga i / fråga ii`)]
    },
    {
        name: 'a question with items named without items',
        code: IssueCodes.ItemsRequired, severity: 'error',
        trigger: [SURVEY + indicator(`    fråga i Delar: "Innehåller?" svar JN\n        alternativ A "a"\n        alternativ B "b"\n    krävs: Ja på fråga «i»`)],
        clean: [SURVEY + indicator(`    fråga i Delar: "Innehåller?" svar JN\n        alternativ A "a"\n        alternativ B "b"\n    krävs: Ja på samtliga alternativ av fråga i`)]
    },
    {
        name: 'a quantifier on a question without items',
        code: IssueCodes.QuantifierWithoutItems, severity: 'error',
        trigger: [SURVEY + indicator(`    fråga i Rutin: "Har ni?" svar JNE\n    krävs: Ja på «samtliga» alternativ av fråga i`)],
        clean: [SURVEY + indicator(PLAIN)]
    },
    {
        name: 'a question without answers',
        code: IssueCodes.AnswerKindMissing, severity: 'error',
        trigger: [SURVEY + indicator(`    fråga i «Rutin»: "Har ni?"\n    krävs: Ja på fråga i`)],
        clean: [SURVEY + indicator(PLAIN)]
    },
    {
        name: 'a question both with options and numeric',
        code: IssueCodes.AnswerKindConflict, severity: 'error',
        trigger: [SURVEY + indicator(`    fråga i Rutin: "Har ni?" svar JNE «antal»\n    krävs: Ja på fråga i`)],
        clean: [SURVEY + indicator(PLAIN)]
    },
    {
        name: 'a question with no variable name and no survey pattern',
        code: IssueCodes.VariableMissing, severity: 'error',
        trigger: [SURVEY.replace('    variabelmönster "T{indikator}_{fråga}{del}[_{grupp}]"\n', '') + indicator(`    fråga i «Rutin»: "Har ni?" svar JNE\n    krävs: Ja på fråga i`)],
        clean: [SURVEY.replace('    variabelmönster "T{indikator}_{fråga}{del}[_{grupp}]"\n', '') + indicator(`    fråga i Rutin: "Har ni?" svar JNE variabel R1\n    krävs: Ja på fråga i`)]
    },
    {
        name: 'a per-area question whose variable name has no {grupp}',
        code: IssueCodes.VariablePatternIncomplete, severity: 'error',
        trigger: [SURVEY + indicator(`    redovisas för EB, BU\n    fråga i Rutin: "Har ni?" svar JNE per område EB, BU variabel «"R1"»\n    krävs: Ja på fråga i`)],
        clean: [SURVEY + indicator(`    redovisas för EB, BU\n    fråga i Rutin: "Har ni?" svar JNE per område EB, BU variabel "R1_{grupp}"\n    krävs: Ja på fråga i`)],
        message: /lägg till \{grupp\}/
    },
    {
        name: 'an indicator without a rule',
        code: IssueCodes.RequirementMissing, severity: 'error',
        trigger: [SURVEY + indicator(`    fråga i Rutin: "Har ni?" svar JNE`, 'indikator 1 «"Ett"»')],
        clean: [SURVEY + indicator(PLAIN)]
    },
    {
        name: 'an area variant for an area the indicator is not reported for',
        code: IssueCodes.VariantNotReported, severity: 'error',
        trigger: [SURVEY + indicator(`    redovisas för EB\n    fråga i Rutin: "Har ni?" svar JNE per område EB, BU\n    krävs: Ja på fråga i\n    för «BU» krävs: Ja på fråga i`)],
        clean: [SURVEY + indicator(`    redovisas för EB, BU\n    fråga i Rutin: "Har ni?" svar JNE per område EB, BU\n    krävs: Ja på fråga i\n    för BU krävs: Ja på fråga i`)]
    },
    {
        name: 'a measurement date that is not a date',
        code: IssueCodes.InvalidDate, severity: 'error',
        trigger: [SURVEY.replace('mätdatum "2019-02-01"', 'mätdatum «"2019-02-30"»') + indicator(PLAIN)],
        clean: [SURVEY + indicator(PLAIN)]
    },
    {
        name: 'an earlier name from the same or a later year',
        code: IssueCodes.EarlierYearNotBefore, severity: 'error',
        trigger: [SURVEY + indicator(`    tidigare «2019» "Gammalt namn"\n${PLAIN}`)],
        clean: [SURVEY + indicator(`    tidigare 2018 "Gammalt namn"\n${PLAIN}`)]
    },
    {
        name: 'an earlier name that the earlier year\'s survey in the workspace does not have',
        code: IssueCodes.EarlierNameUnresolved, severity: 'warning',
        trigger: [
            SURVEY + indicator(`    tidigare 2018 «"Gammalt namn"»\n${PLAIN}`),
            `enkät T2018 "Test 2018" { år 2018 variabelmönster "S{indikator}_{fråga}" datakälla "E." målpopulation "A." nämnare "S." redovisningsnivåer kommun }\n` + indicator(PLAIN.replace('Rutin', 'Rutin18'), 'indikator 1 "Ett annat namn"')
        ],
        clean: [
            SURVEY + indicator(`    tidigare 2018 "Gammalt namn"\n${PLAIN}`),
            `enkät T2018 "Test 2018" { år 2018 variabelmönster "S{indikator}_{fråga}" datakälla "E." målpopulation "A." nämnare "S." redovisningsnivåer kommun }\n` + indicator(PLAIN.replace('Rutin', 'Rutin18'), 'indikator 1 "Gammalt namn"')
        ],
        message: /Det finns ingen indikator "Gammalt namn" i 2018 års enkät/
    },
    {
        name: 'printed parts missing',
        code: IssueCodes.MissingPrintedPart, severity: 'warning',
        trigger: [SURVEY + `indikator 1 «"Ett"» {\n    områden EB\n    beskrivning "B."\n${PLAIN}\n}\n`],
        clean: [SURVEY + indicator(PLAIN)],
        message: /saknar text för: Syfte, Önskad riktning, Typ av indikator, Kvalitetsområde/
    },
    {
        name: 'an answer set no question uses (used from another file: no warning)',
        code: IssueCodes.UnusedAnswerSet, severity: 'warning',
        trigger: [SURVEY + 'svarsalternativ «ANTAL» { Noll = 0 "Inga" }\n' + indicator(PLAIN)],
        clean: [SURVEY + 'svarsalternativ ANTAL { Noll = 0 "Inga" }\n' + indicator(`${PLAIN} och Ja på fråga ii\n    fråga ii Uppf: "Följt upp?" svar JN`), 'tillhör T2019\n' + indicator(PLAIN.replace('Rutin', 'Rutin2').replace('svar JNE', 'svar ANTAL').replace('Ja på', 'Noll på'), 'indikator 2 "Två"')]
    },
    {
        name: 'a shared question no indicator uses',
        code: IssueCodes.UnusedQuestion, severity: 'warning',
        trigger: [SURVEY + indicator(PLAIN) + 'fråga «Delad»: "Har ni?" svar JN variabel "D1"\n'],
        clean: [SURVEY + indicator(`    fråga i = Delad\n    krävs: Ja på fråga i`) + 'fråga Delad: "Har ni?" svar JN variabel "D1"\n']
    },
    {
        name: 'a question of an indicator its rule does not use',
        code: IssueCodes.UnusedQuestion, severity: 'warning',
        trigger: [SURVEY + indicator(`${PLAIN}\n    fråga «ii» Uppf: "Följt upp?" svar JN`)],
        clean: [SURVEY + indicator(`    fråga i Rutin: "Har ni?" svar JNE\n    fråga ii Uppf: "Följt upp?" svar JN\n    krävs: Ja på fråga i och Ja på fråga ii`)]
    },
    {
        name: 'a question numeral that is not a roman numeral',
        code: IssueCodes.NumeralNotRoman, severity: 'warning',
        trigger: [SURVEY + indicator(`    fråga «q1» Rutin: "Har ni?" svar JNE\n    krävs: Ja på fråga q1`)],
        clean: [SURVEY + indicator(PLAIN)]
    },
    {
        name: 'an unknown quality area',
        code: IssueCodes.UnknownQualityArea, severity: 'warning',
        trigger: [SURVEY + indicator(PLAIN).replace('kvalitetsområde "Säker"', 'kvalitetsområde «"Snabb"»')],
        clean: [SURVEY + indicator(PLAIN)]
    },
    {
        name: 'indicators in a file that names no survey',
        code: IssueCodes.NoSurvey, severity: 'warning',
        trigger: [SURVEY, '«»' + indicator(PLAIN)],
        clean: [SURVEY, 'tillhör T2019\n' + indicator(PLAIN)]
    },
    {
        name: 'an answer set without options',
        code: IssueCodes.EmptyAnswerSet, severity: 'error',
        trigger: [SURVEY + 'svarsalternativ «TOM» { }\nfråga Delad: "Har ni?" svar TOM variabel "D1"\n' + indicator(`    fråga i = Delad\n    krävs: antal på fråga i > 0`)],
        clean: [SURVEY + 'svarsalternativ TOM { Ja = 1 "Ja" }\nfråga Delad: "Har ni?" svar TOM variabel "D1"\n' + indicator(`    fråga i = Delad\n    krävs: Ja på fråga i`)]
    }
];

interface Marked { text: string; offset: number; length: number }

function unmark(source: string): Marked {
    const start = source.indexOf('«');
    if (start < 0) return { text: source, offset: -1, length: 0 };
    const end = source.indexOf('»', start);
    return { text: source.slice(0, start) + source.slice(start + 1, end) + source.slice(end + 1), offset: start, length: end - start - 1 };
}

async function validateFiles(sources: string[]): Promise<Array<{ document: LangiumDocument; diagnostics: Diagnostic[]; marked: Marked }>> {
    const marked = sources.map(unmark);
    const documents = marked.map((m, i) => shared.workspace.LangiumDocumentFactory.fromString(m.text, URI.file(`/test/file${i}.oj`)));
    documents.forEach(d => shared.workspace.LangiumDocuments.addDocument(d));
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return documents.map((document, i) => ({ document, diagnostics: document.diagnostics ?? [], marked: marked[i] }));
}

const codeOf = (d: Diagnostic) => (d.data as { code?: string } | undefined)?.code;

describe('validation checks', () => {
    test('every issue code has a case', () => {
        const covered = new Set(cases.map(c => c.code));
        expect(Object.values(IssueCodes).filter(code => !covered.has(code))).toEqual([]);
    });

    for (const c of cases) {
        test(`${c.code}: ${c.name}`, async () => {
            const results = await validateFiles(c.trigger);
            const markedFile = results.find(r => r.marked.offset >= 0);
            expect(markedFile, 'a trigger case marks the offending text').toBeDefined();
            const hits = markedFile!.diagnostics.filter(d => codeOf(d) === c.code);
            expect(hits.length, `expected ${c.code} in ${JSON.stringify(markedFile!.diagnostics.map(d => [codeOf(d), d.message]))}`).toBeGreaterThan(0);
            const doc = markedFile!.document.textDocument;
            const { offset, length } = markedFile!.marked;
            const atMark = hits.filter(d => doc.offsetAt(d.range.start) <= offset && offset + length <= doc.offsetAt(d.range.end));
            expect(atMark.length, `${c.code} at the marked text; got ${JSON.stringify(hits.map(h => h.range))}`).toBeGreaterThan(0);
            expect(atMark[0].severity).toBe(SEVERITY[c.severity]);
            if (c.message) expect(atMark[0].message).toMatch(c.message);
            await clearDocuments(shared);

            const clean = await validateFiles(c.clean);
            const all = clean.flatMap(r => r.diagnostics);
            expect(all.filter(d => codeOf(d) === c.code).map(d => d.message)).toEqual([]);
            expect(all.filter(d => d.severity === 1).map(d => `${codeOf(d)}: ${d.message}`), 'the clean variant has no errors').toEqual([]);
        });
    }
});

describe('syntax errors', () => {
    test('a rule that ends after "och" is a parse error at the next token', async () => {
        const [result] = await validateFiles([SURVEY + indicator(`    fråga i Rutin: "Har ni?" svar JNE\n    krävs: Ja på fråga i och\n`)]);
        const parse = result.diagnostics.filter(d => d.severity === 1 && !codeOf(d)?.includes('-'));
        expect(parse.length).toBeGreaterThan(0);
    });
});
