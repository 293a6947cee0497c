/**
 * Facts about the whole workspace that single-file checks need: which indicator numbers, names,
 * question ids, declaration names and survey variables are taken, and what is used. Each file's part
 * is kept until that file is linked again (DocumentCache), and the workspace's facts are put together
 * from the parts once per workspace change (WorkspaceCache): typing in one file re-reads only that file.
 * Names and numbers are unique within one survey: last year's survey may sit in the same workspace
 * (earlier names are checked against it) and repeats this year's ids and variables.
 */
import {
    AstUtils,
    type BuildOptions,
    Cancellation,
    DefaultDocumentBuilder,
    DocumentCache,
    DocumentState,
    MultiMap,
    URI,
    WorkspaceCache,
    type AstNode,
    type LangiumDocument,
    type LangiumDocuments,
    type Module,
} from 'langium';
import type { OjServices } from '../oj-module.js';
import type { LangiumSharedServices, PartialLangiumSharedServices } from 'langium/lsp';
import {
    type AnswerSet,
    type Indicator,
    type Model,
    type Question,
    type Survey,
    type Term,
    isAnswerSet,
    isArea,
    isGroup,
    isIndicatorQuestion,
    isModel,
    isQuestion,
    isSurveyPart,
    isTerm,
} from '../generated/ast.js';
import { type SurveyVariable, surveyOfModel, variablesOfIndicator, variablesOfQuestion } from '../model/model-utils.js';
import { surveyKeyOfModel } from '../scoping/oj-scope.js';
import { existsOnDisk, OjDocumentUpdateHandler, OjLangiumDocumentFactory, OjWorkspaceManager } from '../lsp/oj-document-sync.js';

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
    /**
     * What the file's diagnostics depend on and what it contributes to other files' diagnostics,
     * as keys (see factKeys): what it declares (numbers, names, ids, variables, declarations, its
     * survey year and indicator names) and what it reads of others (the declarations it uses, the
     * earlier names it cites). Worked out when first compared.
     */
    readonly keys: FactKeys;
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
 * When a whole workspace is validated almost every key is asked for; then the parts are merged
 * once instead of being looked through key by key.
 */
class MergedIndex<K, V> implements FactIndex<K, V> {
    protected readonly merged = new Map<K, V[]>();
    protected complete = false;

    constructor(protected readonly parts: ReadonlyArray<MultiMap<K, V>>) {}

    get(key: K): V[] {
        let values = this.merged.get(key);
        if (values) return values;
        if (this.complete) return [];
        if (this.merged.size >= MERGE_ALL_AFTER) {
            this.mergeAll();
            return this.merged.get(key) ?? [];
        }
        values = [];
        for (const part of this.parts) {
            const own = part.get(key);
            if (own.length > 0) values.push(...own);
        }
        this.merged.set(key, values);
        return values;
    }

    protected mergeAll(): void {
        this.merged.clear();
        for (const part of this.parts) {
            for (const [key, values] of part.entriesGroupedByKey()) {
                const all = this.merged.get(key);
                if (all) all.push(...values);
                else this.merged.set(key, [...values]);
            }
        }
        this.complete = true;
    }
}

/** Keys asked for one by one before all parts are merged at once. */
const MERGE_ALL_AFTER = 2000;

