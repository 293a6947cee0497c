/**
 * The questionnaire of examples/oj2019: every survey variable of the codebook once, in survey order,
 * with an answer box per answer option and the variable name beside it.
 */
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, test } from 'vitest';
import { codebookRows, type Model } from '@oj/language';
import { buildQuestionnaire, renderQuestionnaireDocx, type Questionnaire } from '../src/index.js';
import { loadModels, oj2019 } from './fixtures.js';

let models: Model[];
let questionnaire: Questionnaire;

beforeAll(async () => {
    const loaded = await loadModels([oj2019]);
    expect(loaded.errors).toEqual([]);
    models = loaded.models;
    questionnaire = buildQuestionnaire(models);
});

function variablesOf(q: Questionnaire): string[] {
    return q.parts.flatMap(p => p.questions.flatMap(question => question.choices
        ? question.choices.rows.flatMap(r => r.variables)
        : question.rows.map(r => r.variable)));
}

describe('the questionnaire of examples/oj2019', () => {
    test('has every codebook variable exactly once, question by question in the codebook’s (survey) order', () => {
        const codebook = codebookRows(models);
        const variables = variablesOf(questionnaire);
        expect(new Set(variables).size).toBe(variables.length);
        expect([...variables].sort()).toEqual(codebook.map(r => r.variable).sort());
        // A multiple-choice grid lists its variables area by area; the questions follow the codebook.
        const questionOf = new Map(codebook.map(r => [r.variable, `${r.indicators.join('|')}:${r.question}`]));
        const order = (list: string[]) => [...new Set(list.map(v => questionOf.get(v)))];
        expect(order(variables)).toEqual(order(codebook.map(r => r.variable)));
    });

    test('asks the questions in order, each with its answer options', () => {
        const questions = questionnaire.parts.flatMap(p => p.questions);
        expect(questions.map(q => q.heading).slice(0, 4)).toEqual([
            'Indikator 1, fråga i', 'Indikator 1, fråga ii', 'Indikator 1, fråga iii', 'Indikator 2, fråga i'
        ]);
        const first = questions[0];
        expect(first.options.map(o => o.label)).toEqual(['Ja', 'Nej']);
        expect(first.rows).toEqual([{ label: '', variable: 'I01_1' }]);
        const perArea = questions[3];
        expect(perArea.rows.map(r => r.label)).toEqual(['Ekonomiskt bistånd', 'Missbruk', 'Socialpsykiatri', 'Våld i nära relationer vuxen', 'Barn och unga', 'LSS barn', 'LSS vuxen', 'Äldreomsorg']);
        const forms = questions.find(q => q.kind === 'multipleChoice')!;
        expect(forms.heading).toBe('Indikator 6, fråga ii');
        expect(forms.choices?.columns[0]).toBe('A. Kontinuerlig handledning');
        expect(forms.choices?.rows[0].variables[0]).toBe('I06_2A_EB');
    });

    test('the Word form has a checkbox per answer option and row, named for screen readers', async () => {
        const bytes = await renderQuestionnaireDocx(questionnaire);
        const files = unzipSync(bytes);
        const body = strFromU8(files['word/document.xml']);
        const boxes = [...body.matchAll(/<w:sdt><w:sdtPr><w:alias w:val="([^"]*)"\/><w14:checkbox>/g)].map(m => m[1]);
        const questions = questionnaire.parts.flatMap(p => p.questions);
        const expected = questions.reduce((n, q) => n + (q.choices ? q.choices.rows.length * q.choices.columns.length : q.rows.length * q.options.length), 0);
        expect(boxes).toHaveLength(expected);
        expect(boxes).toContain('Ekonomiskt bistånd: Ja (I02_1_EB = 1)');
        for (const variable of variablesOf(questionnaire)) expect(body).toMatch(new RegExp(`> ?${variable}</w:t>`));
        // Header rows repeat when a question's table runs onto the next page.
        expect(body.split('<w:tblHeader/>').length - 1).toBe(questions.length);
        expect(strFromU8(files['docProps/core.xml'])).toContain('<dc:title>Formulär för insamling av uppgifter internt inom kommunen/stadsdelen – Öppna jämförelser socialtjänst 2019</dc:title>');
        expect((await renderQuestionnaireDocx(buildQuestionnaire(models))).equals(bytes)).toBe(true);
    });
});
