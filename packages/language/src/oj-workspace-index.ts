/**
 * Facts about the whole workspace that single-file checks need: which indicator numbers, names,
 * question ids, declaration names and survey variables are taken, and what is used. Each file's part
 * is kept until that file is linked again (DocumentCache), and the workspace's facts are put together
 * from the parts once per workspace change (WorkspaceCache): typing in one file re-reads only that file.
 * Names and numbers are unique within one survey: last year's survey may sit in the same workspace
 * (earlier names are checked against it) and repeats this year's ids and variables.
 */
import {
    AstUtils, Cancellation, DefaultDocumentBuilder, DocumentCache, DocumentState, MultiMap, WorkspaceCache, type AstNode, type LangiumDocument,
    type LangiumDocuments, type Module, type URI
} from 'langium';
import type { LangiumSharedServices, PartialLangiumSharedServices } from 'langium/lsp';
import {
    type AnswerSet, type Indicator, type Model, type Question, type Survey, type Term,
    isAnswerSet, isArea, isGroup, isIndicatorQuestion, isModel, isQuestion, isSurveyPart, isTerm
} from './generated/ast.js';
import { type SurveyVariable, surveyOfModel, variablesOfIndicator, variablesOfQuestion } from './model-utils.js';
import { surveyKeyOfModel } from './oj-scope.js';

/** Values under a key, in workspace order (file by file, each file in the order its text has them). */
export interface FactIndex<K, V> {
    get(key: K): V[];
}

export interface WorkspaceFacts {
    /** Keyed by `survey#number`. */
    indicatorsByNumber: FactIndex<string, Indicator>;
    /** Keyed by `survey#name`. */
    indicatorsByName: FactIndex<string, Indicator>;
    /** Keyed by `survey#id`. */
    questionsById: FactIndex<string, Question>;
    /** Keyed by `survey#variable`. */
    variables: FactIndex<string, SurveyVariable>;
    /**
     * Answer sets, areas and groups (one namespace: both are reporting units), terms and survey parts,
     * keyed by `survey#kind#name`; surveys themselves by `#Survey#name`.
     */
    declarations: FactIndex<string, AstNode>;
    surveysByYear: FactIndex<number, Survey>;
    /** Indicator names per survey year, for earlier-name references. */
    indicatorNamesByYear: FactIndex<number, string>;
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

/** One file's part of the facts: its entries in the order a walk of the file finds them. */
interface DocumentFacts {
    root: Model;
    indicatorsByNumber: MultiMap<string, Indicator>;
    indicatorsByName: MultiMap<string, Indicator>;
    questionsById: MultiMap<string, Question>;
    variables: MultiMap<string, SurveyVariable>;
    declarations: MultiMap<string, AstNode>;
    surveysByYear: MultiMap<number, Survey>;
    indicatorNamesByYear: MultiMap<number, string>;
    usedAnswerSets: Set<AnswerSet>;
    usedQuestions: Set<Question>;
    usedTerms: Set<Term>;
}

/**
 * A key's values gathered from every file's part when first asked for: after a keystroke the
 * checks of one file ask for a few hundred keys, so nothing is merged for the other thousands.
 */
class MergedIndex<K, V> implements FactIndex<K, V> {
    protected readonly merged = new Map<K, V[]>();

    constructor(protected readonly parts: ReadonlyArray<MultiMap<K, V>>) {}

    get(key: K): V[] {
        let values = this.merged.get(key);
        if (!values) {
            values = [];
            for (const part of this.parts) {
                const own = part.get(key);
                if (own.length > 0) values.push(...own);
            }
            this.merged.set(key, values);
        }
        return values;
    }
}

/** Nodes whose contents hold no declaration, question or numeral slot: the walk does not enter them. */
const NOTHING_DECLARED_INSIDE = new Set([
    'Requirement', 'Exclusion', 'Exception', 'Ratio', 'Example', 'Definition', 'Reference', 'EarlierName',
    'AnswerSet', 'Term', 'Question'
]);

export class OjWorkspaceIndex {
    protected readonly documents: LangiumDocuments;
    protected readonly cache: WorkspaceCache<'facts', WorkspaceFacts>;
    /** Cleared for a file whenever it is linked again: its facts read resolved references (answer sets, shared questions, the survey's pattern). */
    protected readonly documentFacts: DocumentCache<string, DocumentFacts>;

