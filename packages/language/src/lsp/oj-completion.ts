/**
 * Completion: references come from the scope provider (so after "fråga ii är" only the options of
 * question ii are offered); this adds what a methodologist needs to choose: the option's label and
 * code, the question's text. Options are usually written before the question they are about
 * ("<Ja> på fråga ii"): there the question is read from the text after the cursor.
 */
import type { GrammarAST } from 'langium';
import {
    DefaultCompletionProvider,
    findNextFeatures,
    type CompletionContext,
    type CompletionValueItem,
    type LangiumServices,
    type NextFeature,
} from 'langium/lsp';
import {
    AstUtils,
    stream,
    type AstNode,
    type AstNodeDescription,
    type AstNodeDescriptionProvider,
    type LangiumDocument,
    type ReferenceInfo,
    type Stream,
    type TextDocument,
} from 'langium';
import type { CancellationToken, CompletionList, CompletionParams } from 'vscode-languageserver';
import {
    isAnswerCondition,
    isModel,
    isAnswerOption,
    isArea,
    isGroup,
    isIndicator,
    isIndicatorQuestion,
    isQuestion,
    isQuestionItem,
} from '../generated/ast.js';
import { optionsOf, questionOf } from '../model/model-utils.js';

/**
 * From the cursor to the numeral of the condition's question: the rest of the option being typed,
 * further options ("eller Nej"), then "på [samtliga|något alternativ av] [fråga] <numeral>".
 */
const QUESTION_AFTER_OPTIONS =
    /^[\p{L}\p{N}_]*(?:\s+eller\s+[\p{L}\p{N}_]+)*\s+på\s+(?:(?:samtliga|något)\s+alternativ\s+av\s+)?(?:fråga\s+)?([\p{L}_][\p{L}\p{N}_]*)/u;

/**
 * Keywords that begin a part of an indicator or a declaration. They are written at the start of a
 * line: offered only there, so that after "på fråga ii " the list holds what continues the rule
 * (items, och, eller, ELLER), not 25 parts of an indicator. Keywords also used inside a line
 * ("fråga", "för", "med", "del", "område") are not among them.
 */
const LINE_START_KEYWORDS = new Set([
    'enkät',
    'tillhör',
    'svarsalternativ',
    'indikator',
    'begrepp',
    'områden',
    'redovisas',
    'tidigare',
    'beskrivning',
    'syfte',
    'kunskapsstöd',
    'lagstiftning',
    'önskad',
    'typ',
    'kvalitetsområde',
    'datakälla',
    'felkällor',
    'målpopulation',
    'nämnare',
    'redovisningsnivåer',
    'kommentar',
    'krävs',
    'utesluts',
    'undantas',
    'andel',
    'exempel',
    'år',
    'mätdatum',
    'variabelmönster',
]);

export class OjCompletionProvider extends DefaultCompletionProvider {
    protected readonly descriptions: AstNodeDescriptionProvider;

    constructor(services: LangiumServices) {
        super(services);
        this.descriptions = services.workspace.AstNodeDescriptionProvider;
    }

    /** The node type declaring a reference property, where exactly one does. */
    protected referenceOwner(property: string): string | undefined {
        const owners = this.astReflection
            .getAllTypes()
            .filter((type) => this.astReflection.getTypeMetaData(type).properties[property]?.referenceType);
        return owners.length === 1 ? owners[0] : undefined;
    }

    /** The parsed document of each text being completed, for {@link findFeaturesAt}. */
    protected readonly parsedDocuments = new WeakMap<TextDocument, LangiumDocument>();

    override async getCompletion(
        document: LangiumDocument,
        params: CompletionParams,
        cancelToken?: CancellationToken,
    ): Promise<CompletionList | undefined> {
        this.parsedDocuments.set(document.textDocument, document);
        return super.getCompletion(document, params, cancelToken);
    }

