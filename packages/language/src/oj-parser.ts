/**
 * Guards the parsers against nesting no methodologist writes but a broken file can contain
 * (hundreds of "(" or "inte" on one line): Chevrotain's recursive descent would overflow the stack
 * and leave the shared parser in a broken state for every later document. Such a line is blanked
 * (offsets kept) before parsing, so the rule it held is reported as missing or incomplete instead.
 */
import { createCompletionParser, createLangiumParser, type LangiumCoreServices } from 'langium';

/** Deeper than this on one line is treated as damage, not as a rule. */
export const MAX_LINE_NESTING = 100;

export function tooDeep(line: string): boolean {
    if (line.length < MAX_LINE_NESTING) return false;
    let depth = 0;
    let max = 0;
    for (const char of line) {
        if (char === '(' || char === '{') max = Math.max(max, ++depth);
        else if (char === ')' || char === '}') depth--;
    }
    if (max > MAX_LINE_NESTING) return true;
    return (line.match(/\binte\b/g)?.length ?? 0) > MAX_LINE_NESTING;
}

export function blankDeepNesting(text: string): string {
    if (text.length < MAX_LINE_NESTING) return text;
    let changed = false;
    const lines = text.split(/(\r?\n)/).map(part => {
        if (part === '\n' || part === '\r\n' || !tooDeep(part)) return part;
        changed = true;
        return ' '.repeat(part.length);
    });
    return changed ? lines.join('') : text;
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

interface GrammarPath { ruleStack: string[]; occurrenceStack: number[]; lastTok: { tokenTypeIdx?: number; name: string }; lastTokOccurrence: number }
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
                token: next
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
    parser.parse = ((input: string, options?: object) => withoutStackTraces(() => parse(blankDeepNesting(input), options))) as typeof parser.parse;
    return parser;
}

export function createGuardedCompletionParser(services: LangiumCoreServices) {
    const parser = createCompletionParser(services);
    cacheRecoveryFollows(parser);
    stopAfterTooManyErrors(parser);
    const parse = parser.parse.bind(parser);
    parser.parse = ((input: string) => withoutStackTraces(() => parse(blankDeepNesting(input)))) as typeof parser.parse;
    return parser;
}
