/**
 * Populations in SQL as the evaluator decides them (runtime/population.ts): a respondent outside an
 * indicator's population gets no row; where stadsdelar are in it, Stockholm's and Göteborg's own
 * rows are outside. The DuckDB engine gives evaluateSurvey's results and count of pairs outside.
 */
import { expect, test } from 'vitest';
import { evaluateSurvey, indicatorsOf } from '@oj/evaluator';
import { lowerIndicator } from '@oj/language';
import { loadText } from '../../evaluator/test/support.js';
import { evaluateSurveyWithDuckDb } from '../src/index.js';

const MODEL = `enkät P "Population" {
    år 2019
    variabelmönster "P{indikator}_{fråga}{del}[_{grupp}]"
    datakälla "E." målpopulation kommuner, stadsdelar nämnare "S." redovisningsnivåer kommun
    del D1 "Del 1" målpopulation kommuner
    del D2 "Del 2" målpopulation stadsdelar
}
svarsalternativ JN { Ja = 1 "Ja" Nej = 2 "Nej" }
indikator 1 "Stadsdelar och kommuner" { fråga i A: "?" svar JN  krävs: Ja på fråga i }
indikator 2 "Bara kommuner" { fråga i B: "?" svar JN del av enkäten D1  krävs: Ja på fråga i }
indikator 3 "Bara stadsdelar" { fråga i C: "?" svar JN del av enkäten D2  krävs: Ja på fråga i }
`;

test('each indicator for the respondents of its population only, as evaluateSurvey decides', async () => {
    const models = await loadText([MODEL]);
    const answers = { P1_iA: '1', P2_iB: '2', P3_iC: '' };
    const respondents = ['0114', '0180', '0180-03', '1480', '1480-01', '1280', ' 0114 '].map((unit) => ({ unit, answers }));
    const expected = evaluateSurvey(models, respondents);
    const got = await evaluateSurveyWithDuckDb(indicatorsOf(models).map(lowerIndicator), respondents);
    const plain = (r: { unit: string; indicator: number; status: string }) => `${r.unit.trim()} ${r.indicator} ${r.status}`;
    expect(got.results.map(plain)).toEqual(expected.results.map(plain));
    expect(got.outside).toBe(expected.outside);
    // Stockholm's own row is outside indicator 1 (its stadsdelar answer), inside indicator 2 (kommuner only).
    expect(got.results.filter((r) => r.unit === '0180').map((r) => r.indicator)).toEqual([2]);
    expect(got.results.filter((r) => r.unit === '0180-03').map((r) => r.indicator)).toEqual([1, 3]);
    expect(got.results.filter((r) => r.unit === '1280').map((r) => r.indicator)).toEqual([1, 2]);
});
