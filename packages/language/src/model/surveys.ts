/**
 * Which survey a command works on. Several surveys may sit in one folder (Socialtjänst and Kommunal
 * hälso- och sjukvård, or last year's survey beside this year's); every command that publishes or
 * evaluates works on the files of one of them, so that one survey's indicators, numbers and defaults
 * never mix with another's.
 */
import type { Indicator, Model, Survey } from '../generated/ast.js';
import { isIndicator } from '../generated/ast.js';
import { surveyOfModel } from './model-utils.js';

/** The surveys declared in the models, in the order their files come. */
export function surveysIn(models: readonly Model[]): Survey[] {
    const surveys: Survey[] = [];
    for (const model of models) {
        const survey = model.header?.survey;
        if (survey && !surveys.includes(survey)) surveys.push(survey);
    }
    return surveys;
}

export type SurveySelection =
    /** `survey` is undefined only when the models declare no survey at all. */
    | { ok: true; survey: Survey | undefined; models: Model[] }
    /** Several surveys and none asked for, or the one asked for is not among them. */
    | { ok: false; reason: 'ambiguous' | 'unknown'; requested?: string; surveys: Survey[] };

/**
 * The models of one survey: those whose file declares it or says `tillhör` it. Without a name the
 * models must hold at most one survey. A file that names no survey belongs to the only survey there
 * is (the validator warns about it); beside several surveys it belongs to none.
 * A name matches exactly, else case-insensitively when that is unambiguous ("khs2019" for KHS2019).
 */
export function selectSurvey(models: readonly Model[], requested?: string): SurveySelection {
    const surveys = surveysIn(models);
    let survey: Survey | undefined;
    if (requested !== undefined) {
        survey = surveys.find((s) => s.name === requested);
        if (!survey) {
            const folded = surveys.filter((s) => s.name.toLocaleLowerCase('sv') === requested.toLocaleLowerCase('sv'));
            if (folded.length === 1) survey = folded[0];
        }
        if (!survey) return { ok: false, reason: 'unknown', requested, surveys };
    } else if (surveys.length > 1) {
        return { ok: false, reason: 'ambiguous', surveys };
    } else {
        survey = surveys[0];
    }
    const headerless = surveys.length <= 1;
    const selected = models.filter((model) => {
        const own = surveyOfModel(model);
        return own ? own === survey : headerless && !model.header;
    });
    return { ok: true, survey, models: selected };
}

/** The indicators of the models, by number. */
export function indicatorsOfModels(models: readonly Model[]): Indicator[] {
    return models.flatMap((m) => m.elements.filter(isIndicator)).sort((a, b) => a.number - b.number);
}

/**
 * "OJ2019 (Öppna jämförelser socialtjänst 2019), KHS2019 (…)": the surveys as a message lists them.
 * Control characters in a title are replaced, since the list is written to terminals.
 */
export function surveyListText(surveys: readonly Survey[]): string {
    return surveys.map((s) => `${s.name} (${s.title.replace(/[\u0000-\u001F\u007F-\u009F]+/g, ' ').trim()})`).join(', ');
}
