/**
 * "minst två av alternativen A–D på fråga ii" (issue 12, construct 1) as a table of rows and the
 * status every engine must give: the reference interpreter, the exact analysis and the generated
 * evaluator (its fast path and its traced one). Kleene counting: met when two are known ticked,
 * not met when two cannot be reached even if every blank were ticked, otherwise missing.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { analysisStatus, evaluatePlan, type Indicator, lowerUnit, type Model, requirementSentence } from '@oj/language';
import { importGenerated, loadText, type GeneratedEvaluator } from './support.js';

const MODEL = `enkät K2020 "Räkning" {
    år 2020
    variabelmönster "K{indikator}_{fråga}{del}"
    datakälla "E." målpopulation "A." nämnare "S." redovisningsnivåer kommun
}
svarsalternativ VAL { Vald = 1 "Vald" kort "Ja" EjVald = 0 "Ej vald" }
svarsalternativ JN { Ja = 1 "Ja" Nej = 2 "Nej" }
område EB "Ekonomiskt bistånd"
indikator 1 "Minst två former" {
    områden EB
    beskrivning "B." syfte "S." önskad riktning positiv typ struktur kvalitetsområde "Säker"
    fråga ii Former: "Vilka former?" svar VAL flerval
        alternativ A "Handledning"
        alternativ B "Fortbildning"
        alternativ C "Vidareutbildning"
        alternativ D "Annan"
    krävs: Vald på minst två av alternativen A–D på fråga ii
}
indikator 2 "Minst tre delar av fyra, som lista" {
    områden EB
    beskrivning "B." syfte "S." önskad riktning positiv typ struktur kvalitetsområde "Säker"
    fråga i Delar: "Innehåller rutinen?" svar JN
        alternativ A "a"
        alternativ B "b"
        alternativ C "c"
        alternativ D "d"
    krävs: Ja på minst 3 av alternativen A, B, D på fråga i
}
`;

type Row = Record<string, string>;
const V = '1', E = '0', B = '';
/** A row of indicator 1 from the answers on A–D. */
const forms = (a: string, b: string, c: string, d: string): Row => ({ K1_2A: a, K1_2B: b, K1_2C: c, K1_2D: d });

const CASES: Array<{ name: string; row: Row; indicator: number; status: string; trace?: string[] }> = [
    { name: 'two ticked, two blank', row: forms(V, V, B, B), indicator: 1, status: 'met', trace: ['K1_2A', 'K1_2B'] },
    { name: 'four ticked: the first two decide', row: forms(V, V, V, V), indicator: 1, status: 'met', trace: ['K1_2A', 'K1_2B'] },
    { name: 'one ticked, three not', row: forms(V, E, E, E), indicator: 1, status: 'not_met', trace: ['K1_2B', 'K1_2C', 'K1_2D'] },
    { name: 'one ticked, one not, two blank', row: forms(V, E, B, B), indicator: 1, status: 'missing', trace: ['K1_2C', 'K1_2D'] },
    { name: 'one ticked, one blank: two still reachable', row: forms(E, V, E, B), indicator: 1, status: 'missing', trace: ['K1_2D'] },
    { name: 'none ticked, one blank: two out of reach', row: forms(E, E, E, B), indicator: 1, status: 'not_met', trace: ['K1_2A', 'K1_2B', 'K1_2C'] },
    { name: 'all blank', row: forms(B, B, B, B), indicator: 1, status: 'missing' },
    { name: 'a list: C is not counted', row: { K2_1A: '1', K2_1B: '1', K2_1C: '1', K2_1D: '2' }, indicator: 2, status: 'not_met' },
    { name: 'a list: three of A, B, D', row: { K2_1A: '1', K2_1B: '1', K2_1C: '2', K2_1D: '1' }, indicator: 2, status: 'met' },
    { name: 'a list: D blank decides', row: { K2_1A: '1', K2_1B: '1', K2_1C: '2', K2_1D: '' }, indicator: 2, status: 'missing', trace: ['K2_1D'] }
];

describe('minst … av: every engine gives the table\'s status', () => {
    let models: Model[];
    let generated: GeneratedEvaluator;
    let indicators: Indicator[];

    beforeAll(async () => {
        models = await loadText([MODEL]);
        generated = await importGenerated(models);
        indicators = models.flatMap(m => m.elements.filter((e): e is Indicator => e.$type === 'Indicator'));
    });

    test('the rules print as the description words them', () => {
        expect(indicators.map(i => requirementSentence(i.requirements[0]))).toEqual([
            'För att uppnå indikatorn krävs: Ja på minst två av alternativen A–D på fråga ii.',
            'För att uppnå indikatorn krävs: Ja på minst tre av alternativen A, B och D på fråga i.'
        ]);
    });

    test.each(CASES)('$name → $status', ({ row, indicator: number, status, trace }) => {
        const indicator = indicators.find(i => i.number === number)!;
        const plan = lowerUnit(indicator);
        const interpreted = evaluatePlan(plan, row);
        expect(interpreted.status, 'interpreter').toBe(status);
        if (trace) expect(interpreted.trace.map(r => r.variable), 'interpreter trace').toEqual(trace);
        expect(analysisStatus(indicator, plan, row), 'analysis').toBe(status);
        const fast = generated.evaluate(row).find(r => r.indicator === number)!;
        const explained = generated.explain(row).find(r => r.indicator === number)!;
        expect(fast.status, 'generated, fast path').toBe(status);
        expect(explained.status, 'generated, traced').toBe(status);
        expect(fast.trace, 'generated trace').toEqual(interpreted.trace);
    });
});
