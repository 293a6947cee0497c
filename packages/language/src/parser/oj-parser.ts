/**
 * Guards the parsers against nesting no methodologist writes but a broken or generated file can
 * contain (hundreds of "(" or "inte", on one line or over hundreds): Chevrotain's recursive descent
 * would overflow the stack and leave the shared parser in a broken state for every later document.
 * Levels beyond MAX_NESTING are blanked (offsets and lines kept) before parsing, and one error says
 * where; a line of hundreds of "{" is blanked whole. Should a parse still throw, the parser's state
 * is reset, so the next document is parsed on its own.
 */
import { createCompletionParser, createLangiumParser, type LangiumCoreServices, type ParseResult } from 'langium';

/** Deeper than this on one line is treated as damage, not as a rule. */
export const MAX_LINE_NESTING = 100;

/** Parentheses and "inte" nested deeper than this, over any number of lines, are not read. */
export const MAX_NESTING = 100;

export function tooDeep(line: string): boolean {
    if (line.length < MAX_LINE_NESTING) return false;
    let depth = 0;
    let max = 0;
    for (const char of line) {
        if (char === '{') max = Math.max(max, ++depth);
        else if (char === '}') depth--;
    }
    return max > MAX_LINE_NESTING;
}

/** Blanks lines with more than MAX_LINE_NESTING nested braces (no rule nests braces). */
export function blankDeepNesting(text: string): string {
    if (text.length < MAX_LINE_NESTING) return text;
    let changed = false;
    const lines = text.split(/(\r?\n)/).map((part) => {
        if (part === '\n' || part === '\r\n' || !tooDeep(part)) return part;
        changed = true;
        return ' '.repeat(part.length);
    });
    return changed ? lines.join('') : text;
}

export interface NestingGuard {
    text: string;
    /** Where nesting first went beyond MAX_NESTING, and the last level removed (offsets). */
    deep?: { start: number; end: number };
}

/** A character of an ID or a keyword: [\w\u00C0-\u024F], as the ID terminal has it. */
function isWord(code: number): boolean {
    return (
        (code >= 97 && code <= 122) ||
        (code >= 65 && code <= 90) ||
        (code >= 48 && code <= 57) ||
        code === 95 ||
        (code >= 0xc0 && code <= 0x24f)
    );
}

const QUOTE = 34,
    SLASH = 47,
    STAR = 42,
    BACKSLASH = 92,
    OPEN = 40,
    CLOSE = 41,
    LF = 10,
    CR = 13;

/** "inte" as a word of its own at `i`. */
function isInte(input: string, i: number): boolean {
    return (
        input.charCodeAt(i + 1) === 110 &&
        input.charCodeAt(i + 2) === 116 &&
        input.charCodeAt(i + 3) === 101 &&
        !isWord(input.charCodeAt(i - 1)) &&
        !isWord(input.charCodeAt(i + 4))
    );
}

/**
 * The depth a rule's parse recurses to, counted on the tokens (texts and comments skipped): each
 * open "(" is a level, and so is each "inte" in a row before an operand. Every "(" beyond the
 * limit is blanked with its matching ")", every "inte" beyond it on its own; the rest of the rule
 * stays as written, so only the error about the depth is new. One pass over character codes:
 * it runs before every parse.
 */
