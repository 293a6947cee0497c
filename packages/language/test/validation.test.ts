/**
 * Every validation check, data-driven in the style of Safe-DS: each case is a small workspace (one
 * or more files) in which «…» marks exactly the text the diagnostic must cover, the code, severity
 * and key words of the message expected there, and one or more near-identical workspaces where the
 * problem is put right and the code must not appear (nor any error).
 */
import { EmptyFileSystem, inject, TextDocument, URI, type LangiumDocument } from 'langium';
import { createDefaultModule, createDefaultSharedModule } from 'langium/lsp';
import {
    clearDocuments,
    expectError,
    expectNoIssues,
    expectWarning,
    printDiagnostics,
    setTextDocument,
    validationHelper,
    type ValidationResult,
} from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import {
    createOjServices,
    isIndicator,
    IssueCodes,
    MAX_SYNTAX_ERRORS,
    OjGeneratedModule,
    OjGeneratedSharedModule,
    OjModule,
    OjSharedModule,
    registerAnalysisChecks,
    registerValidationChecks,
    surveyOf,
    type Indicator,
    type IssueCode,
    type Model,
} from '../src/index.js';
import { registerCases } from './register-validation-cases.js';

const { shared, Oj: services } = createOjServices(EmptyFileSystem);

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

/** The survey with a declared population: kommuner only, or kommuner and stadsdelar. */
const KOMMUNER = SURVEY.replace('målpopulation "Alla."', 'målpopulation kommuner');
const BOTH = SURVEY.replace('målpopulation "Alla."', 'målpopulation kommuner, stadsdelar').replace(
    'redovisningsnivåer kommun, riket',
    'redovisningsnivåer stadsdel, kommun, riket',
);

/** The survey with kön declared, and a pattern that names a variable per stratum. */
const KÖN = SURVEY.replace(
    '    år 2019',
    '    år 2019\n    indelning kön "Kön" { kvinnor "K" "Kvinnor" män "M" "Män" totalt "T" "Totalt" }',
).replace(
    'variabelmönster "T{indikator}_{fråga}{del}[_{grupp}]"',
    'variabelmönster "T{indikator}_{fråga}{del}[_{grupp}][_{indelning}]"',
);

/** Last year's survey, as a workspace that checks earlier names holds it. */
const SURVEY_2018 = `enkät T2018 "Test 2018" {
    år 2018
    variabelmönster "T{indikator}_{fråga}{del}[_{grupp}]"
    datakälla "Enkät." målpopulation "Alla." nämnare "Svarande." redovisningsnivåer kommun
}
svarsalternativ JN { Ja = 1 "Ja" Nej = 2 "Nej" }
svarsalternativ JNE { Ja = 1 "Ja" Nej = 2 "Nej" EjAktuellt = 3 "Ej aktuellt, området finns inte" kort "Ej aktuellt" området saknas }
område EB "Ekonomiskt bistånd"
område BU "Barn och unga"
`;

const PARTS = `beskrivning "B." syfte "S." önskad riktning positiv typ struktur kvalitetsområde "Säker"`;

/** One indicator with complete printed parts; `body` holds its questions and rule. */
const indicator = (body: string, head = 'indikator 1 "Ett"', areas = 'områden EB') =>
    `${head} {\n    ${areas}\n    ${PARTS}\n${body}\n}\n`;

const PLAIN = `    fråga i Rutin: "Har ni en rutin?" svar JNE
    krävs: Ja på fråga i`;

const TWO = `    fråga i Rutin: "Har ni en rutin?" svar JNE
    fråga ii Uppf: "Har ni följt upp rutinen?" svar JN
    krävs: Ja på fråga i och Ja på fråga ii`;

const PER_AREA = (units: string, asked: string, rule = 'krävs: Ja på fråga i') =>
    `    redovisas för ${units}\n    fråga i Rutin: "Har ni en rutin?" svar JNE per område ${asked}\n    ${rule}`;

const ITEMS = (rule: string) => `    fråga i Delar: "Innehåller rutinen delarna?" svar JN
        alternativ A "Uppsökande"
        alternativ B "Uppföljning"
    krävs: ${rule}`;

const tillhör = (body: string) => `tillhör T2019\n${body}`;

const LSS = 'område LSS "LSS" { grupp LSSB "LSS barn" grupp LSSV "LSS vuxen" }\n';

/** A per-group question with a variant for LSS barn, its units written as `units`. */
const LSS_RULE = (units: string) =>
    `    redovisas för EB, LSSB\n    fråga i Rutin: "Har ni en rutin?" svar JNE per område EB, LSSB\n    krävs: Ja på fråga i\n    för ${units} krävs: Ja på fråga i och inte Nej på fråga i`;

interface Case {
    name: string;
    code: IssueCode;
    severity: 'error' | 'warning';
    /** Files of the triggering workspace; one of them marks the diagnostic's exact range with «…». */
    trigger: string[];
    /** Key words of the message, in the words a methodologist reads. */
    message: RegExp;
    /** Near-identical workspaces with the problem put right. */
    clean: string[][];
}

