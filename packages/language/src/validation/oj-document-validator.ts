/**
 * Turns unresolved references into messages a methodologist understands, each with its own code
 * (unknown-option, unknown-area, …) so that quick fixes can offer the right repair; and says in
 * Swedish what the parser and lexer report in English.
 */
import {
    type AstNode,
    type AstReflection,
    AstUtils,
    DefaultDocumentValidator,
    DocumentValidator,
    interruptAndCheck,
    type LangiumCoreServices,
    type LangiumDocument,
    type ParseResult,
    type ValidationAcceptor,
    type ValidationCheck,
    type ValidationOptions,
} from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import type { Diagnostic } from 'vscode-languageserver-types';
import {
    type Group,
    type Model,
    isAnswerCondition,
    isArea,
    isAtLeastCondition,
    isExampleAnswer,
    isQuestionTarget,
} from '../generated/ast.js';
import { IssueCodes } from './oj-validator.js';
import { indicatorOf, optionsOf, questionOf } from '../model/model-utils.js';
import { joinSwedish } from '../semantics/rule-text.js';
import {
    closestNames,
    damagedRegions,
    didYouMean,
    isAboutRecoveredSlot,
    isRecoveredSlot,
    statementStart,
    syntaxHint,
    type UnitName,
} from './message-hints.js';
import { surveyKeyOf } from '../workspace/oj-workspace-index.js';
import { MAX_LINE_NESTING, MAX_SYNTAX_ERRORS, tooDeep } from '../parser/oj-parser.js';
import { surveyKeyOfModel } from '../scoping/oj-scope.js';
import type { IndexManager, ScopeProvider } from 'langium';

/**
 * What a reference names, by the type it must resolve to, with the negation that agrees with it
 * ("det finns ingen enkät", "inget begrepp", "inga svarsalternativ").
 */
const TARGET_WORDS: Record<string, string> = {
    AnswerOption: 'inget svarsalternativ',
    AnswerSet: 'inga svarsalternativ',
    ReportingUnit: 'inget område eller någon grupp',
    Area: 'inget område',
    IndicatorQuestion: 'ingen fråga',
    Question: 'ingen fråga',
    QuestionItem: 'inget alternativ',
    Term: 'inget begrepp',
    Survey: 'ingen enkät',
    SurveyPart: 'ingen enkätdel',
    Stratification: 'ingen indelning',
    Register: 'inget register',
    Column: 'ingen kolumn',
    RegisterStratifier: 'ingen kolumn eller indelning',
};

/** " (bara fråga i)", " (frågorna är i och ii)", or nothing when there are none. */
function listed(names: string[], singular: string, plural: string): string {
    if (names.length === 0) return '';
    return names.length === 1 ? ` (bara ${singular} ${names[0]})` : ` (${plural} är ${joinSwedish(names)})`;
}

/** A token type the parser expected, as a reader would name it. */
function expectedText(type: string): string {
    switch (type) {
        case 'ID':
            return 'ett namn';
        case 'STRING':
            return 'en text inom citattecken';
        case 'INT':
            return 'ett heltal';
        case 'DECIMAL':
            return 'ett decimaltal';
        case 'EOF':
            return 'filens slut';
        default:
            return `"${type}"`;
    }
}

/** The token the parser found instead. */
function foundText(image: string): string {
    if (image === '') return 'filens slut';
    // A token can be a 1 MB text: quote its start.
    const shown = [...image].length > 80 ? `${[...image].slice(0, 80).join('')}…` : image;
    return image.startsWith('"') ? `texten ${shown}` : `"${shown}"`;
}

/**
 * The parser's (Chevrotain's, through Langium's) English message in Swedish. Its wording is the
 * only place the expected tokens are given, so it is read back; an unknown shape is kept as it is.
 */
export function swedishParserMessage(message: string): string {
    const endOfFile = /^Expecting (?:end of file|token of type 'EOF') but found `(.*)`\.$/s.exec(message);
    if (endOfFile)
        return `Här väntades en ny deklaration (enkät, svarsalternativ, område, fråga, begrepp eller indikator) eller filens slut, men det står ${foundText(endOfFile[1])}.`;
    const mismatch = /^Expecting token of type '(.*)' but found `(.*)`\.$/s.exec(message);
    if (mismatch) return `Här väntades ${expectedText(mismatch[1])}, men det står ${foundText(mismatch[2])}.`;
    const alternatives =
        /^Expecting: (?:at least one iteration which starts with )?one of these possible Token sequences:+\n([\s\S]*)\nbut found: '(.*)'$/.exec(
            message,
        );
    if (alternatives) {
        const sequences = [...alternatives[1].matchAll(/\[(.*)\]/g)].map((m) => m[1].split(', ').map(expectedText).join(' '));
        return `Här väntades ${joinSwedish([...new Set(sequences)], 'eller')}, men det står ${foundText(alternatives[2])}.`;
    }
    return message;
}