export function guardNesting(input: string): NestingGuard {
    let candidates = 0;
    for (let i = input.indexOf('('); i >= 0 && candidates <= MAX_NESTING; i = input.indexOf('(', i + 1)) candidates++;
    for (let i = input.indexOf('inte'); i >= 0 && candidates <= MAX_NESTING; i = input.indexOf('inte', i + 1)) candidates++;
    if (candidates <= MAX_NESTING) return { text: input };
    const blank: Array<[number, number]> = [];
    // Open parentheses: the run of "inte" before each (it applies to the parenthesis) and whether it was blanked.
    const open: Array<{ run: number; blanked: boolean }> = [];
    let depth = 0;
    let run = 0;
    let first = -1;
    let last = -1;
    const n = input.length;
    let i = 0;
    while (i < n) {
        const c = input.charCodeAt(i);
        if (c <= 32) {
            i++;
        } else if (c === QUOTE) {
            for (i++; i < n; i++) {
                const d = input.charCodeAt(i);
                if (d === BACKSLASH) i++;
                else if (d === QUOTE) break;
            }
            i++;
            depth -= run;
            run = 0;
        } else if (c === SLASH && input.charCodeAt(i + 1) === SLASH) {
            while (i < n && input.charCodeAt(i) !== LF && input.charCodeAt(i) !== CR) i++;
        } else if (c === SLASH && input.charCodeAt(i + 1) === STAR) {
            const end = input.indexOf('*/', i + 2);
            i = end < 0 ? n : end + 2;
        } else if (c === OPEN) {
            if (depth + 1 > MAX_NESTING) {
                open.push({ run: 0, blanked: true });
                blank.push([i, 1]);
                if (first < 0) first = i;
                last = i;
            } else {
                open.push({ run, blanked: false });
                depth += 1;
                run = 0;
            }
            i++;
        } else if (c === CLOSE) {
            depth -= run;
            const closed = open.pop();
            if (closed?.blanked) blank.push([i, 1]);
            else if (closed) depth -= 1 + closed.run;
            run = 0;
            i++;
        } else if (c === 105 && isInte(input, i)) {
            if (depth + 1 > MAX_NESTING) {
                blank.push([i, 4]);
                if (first < 0) first = i;
                last = i + 3;
            } else {
                depth += 1;
                run += 1;
            }
            i += 4;
        } else {
            // Any other token ends a run of "inte": what follows is its operand. A character that is
            // no word (an operator, a lone "/") is a token of its own.
            depth -= run;
            run = 0;
            const start = i;
            while (i < n && isWord(input.charCodeAt(i))) i++;
            if (i === start) i++;
        }
    }
    if (blank.length === 0) return { text: input };
    const parts: string[] = [];
    let at = 0;
    for (const [start, length] of blank) {
        parts.push(input.slice(at, start), ' '.repeat(length));
        at = start + length;
    }
    parts.push(input.slice(at));
    return { text: parts.join(''), deep: { start: first, end: last } };
}

function lineOf(text: string, offset: number): { line: number; column: number } {
    let line = 1;
    let start = 0;
    for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
        line++;
        start = i + 1;
    }
    return { line, column: offset - start + 1 };
}

/** The error about nesting, as a parser error at its first blanked token. */
function nestingError(text: string, deep: { start: number; end: number }) {
    const from = lineOf(text, deep.start);
    const to = lineOf(text, deep.end);
    const where = from.line === to.line ? `på rad ${from.line}` : `från rad ${from.line} till rad ${to.line}`;
    return {
        name: 'NestingTooDeep',
        message: `Uttrycket är nästlat i mer än ${MAX_NESTING} nivåer (parenteser och "inte"), ${where}; förenkla det. Nivåerna utöver ${MAX_NESTING} läses inte.`,
        token: {
            image: text[deep.start],
            startOffset: deep.start,
            endOffset: deep.start,
            startLine: from.line,
            startColumn: from.column,
            endLine: from.line,
            endColumn: from.column,
            tokenTypeIdx: -1,
            tokenType: { name: 'NESTING', PATTERN: /\(/ },
        },
        resyncedTokens: [],
        context: { ruleStack: [], ruleOccurrenceStack: [] },
    };
}

interface ParserState {
    stack?: unknown[];
    unorderedGroups?: Map<unknown, unknown>;
}

/**
 * Parses with the nesting guard; a parse that still throws resets the parser (its node stack would
 * otherwise hand the next document this one's elements) and is reported as an error of the file.
 */
function guardedParse<T>(parser: ParserState, parse: (text: string) => ParseResult<T>, input: string): ParseResult<T> {
    const guard = guardNesting(blankDeepNesting(input));
    const reset = () => {
        if (Array.isArray(parser.stack)) parser.stack.length = 0;
        parser.unorderedGroups?.clear();
    };
    reset();
    let result: ParseResult<T>;
    try {
        result = withoutStackTraces(() => parse(guard.text));
    } catch (error) {
        reset();
        if (!(error instanceof RangeError)) throw error;
        result = withoutStackTraces(() => parse(''));
        result.parserErrors.push({
            ...nestingError(input, { start: 0, end: 0 }),
            message: `Filen kunde inte läsas (${error.message}); den är för djupt nästlad.`,
        } as never);
        return result;
    }
    if (guard.deep) result.parserErrors.unshift(nestingError(input, guard.deep) as never);
    return result;
}

/**
 * A broken file can hold tens of thousands of misplaced tokens, and Chevrotain's error recovery
 * pays for each: an exception with a stack trace, and a walk of the grammar for the tokens that
 * may follow (to try inserting or deleting one). The stack traces are never read, so none are
 * captured while parsing; the follow sets depend only on the grammar path, so they are cached.
 */
function withoutStackTraces<T>(parse: () => T): T {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
        return parse();
    } finally {
        Error.stackTraceLimit = limit;
    }
}