const cases: Case[] = [
    // ------------------------------------------------------------------ unresolved names
    {
        name: 'an answer set that is not declared',
        code: IssueCodes.UnknownReference,
        severity: 'error',
        trigger: [SURVEY + indicator(`    fråga i Rutin: "Har ni en rutin?" svar «JA_NEJ»\n    krävs: Ja på fråga i`)],
        message: /^Det finns inga svarsalternativ som heter JA_NEJ\.$/,
        clean: [[SURVEY + indicator(PLAIN)]],
    },
    {
        name: 'a file that belongs to a survey that does not exist',
        code: IssueCodes.UnknownReference,
        severity: 'error',
        trigger: [SURVEY, `tillhör «T2020»\n` + indicator(PLAIN)],
        message: /^Det finns ingen enkät som heter T2020\.$/,
        clean: [[SURVEY, tillhör(indicator(PLAIN))]],
    },
    {
        name: 'a term that is not declared',
        code: IssueCodes.UnknownReference,
        severity: 'error',
        trigger: [
            SURVEY +
                'begrepp rutin: med "rutin" avses "ett bestämt tillvägagångssätt."\n' +
                indicator(`    begrepp «rutiner»\n${PLAIN}`),
        ],
        message: /^Det finns inget begrepp som heter rutiner\. Menade du rutin\?$/,
        clean: [
            [
                SURVEY +
                    'begrepp rutin: med "rutin" avses "ett bestämt tillvägagångssätt."\n' +
                    indicator(`    begrepp rutin\n${PLAIN}`),
            ],
        ],
    },
    {
        name: 'a survey part that is not declared',
        code: IssueCodes.UnknownReference,
        severity: 'error',
        trigger: [
            SURVEY.replace('    år 2019', '    år 2019\n    del G "Gemensam del"') +
                'fråga Delad: "Har ni?" svar JN variabel "D1" del av enkäten «D2»\n' +
                indicator(`    fråga i = Delad\n    krävs: Ja på fråga i`),
        ],
        message: /^Det finns ingen enkätdel som heter D2\.$/,
        clean: [
            [
                SURVEY.replace('    år 2019', '    år 2019\n    del G "Gemensam del"') +
                    'fråga Delad: "Har ni?" svar JN variabel "D1" del av enkäten G\n' +
                    indicator(`    fråga i = Delad\n    krävs: Ja på fråga i`),
            ],
        ],
    },
    {
        name: "an answer option that is not in the question's answer set",
        code: IssueCodes.UnknownOption,
        severity: 'error',
        trigger: [
            SURVEY +
                indicator(
                    `    fråga i Rutin: "Har ni en rutin?" svar JN\n    krävs: Ja på fråga i\n    utesluts: «EjAktuellt» på fråga i`,
                ),
        ],
        message: /^EjAktuellt är inget svarsalternativ på fråga i \(JN: Ja, Nej\)\.$/,
        clean: [
            [
                SURVEY +
                    indicator(
                        `    fråga i Rutin: "Har ni en rutin?" svar JNE\n    krävs: Ja på fråga i\n    utesluts: EjAktuellt på fråga i`,
                    ),
            ],
        ],
    },
    {
        name: 'an answer option in a worked example that the question does not have',
        code: IssueCodes.UnknownOption,
        severity: 'error',
        trigger: [SURVEY + indicator(`${PLAIN}\n    exempel { fråga i = «Kanske» ger ej uppnådd }`)],
        message: /^Kanske är inget svarsalternativ på fråga i \(JNE: Ja, Nej, EjAktuellt\)\.$/,
        clean: [[SURVEY + indicator(`${PLAIN}\n    exempel { fråga i = Nej ger ej uppnådd }`)]],
    },
    {
        name: 'an indicator area that is not declared',
        code: IssueCodes.UnknownArea,
        severity: 'error',
        trigger: [SURVEY + indicator(PLAIN, undefined, 'områden EB, «MB»')],
        message: /^Det finns inget område som heter MB \(områdena är EB och BU\)\.$/,
        clean: [[SURVEY + indicator(PLAIN, undefined, 'områden EB, BU')]],
    },
    {
        name: 'a reporting group that is not declared',
        code: IssueCodes.UnknownArea,
        severity: 'error',
        trigger: [SURVEY + indicator(PER_AREA('EB, «LSSB»', 'EB, BU'))],
        message: /^Det finns inget område eller någon grupp som heter LSSB \(områdena är EB och BU\)\.$/,
        clean: [[SURVEY + indicator(PER_AREA('EB, BU', 'EB, BU'))]],
    },
    {
        name: 'an area variant for an area that is not declared',
        code: IssueCodes.UnknownArea,
        severity: 'error',
        trigger: [SURVEY + indicator(`${PER_AREA('EB, BU', 'EB, BU')}\n    för «MB» krävs: Ja på fråga i`)],
        message: /område eller någon grupp som heter MB/,
        clean: [[SURVEY + indicator(`${PER_AREA('EB, BU', 'EB, BU')}\n    för BU krävs: Ja på fråga i`)]],
    },
    {
        name: 'a per-area question asked for an area that is not declared',
        code: IssueCodes.UnknownArea,
        severity: 'error',
        trigger: [SURVEY + indicator(PER_AREA('EB', 'EB, «BUU»'))],
        message: /område eller någon grupp som heter BUU/,
        clean: [[SURVEY + indicator(PER_AREA('EB', 'EB, BU'))]],
    },
    {
        name: 'an example outcome for an area that is not declared',
        code: IssueCodes.UnknownArea,
        severity: 'error',
        trigger: [
            SURVEY + indicator(`${PER_AREA('EB, BU', 'EB, BU')}\n    exempel { fråga i = Ja ger EB: uppnådd, «XX»: uppnådd }`),
        ],
        message: /som heter XX/,
        clean: [
            [SURVEY + indicator(`${PER_AREA('EB, BU', 'EB, BU')}\n    exempel { fråga i = Ja ger EB: uppnådd, BU: uppnådd }`)],
        ],
    },
    {
        name: 'a question numeral the indicator does not have',
        code: IssueCodes.UnknownQuestion,
        severity: 'error',
        trigger: [SURVEY + indicator(`${PLAIN} och Ja på fråga «ii»`)],
        message: /^Indikator 1 har ingen fråga ii \(bara fråga i\)\.$/,
        clean: [[SURVEY + indicator(TWO)]],
    },
    {
        name: 'a question numeral in a worked example the indicator does not have',
        code: IssueCodes.UnknownQuestion,
        severity: 'error',
        trigger: [SURVEY + indicator(`${TWO}\n    exempel { fråga «iii» = Ja ger saknas }`)],
        message: /^Indikator 1 har ingen fråga iii \(frågorna är i och ii\)\.$/,
        clean: [[SURVEY + indicator(`${TWO}\n    exempel { fråga ii = Ja ger saknas }`)]],
    },
    {
        name: 'a shared question that does not exist',
        code: IssueCodes.UnknownQuestion,
        severity: 'error',
        trigger: [
            SURVEY +
                indicator(`    fråga i = «Rutinen»\n    krävs: Ja på fråga i`) +
                `fråga Rutin: "Har ni?" svar JNE variabel "RUT"\n`,
        ],
        message: /^Det finns ingen fråga med id Rutinen\. Menade du Rutin\?$/,
        clean: [
            [
                SURVEY +
                    indicator(`    fråga i = Rutin\n    krävs: Ja på fråga i`) +
                    `fråga Rutin: "Har ni?" svar JNE variabel "RUT"\n`,
            ],
        ],
    },
    {
        name: 'an item the question does not have',
        code: IssueCodes.UnknownItem,
        severity: 'error',
        trigger: [SURVEY + indicator(ITEMS('Ja på fråga i A, «C»'))],
        message: /^Fråga i har inget alternativ C \(alternativen är A och B\)\.$/,
        clean: [[SURVEY + indicator(ITEMS('Ja på fråga i A, B'))]],
    },

    // ------------------------------------------------------------------ uniqueness
    {
        name: 'two indicators with the same number in two files of one survey',
        code: IssueCodes.DuplicateIndicatorNumber,
        severity: 'error',
        trigger: [SURVEY + indicator(PLAIN), tillhör(indicator(PLAIN.replace('Rutin', 'Rutin2'), 'indikator «1» "Två"'))],
        message: /^Indikatornummer 1 används av 2 indikatorer i T2019\.$/,
        clean: [
            [SURVEY + indicator(PLAIN), tillhör(indicator(PLAIN.replace('Rutin', 'Rutin2'), 'indikator 2 "Två"'))],
            // The same number in last year's survey is another indicator.
            [SURVEY + indicator(PLAIN), SURVEY_2018 + indicator(PLAIN, 'indikator 1 "Två"')],
        ],
    },
    {
        name: 'two indicators with the same name',
        code: IssueCodes.DuplicateIndicatorName,
        severity: 'error',
        trigger: [SURVEY + indicator(PLAIN) + indicator(PLAIN.replace('Rutin', 'Rutin2'), 'indikator 2 «"Ett"»')],
        message: /^Namnet "Ett" används av 2 indikatorer i T2019\.$/,
        clean: [
            [SURVEY + indicator(PLAIN) + indicator(PLAIN.replace('Rutin', 'Rutin2'), 'indikator 2 "Två"')],
            [SURVEY + indicator(PLAIN), SURVEY_2018 + indicator(PLAIN)],
        ],
    },
    {
        name: 'two questions with the same id in two files',
        code: IssueCodes.DuplicateQuestionId,
        severity: 'error',
        trigger: [
            SURVEY + indicator(PLAIN),
            tillhör(indicator(PLAIN.replace('fråga i Rutin', 'fråga i «Rutin»'), 'indikator 2 "Två"')),
        ],
        message: /^Fråge-id Rutin används av 2 frågor; ett id får bara finnas en gång\.$/,
        clean: [
            [SURVEY + indicator(PLAIN), tillhör(indicator(PLAIN.replace('Rutin', 'Rutin2'), 'indikator 2 "Två"'))],
            // Each year's survey asks its own question Rutin.
            [SURVEY + indicator(PLAIN), SURVEY_2018 + indicator(PLAIN)],
        ],
    },
    {
        name: 'an answer set declared twice in one survey',
        code: IssueCodes.DuplicateName,
        severity: 'error',
        trigger: [SURVEY + indicator(PLAIN), tillhör('svarsalternativ «JN» { Ja = 1 "Ja" Nej = 0 "Nej" }\n')],
        message: /^Det finns redan svarsalternativ som heter JN; ett namn kan bara syfta på en sak i enkäten\.$/,
        clean: [
            [
                SURVEY + indicator(`${TWO}`),
                tillhör(
                    'svarsalternativ JN2 { Ja = 1 "Ja" Nej = 0 "Nej" }\nfråga Delad: "Har ni?" svar JN2 variabel "D1"\n' +
                        indicator(`    fråga i = Delad\n    krävs: Ja på fråga i`, 'indikator 2 "Två"'),
                ),
            ],
            [SURVEY + indicator(TWO), SURVEY_2018 + indicator(TWO)],
        ],
    },
    {
        name: 'a group with the name of an area',
        code: IssueCodes.DuplicateName,
        severity: 'error',
        trigger: [
            SURVEY +
                'område LSS "LSS" { grupp LSSB "LSS barn" grupp «EB» "LSS vuxen" }\n' +
                indicator(PLAIN, undefined, 'områden EB, LSS'),
        ],
        message: /^Det finns redan ett område som heter EB;/,
        clean: [
            [
                SURVEY +
                    'område LSS "LSS" { grupp LSSB "LSS barn" grupp LSSV "LSS vuxen" }\n' +
                    indicator(PLAIN, undefined, 'områden EB, LSS'),
            ],
        ],
    },
    {
        name: 'a group declared twice in its area',
        code: IssueCodes.DuplicateName,
        severity: 'error',
        trigger: [
            SURVEY +
                'område LSS "LSS" { grupp LSSB "LSS barn" grupp «LSSB» "LSS vuxen" }\n' +
                indicator(PLAIN, undefined, 'områden EB, LSS'),
        ],
        message: /^Det finns redan en grupp som heter LSSB;/,
        clean: [
            [
                SURVEY +
                    'område LSS "LSS" { grupp LSSB "LSS barn" grupp LSSV "LSS vuxen" }\n' +
                    indicator(PLAIN, undefined, 'områden EB, LSS'),
            ],
        ],
    },
    {
        name: 'a term declared twice',
        code: IssueCodes.DuplicateName,
        severity: 'error',
        trigger: [
            SURVEY +
                'begrepp rutin: med "rutin" avses "a."\nbegrepp «rutin»: med "rutiner" avses "b."\n' +
                indicator(`    begrepp rutin\n${PLAIN}`),
        ],
        message: /^Det finns redan ett begrepp som heter rutin;/,
        clean: [
            [
                SURVEY +
                    'begrepp rutin: med "rutin" avses "a."\nbegrepp rutiner: med "rutiner" avses "b."\n' +
                    indicator(`    begrepp rutin, rutiner\n${PLAIN}`),
            ],
        ],
    },
    {
        name: 'a survey declared twice',
        code: IssueCodes.DuplicateName,
        severity: 'error',
        trigger: [SURVEY + indicator(PLAIN), SURVEY_2018.replace('enkät T2018', 'enkät «T2019»')],
        message: /^Det finns redan en enkät som heter T2019;/,
        clean: [[SURVEY + indicator(PLAIN), SURVEY_2018]],
    },
    {
        name: 'a survey part declared twice',
        code: IssueCodes.DuplicateName,
        severity: 'error',
        trigger: [
            SURVEY.replace('    år 2019', '    år 2019\n    del G "Gemensam"\n    del «G» "Gemensam igen"') + indicator(PLAIN),
        ],
        message: /^Det finns redan en enkätdel som heter G;/,
        clean: [
            [
                SURVEY.replace('    år 2019', '    år 2019\n    del G "Gemensam"\n    del D2 "Ekonomiskt bistånd"') +
                    indicator(PLAIN),
            ],
        ],
    },
    {
        name: 'a numeral used twice in one indicator',
        code: IssueCodes.DuplicateNumeral,
        severity: 'error',
        trigger: [
            SURVEY +
                indicator(
                    `    fråga i Rutin: "Har ni?" svar JNE\n    fråga «i» Uppf: "Följt upp?" svar JN\n    krävs: Ja på fråga i`,
                ),
        ],
        message: /^Fråga i finns redan i indikator 1\.$/,
        clean: [[SURVEY + indicator(TWO)]],
    },
    {
        name: 'a survey variable named twice in one indicator (the second question is marked too)',
        code: IssueCodes.DuplicateVariable,
        severity: 'error',
        trigger: [
            SURVEY +
                indicator(
                    `    fråga i Rutin: "Har ni?" svar JNE variabel "X1"\n    fråga «ii» Uppf: "Följt upp?" svar JN variabel "X1"\n    krävs: Ja på fråga i och Ja på fråga ii`,
                ),
        ],
        message: /^Variabeln X1 används också av fråga i \(indikator 1\); varje enkätvariabel måste vara unik\.$/,
        clean: [
            [
                SURVEY +
                    indicator(
                        `    fråga i Rutin: "Har ni?" svar JNE variabel "X1"\n    fråga ii Uppf: "Följt upp?" svar JN variabel "X2"\n    krävs: Ja på fråga i och Ja på fråga ii`,
                    ),
            ],
        ],
    },
    {
        name: 'a survey variable named twice by shared questions in two files',
        code: IssueCodes.DuplicateVariable,
        severity: 'error',
        trigger: [
            SURVEY +
                'fråga Delad: "Har ni?" svar JN variabel "X1"\n' +
                indicator(`    fråga i = Delad\n    krävs: Ja på fråga i`),
            tillhör(
                'fråga «Annan»: "Har ni en annan?" svar JN variabel "X1"\n' +
                    indicator(`    fråga i = Annan\n    krävs: Ja på fråga i`, 'indikator 2 "Två"'),
            ),
        ],
        message: /^Variabeln X1 används också av frågan Delad;/,
        clean: [
            [
                SURVEY +
                    'fråga Delad: "Har ni?" svar JN variabel "X1"\n' +
                    indicator(`    fråga i = Delad\n    krävs: Ja på fråga i`),
                tillhör(
                    'fråga Annan: "Har ni en annan?" svar JN variabel "X2"\n' +
                        indicator(`    fråga i = Annan\n    krävs: Ja på fråga i`, 'indikator 2 "Två"'),
                ),
            ],
            // Last year's export had its own column X1.
            [
                SURVEY +
                    'fråga Delad: "Har ni?" svar JN variabel "X1"\n' +
                    indicator(`    fråga i = Delad\n    krävs: Ja på fråga i`),
                SURVEY_2018 +
                    'fråga Annan: "Har ni en annan?" svar JN variabel "X1"\n' +
                    indicator(`    fråga i = Annan\n    krävs: Ja på fråga i`),
            ],
        ],
    },
    {
        name: "an inline question whose pattern gives the name of a shared question's variable",
        code: IssueCodes.DuplicateVariable,
        severity: 'error',
        trigger: [
            SURVEY +
                'fråga Delad: "Har ni?" svar JN variabel "T1_2"\n' +
                indicator(
                    `    fråga i = Delad\n    fråga «ii» Uppf: "Följt upp?" svar JN\n    krävs: Ja på fråga i och Ja på fråga ii`,
                ),
        ],
        message: /^Variabeln T1_2 används också av frågan Delad;/,
        clean: [
            [
                SURVEY +
                    'fråga Delad: "Har ni?" svar JN variabel "D1"\n' +
                    indicator(
                        `    fråga i = Delad\n    fråga ii Uppf: "Följt upp?" svar JN\n    krävs: Ja på fråga i och Ja på fråga ii`,
                    ),
            ],
        ],
    },
    {
        name: 'two options with the same code',
        code: IssueCodes.DuplicateOption,
        severity: 'error',
        trigger: [SURVEY.replace('Nej = 2 "Nej" }', 'Nej = «1» "Nej" }') + indicator(TWO)],
        message: /^Koden 1 används redan av Ja i JN\.$/,
        clean: [[SURVEY + indicator(TWO)]],
    },
    {
        name: 'two options with the same name',
        code: IssueCodes.DuplicateOption,
        severity: 'error',
        trigger: [SURVEY.replace('Nej = 2 "Nej" }', '«Ja» = 2 "Nej" }') + indicator(TWO)],
        message: /^Svarsalternativet Ja finns redan i JN\.$/,
        clean: [[SURVEY + indicator(TWO)]],
    },
    {
        name: 'a part of an indicator written twice',
        code: IssueCodes.DuplicatePart,
        severity: 'error',
        trigger: [SURVEY + indicator(`    «syfte» "Ett annat syfte."\n${PLAIN}`)],
        message: /^"syfte" anges mer än en gång; bara den sista skulle gälla\.$/,
        clean: [[SURVEY + indicator(PLAIN)]],
    },
    {
        name: 'a part of the survey written twice',
        code: IssueCodes.DuplicatePart,
        severity: 'error',
        trigger: [SURVEY.replace('    år 2019', '    år 2019\n    «år» 2020') + indicator(PLAIN)],
        message: /^"år" anges mer än en gång/,
        clean: [[SURVEY + indicator(PLAIN)]],
    },
    {
        name: 'a part of a question written twice',
        code: IssueCodes.DuplicatePart,
        severity: 'error',
        trigger: [SURVEY + indicator(`    fråga i Rutin: "Har ni en rutin?" svar JN «svar» JNE\n    krävs: Ja på fråga i`)],
        message: /^"svar" anges mer än en gång/,
        clean: [[SURVEY + indicator(PLAIN)]],
    },
    {
        name: 'an item declared twice in a question',
        code: IssueCodes.DuplicatePart,
        severity: 'error',
        trigger: [SURVEY + indicator(ITEMS('Ja på samtliga alternativ av fråga i').replace('alternativ B', 'alternativ «A»'))],
        message: /^Alternativ A finns redan i frågan Delar\.$/,
        clean: [[SURVEY + indicator(ITEMS('Ja på samtliga alternativ av fråga i'))]],
    },
    {
        name: 'an item named twice in a rule',
        code: IssueCodes.DuplicatePart,
        severity: 'warning',
        trigger: [SURVEY + indicator(ITEMS('Ja på fråga i A, «A»'))],
        message: /^Alternativ A anges två gånger\.$/,
        clean: [[SURVEY + indicator(ITEMS('Ja på fråga i A, B'))]],
    },
    {
        name: 'two base rules',
        code: IssueCodes.DuplicateRequirement,
        severity: 'error',
        trigger: [SURVEY + indicator(`${PLAIN}\n    «krävs: Nej på fråga i»`)],
        message: /^Indikator 1 har redan en regel; skriv alternativen med ELLER\.$/,
        clean: [[SURVEY + indicator(`${PLAIN}\n        ELLER Nej på fråga i`)]],
    },
    {
        name: 'two variants for the same area',
        code: IssueCodes.DuplicateRequirement,
        severity: 'error',
        trigger: [
            SURVEY +
                indicator(`${PER_AREA('EB, BU', 'EB, BU')}\n    för BU krävs: Ja på fråga i\n    för «BU» krävs: Nej på fråga i`),
        ],
        message: /^BU har redan en egen regel i indikator 1\.$/,
        clean: [
            [
                SURVEY +
                    indicator(
                        `${PER_AREA('EB, BU', 'EB, BU')}\n    för BU krävs: Ja på fråga i\n    för EB krävs: Nej på fråga i`,
                    ),
            ],
        ],
    },

    // ------------------------------------------------------------------ areas
    {
        name: 'a per-area question in an indicator not reported per area',
        code: IssueCodes.PerAreaOutsideAreaContext,
        severity: 'error',
        trigger: [SURVEY + indicator(`    fråga «i» Rutin: "Har ni?" svar JNE per område EB, BU\n    krävs: Ja på fråga i`)],
        message: /^Fråga i ställs per område, men indikator 1 redovisas inte per område: ange "redovisas för …"\.$/,
        clean: [[SURVEY + indicator(PER_AREA('EB, BU', 'EB, BU'))]],
    },
    {
        name: 'an indicator reported for an area its question is not asked for',
        code: IssueCodes.AreaNotAsked,
        severity: 'error',
        trigger: [SURVEY + indicator(PER_AREA('EB, BU', 'EB').replace('fråga i', 'fråga «i»'))],
        message: /^Fråga i ställs inte för BU, som indikatorn redovisas för\.$/,
        clean: [[SURVEY + indicator(PER_AREA('EB', 'EB'))]],
    },
    {
        name: 'an area variant for an area the indicator is not reported for',
        code: IssueCodes.VariantNotReported,
        severity: 'error',
        trigger: [SURVEY + indicator(`${PER_AREA('EB', 'EB, BU')}\n    för «BU» krävs: Ja på fråga i`)],
        message: /^Indikator 1 redovisas inte för BU; lägg till det under "redovisas för" eller ta bort varianten\.$/,
        clean: [[SURVEY + indicator(`${PER_AREA('EB, BU', 'EB, BU')}\n    för BU krävs: Ja på fråga i`)]],
    },

    // ------------------------------------------------------------------ rules and answers
    {
        name: 'a numeric question compared with an option',
        code: IssueCodes.OptionOnNumericQuestion,
        severity: 'error',
        trigger: [SURVEY + indicator(`    fråga i Antal: "Hur många?" antal\n    krävs: «Ja» på fråga i`)],
        message: /^Fråga i besvaras med ett antal och har inga svarsalternativ; jämför med ett tal: "antal på fråga i > 0"\.$/,
        clean: [[SURVEY + indicator(`    fråga i Antal: "Hur många?" antal\n    krävs: antal på fråga i > 0`)]],
    },
    {
        name: 'an option question compared with a number',
        code: IssueCodes.NumberOnOptionQuestion,
        severity: 'error',
        trigger: [SURVEY + indicator(`    fråga i Rutin: "Har ni?" svar JNE\n    krävs: antal på fråga i > «0»`)],
        message: /^Fråga i besvaras med svarsalternativ, inte med ett antal; skriv t\.ex\. "Ja på fråga i"\.$/,
        clean: [[SURVEY + indicator(PLAIN)]],
    },
    {
        name: 'a ratio of an option question',
        code: IssueCodes.RatioNotNumeric,
        severity: 'error',
        trigger: [
            SURVEY +
                indicator(`    fråga i A: "Antal?" antal\n    fråga ii B: "Har ni?" svar JN\n    andel: fråga i / fråga «ii»`),
        ],
        message: /^En andel räknas på antal; fråga ii besvaras med svarsalternativ\.$/,
        clean: [
            [
                SURVEY +
                    indicator(
                        `    fråga i A: "Antal?" antal\n    fråga ii B: "Antal totalt?" antal\n    andel: fråga i / fråga ii`,
                    ),
            ],
        ],
    },
    {
        name: 'a question with items named without items',
        code: IssueCodes.ItemsRequired,
        severity: 'error',
        trigger: [SURVEY + indicator(ITEMS('Ja på fråga «i»'))],
        message:
            /^Fråga i har alternativen A, B: ange vilka \("på fråga i A"\) eller skriv "samtliga alternativ av"\/"något alternativ av"\.$/,
        clean: [
            [SURVEY + indicator(ITEMS('Ja på samtliga alternativ av fråga i'))],
            [SURVEY + indicator(ITEMS('Ja på fråga i A, B'))],
        ],
    },
    {
        name: 'a question with items compared question first without items',
        code: IssueCodes.ItemsRequired,
        severity: 'error',
        trigger: [SURVEY + indicator(ITEMS('fråga «i» är Ja'))],
        message: /^Fråga i har alternativen A, B/,
        clean: [[SURVEY + indicator(ITEMS('något alternativ av fråga i är Ja'))]],
    },
    {
        name: 'a quantifier on a question without items',
        code: IssueCodes.QuantifierWithoutItems,
        severity: 'error',
        trigger: [SURVEY + indicator(`    fråga i Rutin: "Har ni?" svar JNE\n    krävs: Ja på «samtliga» alternativ av fråga i`)],
        message: /^"samtliga alternativ av" passar inte fråga i, som inte har några alternativ \(A, B, …\)\.$/,
        clean: [[SURVEY + indicator(PLAIN)]],
    },
    {
        name: 'a question without answers',
        code: IssueCodes.AnswerKindMissing,
        severity: 'error',
        trigger: [SURVEY + indicator(`    fråga i «Rutin»: "Har ni?"\n    krävs: Ja på fråga i`)],
        message: /^Frågan Rutin anger varken svarsalternativ \("svar …"\) eller att den besvaras med ett antal \("antal"\)\.$/,
        clean: [[SURVEY + indicator(PLAIN)]],
    },
    {
        name: 'a question both with options and numeric',
        code: IssueCodes.AnswerKindConflict,
        severity: 'error',
        trigger: [SURVEY + indicator(`    fråga i Rutin: "Har ni?" svar JNE «antal»\n    krävs: Ja på fråga i`)],
        message: /^Frågan Rutin kan inte både ha svarsalternativ och besvaras med ett antal\.$/,
        clean: [[SURVEY + indicator(PLAIN)]],
    },
    {
        name: 'an indicator without a rule',
        code: IssueCodes.RequirementMissing,
        severity: 'error',
        trigger: [SURVEY + indicator(`    fråga i Rutin: "Har ni?" svar JNE`, 'indikator 1 «"Ett"»')],
        message:
            /^Indikator 1 saknar regel: skriv "krävs: …" \(eller "andel: …" för en kvot, "mått: …" för ett bakgrundsmått\)\.$/,
        clean: [[SURVEY + indicator(PLAIN)]],
    },
    {
        name: 'an indicator with both a rule and a ratio',
        code: IssueCodes.RequirementMissing,
        severity: 'error',
        trigger: [
            SURVEY +
                indicator(
                    `    fråga i A: "Antal?" antal\n    fråga ii B: "Antal totalt?" antal\n    krävs: antal på fråga i > 0\n    «andel: fråga i / fråga ii»`,
                ),
        ],
        message: /^Indikator 1 har både "krävs" och "andel"; välj det ena\.$/,
        clean: [
            [
                SURVEY +
                    indicator(
                        `    fråga i A: "Antal?" antal\n    fråga ii B: "Antal totalt?" antal\n    andel: fråga i / fråga ii`,
                    ),
            ],
        ],
    },
    {
        name: 'an indicator with area variants only',
        code: IssueCodes.RequirementMissing,
        severity: 'error',
        trigger: [SURVEY + indicator(PER_AREA('EB, BU', 'EB, BU', 'för BU krävs: Ja på fråga i'), 'indikator 1 «"Ett"»')],
        message: /^Indikator 1 har bara områdesvarianter; skriv också "krävs: …" för övriga områden\.$/,
        clean: [
            [
                SURVEY +
                    indicator(
                        `${PER_AREA('EB, BU', 'EB, BU', 'för BU krävs: Ja på fråga i')}\n    krävs: Ja eller Nej på fråga i`,
                    ),
            ],
        ],
    },

    // ------------------------------------------------------------------ variables
    {
        name: 'a question with no variable name and no survey pattern',
        code: IssueCodes.VariableMissing,
        severity: 'error',
        trigger: [
            SURVEY.replace('    variabelmönster "T{indikator}_{fråga}{del}[_{grupp}]"\n', '') +
                indicator(`    fråga i «Rutin»: "Har ni?" svar JNE\n    krävs: Ja på fråga i`),
        ],
        message: /^Frågan Rutin har inget variabelnamn: ange "variabel" eller ett variabelmönster i enkäten\.$/,
        clean: [
            [
                SURVEY.replace('    variabelmönster "T{indikator}_{fråga}{del}[_{grupp}]"\n', '') +
                    indicator(`    fråga i Rutin: "Har ni?" svar JNE variabel R1\n    krävs: Ja på fråga i`),
            ],
        ],
    },
    {
        name: 'an item with no variable name and no survey pattern',
        code: IssueCodes.VariableMissing,
        severity: 'error',
        trigger: [
            SURVEY.replace('    variabelmönster "T{indikator}_{fråga}{del}[_{grupp}]"\n', '') +
                indicator(
                    ITEMS('Ja på fråga i A, B')
                        .replace('alternativ A "Uppsökande"', 'alternativ A "Uppsökande" variabel D1A')
                        .replace('alternativ B', 'alternativ «B»'),
                ),
        ],
        message: /^Frågan Delar alternativ B har inget variabelnamn/,
        clean: [
            [
                SURVEY.replace('    variabelmönster "T{indikator}_{fråga}{del}[_{grupp}]"\n', '') +
                    indicator(
                        ITEMS('Ja på fråga i A, B')
                            .replace('alternativ A "Uppsökande"', 'alternativ A "Uppsökande" variabel D1A')
                            .replace('alternativ B "Uppföljning"', 'alternativ B "Uppföljning" variabel D1B'),
                    ),
            ],
        ],
    },
    {
        name: 'a per-area question whose variable name has no {grupp}',
        code: IssueCodes.VariablePatternIncomplete,
        severity: 'error',
        trigger: [SURVEY + indicator(PER_AREA('EB, BU', 'EB, BU variabel «"R1"»'))],
        message: /^Variabelnamnet "R1" ger samma variabel för flera områden; lägg till \{grupp\}\.$/,
        clean: [[SURVEY + indicator(PER_AREA('EB, BU', 'EB, BU variabel "R1_{grupp}"'))]],
    },
    {
        name: 'a question with items whose variable name has no {del}',
        code: IssueCodes.VariablePatternIncomplete,
        severity: 'error',
        trigger: [SURVEY + indicator(ITEMS('Ja på fråga i A, B').replace('svar JN', 'svar JN variabel «"D1"»'))],
        message: /^Variabelnamnet "D1" ger samma variabel för flera alternativ; lägg till \{del\}\.$/,
        clean: [[SURVEY + indicator(ITEMS('Ja på fråga i A, B').replace('svar JN', 'svar JN variabel "D1{del}"'))]],
    },
    {
        name: 'a shared question named by the survey pattern with {indikator}',
        code: IssueCodes.VariablePatternIncomplete,
        severity: 'error',
        trigger: [SURVEY + 'fråga «Delad»: "Har ni?" svar JN\n' + indicator(`    fråga i = Delad\n    krävs: Ja på fråga i`)],
        message:
            /^Frågan Delad delas mellan indikatorer och kan inte namnges med \{indikator\} eller \{fråga\}; ge den ett eget variabelnamn\.$/,
        clean: [
            [
                SURVEY +
                    'fråga Delad: "Har ni?" svar JN variabel "D1"\n' +
                    indicator(`    fråga i = Delad\n    krävs: Ja på fråga i`),
            ],
        ],
    },
    {
        name: 'a survey pattern with an unknown placeholder',
        code: IssueCodes.VariablePatternIncomplete,
        severity: 'error',
        trigger: [
            SURVEY.replace(
                'variabelmönster "T{indikator}_{fråga}{del}[_{grupp}]"',
                'variabelmönster «"T{indikator}_{fraga}{del}[_{grupp}]"»',
            ) + indicator(PLAIN),
        ],
        message:
            /^Okänd platshållare \{fraga\}; tillåtna är \{indikator\}, \{indikator:02\}, \{fråga\}, \{del\}, \{grupp\} och \{indelning\}\.$/,
        clean: [
            [
                SURVEY.replace(
                    'variabelmönster "T{indikator}_{fråga}{del}[_{grupp}]"',
                    'variabelmönster "T{indikator:02}_{fråga}{del}[_{grupp}]"',
                ) + indicator(PLAIN),
            ],
        ],
    },

    // ------------------------------------------------------------------ the printed document
    {
        name: 'a document that places an indicator the survey does not have',
        code: IssueCodes.UnknownIndicatorNumber,
        severity: 'error',
        trigger: [SURVEY + indicator(PLAIN), tillhör('dokument "D" { avsnitt "A" { indikatorer 1, «2» } }')],
        message: /^Det finns ingen indikator 2 att placera i dokumentet\.$/,
        clean: [[SURVEY + indicator(PLAIN), tillhör('dokument "D" { avsnitt "A" { indikatorer 1 } }')]],
    },
    {
        name: 'a document that places an indicator twice',
        code: IssueCodes.IndicatorPlacedTwice,
        severity: 'error',
        trigger: [
            SURVEY + indicator(PLAIN),
            tillhör('dokument "D" { avsnitt "A" { indikatorer 1 } avsnitt "B" { indikatorer «1» } }'),
        ],
        message: /^Indikator 1 placeras redan tidigare i dokumentet; den beskrivs bara en gång\.$/,
        clean: [
            [SURVEY + indicator(PLAIN), tillhör('dokument "D" { avsnitt "A" { indikatorer 1 } avsnitt "B" { stycke "Inga." } }')],
        ],
    },
    {
        name: 'a publication date that is neither a month nor a date',
        code: IssueCodes.InvalidDate,
        severity: 'error',
        trigger: [SURVEY + indicator(PLAIN), tillhör('dokument "D" { publicerad «"juni 2019"» }')],
        message: /^Publiceringsdatum "juni 2019" är inte en månad \(ÅÅÅÅ-MM\) eller ett datum \(ÅÅÅÅ-MM-DD\)\.$/,
        clean: [
            [SURVEY + indicator(PLAIN), tillhör('dokument "D" { publicerad "2019-06" }')],
            [SURVEY + indicator(PLAIN), tillhör('dokument "D" { publicerad "2019-06-14" }')],
        ],
    },

    // ------------------------------------------------------------------ survey and earlier names
    {
        name: 'a measurement date that is not a date',
        code: IssueCodes.InvalidDate,
        severity: 'error',
        trigger: [SURVEY.replace('mätdatum "2019-02-01"', 'mätdatum «"2019-02-30"»') + indicator(PLAIN)],
        message: /^Mätdatum "2019-02-30" är inte ett datum på formen ÅÅÅÅ-MM-DD\.$/,
        clean: [[SURVEY.replace('mätdatum "2019-02-01"', 'mätdatum "2019-02-28"') + indicator(PLAIN)]],
    },
    {
        name: 'an earlier name from the same or a later year',
        code: IssueCodes.EarlierYearNotBefore,
        severity: 'error',
        trigger: [SURVEY + indicator(`    tidigare «2019» "Gammalt namn"\n${PLAIN}`)],
        message: /^Tidigare namn ska avse ett år före 2019, inte 2019\.$/,
        clean: [[SURVEY + indicator(`    tidigare 2018 "Gammalt namn"\n${PLAIN}`)]],
    },
    {
        name: "an earlier name that the earlier year's survey in the workspace does not have",
        code: IssueCodes.EarlierNameUnresolved,
        severity: 'warning',
        trigger: [
            SURVEY + indicator(`    tidigare 2018 «"Gammalt namn"»\n${PLAIN}`),
            SURVEY_2018 + indicator(PLAIN, 'indikator 1 "Ett annat namn"'),
        ],
        message: /^Det finns ingen indikator "Gammalt namn" i 2018 års enkät\.$/,
        clean: [
            [
                SURVEY + indicator(`    tidigare 2018 "Gammalt namn"\n${PLAIN}`),
                SURVEY_2018 + indicator(PLAIN, 'indikator 1 "Gammalt namn"'),
            ],
            // The name is found in a file that belongs to the 2018 survey by "tillhör".
            [
                SURVEY + indicator(`    tidigare 2018 "Gammalt namn"\n${PLAIN}`),
                SURVEY_2018,
                'tillhör T2018\n' + indicator(PLAIN, 'indikator 1 "Gammalt namn"'),
            ],
            // Without the 2018 survey in the workspace the name cannot be checked, so nothing is said.
            [SURVEY + indicator(`    tidigare 2018 "Gammalt namn"\n${PLAIN}`)],
        ],
    },

    // ------------------------------------------------------------------ completeness and use
    {
        name: 'printed parts missing',
        code: IssueCodes.MissingPrintedPart,
        severity: 'warning',
        trigger: [SURVEY + `indikator 1 «"Ett"» {\n    områden EB\n    beskrivning "B."\n${PLAIN}\n}\n`],
        message: /^Indikator 1 saknar text för: Syfte, Önskad riktning, Typ av indikator, Kvalitetsområde\.$/,
        clean: [[SURVEY + indicator(PLAIN)]],
    },
    {
        name: 'printed parts the survey gives no default for',
        code: IssueCodes.MissingPrintedPart,
        severity: 'warning',
        trigger: [
            SURVEY.replace(
                '    datakälla "Enkät." målpopulation "Alla." nämnare "Svarande." redovisningsnivåer kommun, riket\n',
                '',
            ) + indicator(PLAIN, 'indikator 1 «"Ett"»'),
        ],
        message: /^Indikator 1 saknar text för: Datakälla, Målpopulation, Nämnare, Redovisningsnivå\.$/,
        clean: [
            [
                SURVEY.replace(
                    '    datakälla "Enkät." målpopulation "Alla." nämnare "Svarande." redovisningsnivåer kommun, riket\n',
                    '',
                ) +
                    indicator(
                        `    datakälla "Enkät." målpopulation "Alla." nämnare "Svarande." redovisningsnivåer kommun\n${PLAIN}`,
                    ),
            ],
        ],
    },
    {
        name: 'an answer set no question uses (used from another file: no warning)',
        code: IssueCodes.UnusedAnswerSet,
        severity: 'warning',
        trigger: [SURVEY + 'svarsalternativ «ANTAL» { Noll = 0 "Inga" }\n' + indicator(TWO)],
        message: /^Svarsalternativen ANTAL används inte av någon fråga\.$/,
        clean: [
            [
                SURVEY + 'svarsalternativ ANTAL { Noll = 0 "Inga" }\n' + indicator(TWO),
                tillhör(indicator(`    fråga i Inga: "Hur många?" svar ANTAL\n    krävs: Noll på fråga i`, 'indikator 2 "Två"')),
            ],
        ],
    },
    {
        name: 'a shared question no indicator uses',
        code: IssueCodes.UnusedQuestion,
        severity: 'warning',
        trigger: [SURVEY + indicator(PLAIN) + 'fråga «Delad»: "Har ni?" svar JN variabel "D1"\n'],
        message: /^Frågan Delad används inte av någon indikator\.$/,
        clean: [
            [
                SURVEY + indicator(PLAIN) + 'fråga Delad: "Har ni?" svar JN variabel "D1"\n',
                tillhör(indicator(`    fråga i = Delad\n    krävs: Ja på fråga i`, 'indikator 2 "Två"')),
            ],
        ],
    },
    {
        name: 'a question of an indicator its rule does not use',
        code: IssueCodes.UnusedQuestion,
        severity: 'warning',
        trigger: [SURVEY + indicator(`${PLAIN}\n    fråga «ii» Uppf: "Följt upp?" svar JN`)],
        message: /^Fråga ii används inte i regeln, uteslutningen eller andelen\.$/,
        clean: [
            [SURVEY + indicator(TWO)],
            [SURVEY + indicator(`${PLAIN}\n    fråga ii Uppf: "Följt upp?" svar JN\n    undantas: Nej på fråga ii`)],
        ],
    },
    {
        name: 'a question numeral that is not a roman numeral',
        code: IssueCodes.NumeralNotRoman,
        severity: 'warning',
        trigger: [SURVEY + indicator(`    fråga «q1» Rutin: "Har ni?" svar JNE\n    krävs: Ja på fråga q1`)],
        message: /^Frågor numreras i, ii, iii …; "q1" är inte en romersk siffra\.$/,
        clean: [[SURVEY + indicator(PLAIN)]],
    },
    {
        name: 'an unknown quality area',
        code: IssueCodes.UnknownQualityArea,
        severity: 'warning',
        trigger: [SURVEY + indicator(PLAIN).replace('kvalitetsområde "Säker"', 'kvalitetsområde "Säker", «"Snabb"»')],
        message: /^"Snabb" är inget känt kvalitetsområde \(Säker, Individanpassad, /,
        clean: [[SURVEY + indicator(PLAIN).replace('kvalitetsområde "Säker"', 'kvalitetsområde "Säker", "Effektiv"')]],
    },
    {
        name: 'indicators in a file that names no survey',
        code: IssueCodes.NoSurvey,
        severity: 'warning',
        trigger: [SURVEY, '«»' + indicator(PLAIN)],
        message: /^Filen säger inte vilken enkät den hör till: skriv "tillhör <enkät>" först i filen, eller deklarera enkäten\.$/,
        clean: [[SURVEY, tillhör(indicator(PLAIN))]],
    },
    {
        name: 'an answer set without options',
        code: IssueCodes.EmptyAnswerSet,
        severity: 'error',
        trigger: [
            SURVEY +
                'svarsalternativ «TOM» { }\nfråga Delad: "Har ni?" svar TOM variabel "D1"\n' +
                indicator(`    fråga i = Delad\n    krävs: antal på fråga i > 0`),
        ],
        message: /^Svarsalternativen TOM har inga alternativ\.$/,
        clean: [
            [
                SURVEY +
                    'svarsalternativ TOM { Ja = 1 "Ja" }\nfråga Delad: "Har ni?" svar TOM variabel "D1"\n' +
                    indicator(`    fråga i = Delad\n    krävs: Ja på fråga i`),
            ],
        ],
    },

    // ------------------------------------------------------------------ what a hurried author meant
    {
        name: 'a question numbered with digits',
        code: IssueCodes.QuestionNumberedWithDigits,
        severity: 'error',
        trigger: [SURVEY + indicator(TWO.replace('och Ja på fråga ii', 'och Ja på fråga «2»'))],
        message: /^Frågor numreras med romerska siffror som i indikatorbeskrivningen: skriv "fråga ii", inte "fråga 2"\.$/,
        clean: [
            [SURVEY + indicator(TWO)],
            // A number compared with a count is no numeral.
            [SURVEY + indicator(`    fråga i A: "Antal?" antal\n    krävs: antal på fråga i > 2`)],
        ],
    },
    {
        name: 'items joined with "och"',
        code: IssueCodes.ItemsJoinedWithAnd,
        severity: 'error',
        trigger: [SURVEY + indicator(ITEMS('Ja på fråga i «A och B»'))],
        message:
            /^Alternativ räknas upp med kommatecken: skriv "fråga i A, B", inte "A och B"\. "och" står mellan två villkor \("Ja på fråga i A och Ja på fråga i B"\)\.$/,
        clean: [
            [SURVEY + indicator(ITEMS('Ja på fråga i A, B'))],
            [SURVEY + indicator(ITEMS('Ja på fråga i A och Ja på fråga i B'))],
        ],
    },
    {
        name: 'an area variant for a group named by its label',
        code: IssueCodes.UnitNamedByLabel,
        severity: 'error',
        trigger: [SURVEY + LSS + indicator(LSS_RULE('«LSS barn»'), undefined, 'områden EB, LSS')],
        message: /^Områden och grupper anges med sin kod: skriv "för LSSB krävs" \("LSS barn" är gruppen LSSB\)\.$/,
        clean: [[SURVEY + LSS + indicator(LSS_RULE('LSSB'), undefined, 'områden EB, LSS')]],
    },
    {
        name: 'an explicit exclusion that leaves out the area-missing answer no rule mentions',
        code: IssueCodes.DefaultExclusionDropped,
        severity: 'warning',
        trigger: [SURVEY + indicator(`${TWO}\n    utesluts: «Nej på fråga ii»`)],
        message:
            /^Med en egen uteslutning utesluts inte längre "Ej aktuellt" på fråga i \(området finns inte\): de som svarat så räknas i nämnaren\. Lägg till "EjAktuellt på fråga i" i uteslutningen/,
        clean: [
            [SURVEY + indicator(`${TWO}\n    utesluts: EjAktuellt på fråga i eller Nej på fråga ii`)],
            // The rule says how the answer counts.
            [
                SURVEY +
                    indicator(
                        `${TWO.replace('Ja på fråga i och', 'Ja eller EjAktuellt på fråga i och')}\n    utesluts: Nej på fråga ii`,
                    ),
            ],
            // Without "utesluts" the default exclusion applies.
            [SURVEY + indicator(TWO)],
        ],
    },

    // ------------------------------------------------------------------ minst … av
    {
        name: '"minst … av" asking for more items than it counts',
        code: IssueCodes.AtLeastCountOutOfRange,
        severity: 'error',
        trigger: [SURVEY + indicator(ITEMS('Ja på minst «tre» av alternativen A, B på fråga i'))],
        message: /^Minst tre av två alternativ kan aldrig uppnås; det finns bara 2 att räkna\.$/,
        clean: [
            [SURVEY + indicator(ITEMS('Ja på minst två av alternativen A, B på fråga i'))],
            [SURVEY + indicator(ITEMS('Ja på minst 2 av alternativen på fråga i'))],
        ],
    },
    {
        name: '"minst … av" with a range written backwards',
        code: IssueCodes.ItemRangeReversed,
        severity: 'error',
        trigger: [SURVEY + indicator(ITEMS('Ja på minst två av alternativen B–«A» på fråga i'))],
        message: /^Alternativen B–A står i fel ordning: på fråga i kommer A före B; skriv "A–B"\.$/,
        clean: [[SURVEY + indicator(ITEMS('Ja på minst två av alternativen A–B på fråga i'))]],
    },
    {
        name: 'the bare "minst … av" on Ja/Nej items, where no option means ticked',
        code: IssueCodes.AtLeastWithoutAnswer,
        severity: 'error',
        trigger: [SURVEY + indicator(ITEMS('minst två av alternativen A–B på fråga «i»'))],
        message:
            /^Det framgår inte vilket svar som räknas på fråga i: svarsalternativen JN \(Ja och Nej\) är inga kryssrutor med ett ikryssat alternativ\. Skriv svaret först, t\.ex\. "Ja på minst två av alternativen A–B på fråga i"\.$/,
        clean: [
            [SURVEY + indicator(ITEMS('Ja på minst två av alternativen A–B på fråga i'))],
            // A flerval question coded 1/0 counts its ticked boxes (coded 1).
            [
                SURVEY +
                    'svarsalternativ VAL { Vald = 1 "Vald" EjVald = 0 "Ej vald" }\n' +
                    indicator(ITEMS('minst två av alternativen A–B på fråga i').replace('svar JN', 'svar VAL flerval')),
            ],
            // A tick-box answer set names its unticked option; the other one is ticked.
            [
                SURVEY +
                    'svarsalternativ KRYSS { Ja = 1 "Kryssad" Nej = 2 "Ej kryssad" tom ruta räknas som Nej när någon ruta är ikryssad }\n' +
                    indicator(ITEMS('minst två av alternativen A–B på fråga i').replace('svar JN', 'svar KRYSS')),
            ],
        ],
    },
    {
        name: '"minst … av" on a question without items',
        code: IssueCodes.QuantifierWithoutItems,
        severity: 'error',
        trigger: [
            SURVEY +
                indicator(
                    '    fråga i Rutin: "Har ni en rutin?" svar JNE\n    krävs: Ja på minst två av alternativen på fråga «i»',
                ),
        ],
        message: /^"minst … av alternativen" passar inte fråga i, som inte har några alternativ \(A, B, …\)\.$/,
        clean: [[SURVEY + indicator(ITEMS('Ja på minst två av alternativen på fråga i'))]],
    },
    // ------------------------------------------------------------------ populations and levels
    {
        name: 'an indicator for stadsdelar in a survey that goes to kommuner only',
        code: IssueCodes.PopulationOutsideSurvey,
        severity: 'error',
        trigger: [KOMMUNER + indicator(`    målpopulation «stadsdelar»\n${PLAIN}`)],
        message: /^Indikator 1 kan inte omfatta stadsdelar: enkäten T2019 går till kommuner\.$/,
        clean: [
            [KOMMUNER + indicator(`    målpopulation kommuner\n${PLAIN}`)],
            [BOTH + indicator(`    målpopulation stadsdelar\n    redovisningsnivåer stadsdel, riket\n${PLAIN}`)],
        ],
    },
    {
        name: 'a survey part for respondents the survey does not ask',
        code: IssueCodes.PopulationOutsideSurvey,
        severity: 'error',
        trigger: [
            KOMMUNER.replace('    år 2019', '    år 2019\n    del G "Gemensam del" målpopulation «stadsdelar»') +
                indicator(PLAIN),
        ],
        message: /^Delen G kan inte omfatta stadsdelar: enkäten T2019 går till kommuner\.$/,
        clean: [
            [KOMMUNER.replace('    år 2019', '    år 2019\n    del G "Gemensam del" målpopulation kommuner') + indicator(PLAIN)],
        ],
    },
    {
        name: 'an indicator asking questions of parts that go to different respondents',
        code: IssueCodes.PopulationConflict,
        severity: 'error',
        trigger: [
            BOTH.replace(
                '    år 2019',
                '    år 2019\n    del K "Kommunens del" målpopulation kommuner\n    del S "Stadsdelens del" målpopulation stadsdelar',
            ) +
                'fråga Kom: "Har kommunen?" svar JN variabel "K1" del av enkäten K\nfråga Sd: "Har stadsdelen?" svar JN variabel "S1" del av enkäten S\n' +
                indicator(
                    `    fråga i = Kom\n    fråga ii = Sd\n    krävs: Ja på fråga i och Ja på fråga ii`,
                    'indikator «1» "Ett"',
                ),
        ],
        message:
            /^Indikator 1 har frågor ur delarna K och S, som inte går till samma svarande; ange indikatorns målpopulation\.$/,
        clean: [
            [
                BOTH.replace(
                    '    år 2019',
                    '    år 2019\n    del K "Kommunens del" målpopulation kommuner\n    del S "Stadsdelens del" målpopulation kommuner, stadsdelar',
                ) +
                    'fråga Kom: "Har kommunen?" svar JN variabel "K1" del av enkäten K\nfråga Sd: "Har stadsdelen?" svar JN variabel "S1" del av enkäten S\n' +
                    indicator(`    fråga i = Kom\n    fråga ii = Sd\n    krävs: Ja på fråga i och Ja på fråga ii`),
            ],
        ],
    },
    {
        name: 'a stadsdel level for a population of kommuner',
        code: IssueCodes.LevelOutsidePopulation,
        severity: 'error',
        trigger: [KOMMUNER + indicator(`    redovisningsnivåer «stadsdel», kommun\n${PLAIN}`)],
        message: /^Redovisningsnivån stadsdel kräver att målpopulationen omfattar stadsdelar; den omfattar kommuner\.$/,
        clean: [[KOMMUNER + indicator(`    redovisningsnivåer kommun\n${PLAIN}`)]],
    },
    {
        name: 'an indicator level the survey is not published at',
        code: IssueCodes.LevelNotInSurvey,
        severity: 'warning',
        trigger: [KOMMUNER + indicator(`    redovisningsnivåer kommun, «län»\n${PLAIN}`)],
        message: /^Enkäten T2019 redovisas inte på nivån län \(kommun och riket\)\.$/,
        clean: [[KOMMUNER + indicator(`    redovisningsnivåer kommun\n${PLAIN}`)]],
    },
    {
        name: 'a kind of respondent named twice',
        code: IssueCodes.DuplicateListEntry,
        severity: 'warning',
        trigger: [SURVEY.replace('målpopulation "Alla."', 'målpopulation kommuner, «kommuner»') + indicator(PLAIN)],
        message: /^"kommuner" står redan i listan\.$/,
        clean: [[KOMMUNER + indicator(PLAIN)]],
    },
    // ------------------------------------------------------------------ background measures
    {
        name: 'a background measure with a rule',
        code: IssueCodes.MeasureConflict,
        severity: 'error',
        trigger: [
            SURVEY +
                indicator(
                    `    fråga i Antal: "Antal anställda?" antal\n    mått: fråga i\n    «krävs: antal på fråga i > 0»`,
                    undefined,
                    'områden EB',
                ).replace(PARTS, PARTS.replace(' önskad riktning positiv', '')),
        ],
        message:
            /^Indikator 1 är ett bakgrundsmått \("mått:"\) och kan inte också ha "krävs": ett bakgrundsmått har ett värde, inget uppnått eller ej uppnått\.$/,
        clean: [
            [
                SURVEY +
                    indicator(`    fråga i Antal: "Antal anställda?" antal\n    mått: fråga i`).replace(
                        PARTS,
                        PARTS.replace(' önskad riktning positiv', ''),
                    ),
            ],
        ],
    },
    {
        name: 'a background measure on a question with answer options',
        code: IssueCodes.MeasureNotNumeric,
        severity: 'error',
        trigger: [
            SURVEY +
                indicator(`    fråga i Rutin: "Har ni en rutin?" svar JN\n    mått: fråga «i»`).replace(
                    PARTS,
                    PARTS.replace(' önskad riktning positiv', ''),
                ),
        ],
        message: /^Ett bakgrundsmått räknas på antal; fråga i besvaras med svarsalternativ\.$/,
        clean: [
            [
                SURVEY +
                    indicator(`    fråga i Antal: "Antal anställda?" antal\n    mått: fråga i`).replace(
                        PARTS,
                        PARTS.replace(' önskad riktning positiv', ''),
                    ),
            ],
        ],
    },
    {
        name: 'a sum in a quotient without parentheses',
        code: IssueCodes.MeasureSumAmbiguous,
        severity: 'error',
        trigger: [
            SURVEY +
                indicator(
                    `    fråga i A: "Antal?" antal\n    fråga ii B: "Antal?" antal\n    fråga iii C: "Antal?" antal\n    mått: «fråga i + fråga ii» / fråga iii aggregeras som median`,
                ).replace(PARTS, PARTS.replace(' önskad riktning positiv', '')),
        ],
        message: /^En summa i en kvot skrivs inom parentes/,
        clean: [
            [
                SURVEY +
                    indicator(
                        `    fråga i A: "Antal?" antal\n    fråga ii B: "Antal?" antal\n    fråga iii C: "Antal?" antal\n    mått: (fråga i + fråga ii) / fråga iii aggregeras som median`,
                    ).replace(PARTS, PARTS.replace(' önskad riktning positiv', '')),
            ],
        ],
    },
    {
        name: 'a quotient summed over kommuner',
        code: IssueCodes.MeasureAggregationInvalid,
        severity: 'error',
        trigger: [
            SURVEY +
                indicator(
                    `    fråga i A: "Antal?" antal\n    fråga ii B: "Antal?" antal\n    mått: fråga i / fråga ii aggregeras som «summa»`,
                ).replace(PARTS, PARTS.replace(' önskad riktning positiv', '')),
        ],
        message: /^En kvot kan inte summeras över kommunerna; skriv "aggregeras som medelvärde" eller "median"\.$/,
        clean: [
            [
                SURVEY +
                    indicator(
                        `    fråga i A: "Antal?" antal\n    fråga ii B: "Antal?" antal\n    mått: fråga i / fråga ii aggregeras som medelvärde`,
                    ).replace(PARTS, PARTS.replace(' önskad riktning positiv', '')),
            ],
        ],
    },
    // ------------------------------------------------------------------ strata
    {
        name: 'a count asked per kön in a rule',
        code: IssueCodes.StratumInRule,
        severity: 'error',
        trigger: [KÖN + indicator(`    fråga i A: "Antal?" antal per kön\n    krävs: antal på fråga «i» > 0`)],
        message: /^Fråga i ställs per kön och kan bara användas i en andel eller ett bakgrundsmått, inte i en regel\.$/,
        clean: [
            [
                KÖN +
                    indicator(
                        `    fråga i A: "Antal?" antal per kön\n    fråga ii B: "Antal?" antal per kön\n    andel: fråga i / fråga ii`,
                    ),
            ],
        ],
    },
    {
        name: 'a stratum code used twice',
        code: IssueCodes.StrataConflict,
        severity: 'error',
        trigger: [
            SURVEY.replace(
                '    år 2019',
                '    år 2019\n    indelning kön "Kön" { kvinnor "K" "Kvinnor" män «"K"» "Män" totalt "T" "Totalt" }',
            ) + indicator(PLAIN),
        ],
        message: /^Koden "K" används redan i indelningen kön; varje del och totalen behöver en egen kod\.$/,
        clean: [[KÖN + indicator(PLAIN)]],
    },
    {
        name: 'a pattern without {indelning} for a question asked per kön',
        code: IssueCodes.VariablePatternIncomplete,
        severity: 'error',
        trigger: [
            SURVEY.replace(
                '    år 2019',
                '    år 2019\n    indelning kön "Kön" { kvinnor "K" "Kvinnor" män "M" "Män" totalt "T" "Totalt" }',
            ) +
                indicator(
                    `    fråga i «A»: "Antal?" antal per kön\n    fråga ii B: "Antal?" antal\n    andel: fråga i / fråga ii`,
                ),
        ],
        message:
            /^Variabelnamnet "T\{indikator\}_\{fråga\}\{del\}\[_\{grupp\}\]" ger samma variabel för flera delar av indelningen \(t\.ex\. kvinnor och män\); lägg till \{indelning\}\.$/,
        clean: [
            [
                KÖN +
                    indicator(
                        `    fråga i A: "Antal?" antal per kön\n    fråga ii B: "Antal?" antal\n    andel: fråga i / fråga ii`,
                    ),
            ],
        ],
    },
    // ------------------------------------------------------------------ comparability
    {
        name: 'results said not to be comparable without saying why',
        code: IssueCodes.ComparabilityReasonMissing,
        severity: 'warning',
        trigger: [SURVEY + indicator(`    tidigare 2018 "Ett" «ej» jämförbar\n${PLAIN}`)],
        message: /^Ange varför resultaten inte är jämförbara: ej jämförbar "…"\.$/,
        clean: [
            [SURVEY + indicator(`    tidigare 2018 "Ett" ej jämförbar "Frågan har fått ett nytt svarsalternativ."\n${PLAIN}`)],
        ],
    },

    // ------------------------------------------------------------------ issue 19: stadsdelar, characters, names and numbers
    {
        name: 'a stadsdel of a kommunkod the register does not have',
        code: IssueCodes.UnknownKommun,
        severity: 'error',
        trigger: [
            SURVEY.replace('    år 2019', '    år 2019\n    stadsdelar { 0180-01 "Rinkeby-Kista" «9999-01» "Påhittad" }') +
                indicator(PLAIN),
        ],
        message: /^Stadsdelen 9999-01: det finns ingen kommun med kommunkoden 9999 i kommunregistret\.$/,
        clean: [
            [
                SURVEY.replace('    år 2019', '    år 2019\n    stadsdelar { 0180-01 "Rinkeby-Kista" 1480-01 "Angered" }') +
                    indicator(PLAIN),
            ],
        ],
    },
    {
        name: 'a stadsdel declared twice',
        code: IssueCodes.DuplicateDistrict,
        severity: 'error',
        trigger: [
            SURVEY.replace('    år 2019', '    år 2019\n    stadsdelar { 0180-01 "Rinkeby-Kista" «0180-01» "Spånga-Tensta" }') +
                indicator(PLAIN),
        ],
        message: /^Stadsdelen 0180-01 finns redan i enkäten\.$/,
        clean: [
            [
                SURVEY.replace('    år 2019', '    år 2019\n    stadsdelar { 0180-01 "Rinkeby-Kista" 0180-02 "Spånga-Tensta" }') +
                    indicator(PLAIN),
            ],
        ],
    },
    {
        name: 'a character XML does not allow (U+FFFF) in model text, which Word would refuse',
        code: IssueCodes.InvalidCharacter,
        severity: 'error',
        trigger: [SURVEY + indicator(PLAIN).replace('beskrivning "B."', 'beskrivning "B«\uFFFF»."')],
        message:
            /^Tecknet U\+FFFF får inte finnas i modellen: det är inget tecken och kan inte skrivas i Word- eller Excel-filer\. Ta bort det\.$/,
        clean: [[SURVEY + indicator(PLAIN)]],
    },
    {
        name: 'ESC, which starts a terminal sequence, in model text',
        code: IssueCodes.InvalidCharacter,
        severity: 'error',
        trigger: [SURVEY + indicator(PLAIN).replace('syfte "S."', 'syfte "S«\u001b»[2J."')],
        message: /^Tecknet U\+001B får inte finnas i modellen: det är ESC, som inleder styrsekvenser för terminaler/,
        clean: [[SURVEY + indicator(PLAIN).replace('syfte "S."', 'syfte "S[2J."')]],
    },
    {
        name: 'a right-to-left override, which shows text in another order than it is written',
        code: IssueCodes.InvalidCharacter,
        severity: 'error',
        trigger: [SURVEY + '// «\u202E» kommentar\n' + indicator(PLAIN)],
        message: /^Tecknet U\+202E får inte finnas i modellen: det är en styrning av skrivriktningen/,
        clean: [[SURVEY + '// kommentar\n' + indicator(PLAIN)]],
    },
    {
        name: "a vertical tab (Word's manual line break) in a pasted name",
        code: IssueCodes.VerticalTab,
        severity: 'warning',
        trigger: [SURVEY + indicator(PLAIN, 'indikator 1 "Aktuell rutin«\u000B»för avhysning"')],
        message:
            /^Tecknet U\+000B \(vertikal tabb, Words radbrytning\) läses som ett mellanslag; ersätt det med ett mellanslag\.$/,
        clean: [[SURVEY + indicator(PLAIN, 'indikator 1 "Aktuell rutin för avhysning"')]],
    },
    {
        name: 'an area code with ×, which no generated identifier can hold',
        code: IssueCodes.InvalidName,
        severity: 'error',
        trigger: [SURVEY + 'område «E×B» "Ekonomiskt bistånd × 2"\n' + indicator(PLAIN)],
        message: /^Namnet "E×B" innehåller "×" \(U\+00D7\), som inte kan ingå i ett namn; använd bokstäver, siffror och _\.$/,
        clean: [[SURVEY + 'område ExB "Ekonomiskt bistånd × 2"\n' + indicator(PLAIN)]],
    },
    {
        name: 'a name __proto__, which would change the prototype of every object keyed by names',
        code: IssueCodes.InvalidName,
        severity: 'error',
        trigger: [SURVEY.replace('område BU', 'område «__proto__» "Proto"\nområde BU') + indicator(PLAIN)],
        message: /^Namnet __proto__ är reserverat i JavaScript/,
        clean: [[SURVEY.replace('område BU', 'område PROTO "Proto"\nområde BU') + indicator(PLAIN)]],
    },
    {
        name: 'an explicit variable name unit, which collides with the id column',
        code: IssueCodes.ReservedVariable,
        severity: 'error',
        trigger: [
            SURVEY + indicator(`    fråga i Rutin: "Har ni en rutin?" svar JNE variabel «"unit"»\n    krävs: Ja på fråga i`),
        ],
        message: /^Variabelnamnet "unit" är upptaget: kolumnerna unit och name anger den svarande; välj ett annat namn\.$/,
        clean: [
            [SURVEY + indicator(`    fråga i Rutin: "Har ni en rutin?" svar JNE variabel "unit_1"\n    krävs: Ja på fråga i`)],
        ],
    },
    {
        name: 'an explicit variable name name on a shared question',
        code: IssueCodes.ReservedVariable,
        severity: 'error',
        trigger: [
            SURVEY +
                'fråga Delad: "Har ni?" svar JN variabel «"name"»\n' +
                indicator(`    fråga i = Delad\n    krävs: Ja på fråga i`),
        ],
        message: /^Variabelnamnet "name" är upptaget/,
        clean: [
            [
                SURVEY +
                    'fråga Delad: "Har ni?" svar JN variabel "namn1"\n' +
                    indicator(`    fråga i = Delad\n    krävs: Ja på fråga i`),
            ],
        ],
    },
    {
        name: 'a variable name padded with spaces, which a trimmed header never matches',
        code: IssueCodes.InvalidVariableName,
        severity: 'error',
        trigger: [
            SURVEY + indicator(`    fråga i Rutin: "Har ni en rutin?" svar JNE variabel «" I01_1 "»\n    krävs: Ja på fråga i`),
        ],
        message:
            /^Variabelnamnet " I01_1 " börjar eller slutar med blanksteg; rubrikerna i svarsfilen läses utan dem, så kolumnen skulle aldrig hittas\.$/,
        clean: [
            [SURVEY + indicator(`    fråga i Rutin: "Har ni en rutin?" svar JNE variabel "I01_1"\n    krävs: Ja på fråga i`)],
        ],
    },
    {
        name: 'a variable name __proto__',
        code: IssueCodes.InvalidVariableName,
        severity: 'error',
        trigger: [
            SURVEY + indicator(`    fråga i Rutin: "Har ni en rutin?" svar JNE variabel «"__proto__"»\n    krävs: Ja på fråga i`),
        ],
        message: /^Variabelnamnet __proto__ är reserverat i JavaScript och kan inte användas; välj ett annat namn\.$/,
        clean: [
            [SURVEY + indicator(`    fråga i Rutin: "Har ni en rutin?" svar JNE variabel "proto"\n    krävs: Ja på fråga i`)],
        ],
    },
    {
        name: 'a variable name that a spreadsheet reads as a formula',
        code: IssueCodes.InvalidVariableName,
        severity: 'error',
        trigger: [
            SURVEY + indicator(`    fråga i Rutin: "Har ni en rutin?" svar JNE variabel «"=1+1"»\n    krävs: Ja på fråga i`),
        ],
        message: /^Variabelnamnet "=1\+1" börjar med =, som kalkylprogram läser som en formel; börja med en bokstav\.$/,
        clean: [[SURVEY + indicator(`    fråga i Rutin: "Har ni en rutin?" svar JNE variabel "I1"\n    krävs: Ja på fråga i`)]],
    },
    {
        name: 'an indicator number like 1e21, which no generated package compiles with',
        code: IssueCodes.NumberOutOfRange,
        severity: 'error',
        trigger: [SURVEY + indicator(PLAIN, 'indikator «1000000000000000000000» "Ett"')],
        message: /^Indikatornummer "1000000000000000000000" är orimligt; ett indikatornummer är ett heltal från 1 till 99999\.$/,
        clean: [[SURVEY + indicator(PLAIN, 'indikator 99999 "Ett"')]],
    },
    {
        name: 'an answer code beyond the safe integers',
        code: IssueCodes.NumberOutOfRange,
        severity: 'error',
        trigger: [
            SURVEY +
                'svarsalternativ STOR { Ja = «123456789012345678901234» "Ja" }\nfråga Delad: "Har ni?" svar STOR variabel "D1"\n' +
                indicator(`    fråga i = Delad\n    krävs: Ja på fråga i`),
        ],
        message: /^Svarskoden 123456789012345678901234 är för stor; en kod är ett heltal från 0 till 999999\.$/,
        clean: [
            [
                SURVEY +
                    'svarsalternativ STOR { Ja = 1 "Ja" }\nfråga Delad: "Har ni?" svar STOR variabel "D1"\n' +
                    indicator(`    fråga i = Delad\n    krävs: Ja på fråga i`),
            ],
        ],
    },
    {
        name: 'a survey year that cannot be meant',
        code: IssueCodes.NumberOutOfRange,
        severity: 'error',
        trigger: [SURVEY.replace('år 2019', 'år «20190»') + indicator(PLAIN)],
        message: /^Året "20190" är orimligt; ange ett år mellan 1990 och 2100\.$/,
        clean: [[SURVEY + indicator(PLAIN)]],
    },
    // ------------------------------------------------------------------ registers (register-validation-cases.ts)
    ...registerCases,
];

/**
 * The services as createOjServices makes them, with the document builder that re-validates every
 * file on a change (OjSharedModule: oj-module.ts should inject it), and optionally without the rule
 * analysis, to look at this package's checks alone.
 */
function editorServices(options: { analysis: boolean } = { analysis: true }) {
    const sharedServices = inject(createDefaultSharedModule(EmptyFileSystem), OjGeneratedSharedModule, OjSharedModule);
    const Oj = inject(createDefaultModule({ shared: sharedServices }), OjGeneratedModule, OjModule);
    sharedServices.ServiceRegistry.register(Oj);
    registerValidationChecks(Oj);
    if (options.analysis) registerAnalysisChecks(Oj);
    sharedServices.workspace.ConfigurationProvider.initialized({});
    return Oj;
}

/** Made once: creating services reads the grammar, which takes longer than a test. */
let withoutAnalysisServices: ReturnType<typeof editorServices> | undefined;
const withoutAnalysis = () => (withoutAnalysisServices ??= editorServices({ analysis: false }));

interface Marked {
    text: string;
    offset: number;
    length: number;
}

/** Removes the «…» marker and remembers where it was. */
function unmark(source: string): Marked {
    const start = source.indexOf('«');
    if (start < 0) return { text: source, offset: -1, length: 0 };
    const end = source.indexOf('»', start);
    return {
        text: source.slice(0, start) + source.slice(start + 1, end) + source.slice(end + 1),
        offset: start,
        length: end - start - 1,
    };
}

interface FileResult extends ValidationResult {
    marked: Marked;
}

/** Builds the files as one workspace (as the editor and the CLI do) and validates them. */
async function validateFiles(sources: string[]): Promise<FileResult[]> {
    const marked = sources.map(unmark);
    const documents: LangiumDocument[] = marked.map((m, i) =>
        shared.workspace.LangiumDocumentFactory.fromString(m.text, URI.file(`/test/file${i}.oj`)),
    );
    documents.forEach((d) => shared.workspace.LangiumDocuments.addDocument(d));
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return documents.map((document, i) => ({
        document,
        diagnostics: document.diagnostics ?? [],
        marked: marked[i],
        dispose: () => clearDocuments(shared, [document]),
        [Symbol.asyncDispose]: () => clearDocuments(shared, [document]),
    }));
}

const codeOf = (d: Diagnostic) => (d.data as { code?: string } | undefined)?.code;

/** Runs a langium/test expectation and, when it fails, shows every diagnostic of the file. */
function withDiagnostics(result: ValidationResult, check: () => void): void {
    try {
        check();
    } catch (error) {
        throw new Error(`${(error as Error).message}\nDiagnostics:\n${printDiagnostics(result.diagnostics)}`);
    }
}

describe('validation checks', () => {
    test('every issue code has a triggering case and a clean one', () => {
        const covered = new Set(cases.filter((c) => c.clean.length > 0).map((c) => c.code));
        expect(Object.values(IssueCodes).filter((code) => !covered.has(code))).toEqual([]);
    });

    test.each(cases)('$code is reported for $name', async (c) => {
        const results = await validateFiles(c.trigger);
        const marked = results.filter((r) => r.marked.offset >= 0);
        expect(marked, 'exactly one file marks the offending text').toHaveLength(1);
        const [result] = marked;
        const where = { offset: result.marked.offset, length: result.marked.length, code: c.code };
        withDiagnostics(result, () => (c.severity === 'error' ? expectError : expectWarning)(result, c.message, where));
    });

    test.each(cases)('$code is not reported once $name is put right', async (c) => {
        for (const files of c.clean) {
            const results = await validateFiles(files);
            for (const result of results) {
                withDiagnostics(result, () => {
                    expectNoIssues(result, { code: c.code });
                    expectNoIssues(result, { severity: DiagnosticSeverity.Error });
                });
            }
            await clearDocuments(shared);
        }
    });
});

describe('syntax errors', () => {
    /** Parser and lexer diagnostics, which carry Langium's codes rather than an IssueCode. */
    async function syntaxErrors(text: string) {
        await clearDocuments(shared);
        const [result] = await validateFiles([text]);
        const syntax = result.diagnostics.filter((d) => ['parsing-error', 'lexing-error'].includes(codeOf(d) ?? ''));
        return { result, syntax, at: (d: Diagnostic) => result.document.textDocument.offsetAt(d.range.start) };
    }

    test('a rule that ends after "och" is reported at the closing brace, in Swedish', async () => {
        const text = SURVEY + indicator(`    fråga i Rutin: "Har ni?" svar JNE\n    krävs: Ja på fråga i och\n`);
        const { syntax, at } = await syntaxErrors(text);
        expect(syntax.map((d) => [codeOf(d), d.severity, at(d), d.message])).toEqual([
            [
                'parsing-error',
                DiagnosticSeverity.Error,
                text.lastIndexOf('}'),
                'Här väntades "inte", "(", ett namn, "minst", "samtliga", "något", "fråga" eller "antal", men det står "}".',
            ],
        ]);
    });

    test('a misspelt keyword is reported where it is written', async () => {
        const text = SURVEY + indicator(`    fråga i Rutin: "Har ni?" svar JNE\n    kravs: Ja på fråga i`);
        const { syntax, at } = await syntaxErrors(text);
        expect(syntax.length).toBeGreaterThan(0);
        expect(at(syntax[0])).toBe(text.indexOf('kravs'));
        expect(syntax[0].message).toBe('Här väntades "}", men det står "kravs".');
    });

    test('a missing colon, number or closing brace is named', async () => {
        const colon = await syntaxErrors(SURVEY + indicator(`    fråga i Rutin "Har ni?" svar JNE\n    krävs: Ja på fråga i`));
        expect(colon.syntax.map((d) => d.message)).toEqual(['Här väntades ":", men det står texten "Har ni?".']);
        const number = await syntaxErrors(SURVEY + indicator(PLAIN, 'indikator "Ett"'));
        expect(number.syntax.map((d) => d.message)).toEqual(['Här väntades ett heltal, men det står texten "Ett".']);
        const brace = await syntaxErrors(SURVEY + indicator(PLAIN).replace(/\}\n$/, ''));
        expect(brace.syntax.map((d) => d.message)).toEqual(['Här väntades "}", men det står filens slut.']);
    });

    test('a word that starts no declaration at the top level', async () => {
        const text = SURVEY + 'indikatorr 1 "Ett" { }\n';
        const { syntax, at } = await syntaxErrors(text);
        expect(at(syntax[0])).toBe(text.indexOf('indikatorr'));
        expect(syntax[0].message).toMatch(
            /^Här väntades en ny deklaration \(enkät, svarsalternativ, område, fråga, begrepp eller indikator\) eller filens slut, men det står "indikatorr"\.$/,
        );
    });

    test('an unterminated string and a stray character are lexer errors', async () => {
        const text = SURVEY + indicator(`    fråga i Rutin: "Har ni? svar JNE\n    krävs: Ja på fråga i`);
        const { syntax, at } = await syntaxErrors(text);
        const lexing = syntax.filter((d) => codeOf(d) === 'lexing-error');
        // After the quote is skipped, the "?" of the text is a stray character too.
        expect(lexing.map((d) => [at(d), d.message])).toEqual([
            [text.indexOf('"Har ni?'), 'Texten som börjar här avslutas aldrig med ett citattecken.'],
            [text.indexOf('?'), 'Tecknet "?" kan inte användas här.'],
        ]);
        const stray = await syntaxErrors(SURVEY + indicator(PLAIN) + '#');
        expect(stray.syntax.map((d) => d.message)).toEqual(['Tecknet "#" kan inte användas här.']);
    });

    test('a complete model has no syntax errors', async () => {
        const { syntax } = await syntaxErrors(SURVEY + indicator(PLAIN));
        expect(syntax).toEqual([]);
    });

    test.each([
        'krävs: Ja på }',
        'krävs: fråga i är }',
        'krävs: antal på fråga i > }',
        'krävs: inte }',
        'krävs: Ja på fråga i ELLER }',
        'andel: fråga i / }',
        'exempel { fråga = Ja ger uppnådd }',
        'krävs: Ja på fråga i\n    utesluts: }',
        'krävs: Ja på fråga i\n    undantas: Nej på }',
    ])('a rule cut short (%s) gives syntax errors, and no check fails on the holes it leaves', async (rule) => {
        // This package's checks alone, then with the rule analysis (which once threw here, and
        // Langium showed the exception as an English error "An error occurred during validation").
        for (const Oj of [withoutAnalysis(), services]) {
            await clearDocuments(Oj.shared);
            const { diagnostics } = await validationHelper(Oj)(
                SURVEY + indicator(`    fråga i Rutin: "Har ni?" svar JNE\n    ${rule}`),
            );
            expect(diagnostics.some((d) => codeOf(d) === 'parsing-error')).toBe(true);
            expect(diagnostics.filter((d) => String(d.message).startsWith('An error occurred')).map((d) => d.message)).toEqual(
                [],
            );
        }
    });
});

