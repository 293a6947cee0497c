/**
 * Completion: references come from the scope provider (so after "fråga ii är" only the options of
 * question ii are offered); this adds what a methodologist needs to choose: the option's label and
 * code, the question's text. Options are usually written before the question they are about
 * ("<Ja> på fråga ii"): there the question is read from the text after the cursor.
 */
import { GrammarAST } from 'langium';
import {
    DefaultCompletionProvider,
    findNextFeatures,
    type CompletionAcceptor,
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
import {
    CompletionItemKind,
    InsertTextFormat,
    type CancellationToken,
    type CompletionList,
    type CompletionParams,
} from 'vscode-languageserver';
import {
    isAnswerCondition,
    isAnswerSet,
    isExampleAnswer,
    isAreaException,
    isAreaExclusion,
    isAtLeastCondition,
    isRequirement,
    type Indicator,
    type Question,
    type ReportingUnit,
    isModel,
    isAnswerOption,
    isArea,
    isGroup,
    isIndicator,
    isIndicatorQuestion,
    isQuestion,
    isQuestionItem,
    QuestionTarget,
} from '../generated/ast.js';
import { optionsOf, questionOf } from '../model/model-utils.js';
import { expandSnippet, OJ_SNIPPETS, type SnippetPlace } from './oj-snippets.js';

/**
 * From the cursor to the numeral of the condition's question: the rest of the option being typed,
 * further options ("eller Nej"), then "på [samtliga|något alternativ av] [fråga] <numeral>".
 */
const QUESTION_AFTER_OPTIONS =
    /^[\p{L}\p{N}_]*(?:\s+eller\s+[\p{L}\p{N}_]+)*\s+på\s+(?:(?:samtliga|något)\s+alternativ\s+av\s+)?(?:fråga\s+)?([\p{L}_][\p{L}\p{N}_]*)/u;

/**
 * From the cursor to the numeral of an "at least" condition's question: the items being typed
 * ("A, B" or "A–D"), then "på fråga <numeral>".
 */
const QUESTION_AFTER_ITEMS = /^[\p{L}\p{N}_]*(?:\s*[,–-]\s*[\p{L}\p{N}_]+)*\s+på\s+fråga\s+([\p{L}_][\p{L}\p{N}_]*)/u;

/** The text before a question's numeral in a count term: "antal på fråga ". */
const COUNT_QUESTION_NEXT = /\bantal\s+på\s+fråga\s+$/u;

/** The end of a line after "för" or after a comma of the list of areas that follows it. */
const AFTER_FOR = /(?:^|\s)för\s+(?:[\p{L}\p{N}_]+\s*,\s*)*$/u;

/** The parts of an indicator that hold a rule or a calculation, as the last of them before the cursor is found. */
const RULE_PARTS = /(?:^|[\s{}])(andel|mått|krävs|utesluts|undantas|exempel)\b/gu;

/** Strings blanked (same length), so that words inside them are not read as keywords. */
const blankStrings = (text: string) => text.replace(/"(?:\\.|[^"\\])*"/g, (s) => `"${' '.repeat(Math.max(0, s.length - 2))}"`);

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
    'mått',
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
        // "question" is a target's and an "at least" condition's, an indicator's question either
        // way: completed as a target's ("antal på fråga |" before the count term is built).
        if (property === 'question' && owners.includes(QuestionTarget.$type)) return QuestionTarget.$type;
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
        // "antal på fråga" begins a count compared with a number and a sum of counts alike; with the
        // input ending there, the parser cannot choose and recovers into a new question. What
        // follows is the question either way.
        if (COUNT_QUESTION_NEXT.test(text.slice(Math.max(0, offset - 40), offset))) {
            const target = this.questionTargetReference();
            if (target) return [target];
        }
        const start = document ? declarationStart(document, text, offset) : undefined;
        if (start === undefined) return super.findFeaturesAt(textDocument, offset);
        const parserResult = this.completionParser.parse(text.slice(start, offset));
        // The declaration's first keyword was read, so the parser is inside it: at least one token.
        const leftoverTokens = parserResult.tokens.slice(parserResult.tokenIndex);
        return findNextFeatures([parserResult.elementStack.map((feature) => ({ feature }))], leftoverTokens);
    }

    /** The cross-reference of "fråga <numeral>" in a question target, as a next feature. */
    protected questionTargetReference(): NextFeature | undefined {
        const rule = this.grammar.rules.find((r) => r.name === 'QuestionTarget');
        const assignment =
            rule && AstUtils.streamAllContents(rule).find((n) => GrammarAST.isAssignment(n) && n.feature === 'question');
        if (!GrammarAST.isAssignment(assignment) || !GrammarAST.isCrossReference(assignment.terminal)) return undefined;
        return { feature: assignment.terminal, type: QuestionTarget.$type, property: 'question' };
    }

    protected override filterKeyword(context: CompletionContext, keyword: GrammarAST.Keyword): boolean {
        if (!super.filterKeyword(context, keyword)) return false;
        // After "för" (or a comma of its list) only areas and groups follow. The completion parser
        // cannot tell "för EB krävs" from "för EB utesluts" before the list ends and offers what
        // could follow the previous part as well.
        const line = context.textDocument.getText().slice(0, context.tokenOffset).split('\n').pop() ?? '';
        if (AFTER_FOR.test(line)) return false;
        if (!LINE_START_KEYWORDS.has(keyword.value)) return true;
        const text = context.textDocument.getText();
        const lineStart = text.lastIndexOf('\n', context.tokenOffset - 1) + 1;
        return text.slice(lineStart, context.tokenOffset).trim() === '';
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor) {
        const done = super.completionFor(context, next, acceptor);
        if (GrammarAST.isKeyword(next.feature)) {
            this.completionForSnippets(context, next.feature, acceptor);
            if (next.feature.value === 'tom') this.completionForBlankRule(context, acceptor);
        } else if (GrammarAST.isCrossReference(next.feature)) {
            const assignment = AstUtils.getContainerOfType(next.feature, GrammarAST.isAssignment);
            const rule = AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule);
            if (assignment?.feature === 'items' && rule?.name === 'AtLeastCondition')
                this.completionForItemRange(context, acceptor);
        }
        return done;
    }

    /** Whether the word being completed is the first of its line: where a declaration or a part may start. */
    protected atLineStart(context: CompletionContext): boolean {
        const text = context.textDocument.getText();
        const lineStart = text.lastIndexOf('\n', context.tokenOffset - 1) + 1;
        return text.slice(lineStart, context.tokenOffset).trim() === '';
    }

    /**
     * The templates whose first keyword the grammar expects here, at the start of a line: the
     * keyword's own rule decides ("fråga" of a question declaration, not the "fråga" of "på fråga").
     */
    protected completionForSnippets(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): void {
        if (!this.clientCapabilities?.completionItem?.snippetSupport || !this.atLineStart(context)) return;
        const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule)?.name;
        const where: SnippetPlace = rule === 'IndicatorQuestion' || rule === 'Example' ? 'indicator' : 'top';
        for (const snippet of OJ_SNIPPETS) {
            if (snippet.keyword !== keyword.value || snippet.rule !== rule || snippet.where !== where) continue;
            acceptor(context, {
                label: snippet.label,
                kind: CompletionItemKind.Snippet,
                detail: `Mall: ${snippet.title}`,
                documentation: {
                    kind: 'markdown',
                    value: `${snippet.description}\n\n\`\`\`oj\n${expandSnippet(snippet.body)}\n\`\`\``,
                },
                insertText: snippet.body,
                insertTextFormat: InsertTextFormat.Snippet,
                // After the keyword of the same name, so that Enter on the keyword stays a keyword.
                sortText: `2${snippet.label}`,
            });
        }
    }

    /**
     * "tom ruta räknas som EjVald när någon ruta är ikryssad" is one phrase: offered whole, with the
     * answer set's options to choose from, where the answer set may say it.
     */
    protected completionForBlankRule(context: CompletionContext, acceptor: CompletionAcceptor): void {
        const answerSet = context.node && AstUtils.getContainerOfType(context.node, isAnswerSet);
        const names = answerSet?.options.map((o) => o.name).filter((name) => /^[\p{L}\p{N}_]+$/u.test(name)) ?? [];
        const choice = names.length > 0 ? `\${1|${names.join(',')}|}` : '${1:EjVald}';
        const snippets = this.clientCapabilities?.completionItem?.snippetSupport === true;
        acceptor(context, {
            label: 'tom ruta räknas som … när någon ruta är ikryssad',
            filterText: 'tom ruta räknas som',
            kind: CompletionItemKind.Keyword,
            detail: 'Kryssrutor: en tom ruta bredvid en ikryssad',
            documentation: {
                kind: 'markdown',
                value: 'Många exporter lämnar en ruta som inte kryssats i tom. Inom en fråga räknas en tom ruta då som det angivna svaret när någon annan ruta är ikryssad; är alla rutor tomma är frågan obesvarad.',
            },
            insertText: snippets ? `tom ruta räknas som ${choice} när någon ruta är ikryssad` : 'tom ruta räknas som',
            insertTextFormat: snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
            sortText: '1tom',
        });
    }

    /** After "minst två av alternativen": besides each item, the range of all the question's items ("A–D"). */
    protected completionForItemRange(context: CompletionContext, acceptor: CompletionAcceptor): void {
        const text = context.textDocument.getText();
        if (!/\balternativen\s*$/u.test(text.slice(Math.max(0, context.tokenOffset - 40), context.tokenOffset))) return;
        for (const question of this.atLeastQuestions(context)) {
            const items = question.items;
            if (items.length < 2) continue;
            const first = items[0].name;
            const last = items[items.length - 1].name;
            acceptor(context, {
                label: `${first}–${last}`,
                kind: CompletionItemKind.EnumMember,
                detail: `alternativ ${first} till ${last}`,
                sortText: `0${first}~`,
            });
        }
    }

    /** The questions an "at least" condition can count over: the one named after the cursor, else every one with items. */
    protected atLeastQuestions(context: CompletionContext) {
        const indicator = context.node && AstUtils.getContainerOfType(context.node, isIndicator);
        if (!indicator) return [];
        const numeral = QUESTION_AFTER_ITEMS.exec(context.textDocument.getText().slice(context.offset))?.[1];
        const slots = numeral ? indicator.questions.filter((q) => q.name === numeral) : indicator.questions;
        const questions = new Set<Question>();
        for (const slot of slots) {
            const question = questionOf(slot);
            if (question && question.items.length > 0) questions.add(question);
        }
        return [...questions];
    }

    /**
     * Whether the question being completed is one of counts: after "antal på fråga", and in a share
     * ("andel:") or a background measure ("mått:"), which only counts can be.
     */
    protected inCountContext(context: CompletionContext): boolean {
        const text = context.textDocument.getText();
        // From the start of a line, so that the strings are blanked whole.
        const from = context.tokenOffset - 4000;
        const lineStart = from <= 0 ? 0 : text.indexOf('\n', from);
        const before = blankStrings(
            text.slice(lineStart < 0 || lineStart >= context.tokenOffset ? from : lineStart, context.tokenOffset),
        );
        if (/\bantal\s+på\s+fråga\s*$/u.test(before)) return true;
        const parts = [...before.matchAll(RULE_PARTS)];
        const part = parts[parts.length - 1]?.[1];
        return part === 'andel' || part === 'mått';
    }

    /** The areas and groups an indicator is measured or reported in, with its areas' groups. */
    protected unitsOf(indicator: Indicator): Set<ReportingUnit> {
        const units = new Set<ReportingUnit>();
        for (const area of indicator.areas) {
            if (!area.ref) continue;
            units.add(area.ref);
            for (const group of area.ref.groups) units.add(group);
        }
        for (const unit of indicator.groups) if (unit.ref) units.add(unit.ref);
        return units;
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
        if (isAtLeastCondition(refInfo.container) && (refInfo.property === 'items' || refInfo.property === 'last')) {
            // The question follows the items: read it from the text after the cursor.
            const questions = this.atLeastQuestions(context);
            if (questions.length > 0)
                return stream(questions.flatMap((q) => q.items)).map((item) =>
                    this.descriptions.createDescription(item, item.name),
                );
        }
        const candidates = super.getReferenceCandidates(refInfo, context);
        if (refInfo.property === 'question' && this.inCountContext(context)) {
            // Only counts can be counted, summed or divided.
            return candidates.filter((d) => {
                const node = d.node;
                return !isIndicatorQuestion(node) || questionOf(node)?.numeric === true;
            });
        }
        if (
            refInfo.property === 'units' &&
            (isRequirement(refInfo.container) || isAreaExclusion(refInfo.container) || isAreaException(refInfo.container))
        ) {
            // "för … krävs/utesluts/undantas": only where the indicator is measured or reported.
            const indicator = AstUtils.getContainerOfType(refInfo.container, isIndicator);
            const units = indicator ? this.unitsOf(indicator) : new Set<ReportingUnit>();
            if (units.size > 0) return candidates.filter((d) => units.has(d.node as ReportingUnit));
        }
        if (refInfo.property === 'unit' && isExampleAnswer(refInfo.container)) {
            // "fråga i för BU = …": an area the question is asked for.
            const asked = new Set<AstNode | undefined>(
                questionOf(refInfo.container.target?.question?.ref)?.units.map((u) => u.ref) ?? [],
            );
            if (asked.size > 0) return candidates.filter((d) => asked.has(d.node));
        }
        return candidates;
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
