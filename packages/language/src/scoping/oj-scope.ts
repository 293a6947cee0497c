/**
 * Scoping: what one file exports to the workspace, and where a name in a rule is looked up.
 * Only what other files need is exported (survey, parts, answer sets, areas, groups, shared
 * questions, terms, indicators); answer options and items are looked up through the question a
 * condition is about, so "Ja" always means the Ja of that question's answer set.
 * A workspace may hold several years' surveys (earlier names are checked against last year's),
 * and each year repeats the same question ids and answer sets: a name is therefore looked up
 * among the files of the referring file's own survey (and files that name no survey).
 */
import {
    AstUtils,
    DefaultScopeComputation,
    DefaultScopeProvider,
    EMPTY_SCOPE,
    interruptAndCheck,
    MultiMap,
    MultiMapScope,
    StreamScope,
    WorkspaceCache,
    type AstNode,
    type AstNodeDescription,
    type LangiumCoreServices,
    type LangiumDocument,
    type LangiumDocuments,
    type LocalSymbols,
    type ReferenceInfo,
    type Scope,
    stream,
} from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import {
    type AnswerOption,
    AnswerCondition,
    ExampleAnswer,
    type Model,
    QuestionTarget,
    isAnswerCondition,
    isAtLeastCondition,
    isBlankRule,
    isExampleAnswer,
    isIndicator,
    isModel,
    isNumericCondition,
    isOptionLabel,
    isQuestion,
    isQuestionTarget,
} from '../generated/ast.js';
import { optionsOf, questionOf } from '../model/model-utils.js';

/**
 * Named nodes never found through the local scope: an indicator's and an earlier name's "name" is
 * their title, and items and answer options are always looked up through their question
 * (OjScopeProvider). Leaving them out saves a description per node in every file.
 */
const NOT_LOOKED_UP_LOCALLY = new Set(['Indicator', 'EarlierName', 'QuestionItem', 'AnswerOption']);

/**
 * Nodes whose named children are all exported (collectExportedSymbols), and found through the
 * global scope from this file as from any other: a local description of them would be a second copy.
 */
const EXPORTS_ITS_CHILDREN = new Set(['Model', 'FileHeader', 'Survey', 'Area']);

/** Nodes with no named node inside (rules, examples, answer sets' options): the walk does not enter them. */
const NOTHING_NAMED_INSIDE = new Set([
    'Stratification',
    'Requirement',
    'Exclusion',
    'Exception',
    'AreaExclusion',
    'AreaException',
    'Ratio',
    'Example',
    'Definition',
    'Reference',
    'EarlierName',
    'AnswerSet',
]);

export class OjScopeComputation extends DefaultScopeComputation {
    /**
     * Langium's walk, keeping only the symbols a lookup reads locally (an indicator's question
     * numerals and what is declared inside an indicator), and yielding to cancellation every few
     * hundred nodes rather than at each.
     */
    override async collectLocalSymbols(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<LocalSymbols> {
        const symbols = new MultiMap<AstNode, AstNodeDescription>();
        let visited = 0;
        const nodes = AstUtils.streamAllContents(document.parseResult.value).iterator();
        for (let next = nodes.next(); !next.done; next = nodes.next()) {
            const node = next.value;
            if (++visited % 256 === 0) await interruptAndCheck(cancelToken);
            if (NOTHING_NAMED_INSIDE.has(node.$type)) nodes.prune();
            if (NOT_LOOKED_UP_LOCALLY.has(node.$type) || (node.$container && EXPORTS_ITS_CHILDREN.has(node.$container.$type)))
                continue;
            this.addLocalSymbol(node, document, symbols);
        }
        return symbols;
    }

    override async collectExportedSymbols(
        document: LangiumDocument,
        _cancelToken?: CancellationToken,
    ): Promise<AstNodeDescription[]> {
        const model = document.parseResult.value as Model;
        const exports: AstNodeDescription[] = [];
        const add = (node: AstNode) => this.addExportedSymbol(node, exports, document);
        const survey = model.header?.survey;
        if (survey) {
            add(survey);
            survey.parts.forEach(add);
            survey.stratifications.forEach(add);
        }
        for (const element of model.elements) {
            add(element);
            if (element.$type === 'Area') element.groups.forEach(add);
        }
        return exports;
    }
}

/**
 * The survey a file belongs to, by name: the one it declares or the one after `tillhör`. Read from
 * the text, not the resolved reference, so that it can be used while references are being linked.
 * Empty when the file names no survey.
 */
export function surveyKeyOfModel(model: Model | undefined): string {
    return model?.header?.survey?.name ?? model?.header?.surveyRef?.$refText ?? '';
}

export class OjScopeProvider extends DefaultScopeProvider {
    protected readonly documents: LangiumDocuments;
    protected readonly surveyScopeCache: WorkspaceCache<string, Scope>;
    protected readonly surveyNameCache: WorkspaceCache<'surveys', Set<string>>;
    /**
     * Descriptions of an answer set's options and a question's items, made once per node (a
     * re-parsed file has new nodes) instead of once per condition that names them.
     */
    protected readonly memberDescriptions = new WeakMap<AstNode, AstNodeDescription[]>();

    constructor(services: LangiumCoreServices) {
        super(services);
        this.documents = services.shared.workspace.LangiumDocuments;
        this.surveyScopeCache = new WorkspaceCache(services.shared);
        this.surveyNameCache = new WorkspaceCache(services.shared);
    }