describe('damaged input', () => {
    async function parse(text: string) {
        await clearDocuments(shared);
        const [result] = await validateFiles([text]);
        const syntax = result.diagnostics.filter((d) => codeOf(d) === 'parsing-error');
        return { result, syntax, model: result.document.parseResult.value };
    }

    test('a line of thousands of stray tokens: parsing stops after 1,000 errors and says where', async () => {
        const damaged = SURVEY.replace(
            'redovisningsnivåer kommun, riket',
            `redovisningsnivåer kommun, ${'A, '.repeat(20_000)}riket`,
        );
        const line = SURVEY.split('\n').findIndex((l) => l.includes('redovisningsnivåer')) + 1;
        const { syntax, model } = await parse(damaged + indicator(PLAIN));
        expect(syntax).toHaveLength(MAX_SYNTAX_ERRORS + 1);
        expect(syntax.at(-1)?.message).toBe(
            `Filen har fler än 1\u00a0000 syntaxfel; resten av filen från rad ${line} kontrolleras inte förrän felen ovan är rättade.`,
        );
        expect(syntax.at(-1)?.range.start.line).toBe(line - 1);
        // What comes before the damage is still read, what comes after is not.
        expect(model.header?.survey?.year).toBe(2019);
        expect(model.elements.filter(isIndicator)).toEqual([]);
        // The parser is left as it was: the next document parses in full.
        const next = await parse(SURVEY + indicator(PLAIN));
        expect(next.syntax).toEqual([]);
        expect(next.model.elements.filter(isIndicator)).toHaveLength(1);
    });

    test('a line nested hundreds deep is blanked: the rule is missing, the parser unharmed', async () => {
        const text =
            SURVEY +
            indicator(`    fråga i Rutin: "Har ni?" svar JNE\n    krävs: ${'('.repeat(3000)}Ja på fråga i${')'.repeat(3000)}`);
        const { result } = await parse(text);
        expect(result.document.parseResult.value.elements.filter(isIndicator)).toHaveLength(1);
        expect(result.diagnostics.filter((d) => String(d.message).startsWith('An error occurred'))).toEqual([]);
        expect((await parse(SURVEY + indicator(PLAIN))).syntax).toEqual([]);
    });

    test('a thousand repeated items: one warning each, at the item', async () => {
        const text =
            SURVEY +
            indicator(
                `    fråga i Former: "Vilka?" svar JN\n        alternativ A "A"\n        alternativ B "B"\n    krävs: Ja på fråga i A, ${'B, '.repeat(1000)}B`,
            );
        const { result } = await parse(text);
        const duplicates = result.diagnostics.filter((d) => codeOf(d) === IssueCodes.DuplicatePart);
        expect(duplicates).toHaveLength(1000);
        const first = result.document.textDocument.offsetAt(duplicates[0].range.start);
        expect(first).toBe(text.indexOf('B, B') + 3);
        expect(result.document.textDocument.getText(duplicates[0].range)).toBe('B');
    });
});