interface GrammarPath {
    ruleStack: string[];
    occurrenceStack: number[];
    lastTok: { tokenTypeIdx?: number; name: string };
    lastTokOccurrence: number;
}
type FollowWalker = { getNextPossibleTokenTypes(path: GrammarPath): unknown[] };

/** More distinct grammar paths than a grammar of this size has: a bound, not a tuning knob. */
const FOLLOW_CACHE_SIZE = 20_000;

function cacheRecoveryFollows(parser: object): void {
    const wrapper = (parser as { wrapper?: FollowWalker }).wrapper;
    if (!wrapper || typeof wrapper.getNextPossibleTokenTypes !== 'function') return;
    const compute = wrapper.getNextPossibleTokenTypes.bind(wrapper);
    const cache = new Map<string, unknown[]>();
    wrapper.getNextPossibleTokenTypes = (path: GrammarPath) => {
        const key = `${path.ruleStack.join(' ')}|${path.occurrenceStack.join(' ')}|${path.lastTok.tokenTypeIdx ?? path.lastTok.name}|${path.lastTokOccurrence}`;
        let follows = cache.get(key);
        if (!follows) {
            if (cache.size >= FOLLOW_CACHE_SIZE) cache.clear();
            follows = compute(path);
            cache.set(key, follows);
        }
        return follows;
    };
}

/** A file with more syntax errors than this is not being edited but broken: the rest is not parsed. */
export const MAX_SYNTAX_ERRORS = 1000;

interface RecoveringParser {
    _errors: Array<{ message: string; token: unknown }>;
    tokVector: Array<{ startLine?: number }>;
    tokVectorLength: number;
    currIdx: number;
    SAVE_ERROR(error: unknown): unknown;
}

/**
 * Each syntax error costs Chevrotain a recovery attempt (tens of microseconds); a pasted line of
 * 60,000 stray tokens would keep the editor busy for seconds on every keystroke, and nobody reads
 * the thousandth error. At the limit the input ends, as if the file ended there, and one more
 * error says where checking stopped.
 */
function stopAfterTooManyErrors(parser: object): void {
    const wrapper = (parser as { wrapper?: RecoveringParser }).wrapper;
    if (!wrapper || typeof wrapper.SAVE_ERROR !== 'function') return;
    const save = wrapper.SAVE_ERROR.bind(wrapper);
    wrapper.SAVE_ERROR = (error: unknown) => {
        const saved = save(error);
        if (wrapper._errors.length >= MAX_SYNTAX_ERRORS && wrapper.currIdx + 1 < wrapper.tokVectorLength) {
            // Chevrotain pads the token vector (the lexer's own array) with end-of-file sentinels and
            // removes them after the parse: take them off that array and put them after the cut.
            const tokens = wrapper.tokVector;
            const next = tokens[wrapper.currIdx + 1];
            const sentinels = tokens.splice(wrapper.tokVectorLength);
            wrapper.tokVector = tokens.slice(0, wrapper.currIdx + 1).concat(sentinels);
            wrapper.tokVectorLength = wrapper.currIdx + 1;
            wrapper._errors.push({
                message: `Filen har fler än ${String(MAX_SYNTAX_ERRORS).replace(/\B(?=(\d{3})+$)/g, '\u00a0')} syntaxfel; resten av filen${next.startLine ? ` från rad ${next.startLine}` : ''} kontrolleras inte förrän felen ovan är rättade.`,
                token: next,
            });
        }
        return saved;
    };
}

export function createGuardedParser(services: LangiumCoreServices) {
    const parser = createLangiumParser(services);
    cacheRecoveryFollows(parser);
    stopAfterTooManyErrors(parser);
    const parse = parser.parse.bind(parser);
    parser.parse = ((input: string, options?: object) =>
        guardedParse(parser as unknown as ParserState, (text) => parse(text, options), input)) as typeof parser.parse;
    return parser;
}

export function createGuardedCompletionParser(services: LangiumCoreServices) {
    const parser = createCompletionParser(services);
    cacheRecoveryFollows(parser);
    stopAfterTooManyErrors(parser);
    const parse = parser.parse.bind(parser);
    // Completion needs no diagnostics (the document's parse gives them); it resets its own state.
    parser.parse = ((input: string) =>
        withoutStackTraces(() => parse(guardNesting(blankDeepNesting(input)).text))) as typeof parser.parse;
    return parser;
}
