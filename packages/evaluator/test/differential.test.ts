/**
 * The generated evaluator against the reference interpreter: the same status and the same
 * deciding answers for every indicator and area, on seeded random rows with blanks (≥ 100,000 rows
 * in all), for the 2019 set and for a model using every construct of the rule language.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { codebookRows, evaluateIndicatorForAllUnits, type Indicator, type Model } from '@oj/language';
import { importGenerated, loadExample, loadText, type GeneratedEvaluator } from './support.js';

/** A model with alternatives, variants, items, quantifiers, negation, exclusions, exceptions, counts and ratios. */
export const CONSTRUCTS = `enkät S2020 "Syntetisk" {
    år 2020
    variabelmönster "S{indikator:02}_{fråga}{del}[_{grupp}]"
    datakälla "E." målpopulation "A." nämnare "S." redovisningsnivåer kommun, län, riket
}
svarsalternativ JN { Ja = 1 "Ja" Nej = 2 "Nej" }
svarsalternativ JNE { Ja = 1 "Ja" Nej = 2 "Nej" EjAktuellt = 3 "Ej aktuellt, området finns inte" kort "Ej aktuellt" området saknas }
svarsalternativ JNB { Ja = 1 "Ja" Nej = 2 "Nej" NejBehovs = 3 "Nej, behövs inte" EjAktuellt = 4 "Ej aktuellt" området saknas }
svarsalternativ VAL { Vald = 1 "Vald" EjVald = 0 "Ej vald" }
område EB "Ekonomiskt bistånd"
område BU "Barn och unga"
område LSS "LSS" { grupp LSSB "LSS barn" grupp LSSV "LSS vuxen" }
fråga Delad: "Har ni en delad rutin?" svar JN variabel "DELAD"
indikator 1 "Alternativ och delade frågor" {
    områden EB
    fråga i = Delad
    fråga ii Innehall: "Innehåller?" svar JN alternativ A "a" alternativ B "b" alternativ C "c"
    fråga iii Uppf: "Följt upp?" svar JNB
    krävs: Ja på fråga i och Ja på fråga ii A, B och Ja på fråga iii ELLER Ja på fråga i och Ja på samtliga alternativ av fråga ii och NejBehovs på fråga iii
}
indikator 2 "Varianter per område" {
    områden EB, BU, LSS
    redovisas för EB, BU, LSSB, LSSV
    fråga i Plan: "Plan?" svar JNE per område EB, BU, LSSB, LSSV
    fråga ii Former: "Former?" svar VAL flerval per område EB, BU, LSSB, LSSV alternativ A "a" alternativ B "b" alternativ C "c" alternativ D "d"
    fråga iii Uppf2: "Följt upp?" svar JNB per område EB, BU, LSSB, LSSV
    krävs: Ja på fråga i och Vald på något alternativ av fråga ii och (Ja eller NejBehovs på fråga iii)
    för BU, LSSB krävs: Ja på fråga i och Vald på fråga ii A, B, C och inte Nej på fråga iii
}
indikator 3 "Uteslutning och undantag" {
    områden EB
    fråga i R3: "Rutin?" svar JNB
    fråga ii U3: "Uppföljd?" svar JNE
    krävs: Ja eller NejBehovs på fråga i och fråga ii är Ja
    utesluts: EjAktuellt på fråga i eller EjAktuellt på fråga ii
    undantas: Nej på fråga ii
}
indikator 4 "Antal" {
    områden EB
    fråga i Personal: "Hur många handläggare?" antal
    fråga ii Utbildade: "Hur många har utbildning?" antal
    krävs: antal på fråga i > 0 och antal på fråga ii >= 2 och inte antal på fråga ii > 40
}
indikator 5 "Andel" {
    områden EB
    fråga i Barn: "Antal barn med insats?" antal
    fråga ii BarnTotalt: "Antal barn totalt?" antal
    andel: fråga i / fråga ii
}
`;

/** Random rows: each variable blank or one of its codes (counts 0–50), with blanks about a fifth of the time. */
function rowArbitrary(models: Model[]): fc.Arbitrary<Record<string, string>> {
    const columns = codebookRows(models).map(r => [r.variable, r.numeric
        ? fc.oneof({ weight: 1, arbitrary: fc.constant('') }, { weight: 4, arbitrary: fc.integer({ min: 0, max: 50 }).map(String) })
        : fc.oneof({ weight: 1, arbitrary: fc.constant('') }, { weight: 4, arbitrary: fc.constantFrom(...r.codes.map(String)) })] as const);
    return fc.record(Object.fromEntries(columns));
}

function interpreterResults(indicators: Indicator[], row: Record<string, string>) {
    return indicators.flatMap(i => evaluateIndicatorForAllUnits(i, row));
}

const indicatorsOf = (models: Model[]) => models.flatMap(m => m.elements.filter((e): e is Indicator => e.$type === 'Indicator')).sort((a, b) => a.number - b.number);

describe.each([
    ['the 2019 set', () => loadExample(), 30_000],
    ['every construct of the rule language', () => loadText([CONSTRUCTS]), 70_000]
] as const)('generated evaluator = reference interpreter on %s', (_name, load, rows) => {
    let models: Model[];
    let generated: GeneratedEvaluator;

    beforeAll(async () => {
        models = await load();
        generated = await importGenerated(models);
    });

    test(`${rows} seeded random rows: same status and trace for every indicator and group`, () => {
        const indicators = indicatorsOf(models);
        const statuses = new Map<string, number>();
        fc.assert(fc.property(rowArbitrary(models), row => {
            const expected = interpreterResults(indicators, row);
            const actual = generated.evaluate(row);
            // A string comparison is fast; on a difference, show it structurally.
            if (JSON.stringify(actual) !== JSON.stringify(expected)) expect(actual).toEqual(expected);
            for (const r of expected) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        }), { seed: 20191, numRuns: rows });
        // The rows must reach every status, or the comparison proves little.
        expect([...statuses.keys()].sort()).toEqual(['excluded', 'met', 'missing', 'not_met']);
    }, 120_000);
});