/** Nodes whose contents hold no declaration, question or numeral slot: the walk does not enter them. */
const NOTHING_DECLARED_INSIDE = new Set([
    'Requirement',
    'Exclusion',
    'Exception',
    'Ratio',
    'Example',
    'Definition',
    'Reference',
    'EarlierName',
    'AnswerSet',
    'Term',
    'Question',
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
        const parts = [...this.parts().values()];
        const index = <K, V>(pick: (part: DocumentFacts) => MultiMap<K, V>) => new MergedIndex(parts.map(pick));
        // Sets are asked about one node at a time, by checks of the file declaring it: put together when first needed.
        const lazySet = <V>(pick: (part: DocumentFacts) => Set<V>) => {
            let value: Set<V> | undefined;
            return () => (value ??= new Set(parts.flatMap((part) => [...pick(part)])));
        };
        const usedAnswerSets = lazySet((p) => p.usedAnswerSets);
        const usedQuestions = lazySet((p) => p.usedQuestions);
        const usedTerms = lazySet((p) => p.usedTerms);
        return {
            indicatorsByNumber: index((p) => p.indicatorsByNumber),
            indicatorsByName: index((p) => p.indicatorsByName),
            questionsById: index((p) => p.questionsById),
            variables: index((p) => p.variables),
            declarations: index((p) => p.declarations),
            surveysByYear: index((p) => p.surveysByYear),
            indicatorNamesByYear: index((p) => p.indicatorNamesByYear),
            get usedAnswerSets() {
                return usedAnswerSets();
            },
            get usedQuestions() {
                return usedQuestions();
            },
            get usedTerms() {
                return usedTerms();
            },
        };
    }

    protected computeDocument(_document: LangiumDocument, model: Model): DocumentFacts {
        let keys: FactKeys | undefined;
        const facts: DocumentFacts = {
            root: model,
            get keys() {
                return (keys ??= factKeys(facts, model));
            },
            indicatorsByNumber: new MultiMap(),
            indicatorsByName: new MultiMap(),
            questionsById: new MultiMap(),
            variables: new MultiMap(),
            declarations: new MultiMap(),
            surveysByYear: new MultiMap(),
            indicatorNamesByYear: new MultiMap(),
            usedAnswerSets: new Set(),
            usedQuestions: new Set(),
            usedTerms: new Set(),
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

    /** Every file's part, computing those not known yet, by URI. */
    protected parts(): Map<string, DocumentFacts> {
        const parts = new Map<string, DocumentFacts>();
        for (const document of this.documents.all) {
            const model = document.parseResult.value as Model;
            if (model.$type !== 'Model') continue;
            let part = this.documentFacts.get(document.uri, 'facts');
            // A file being rebuilt, before its scopes are computed, cannot resolve the names its facts
            // read (Langium warns); it counts again once built, and the files sharing its facts follow then.
            if (part?.root !== model && document.state < DocumentState.ComputedScopes) continue;
            if (part?.root !== model) {
                part = this.computeDocument(document, model);
                this.documentFacts.set(document.uri, 'facts', part);
            }
            parts.set(document.uri.toString(), part);
        }
        return parts;
    }

    /** Each file's part as of the last time every file's diagnostics were brought up to date. */
    protected settledParts = new Map<string, DocumentFacts>();

    /**
     * The files whose diagnostics may be out of date because facts they share with another file
     * changed since the last settling, leaving out those just validated.
     */
    filesToRevalidate(validated: ReadonlySet<string>): string[] {
        const current = this.parts();
        if ([...current.keys()].every((uri) => validated.has(uri))) return [];
        // Keys that appeared in or disappeared from one file's declarations, and from its uses.
        const declared = new Set<string>();
        const used = new Set<string>();
        const difference = (now: ReadonlySet<string> | undefined, then: ReadonlySet<string> | undefined, into: Set<string>) => {
            for (const key of now ?? []) if (!then?.has(key)) into.add(key);
            for (const key of then ?? []) if (!now?.has(key)) into.add(key);
        };
        for (const [uri, part] of current) {
            const before = this.settledParts.get(uri);
            if (before === part) continue;
            difference(part.keys.declared, before?.keys.declared, declared);
            difference(part.keys.used, before?.keys.used, used);
        }
        for (const [uri, before] of this.settledParts) {
            if (current.has(uri)) continue;
            difference(undefined, before.keys.declared, declared);
            difference(undefined, before.keys.used, used);
        }
        if (declared.size === 0 && used.size === 0) return [];
        // A declaration concerns the files declaring the same key (duplicates) and those reading it
        // (earlier names); a use concerns only the declaring file ("never used"), not the other users:
        // a new file of indicators re-validates the answer sets' file, not every file using them.
        const concerns = (part: DocumentFacts) =>
            [...declared].some((key) => part.keys.declared.has(key) || part.keys.used.has(key)) ||
            [...used].some((key) => part.keys.declared.has(key));
        return [...current].filter(([uri, part]) => !validated.has(uri) && concerns(part)).map(([uri]) => uri);
    }

    /** Remembers the current parts as the ones every file's diagnostics reflect. */
    settle(): void {
        this.settledParts = this.parts();
    }
}

/** What a file declares and what it reads of other files' declarations, as keys. */
interface FactKeys {
    declared: Set<string>;
    used: Set<string>;
}

/** The keys of a file's facts (see DocumentFacts.keys). */
function factKeys(facts: DocumentFacts, model: Model): FactKeys {
    const declared = new Set<string>();
    const used = new Set<string>();
    const add = (prefix: string, map: MultiMap<string | number, unknown>) => {
        for (const key of map.keys()) declared.add(`${prefix}${key}`);
    };
    add('number:', facts.indicatorsByNumber);
    add('name:', facts.indicatorsByName);
    add('question:', facts.questionsById);
    add('variable:', facts.variables);
    add('declaration:', facts.declarations);
    add('year:', facts.surveysByYear);
    for (const [year, name] of facts.indicatorNamesByYear.entries()) declared.add(`earlier:${year}#${name}`);
    // What the file uses is keyed as the declaration it uses, so that the declaring file's "unused" checks follow.
    for (const answerSet of facts.usedAnswerSets) used.add(`declaration:${surveyKeyOf(answerSet)}#AnswerSet#${answerSet.name}`);
    for (const question of facts.usedQuestions) used.add(`question:${surveyKeyOf(question)}#${question.name}`);
    for (const term of facts.usedTerms) used.add(`declaration:${surveyKeyOf(term)}#Term#${term.name}`);
    // Earlier names are checked against the named year's survey and indicator names.
    for (const element of model.elements) {
        if (element.$type !== 'Indicator' || !element.earlier) continue;
        used.add(`year:${element.earlier.year}`);
        used.add(`earlier:${element.earlier.year}#${element.earlier.name}`);
    }
    return { declared, used };
}

/**
 * The checks above read the whole workspace, so an edit in one file can add or remove a diagnostic
 * in another that does not refer to it (two files of a survey with the same indicator number).
 * Langium re-validates only the changed files and those referring to them; after that, this
 * builder re-validates (without parsing or linking again) the other files that share a changed
 * fact with them: a number, name, id, variable or declaration that appeared or disappeared, a use
 * of a declaration, an earlier name. Typing in a description changes no fact and re-validates
 * nothing else; a check reading a new kind of fact must add its keys in factKeys.
 *
 * On an update from the editor, the documents being edited are built first, to the end, and
 * their diagnostics published, before the documents that are only relinked: while typing faster
 * than the workspace rebuilds, each new keystroke cancels the rest but never the edited file's
 * own build (the next one waits for it and takes the newest text), so its diagnostics keep coming. A changed file with neither an editor text nor a
 * file on disk (an editor-only document just closed) is removed from the workspace instead.
 */
export class OjDocumentBuilder extends DefaultDocumentBuilder {
    /** The documents of the current update that the editor is editing, taken by the next buildDocuments. */
    protected editedFirst: Set<string> | undefined;
    /** While the edited documents are built alone, workspace-wide waiters are not told a phase is done. */
    protected quietBuildPhases = false;

    override async build<T extends AstNode>(
        documents: Array<LangiumDocument<T>>,
        options?: BuildOptions,
        cancelToken = Cancellation.CancellationToken.None,
    ): Promise<void> {
        await super.build(documents, options, cancelToken);
        if (options?.validation) await this.revalidateSharedFacts(new Set(documents.map((d) => d.uri.toString())), cancelToken);
    }

    /** Changes of updates that were replaced before they started, for the update that replaced them. */
    protected readonly pendingChanged = new Map<string, URI>();
    protected readonly pendingDeleted = new Map<string, URI>();

    override async update(changed: URI[], deleted: URI[], cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        // Typing queues an update per keystroke, each replacing the one before. One replaced before it
        // started would still look through every reference of the workspace (for files to relink)
        // before noticing: its changes are handed to the update that replaced it instead.
        if (cancelToken.isCancellationRequested) {
            for (const uri of changed) this.pendingChanged.set(uri.toString(), uri);
            for (const uri of deleted) this.pendingDeleted.set(uri.toString(), uri);
            return;
        }
        changed = [...new Map([...this.pendingChanged, ...changed.map((uri) => [uri.toString(), uri] as const)]).values()];
        deleted = [...new Map([...this.pendingDeleted, ...deleted.map((uri) => [uri.toString(), uri] as const)]).values()];
        this.pendingChanged.clear();
        this.pendingDeleted.clear();
        const present: URI[] = [];
        const removed = [...deleted];
        for (const uri of changed) {
            if (this.textDocuments?.get(uri.toString()) || (await existsOnDisk(this.fileSystemProvider, uri))) present.push(uri);
            else if (this.langiumDocuments.hasDocument(uri)) removed.push(uri);
        }
        const validated = new Set<string>();
        const listener = this.onDocumentPhase(DocumentState.Validated, (document) => {
            validated.add(document.uri.toString());
        });
        this.editedFirst = new Set(present.filter((uri) => this.textDocuments?.get(uri.toString())).map((uri) => uri.toString()));
        try {
            await super.update(present, removed, cancelToken);
        } finally {
            this.editedFirst = undefined;
            listener.dispose();
        }
        await this.revalidateSharedFacts(validated, cancelToken);
    }

    protected override async buildDocuments(
        documents: LangiumDocument[],
        options: BuildOptions,
        cancelToken: Cancellation.CancellationToken,
    ): Promise<void> {
        const edited = this.editedFirst;
        this.editedFirst = undefined;
        const first = edited && edited.size > 0 ? documents.filter((d) => edited.has(d.uri.toString())) : [];
        const rest = documents.filter((d) => !first.includes(d));
        // The edited documents link against the others' exported names: only when all of those are indexed.
        if (first.length === 0 || rest.some((d) => d.state < DocumentState.IndexedContent)) {
            return super.buildDocuments(documents, options, cancelToken);
        }
        const guarded = this.guardAgainstSilence(first, cancelToken);
        try {
            if (rest.length === 0) return await super.buildDocuments(first, options, guarded.token);
            this.quietBuildPhases = true;
            try {
                await super.buildDocuments(first, options, guarded.token);
            } finally {
                this.quietBuildPhases = false;
            }
        } finally {
            guarded.dispose();
        }
        // The other documents are not built yet: requests on them wait for their own phases.
        this.currentState = DocumentState.Changed;
        await super.buildDocuments(rest, options, cancelToken);
        // Relinking the others may change what the edited files' checks read (which declarations are used).
        for (const document of first) this.resetToState(document, DocumentState.IndexedReferences);
        await super.buildDocuments(first, options, cancelToken);
    }

    /**
     * A token for building the edited documents that the next keystroke does not cancel: while
     * typing faster than the file rebuilds, cancelling would discard every build until the typing
     * pauses. The token is never cancelled but is not CancellationToken.None, so the build still
     * yields to read the messages arriving meanwhile: when it ends, only the newest keystroke's
     * update is left (the lock cancels the ones it replaces), and the next build takes the newest text.
     */
    protected guardAgainstSilence(
        _edited: LangiumDocument[],
        cancelToken: Cancellation.CancellationToken,
    ): { token: Cancellation.CancellationToken; dispose(): void } {
        if (cancelToken === Cancellation.CancellationToken.None) return { token: cancelToken, dispose() {} };
        const source = new Cancellation.CancellationTokenSource();
        return { token: source.token, dispose: () => source.dispose() };
    }

    protected override async notifyBuildPhase(
        documents: LangiumDocument[],
        state: DocumentState,
        cancelToken: Cancellation.CancellationToken,
    ): Promise<void> {
        if (this.quietBuildPhases) return;
        return super.notifyBuildPhase(documents, state, cancelToken);
    }

    protected async revalidateSharedFacts(validated: Set<string>, cancelToken: Cancellation.CancellationToken): Promise<void> {
        for (const services of this.serviceRegistry.all) {
            const index = (services as Partial<OjServices>).workspace?.OjWorkspaceIndex;
            if (!index) continue;
            const documents = index.filesToRevalidate(validated).flatMap((uri) => {
                const document = this.langiumDocuments.getDocument(URI.parse(uri));
                return document && document.state === DocumentState.Validated ? [document] : [];
            });
            if (documents.length > 0) {
                for (const document of documents) this.resetToState(document, DocumentState.IndexedReferences);
                await this.buildDocuments(documents, this.updateBuildOptions, cancelToken);
            }
            // Only once every file reflects the current facts; a cancelled build leaves them to the next update.
            index.settle();
        }
    }
}

/** The shared services the language replaces; injected after the generated shared module. */
export const OjSharedModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    workspace: {
        DocumentBuilder: (services) => new OjDocumentBuilder(services),
        LangiumDocumentFactory: (services) => new OjLangiumDocumentFactory(services),
        WorkspaceManager: (services) => new OjWorkspaceManager(services),
    },
    lsp: {
        DocumentUpdateHandler: (services) => new OjDocumentUpdateHandler(services),
    },
};
