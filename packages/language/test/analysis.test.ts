/**
 * The exact rule analysis (issue: logic analysis and live examples): the decision table and the
 * worked examples checked with the reference semantics. Each diagnostic of the analysis, with a
 * small model that triggers it and a near-identical one that does not, is a fixture file under
 * resources/validation/analysis (run by fixtures.test.ts).
 */
import { EmptyFileSystem } from 'langium';
import { clearDocuments, validationHelper } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import {
    AnalysisCodes,
    analyseRequirement,
    createOjServices,
    decisionTableMarkdown,
    exampleCoverage,
    type Indicator,
    type Model,
} from '../src/index.js';

const services = createOjServices(EmptyFileSystem).Oj;
const validate = validationHelper<Model>(services);

afterEach(() => clearDocuments(services.shared));

/** A survey with answer sets and two areas, followed by one indicator whose body is given. */
function model(body: string, extra = ''): string {
    return `enkät T2019 "Test" {
    år 2019
    variabelmönster "T{indikator}_{fråga}{del}[_{grupp}]"
    datakälla "Enkät." målpopulation "Alla." nämnare "Svarande." redovisningsnivåer kommun, riket
}
svarsalternativ JN { Ja = 1 "Ja" Nej = 2 "Nej" }
svarsalternativ JNE_NY { Ja = 1 "Ja" Nej = 2 "Nej" EjAktuellt = 3 "Ej aktuellt, då rutinen upprättades nyligen" kort "Ej aktuellt" }
svarsalternativ JNE_OMR { Ja = 1 "Ja" Nej = 2 "Nej" EjAktuellt = 3 "Ej aktuellt, området finns inte" kort "Ej aktuellt" området saknas }
svarsalternativ VAL { Vald = 1 "Vald" EjVald = 0 "Ej vald" }
område EB "Ekonomiskt bistånd"
område BU "Barn och unga"
${extra}
indikator 1 "Prov" {
    områden EB, BU
    beskrivning "B." syfte "S." önskad riktning positiv typ struktur kvalitetsområde "Säker"
${body}
}
`;
}

const Q = `
    fråga i Rutin: "Har ni en rutin?" svar JNE_OMR
    fråga ii Uppfoljning: "Följt upp?" svar JNE_NY
`;

async function codes(body: string, extra = ''): Promise<Diagnostic[]> {
    const result = await validate(model(body, extra));
    return result.diagnostics;
}

function withCode(diagnostics: Diagnostic[], code: string): Diagnostic[] {
    return diagnostics.filter((d) => (d.data as { code?: string } | undefined)?.code === code);
}

describe('worked examples', () => {
    test('a passing example gives no diagnostic, a failing one says what the rule gives and why', async () => {
        const body = `${Q}    krävs: Ja på fråga i och Ja eller EjAktuellt på fråga ii
    exempel "routad blank" { fråga i = Nej  ger ej uppnådd }
    exempel "fel" { fråga i = Ja  fråga ii = Nej  ger uppnådd }`;
        const diagnostics = await codes(body);
        const failed = withCode(diagnostics, AnalysisCodes.ExampleFailed);
        expect(failed).toHaveLength(1);
        expect(failed[0].message).toBe('Exemplet ger "ej uppnådd", inte "uppnådd" (avgjort av T1_2=2).');
    });

    test('an outcome for an area the indicator is not reported for is invalid', async () => {
        const body = `${Q}    krävs: Ja på fråga i
    exempel { fråga i = Ja  ger BU: uppnådd }`;
        const diagnostics = await codes(body);
        expect(withCode(diagnostics, AnalysisCodes.ExampleInvalid).map((d) => d.message)).toEqual([
            'Indikator 1 redovisas inte för BU.',
        ]);
        const valid = await codes(`${Q}    krävs: Ja på fråga i\n    exempel { fråga i = Ja  ger uppnådd }`);
        expect(withCode(valid, AnalysisCodes.ExampleInvalid)).toHaveLength(0);
        expect(withCode(valid, AnalysisCodes.ExampleFailed)).toHaveLength(0);
    });

    test('coverage counts only outcomes the rule can give', async () => {
        const result = await validate(
            model(`${Q}    krävs: Ja på fråga i och Ja eller EjAktuellt på fråga ii
    exempel { fråga i = Ja  fråga ii = Ja  ger uppnådd }
    exempel { fråga i = Nej  ger ej uppnådd }
    exempel { fråga i = EjAktuellt  ger utesluten }`),
        );
        const indicator = result.document.parseResult.value.elements.find((e): e is Indicator => e.$type === 'Indicator')!;
        const [entry] = exampleCoverage(indicator);
        expect(entry.reachable).toEqual(['met', 'not_met', 'excluded', 'missing']);
        expect(entry.covered).toEqual(['met', 'not_met', 'excluded']);
    });
});

describe('decision table', () => {
    test('counts every answer combination once and merges rows', async () => {
        const result = await validate(model(`${Q}    krävs: Ja på fråga i och Ja eller EjAktuellt på fråga ii`));
        const indicator = result.document.parseResult.value.elements.find((e): e is Indicator => e.$type === 'Indicator')!;
        const analysis = analyseRequirement(indicator, indicator.requirements[0]);
        // i: Ja/Nej/Ej aktuellt/blank × ii: Ja/Nej/Ej aktuellt/blank
        expect(analysis.total).toBe(16);
        expect(analysis.counts).toEqual({ met: 2, not_met: 5, excluded: 4, missing: 5 });
        expect(decisionTableMarkdown(analysis)).toBe(
            [
                '| fråga i | fråga ii | utfall |',
                '| --- | --- | --- |',
                '| Ja | Ja / Ej aktuellt | uppnådd |',
                '| Ja | Nej | ej uppnådd |',
                '| Nej | – | ej uppnådd |',
                '| Ej aktuellt | – | utesluten |',
                '| Ja | blankt | saknas |',
                '| blankt | – | saknas |',
            ].join('\n'),
        );
    });
});