export function swedishLexerMessage(message: string): string {
    const unexpected = /^unexpected character: ->(.)<- at offset: \d+, skipped \d+ characters\.$/s.exec(message);
    if (!unexpected) return message;
    return unexpected[1] === '"'
        ? 'Texten som börjar här avslutas aldrig med ett citattecken.'
        : `Tecknet "${unexpected[1]}" kan inte användas här.`;
}

/** Diagnostics of the parser and lexer themselves, which stay where the parser had to recover. */
const SYNTAX_CODES = new Set<string>([
    DocumentValidator.ParsingError,
    DocumentValidator.LexingError,
    IssueCodes.QuestionNumberedWithDigits,
    IssueCodes.ItemsJoinedWithAnd,
    IssueCodes.UnitNamedByLabel,
    IssueCodes.CodesThenCondition,
]);

/** Codes of what this validator reports about the text itself. */
export const DocumentIssueCodes = {
    /** A line nested too deep to be parsed; it was skipped. */
    NestedTooDeep: 'nested-too-deep',
} as const;

/** Names quoted in messages are cut to this many characters: a broken file can hold a name of a megabyte. */
export const MAX_QUOTED_NAME = 60;

export function quotedName(name: string): string {
    return name.length <= MAX_QUOTED_NAME ? name : `${name.slice(0, MAX_QUOTED_NAME - 1)}…`;
}

