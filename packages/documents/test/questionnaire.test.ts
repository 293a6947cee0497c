/**
 * The questionnaire of examples/oj2019: every survey variable of the codebook once, in survey order,
 * with an answer box per answer option and the variable name beside it.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, test } from 'vitest';
import { codebookRows, type Model } from '@oj/language';
import {
    buildQuestionnaire,
    optionsLegend,
    questionnaireDocument,
    renderQuestionnaireDocx,
    renderQuestionnaireHtml,
    renderQuestionnairePdf,
    withSurveyDates,
    type Questionnaire,
} from '../src/index.js';
import { hasTool, loadModels, oj2019 } from './fixtures.js';

let models: Model[];
let questionnaire: Questionnaire;

beforeAll(async () => {
    const loaded = await loadModels([oj2019]);
    expect(loaded.errors).toEqual([]);
    models = loaded.models;
    questionnaire = buildQuestionnaire(models);
});

function variablesOf(q: Questionnaire): string[] {
    return q.parts.flatMap((p) =>
        p.questions.flatMap((question) =>
            question.choices ? question.choices.rows.flatMap((r) => r.variables) : question.rows.map((r) => r.variable),
        ),
    );
}

describe('the questionnaire of examples/oj2019', () => {
    test('has every codebook variable exactly once, question by question in the codebook’s (survey) order', () => {
        const codebook = codebookRows(models);
        const variables = variablesOf(questionnaire);
        expect(new Set(variables).size).toBe(variables.length);
        expect([...variables].sort()).toEqual(codebook.map((r) => r.variable).sort());
        // A multiple-choice grid lists its variables area by area; the questions follow the codebook.
        const questionOf = new Map(codebook.map((r) => [r.variable, `${r.indicators.join('|')}:${r.question}`]));
        const order = (list: string[]) => [...new Set(list.map((v) => questionOf.get(v)))];
        expect(order(variables)).toEqual(order(codebook.map((r) => r.variable)));
    });

    test('asks the questions in order, each with its answer options', () => {
        const questions = questionnaire.parts.flatMap((p) => p.questions);
        expect(questions.map((q) => q.heading).slice(0, 4)).toEqual([
            'Indikator 1, fråga i',
            'Indikator 1, fråga ii',
            'Indikator 1, fråga iii',
            'Indikator 2, fråga i',
        ]);
        const first = questions[0];
        expect(first.options.map((o) => o.label)).toEqual(['Ja', 'Nej']);
        expect(first.rows).toEqual([{ label: '', variable: 'I01_1' }]);
        const perArea = questions[3];
        expect(perArea.rows.map((r) => r.label)).toEqual([
            'Ekonomiskt bistånd',
            'Missbruk',
            'Socialpsykiatri',
            'Våld i nära relationer vuxen',
            'Barn och unga',
            'LSS barn',
            'LSS vuxen',
            'Äldreomsorg',
        ]);
        const forms = questions.find((q) => q.kind === 'multipleChoice')!;
        expect(forms.heading).toBe('Indikator 6, fråga ii');
        expect(forms.choices?.columns[0]).toBe('A. Kontinuerlig handledning');
        expect(forms.choices?.rows[0].variables[0]).toBe('I06_2A_EB');
    });

    test('the Word form has a checkbox per answer option and row, named for screen readers', async () => {
        const bytes = await renderQuestionnaireDocx(questionnaire);
        const files = unzipSync(bytes);
        const body = strFromU8(files['word/document.xml']);
        const boxes = [...body.matchAll(/<w:sdt><w:sdtPr><w:alias w:val="([^"]*)"\/><w14:checkbox>/g)].map((m) => m[1]);
        const questions = questionnaire.parts.flatMap((p) => p.questions);
        const expected = questions.reduce(
            (n, q) => n + (q.choices ? q.choices.rows.length * q.choices.columns.length : q.rows.length * q.options.length),
            0,
        );
        expect(boxes).toHaveLength(expected);
        expect(boxes).toContain('Ekonomiskt bistånd: Ja (I02_1_EB = 1)');
        for (const variable of variablesOf(questionnaire)) expect(body).toMatch(new RegExp(`> ?${variable}</w:t>`));
        // Header rows repeat when a question's table runs onto the next page.
        expect(body.split('<w:tblHeader/>').length - 1).toBe(questions.length);
        expect(strFromU8(files['docProps/core.xml'])).toContain('<dc:creator>Socialstyrelsen</dc:creator>');
        expect(strFromU8(files['docProps/core.xml'])).toContain(
            '<dc:title>Formulär för insamling av uppgifter internt inom kommunen/stadsdelen – Öppna jämförelser socialtjänst 2019</dc:title>',
        );
        expect((await renderQuestionnaireDocx(buildQuestionnaire(models))).equals(bytes)).toBe(true);
    });
});

describe('the questionnaire as a reader fills it in', () => {
    test("the survey's dates stand where the question says (mätdatum) or (12 mån)", () => {
        const texts = questionnaire.parts.flatMap((p) => p.questions.map((q) => q.text));
        expect(texts.join(' ')).not.toMatch(/\(mätdatum\)|\(12 mån|perioden\(/);
        expect(texts[0]).toBe(
            'Har ni (1 februari 2019) en skriftlig och på ledningsnivå beslutad rutin för hur ni ska gå tillväga för att förhindra att barnfamiljer avhyses?',
        );
        expect(texts[2]).toBe('Har ni någon gång under perioden (1 februari 2018–1 februari 2019) följt upp rutinen?');
        expect(withSurveyDates('Har ni under perioden(12 mån) följt upp?', undefined)).toBe(
            'Har ni under perioden(12 mån) följt upp?',
        );
    });

    test('answer columns are headed by short labels, the full labels (as this question prints them) with their codes above', () => {
        const questions = questionnaire.parts.flatMap((p) => p.questions);
        const followUp = questions.find((q) => q.heading === 'Indikator 6, fråga iii')!;
        expect(followUp.options.map((o) => o.short)).toEqual(['Ja', 'Nej', 'Ej aktuellt']);
        expect(optionsLegend(followUp)).toBe('Svarsalternativ: 1 = Ja; 2 = Nej; 3 = Ej aktuellt, då planen upprättades nyligen');
        // No header word is longer than a column can hold without breaking inside it.
        for (const q of questions)
            for (const o of q.options)
                for (const word of o.short.split(' ')) expect(word.length, o.short).toBeLessThanOrEqual(12);
    });

    test('renders to PDF and HTML from the same document model, every question with its answer table', async () => {
        const doc = questionnaireDocument(questionnaire);
        const questions = questionnaire.parts.flatMap((p) => p.questions);
        const tables = doc.sections.flatMap((s) => s.content).filter((c) => c.kind === 'table');
        expect(tables).toHaveLength(questions.length);
        const html = renderQuestionnaireHtml(questionnaire);
        expect(html).toContain('<h3>Indikator 1, fråga i</h3>');
        expect(html).toContain('<td class="center">☐</td>');
        expect(html).toContain('<th scope="col" class="center">Ej aktuellt</th>');
        expect(html).toContain(
            '<colgroup><col width="40%"><col width="14%"><col width="14%"><col width="14%"><col width="18%"></colgroup>',
        );
        const pdf = await renderQuestionnairePdf(questionnaire);
        expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
        if (hasTool('pdftotext')) {
            const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'oj-formular-')), 'formular.pdf');
            fs.writeFileSync(file, pdf);
            const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
            for (const variable of variablesOf(questionnaire)) expect(text).toContain(variable);
            // Header words whole, never "socialtjäns t/kommun".
            expect(text).not.toMatch(/socialtjäns\s+t/);
        }
    });
});
