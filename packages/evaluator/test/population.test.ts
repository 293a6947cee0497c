/**
 * Who an indicator is evaluated for, as lowered into the plan and applied by the runtime: the
 * declared kinds of respondents, and the kommuner that answer by their stadsdelar (those of the
 * survey's declared stadsdelar), whose own rows are then outside.
 */
import { describe, expect, test } from 'vitest';
import { lowerModels } from '@oj/language';
import { inPopulation, respondentKind } from '../src/runtime/population.js';
import { loadText } from './support.js';

const survey = (population: string, stadsdelar = '') => `enkät P2019 "Population" {
    år 2019
    variabelmönster "P{indikator}_{fråga}"
    datakälla "E." nämnare "S." redovisningsnivåer kommun, riket
    målpopulation ${population}
    ${stadsdelar}
}
svarsalternativ JN { Ja = 1 "Ja" Nej = 2 "Nej" }
område EB "Ekonomiskt bistånd"
indikator 1 "En" { områden EB fråga i A: "?" svar JN krävs: Ja på fråga i }
`;

describe('populations in the plan and the runtime', () => {
    test('a respondent is a kommun (four digits) or a stadsdel (kommunkod and suffix)', () => {
        expect([respondentKind('0180'), respondentKind('0180-01'), respondentKind(' 2380 '), respondentKind('X1')]).toEqual([
            'kommun',
            'stadsdel',
            'kommun',
            undefined,
        ]);
    });

    test('nothing declared: every respondent is evaluated', async () => {
        const [plan] = lowerModels(await loadText([survey('"Alla."')]));
        expect(plan.population).toBeUndefined();
        expect(['0180', '0180-01', '2380'].map((u) => inPopulation(u, plan.population, plan.dividedKommuner))).toEqual([
            true,
            true,
            true,
        ]);
    });

    test('kommuner only: stadsdelar are outside, Stockholm as a kommun inside', async () => {
        const [plan] = lowerModels(await loadText([survey('kommuner')]));
        expect(plan.population).toEqual(['kommun']);
        expect(plan.dividedKommuner).toBeUndefined();
        expect(['0180', '0180-01', '2380'].map((u) => inPopulation(u, plan.population, plan.dividedKommuner))).toEqual([
            true,
            false,
            true,
        ]);
    });

    test('kommuner and stadsdelar: the kommuner of the declared stadsdelar answer by them, the others as a whole', async () => {
        const [plan] = lowerModels(
            await loadText([survey('stadsdelar, kommuner', 'stadsdelar { 1480-01 "Angered" 1480-02 "Centrum" }')]),
        );
        expect(plan.population).toEqual(['kommun', 'stadsdel']);
        expect(plan.dividedKommuner).toEqual(['1480']);
        // Only Göteborg is declared divided here: Stockholm answers as a kommun.
        expect(['1480', '1480-01', '0180', '2380'].map((u) => inPopulation(u, plan.population, plan.dividedKommuner))).toEqual([
            false,
            true,
            true,
            true,
        ]);
    });

    test('without declared stadsdelar, Stockholm and Göteborg are taken to answer by theirs', async () => {
        const [plan] = lowerModels(await loadText([survey('kommuner, stadsdelar')]));
        expect(plan.dividedKommuner).toEqual(['0180', '1480']);
    });
});