    /** What createScopeForNodes(members) gives, with the descriptions kept for the owner node. */
    protected memberScope(owner: AstNode, members: readonly AstNode[]): Scope {
        let descriptions = this.memberDescriptions.get(owner);
        if (!descriptions) {
            descriptions = members.flatMap((member) => {
                const name = this.nameProvider.getName(member);
                return name ? [this.descriptions.createDescription(member, name)] : [];
            });
            this.memberDescriptions.set(owner, descriptions);
        }
        return new StreamScope(stream(descriptions));
    }

    /** Survey names are global (`tillhör` must find any survey); everything else is per survey. */
    protected override getGlobalScope(referenceType: string, context: ReferenceInfo): Scope {
        const key = surveyKeyOfModel(modelOf(context.container));
        if (referenceType === 'Survey' || key === '') return super.getGlobalScope(referenceType, context);
        // A misspelt "tillhör" is reported once; its file still sees every declaration, so errors do not cascade.
        if (!this.surveyNames().has(key)) return super.getGlobalScope(referenceType, context);
        return this.surveyScopeCache.get(`${key}\u0000${referenceType}`, () => {
            const uris = new Set(
                this.documents.all
                    .filter((document) => [key, ''].includes(surveyKeyOfModel(document.parseResult.value as Model)))
                    .map((document) => document.uri.toString()),
            );
            return new MultiMapScope(this.indexManager.allElements(referenceType, uris));
        });
    }

    /** The surveys declared in the workspace, once per workspace change rather than once per reference. */
    protected surveyNames(): Set<string> {
        return this.surveyNameCache.get(
            'surveys',
            () => new Set(this.indexManager.allElements('Survey').map((survey) => survey.name)),
        );
    }

    override getScope(context: ReferenceInfo): Scope {
        const container = context.container;
        if (context.property === 'options' && isAnswerCondition(container)) {
            return this.optionScope(container);
        }
        if (context.property === 'option' && isExampleAnswer(container)) {
            return this.optionScope(container);
        }
        // "tom ruta räknas som EjVald …": an option of the answer set the rule is written in.
        if (context.property === 'option' && isBlankRule(container)) {
            const answerSet = container.$container;
            return this.memberScope(answerSet, answerSet.options);
        }
        if (context.property === 'option' && isOptionLabel(container)) {
            // A printed label is for an option of the question's own answer set.
            const answerSet = isQuestion(container.$container) ? container.$container.answerSet?.ref : undefined;
            return answerSet ? this.memberScope(answerSet, answerSet.options) : EMPTY_SCOPE;
        }
        if (context.property === 'items' && isQuestionTarget(container)) {
            const question = questionOf(container.question?.ref);
            return question ? this.memberScope(question, question.items) : EMPTY_SCOPE;
        }
        // "Vald på minst två av alternativen A–D på fråga ii": the options and items of the question named last.
        if (isAtLeastCondition(container) && ['items', 'last', 'options'].includes(context.property)) {
            const question = questionOf(container.question?.ref);
            if (context.property === 'items' || context.property === 'last')
                return question ? this.memberScope(question, question.items) : EMPTY_SCOPE;
            if (context.property === 'options') {
                const answerSet = question?.answerSet?.ref;
                return answerSet ? this.memberScope(answerSet, answerSet.options) : EMPTY_SCOPE;
            }
        }
        // A register indicator's conditions and strata name the columns (and groupings) of the register it reads.
        const referenceType = this.reflection.getReferenceType(context);
        if (referenceType === 'Column' || referenceType === 'RegisterStratifier') {
            const indicator = AstUtils.getContainerOfType(container, isIndicator);
            if (indicator) {
                const register = indicator.register?.ref;
                if (!register) return EMPTY_SCOPE;
                if (referenceType === 'Column') return this.memberScope(register, register.columns);
                return this.createScopeForNodes([...register.columns, ...register.groupings]);
            }
        }
        return super.getScope(context);
    }

    /**
     * The options of the question the condition is about. While the question is not yet written
     * (completion right after typing an option), every option of the indicator's questions.
     */
    protected optionScope(container: AnswerCondition | ExampleAnswer): Scope {
        const slot = container.target?.question?.ref;
        const answerSet = questionOf(slot)?.answerSet?.ref;
        if (answerSet) return this.memberScope(answerSet, answerSet.options);
        if (slot) return this.createScopeForNodes(optionsOf(questionOf(slot)));
        const indicator = AstUtils.getContainerOfType(container, isIndicator);
        if (!indicator) return EMPTY_SCOPE;
        const seen = new Set<AnswerOption>();
        const options = indicator.questions.flatMap((s) => optionsOf(questionOf(s))).filter((o) => !seen.has(o) && seen.add(o));
        return this.createScopeForNodes(stream(options));
    }
}

/** The target a condition or example answer is about. */
export function targetOf(node: AstNode): QuestionTarget | undefined {
    if (isAnswerCondition(node) || isNumericCondition(node) || isExampleAnswer(node)) return node.target;
    return undefined;
}

export function modelOf(node: AstNode): Model | undefined {
    return AstUtils.getContainerOfType(node, isModel);
}

export type { AnswerCondition as AnswerConditionNode, ExampleAnswer as ExampleAnswerNode, QuestionTarget as QuestionTargetNode };
