/**
 * Facts about the whole workspace that single-file checks need: which indicator numbers, names,
 * question ids and survey variables are taken, and what is used. Computed once per workspace
 * change (WorkspaceCache), so validating a file does not walk every other file again.
 */
import { AstUtils, MultiMap, WorkspaceCache, type LangiumDocuments } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import {
    type AnswerSet, type Indicator, type Model, type Question, type Survey, type Term,
    isQuestion, isIndicatorQuestion
} from './generated/ast.js';
import { type SurveyVariable, surveyOfModel, variablesOfIndicator, variablesOfQuestion } from './model-utils.js';

export interface WorkspaceFacts {
    indicatorsByNumber: MultiMap<string, Indicator>;
    indicatorsByName: MultiMap<string, Indicator>;
    questionsById: MultiMap<string, Question>;
    variables: MultiMap<string, SurveyVariable>;
    surveysByYear: MultiMap<number, Survey>;
    /** Indicator names per survey year, for earlier-name references. */
    indicatorNamesByYear: MultiMap<number, string>;
    usedAnswerSets: Set<AnswerSet>;
    usedQuestions: Set<Question>;
    usedTerms: Set<Term>;
}

/** The key that makes indicator numbers and names unique: one survey (year) at a time. */
function surveyKey(model: Model): string {
    const survey = surveyOfModel(model);
    return survey ? `${survey.name}` : '';
}

export class OjWorkspaceIndex {
    protected readonly documents: LangiumDocuments;
    protected readonly cache: WorkspaceCache<'facts', WorkspaceFacts>;

    constructor(shared: LangiumSharedServices) {
        this.documents = shared.workspace.LangiumDocuments;
        this.cache = new WorkspaceCache(shared);
    }

    facts(): WorkspaceFacts {
        return this.cache.get('facts', () => this.compute());
    }

    protected compute(): WorkspaceFacts {
        const facts: WorkspaceFacts = {
            indicatorsByNumber: new MultiMap(), indicatorsByName: new MultiMap(), questionsById: new MultiMap(),
            variables: new MultiMap(), surveysByYear: new MultiMap(), indicatorNamesByYear: new MultiMap(),
            usedAnswerSets: new Set(), usedQuestions: new Set(), usedTerms: new Set()
        };
        for (const document of this.documents.all) {
            const model = document.parseResult.value as Model;
            if (model.$type !== 'Model') continue;
            const key = surveyKey(model);
            const survey = model.header?.survey;
            if (survey?.year !== undefined) facts.surveysByYear.add(survey.year, survey);
            const year = surveyOfModel(model)?.year;
            for (const node of AstUtils.streamAllContents(model)) {
                if (isQuestion(node)) {
                    facts.questionsById.add(node.name, node);
                    const answerSet = node.answerSet?.ref;
                    if (answerSet) facts.usedAnswerSets.add(answerSet);
                    // Shared questions are named without indicator context; inline ones by their indicator.
                    if (!isIndicatorQuestion(node.$container)) {
                        for (const variable of variablesOfQuestion(node)) facts.variables.add(variable.name, variable);
                    }
                } else if (isIndicatorQuestion(node)) {
                    const shared = node.shared?.ref;
                    if (shared) facts.usedQuestions.add(shared);
                }
            }
            for (const element of model.elements) {
                if (element.$type !== 'Indicator') continue;
                facts.indicatorsByNumber.add(`${key}#${element.number}`, element);
                facts.indicatorsByName.add(`${key}#${element.name}`, element);
                if (year !== undefined) facts.indicatorNamesByYear.add(year, element.name);
                for (const term of element.terms) if (term.ref) facts.usedTerms.add(term.ref);
                for (const variable of variablesOfIndicator(element)) {
                    if (variable.slot?.declared) facts.variables.add(variable.name, variable);
                }
            }
        }
        return facts;
    }
}