    /**
     * What may follow depends only on the top-level declaration the cursor is in, so the completion
     * parser reads from that declaration's start, not from the start of the file: in a long file,
     * or a badly broken one, re-parsing everything before the cursor (up to three times per
     * request) was nearly all of the time a completion took.
     */
    protected override findFeaturesAt(textDocument: TextDocument, offset: number): NextFeature[] {
        const document = this.parsedDocuments.get(textDocument);
        const text = textDocument.getText();
        const start = document ? declarationStart(document, text, offset) : undefined;
        if (start === undefined) return super.findFeaturesAt(textDocument, offset);
        const parserResult = this.completionParser.parse(text.slice(start, offset));
        // The declaration's first keyword was read, so the parser is inside it: at least one token.
        const leftoverTokens = parserResult.tokens.slice(parserResult.tokenIndex);
        return findNextFeatures([parserResult.elementStack.map((feature) => ({ feature }))], leftoverTokens);
    }

    protected override filterKeyword(context: CompletionContext, keyword: GrammarAST.Keyword): boolean {
        if (!super.filterKeyword(context, keyword)) return false;
        if (!LINE_START_KEYWORDS.has(keyword.value)) return true;
        const text = context.textDocument.getText();
        const lineStart = text.lastIndexOf('\n', context.tokenOffset - 1) + 1;
        return text.slice(lineStart, context.tokenOffset).trim() === '';
    }

    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext): Stream<AstNodeDescription> {
        // A part written twice ("undantas:" on two lines) keeps only the last: the node before the
        // cursor can be the first, which belongs to no document and has no scope.
        if (!AstUtils.findRootNode(refInfo.container).$document) return stream([]);
        if (!this.astReflection.getTypeMetaData(refInfo.container.$type).properties[refInfo.property]?.referenceType) {
            // In a broken text the node before the cursor can be an ancestor of the reference's
            // container that was never built ("tillhör |" before a term, the items of an example
            // answer's target): complete as in a container of the one type that has the reference.
            const owner = this.referenceOwner(refInfo.property);
            if (!owner) return stream([]);
            const container = { $type: owner, $container: refInfo.container } as AstNode;
            return this.getReferenceCandidates({ ...refInfo, container }, context);
        }
        if (refInfo.property === 'options' && isAnswerCondition(refInfo.container) && !refInfo.container.target?.question?.ref) {
            const numeral = QUESTION_AFTER_OPTIONS.exec(context.textDocument.getText().slice(context.offset))?.[1];
            const indicator = context.node && AstUtils.getContainerOfType(context.node, isIndicator);
            const slot = numeral ? indicator?.questions.find((q) => q.name === numeral) : undefined;
            if (slot)
                return stream(optionsOf(questionOf(slot))).map((option) =>
                    this.descriptions.createDescription(option, option.name),
                );
        }
        return super.getReferenceCandidates(refInfo, context);
    }

    protected override createReferenceCompletionItem(
        description: AstNodeDescription,
        refInfo: ReferenceInfo,
        context: CompletionContext,
    ): CompletionValueItem {
        const item = super.createReferenceCompletionItem(description, refInfo, context);
        const node = description.node;
        if (isAnswerOption(node))
            return { ...item, detail: `${node.code} – ${node.label}`, sortText: String(node.code).padStart(4, '0') };
        if (isIndicatorQuestion(node)) return { ...item, detail: questionOf(node)?.text };
        if (isQuestion(node)) return { ...item, detail: node.text };
        if (isQuestionItem(node)) return { ...item, detail: node.text };
        if (isArea(node) || isGroup(node)) return { ...item, detail: node.label };
        return item;
    }
}

/**
 * The offset of the top-level declaration (answer set, area, question, indicator, term) that starts
 * before `offset`, when the parsed document still matches the text there; otherwise undefined.
 */
function declarationStart(document: LangiumDocument, text: string, offset: number): number | undefined {
    const model = document.parseResult.value;
    if (!isModel(model)) return undefined;
    let found: { offset: number; text: string } | undefined;
    for (const element of model.elements) {
        const cst = element.$cstNode;
        if (!cst || cst.length === 0) continue;
        if (cst.offset >= offset) break;
        found = { offset: cst.offset, text: cst.text.slice(0, 32) };
    }
    // A text newer than the parse would put the start in the wrong place.
    return found && found.offset > 0 && text.startsWith(found.text, found.offset) ? found.offset : undefined;
}
