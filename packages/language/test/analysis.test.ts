/**
 * The exact rule analysis (issue: logic analysis and live examples): each diagnostic with a small
 * model that triggers it and a near-identical one that does not, the decision table, and the
 * worked examples checked with the reference semantics.
 */
import { EmptyFileSystem } from 'langium';
import { clearDocuments, validationHelper } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import { AnalysisCodes, analyseRequirement, createOjServices, decisionTableMarkdown, exampleCoverage, type Indicator, type Model } from '../src/index.js';

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
    return diagnostics.filter(d => (d.data as { code?: string } | undefined)?.code === code);
}

describe('analysis diagnostics', () => {
    test('a rule that can never be met is an error', async () => {
        const bad = await codes(`${Q}    krävs: Ja på fråga i och Nej på fråga i`);
        expect(withCode(bad, AnalysisCodes.NeverMet)).toHaveLength(1);
        expect(withCode(bad, AnalysisCodes.NeverMet)[0].severity).toBe(1);
        const good = await codes(`${Q}    krävs: Ja på fråga i och Ja eller EjAktuellt på fråga ii`);
        expect(withCode(good, AnalysisCodes.NeverMet)).toHaveLength(0);
    });

    test('a rule every answering municipality meets is a warning', async () => {
        const bad = await codes(`${Q}    krävs: Ja eller Nej eller EjAktuellt på fråga ii`);
        expect(withCode(bad, AnalysisCodes.AlwaysMet)).toHaveLength(1);
        expect(withCode(bad, AnalysisCodes.AlwaysMet)[0].severity).toBe(2);
        const good = await codes(`${Q}    krävs: Ja på fråga i och Ja eller Nej på fråga ii`);
        expect(withCode(good, AnalysisCodes.AlwaysMet)).toHaveLength(0);
    });

    test('an exclusion that overlaps fulfilment is an error', async () => {
        const bad = await codes(`${Q}    krävs: Ja på fråga i och Ja på fråga ii\n    utesluts: EjAktuellt på fråga i eller Ja på fråga ii`);
        expect(withCode(bad, AnalysisCodes.ExclusionOverlap)).toHaveLength(1);
        const good = await codes(`${Q}    krävs: Ja på fråga i och Ja på fråga ii\n    utesluts: EjAktuellt på fråga i`);
        expect(withCode(good, AnalysisCodes.ExclusionOverlap)).toHaveLength(0);
    });

    test('an alternative another alternative covers is a warning', async () => {
        const bad = await codes(`${Q}    krävs: Ja på fråga i och Ja på fråga ii ELLER Ja på fråga i och Ja eller EjAktuellt på fråga ii`);
        const subsumed = withCode(bad, AnalysisCodes.AlternativeSubsumed);
        expect(subsumed).toHaveLength(1);
        expect(subsumed[0].message).toContain('Alternativ 1 täcks redan av alternativ 2');
        const good = await codes(`${Q}    krävs: Ja på fråga i och Ja på fråga ii ELLER Ja på fråga i och EjAktuellt på fråga ii`);
        expect(withCode(good, AnalysisCodes.AlternativeSubsumed)).toHaveLength(0);
    });

    test('a question whose answer never changes the outcome is a warning', async () => {
        // A blank ii still matters here (it leaves the rule undecided), so ii is relevant.
        const relevant = await codes(`${Q}    krävs: Ja på fråga i och (Ja på fråga ii eller Nej eller EjAktuellt på fråga ii)`);
        expect(withCode(relevant, AnalysisCodes.IrrelevantQuestion)).toHaveLength(0);
        const irrelevant = await codes(`${Q}    krävs: Ja på fråga i eller (Ja på fråga i och Ja på fråga ii)`);
        const found = withCode(irrelevant, AnalysisCodes.IrrelevantQuestion);
        expect(found).toHaveLength(1);
        expect(found[0].message).toContain('fråga ii');
    });

    test('an option that never changes its condition is a warning', async () => {
        const bad = await codes(`${Q}    krävs: Ja på fråga i och Ja på fråga ii och Ja eller Nej på fråga ii`);
        const found = withCode(bad, AnalysisCodes.IrrelevantOption);
        expect(found).toHaveLength(1);
        expect(found[0].message).toMatch(/^Nej ändrar aldrig utfallet här/);
        const good = await codes(`${Q}    krävs: Ja på fråga i och Ja eller EjAktuellt på fråga ii`);
        expect(withCode(good, AnalysisCodes.IrrelevantOption)).toHaveLength(0);
    });

    test('options no rule or exclusion mentions are information, so silence about Ej aktuellt is visible', async () => {
        const silent = await codes(`${Q}    krävs: Ja på fråga i och Ja på fråga ii`);
        const info = withCode(silent, AnalysisCodes.UnmentionedOptions);
        expect(info.map(d => d.severity)).toEqual([3, 3]);
        expect(info.map(d => d.message)).toEqual([
            'Nej på fråga i nämns varken i regeln eller uteslutningen.',
            'Nej, Ej aktuellt på fråga ii nämns varken i regeln eller uteslutningen.'
        ]);
        const spoken = await codes(`${Q}    krävs: Ja på fråga i och Ja på fråga ii\n    utesluts: EjAktuellt på fråga i eller EjAktuellt på fråga ii eller Nej på fråga i eller Nej på fråga ii`);
        expect(withCode(spoken, AnalysisCodes.UnmentionedOptions)).toHaveLength(0);
    });

    test('an area variant identical to the base rule is a hint', async () => {
        const perArea = `
    redovisas för EB, BU
    fråga i Rutin: "Har ni en rutin?" svar JNE_OMR per område EB, BU
    fråga ii Former: "Vilka former?" svar VAL flerval per område EB, BU
        alternativ A "Handledning"
        alternativ B "Fortbildning"
        alternativ C "Vidareutbildning"
`;
        const same = await codes(`${perArea}    krävs: Ja på fråga i och Vald på fråga ii A, B\n    för BU krävs: Ja på fråga i och fråga ii A, B är Vald`);
        const hints = withCode(same, AnalysisCodes.VariantEqualsBase);
        expect(hints).toHaveLength(1);
        expect(hints[0].severity).toBe(4);
        const stricter = await codes(`${perArea}    krävs: Ja på fråga i och Vald på fråga ii A, B\n    för BU krävs: Ja på fråga i och Vald på fråga ii A, B, C`);
        expect(withCode(stricter, AnalysisCodes.VariantEqualsBase)).toHaveLength(0);
    });
});

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
        expect(withCode(diagnostics, AnalysisCodes.ExampleInvalid).map(d => d.message)).toEqual(['Indikator 1 redovisas inte för BU.']);
        const valid = await codes(`${Q}    krävs: Ja på fråga i\n    exempel { fråga i = Ja  ger uppnådd }`);
        expect(withCode(valid, AnalysisCodes.ExampleInvalid)).toHaveLength(0);
        expect(withCode(valid, AnalysisCodes.ExampleFailed)).toHaveLength(0);
    });

    test('coverage counts only outcomes the rule can give', async () => {
        const result = await validate(model(`${Q}    krävs: Ja på fråga i och Ja eller EjAktuellt på fråga ii
    exempel { fråga i = Ja  fråga ii = Ja  ger uppnådd }
    exempel { fråga i = Nej  ger ej uppnådd }
    exempel { fråga i = EjAktuellt  ger utesluten }`));
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
        expect(decisionTableMarkdown(analysis)).toBe([
            '| fråga i | fråga ii | utfall |',
            '| --- | --- | --- |',
            '| Ja | Ja / Ej aktuellt | uppnådd |',
            '| Ja | Nej | ej uppnådd |',
            '| Nej | – | ej uppnådd |',
            '| Ej aktuellt | – | utesluten |',
            '| Ja | blankt | saknas |',
            '| blankt | – | saknas |'
        ].join('\n'));
    });
});