export class OjDocumentValidator extends DefaultDocumentValidator {
    protected readonly reflection: AstReflection;
    protected readonly scopes: ScopeProvider;
    protected readonly index: IndexManager;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.reflection = services.shared.AstReflection;
        this.scopes = services.references.ScopeProvider;
        this.index = services.shared.workspace.IndexManager;
    }

    /**
     * Where the parser recovered from an error, only the syntax error is reported: the rest of that
     * statement was rebuilt by guesswork (a stray "fråga ii" becomes a second question ii, a word
     * after an item becomes an item), and messages about it would be about text nobody wrote.
     */
    override async validateDocument(
        document: LangiumDocument,
        options: ValidationOptions = {},
        cancelToken = CancellationToken.None,
    ): Promise<Diagnostic[]> {
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        // The parser saw the text with such lines blanked: they are found in the document's own text.
        if (options.categories === undefined || options.categories.includes('built-in'))
            this.processDeepNesting(document.textDocument.getText(), diagnostics);
        if (document.parseResult.parserErrors.length === 0) return diagnostics;
        const regions = damagedRegions(document);
        const text = document.textDocument;
        return diagnostics.filter((d) => {
            const code = (d.data as { code?: string } | undefined)?.code;
            if (code && SYNTAX_CODES.has(code)) return true;
            const offset = text.offsetAt(d.range.start);
            return !regions.some(([start, end]) => start <= offset && offset <= end);
        });
    }

    /**
     * Langium's walk over every node, except that it looks for cancellation every few hundred nodes
     * instead of awaiting a check at each, awaits a check only when it returns a promise, and looks
     * up the checks of a node type once per file: with half a million nodes in a workspace those
     * awaits and lookups were a tenth of a cold build. (Langium's profiler gets Langium's walk.)
     */
    protected override async validateAstNodes(
        rootNode: AstNode,
        options: ValidationOptions,
        acceptor: ValidationAcceptor,
        cancelToken = CancellationToken.None,
    ): Promise<void> {
        if (this.profiler?.isActive('validating')) return super.validateAstNodes(rootNode, options, acceptor, cancelToken);
        const checksOf = new Map<string, ValidationCheck[]>();
        const nodes = AstUtils.streamAst(rootNode).iterator();
        let visited = 0;
        for (let next = nodes.next(); !next.done; next = nodes.next()) {
            const node = next.value;
            if (++visited % 256 === 0) await interruptAndCheck(cancelToken);
            const nodeOptions = this.validateSingleNodeOptions(node, options);
            if (nodeOptions.validateNode) {
                let checks = checksOf.get(node.$type);
                if (!checks) {
                    checks = this.validationRegistry.getChecks(node.$type, options.categories).toArray();
                    checksOf.set(node.$type, checks);
                }
                for (const check of checks) {
                    const result = check(node, acceptor, cancelToken);
                    if (result instanceof Promise) await result;
                }
            }
            if (!nodeOptions.validateChildren) nodes.prune();
        }
    }

    /**
     * A line nested deeper than the parser reads is blanked before parsing (oj-parser.ts); say so on
     * that line, so that the rule it held is not silently missing.
     */
    protected processDeepNesting(text: string, diagnostics: Diagnostic[]): void {
        if (text.length < MAX_LINE_NESTING) return;
        const lines = text.split(/\r?\n/);
        lines.forEach((line, index) => {
            if (!tooDeep(line)) return;
            diagnostics.push({
                severity: 1,
                source: 'oj',
                code: DocumentIssueCodes.NestedTooDeep,
                message: `Raden är nästlad djupare än ${MAX_LINE_NESTING} nivåer (parenteser, klamrar eller "inte") och lästes inte.`,
                range: { start: { line: index, character: 0 }, end: { line: index, character: Math.min(line.length, 200) } },
                data: { code: DocumentIssueCodes.NestedTooDeep },
            });
        });
    }

    protected override processParsingErrors(
        parseResult: ParseResult,
        diagnostics: Diagnostic[],
        options: ValidationOptions,
    ): void {
        const document = (parseResult.value as { $document?: LangiumDocument }).$document;
        let units: UnitName[] | undefined;
        const unitNames = () => (units ??= document ? this.unitNames(document) : []);
        // After the first error on a line the parser's recovery guesses; its further errors there are
        // about its guesses. (A file past the error limit keeps them all: the limit's message counts them.)
        const cascading = parseResult.parserErrors.length < MAX_SYNTAX_ERRORS;
        const linesWithError = new Set<number>();
        for (const error of parseResult.parserErrors) {
            if (document && isAboutRecoveredSlot(document, error)) continue;
            // By its own line and the line its statement starts on, so that an error the recovery causes on the next line counts too.
            const start = document ? statementStart(document, error) : undefined;
            const lines = [
                error.token.startLine,
                start !== undefined && document ? document.textDocument.positionAt(start).line + 1 : undefined,
            ].filter((line): line is number => line !== undefined && Number.isFinite(line));
            if (cascading && lines.length > 0) {
                if (lines.some((line) => linesWithError.has(line))) continue;
                lines.forEach((line) => linesWithError.add(line));
            }
            const hint = document && syntaxHint(document, error, unitNames);
            if (hint && document) {
                const range = {
                    start: document.textDocument.positionAt(hint.offset),
                    end: document.textDocument.positionAt(hint.end),
                };
                diagnostics.push({
                    severity: 1,
                    range,
                    message: hint.message,
                    source: this.getSource(),
                    code: hint.code,
                    data: { code: hint.code, replacements: [hint.replacement] },
                });
                continue;
            }
            const added: Diagnostic[] = [];
            super.processParsingErrors({ ...parseResult, parserErrors: [error] }, added, options);
            diagnostics.push(
                ...added.map((d) => (typeof d.message === 'string' ? { ...d, message: swedishParserMessage(d.message) } : d)),
            );
        }
    }

    /** The areas and groups of the document's survey, by code and label. */
    protected unitNames(document: LangiumDocument): UnitName[] {
        const key = surveyKeyOfModel(document.parseResult.value as Model);
        return ['Area', 'Group']
            .flatMap((type) => this.index.allElements(type).toArray())
            .flatMap((description) => {
                const node = description.node as Group | undefined;
                // A declaration cut short by a syntax error may have no name or label yet.
                if (
                    !node ||
                    typeof node.name !== 'string' ||
                    typeof node.label !== 'string' ||
                    ![key, ''].includes(surveyKeyOf(node))
                )
                    return [];
                return [{ code: node.name, label: node.label, kind: isArea(node) ? ('område' as const) : ('grupp' as const) }];
            });
    }

    protected override processLexingErrors(
        parseResult: ParseResult,
        diagnostics: Diagnostic[],
        options: ValidationOptions,
    ): void {
        const added: Diagnostic[] = [];
        super.processLexingErrors(parseResult, added, options);
        diagnostics.push(
            ...added.map((d) => (typeof d.message === 'string' ? { ...d, message: swedishLexerMessage(d.message) } : d)),
        );
    }

    protected override processLinkingErrors(
        document: LangiumDocument,
        diagnostics: Diagnostic[],
        _options: ValidationOptions,
    ): void {
        for (const reference of document.references) {
            const error = reference.error;
            if (!error) continue;
            const info = error.info;
            const container = info.container;
            const refText = quotedName(info.reference.$refText);
            const targetType = this.reflection.getReferenceType(info);
            let code: string = IssueCodes.UnknownReference;
            let message = `Det finns ${TARGET_WORDS[targetType] ?? targetType} som heter ${refText}.`;
            const extra: Record<string, unknown> = {};
            // A question whose answer set is not declared has its own error; its options cannot be checked.
            if (targetType === 'AnswerOption' && isAtLeastCondition(container)) {
                const question = questionOf(container.question?.ref);
                if (question?.answerSet && !question.answerSet.ref) continue;
                if (container.question?.ref && !question) continue;
            }
            if (targetType === 'AnswerOption' && (isAnswerCondition(container) || isExampleAnswer(container))) {
                const slot = container.target?.question?.ref;
                const question = questionOf(slot);
                if (question?.answerSet && !question.answerSet.ref) continue;
                // Nor can those of a shared question that is not found.
                if (slot && !question) continue;
            }
            // A numeral the parser's recovery made up is covered by the syntax error before it.
            if (isRecoveredSlot(container)) continue;
            const declared = this.namesInScope(info);
            const suggestions = closestNames(
                refText,
                declared.map((d) => d.name),
                { caseOnly: targetType === 'IndicatorQuestion' },
            );
            if (
                targetType === 'AnswerOption' &&
                (isAnswerCondition(container) || isExampleAnswer(container) || isAtLeastCondition(container))
            ) {
                code = IssueCodes.UnknownOption;
                const slot = isAtLeastCondition(container) ? container.question?.ref : container.target?.question?.ref;
                const question = questionOf(slot);
                const options = optionsOf(question);
                const set = question?.answerSet?.ref;
                message = set
                    ? `${refText} är inget svarsalternativ på fråga ${slot!.name} (${set.name}: ${options.map((o) => o.name).join(', ')}).`
                    : `Det finns inget svarsalternativ som heter ${refText}.`;
                extra.options = options.map((o) => o.name);
            } else if (targetType === 'ReportingUnit' || targetType === 'Area') {
                code = IssueCodes.UnknownArea;
                const areas = declared.filter((d) => d.type === 'Area').map((d) => d.name);
                const groups = declared.filter((d) => d.type === 'Group').map((d) => d.name);
                const known = [
                    ...(areas.length > 0 ? [`${areas.length === 1 ? 'området är' : 'områdena är'} ${joinSwedish(areas)}`] : []),
                    ...(groups.length > 0
                        ? [`${groups.length === 1 ? 'gruppen är' : 'grupperna är'} ${joinSwedish(groups)}`]
                        : []),
                ];
                message = `Det finns ${TARGET_WORDS[targetType]} som heter ${refText}${known.length > 0 ? ` (${known.join('; ')})` : ''}.`;
                extra.declared = [...areas, ...groups];
            } else if (targetType === 'IndicatorQuestion' || targetType === 'Question') {
                code = IssueCodes.UnknownQuestion;
                const indicator = indicatorOf(container);
                const numerals = indicator?.questions.map((q) => q.name) ?? [];
                message =
                    targetType === 'IndicatorQuestion'
                        ? `${indicator ? `Indikator ${indicator.number}` : 'Indikatorn'} har ingen fråga ${refText}${listed(numerals, 'fråga', 'frågorna')}.`
                        : `Det finns ingen fråga med id ${refText}.`;
            } else if (targetType === 'QuestionItem') {
                code = IssueCodes.UnknownItem;
                const slot = isQuestionTarget(container) || isAtLeastCondition(container) ? container.question?.ref : undefined;
                const items = questionOf(slot)?.items.map((i) => i.name) ?? [];
                message = slot
                    ? `Fråga ${slot.name} har inget alternativ ${refText}${listed(items, 'alternativ', 'alternativen')}.`
                    : `Frågan har inget alternativ ${refText}.`;
            }
            message += didYouMean(suggestions);
            if (suggestions.length > 0) extra.replacements = suggestions;
            diagnostics.push(
                this.toDiagnostic('error', message, {
                    node: container,
                    range: reference.$refNode?.range,
                    property: info.property,
                    index: info.index,
                    code,
                    data: {
                        code,
                        linkingError: DocumentValidator.LinkingError,
                        containerType: container.$type,
                        property: info.property,
                        refText,
                        ...extra,
                    },
                } as never),
            );
        }
    }

    /** The names a reference could have used, with their types, in the order the scope gives them; unique by name. */
    protected namesInScope(info: Parameters<ScopeProvider['getScope']>[0]): Array<{ name: string; type: string }> {
        const seen = new Set<string>();
        const names: Array<{ name: string; type: string }> = [];
        for (const description of this.scopes.getScope(info).getAllElements()) {
            if (seen.has(description.name)) continue;
            seen.add(description.name);
            names.push({ name: description.name, type: description.type });
        }
        return names;
    }
}