describe("a workspace with two years' surveys", () => {
    // 2018 is loaded first, so a workspace-wide lookup would find its declarations before 2019's.
    const files = [
        `enkät T2018 "Test 2018" { år 2018 variabelmönster "S{indikator}_{fråga}" datakälla "E." målpopulation "A." nämnare "S." redovisningsnivåer kommun }
svarsalternativ JNE { Ja = 1 "Ja" Nej = 2 "Nej" }
område EB "Ekonomiskt bistånd"
fråga Delad: "Hade ni en rutin 2018?" svar JNE variabel "D2018"
indikator 1 "Gammalt namn" { områden EB ${PARTS} fråga i = Delad krävs: Ja på fråga i }
`,
        SURVEY.replace(/svarsalternativ JNE \{[^\n]*\n/, ''),
        tillhör(
            'svarsalternativ JNE { Ja = 1 "Ja" Nej = 2 "Nej" EjAktuellt = 3 "Ej aktuellt, området finns inte" kort "Ej aktuellt" området saknas }\nfråga Delad: "Har ni en rutin?" svar JNE variabel "D2019"\n',
        ),
        tillhör(
            indicator(
                `    tidigare 2018 "Gammalt namn"\n    fråga i = Delad\n    krävs: Ja på fråga i\n    utesluts: EjAktuellt på fråga i`,
                'indikator 1 "Nytt namn"',
            ),
        ),
    ];

    test('names resolve within each survey, and ids and variables repeat across years without errors', async () => {
        const results = await validateFiles(files);
        for (const result of results)
            withDiagnostics(result, () => expectNoIssues(result, { severity: DiagnosticSeverity.Error }));
        const indicator2019 = (results[3].document.parseResult.value as Model).elements[0] as Indicator;
        const shared = indicator2019.questions[0].shared?.ref;
        expect(shared?.text).toBe('Har ni en rutin?');
        expect(shared?.answerSet?.ref?.options.map((o) => o.name)).toEqual(['Ja', 'Nej', 'EjAktuellt']);
        expect(surveyOf(shared!)?.name).toBe('T2019');
    });

    test('a file whose "tillhör" names no survey gets that one error, not one per name it uses', async () => {
        const results = await validateFiles([
            SURVEY,
            'tillhör T2020\n' + indicator(`    fråga i Rutin: "Har ni?" svar JNE variabel R1\n    krävs: Ja på fråga i`),
        ]);
        expect(
            results[1].diagnostics
                .filter((d) => d.severity === DiagnosticSeverity.Error)
                .map((d) => `${codeOf(d)}: ${d.message}`),
        ).toEqual(['unknown-reference: Det finns ingen enkät som heter T2020.']);
    });

    test("a file of one survey cannot use another survey's declarations", async () => {
        const results = await validateFiles([
            files[0],
            files[1],
            tillhör(indicator(`    fråga i = Delad\n    krävs: Ja på fråga i`, 'indikator 1 "Nytt namn"')),
        ]);
        withDiagnostics(results[2], () =>
            expectError(results[2], /^Det finns ingen fråga med id Delad\.$/, { code: IssueCodes.UnknownQuestion }),
        );
    });
});

describe('checks across files stay current while editing', () => {
    test('fixing a duplicate indicator number in one file clears the error in the other', async () => {
        const Oj = editorServices();
        const first = URI.file('/edit/a.oj');
        const second = URI.file('/edit/b.oj');
        const edit = async (uri: URI, version: number, text: string) => {
            setTextDocument(Oj, TextDocument.create(uri.toString(), 'oj', version, text));
            await Oj.shared.workspace.DocumentBuilder.update([uri], []);
        };
        const duplicates = (uri: URI) =>
            (Oj.shared.workspace.LangiumDocuments.getDocument(uri)?.diagnostics ?? []).filter(
                (d) => codeOf(d) === IssueCodes.DuplicateIndicatorNumber,
            ).length;
        await edit(first, 1, SURVEY + indicator(PLAIN));
        await edit(second, 1, tillhör(indicator(PLAIN.replace('Rutin', 'Rutin2'), 'indikator 1 "Två"')));
        expect([duplicates(first), duplicates(second)]).toEqual([1, 1]);
        await edit(second, 2, tillhör(indicator(PLAIN.replace('Rutin', 'Rutin2'), 'indikator 2 "Två"')));
        expect([duplicates(first), duplicates(second)]).toEqual([0, 0]);
        await clearDocuments(Oj.shared);
    });
});
