/**
 * Facts about the whole workspace that single-file checks need: which indicator numbers, names,
 * question ids, declaration names and survey variables are taken, and what is used. Computed once
 * per workspace change (WorkspaceCache), so validating a file does not walk every other file again.
 * Names and numbers are unique within one survey: last year's survey may sit in the same workspace
 * (earlier names are checked against it) and repeats this year's ids and variables.
 */
import { AstUtils, MultiMap, WorkspaceCache, type AstNode, type LangiumDocuments } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import {
    type AnswerSet, type Indicator, type Model, type Question, type Survey, type Term,
    isAnswerSet, isArea, isGroup, isIndicatorQuestion, isModel, isQuestion, isSurveyPart, isTerm
} from './generated/ast.js';
import { type SurveyVariable, surveyOfModel, variablesOfIndicator, variablesOfQuestion } from './model-utils.js';
import { surveyKeyOfModel } from './oj-scope.js';

export interface WorkspaceFacts {
    /** Keyed by `survey#number`. */
    indicatorsByNumber: MultiMap<string, Indicator>;
    /** Keyed by `survey#name`. */
    indicatorsByName: MultiMap<string, Indicator>;
    /** Keyed by `survey#id`. */
    questionsById: MultiMap<string, Question>;
    /** Keyed by `survey#variable`. */
    variables: MultiMap<string, SurveyVariable>;
    /**
     * Answer sets, areas and groups (one namespace: both are reporting units), terms and survey parts,
     * keyed by `survey#kind#name`; surveys themselves by `#Survey#name`.
     */
    declarations: MultiMap<string, AstNode>;
    surveysByYear: MultiMap<number, Survey>;
    /** Indicator names per survey year, for earlier-name references. */
    indicatorNamesByYear: MultiMap<number, string>;
    usedAnswerSets: Set<AnswerSet>;
    usedQuestions: Set<Question>;
    usedTerms: Set<Term>;
}

/** The survey a node's file belongs to, as the key facts are grouped by ('' when it names none). */
export function surveyKeyOf(node: AstNode): string {
    return surveyKeyOfModel(AstUtils.getContainerOfType(node, isModel));
}

/** The namespace a declared name lives in, or undefined for nodes that are not declarations checked here. */
export function declarationKind(node: AstNode): string | undefined {
    if (isAnswerSet(node)) return 'AnswerSet';
    if (isArea(node) || isGroup(node)) return 'ReportingUnit';
    if (isTerm(node)) return 'Term';
    if (isSurveyPart(node)) return 'SurveyPart';
    return undefined;
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
            variables: new MultiMap(), declarations: new MultiMap(), surveysByYear: new MultiMap(), indicatorNamesByYear: new MultiMap(),
            usedAnswerSets: new Set(), usedQuestions: new Set(), usedTerms: new Set()
        };
        for (const document of this.documents.all) {
            const model = document.parseResult.value as Model;
            if (model.$type !== 'Model') continue;
            const key = surveyKeyOfModel(model);
            const survey = model.header?.survey;
            if (survey) facts.declarations.add(`#Survey#${survey.name}`, survey);
            if (survey?.year !== undefined) facts.surveysByYear.add(survey.year, survey);
            const year = surveyOfModel(model)?.year;
            for (const node of AstUtils.streamAllContents(model)) {
                const kind = declarationKind(node);
                if (kind) facts.declarations.add(`${key}#${kind}#${(node as AstNode & { name: string }).name}`, node);
                if (isQuestion(node)) {
                    facts.questionsById.add(`${key}#${node.name}`, node);
                    const answerSet = node.answerSet?.ref;
                    if (answerSet) facts.usedAnswerSets.add(answerSet);
                    // Shared questions are named without indicator context; inline ones by their indicator.
                    if (!isIndicatorQuestion(node.$container)) {
                        for (const variable of variablesOfQuestion(node)) facts.variables.add(`${key}#${variable.name}`, variable);
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
                    if (variable.slot?.declared) facts.variables.add(`${key}#${variable.name}`, variable);
                }
            }
        }
        return facts;
    }
}