    constructor(shared: LangiumSharedServices) {
        this.documents = shared.workspace.LangiumDocuments;
        this.cache = new WorkspaceCache(shared);
        this.documentFacts = new DocumentCache(shared, DocumentState.Linked);
    }

    facts(): WorkspaceFacts {
        return this.cache.get('facts', () => this.compute());
    }

    protected compute(): WorkspaceFacts {
        const parts: DocumentFacts[] = [];
        for (const document of this.documents.all) {
            const model = document.parseResult.value as Model;
            if (model.$type !== 'Model') continue;
            let part = this.documentFacts.get(document.uri, 'facts');
            if (part?.root !== model) {
                part = this.computeDocument(document, model);
                this.documentFacts.set(document.uri, 'facts', part);
            }
            parts.push(part);
        }
        const index = <K, V>(pick: (part: DocumentFacts) => MultiMap<K, V>) => new MergedIndex(parts.map(pick));
        // Sets are asked about one node at a time, by checks of the file declaring it: put together when first needed.
        const lazySet = <V>(pick: (part: DocumentFacts) => Set<V>) => {
            let value: Set<V> | undefined;
            return () => (value ??= new Set(parts.flatMap(part => [...pick(part)])));
        };
        const usedAnswerSets = lazySet(p => p.usedAnswerSets);
        const usedQuestions = lazySet(p => p.usedQuestions);
        const usedTerms = lazySet(p => p.usedTerms);
        return {
            indicatorsByNumber: index(p => p.indicatorsByNumber),
            indicatorsByName: index(p => p.indicatorsByName),
            questionsById: index(p => p.questionsById),
            variables: index(p => p.variables),
            declarations: index(p => p.declarations),
            surveysByYear: index(p => p.surveysByYear),
            indicatorNamesByYear: index(p => p.indicatorNamesByYear),
            get usedAnswerSets() { return usedAnswerSets(); },
            get usedQuestions() { return usedQuestions(); },
            get usedTerms() { return usedTerms(); }
        };
    }

    protected computeDocument(_document: LangiumDocument, model: Model): DocumentFacts {
        const facts: DocumentFacts = {
            root: model, indicatorsByNumber: new MultiMap(), indicatorsByName: new MultiMap(), questionsById: new MultiMap(),
            variables: new MultiMap(), declarations: new MultiMap(), surveysByYear: new MultiMap(), indicatorNamesByYear: new MultiMap(),
            usedAnswerSets: new Set(), usedQuestions: new Set(), usedTerms: new Set()
        };
        const key = surveyKeyOfModel(model);
        const survey = model.header?.survey;
        if (survey) facts.declarations.add(`#Survey#${survey.name}`, survey);
        if (survey?.year !== undefined) facts.surveysByYear.add(survey.year, survey);
        const year = surveyOfModel(model)?.year;
        const nodes = AstUtils.streamAllContents(model).iterator();
        for (let next = nodes.next(); !next.done; next = nodes.next()) {
            const node = next.value;
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
            if (NOTHING_DECLARED_INSIDE.has(node.$type)) nodes.prune();
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
        return facts;
    }
}

/**
 * The checks above read the whole workspace, so an edit in one file can add or remove a diagnostic
 * in another that does not refer to it (two files of a survey with the same indicator number).
 * Langium re-validates only the changed files and those referring to them; this builder re-runs the
 * validation (not parsing or linking) of every other file as well.
 */
export class OjDocumentBuilder extends DefaultDocumentBuilder {
    override async update(changed: URI[], deleted: URI[], cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        for (const document of this.langiumDocuments.all) {
            if (document.state === DocumentState.Validated) this.resetToState(document, DocumentState.IndexedReferences);
        }
        return super.update(changed, deleted, cancelToken);
    }
}

/** The shared services the language replaces; injected after the generated shared module. */
export const OjSharedModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    workspace: {
        DocumentBuilder: (services) => new OjDocumentBuilder(services)
    }
};
