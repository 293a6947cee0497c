/**
 * Guards the parsers against nesting no methodologist writes but a broken file can contain
 * (hundreds of "(" or "inte" on one line): Chevrotain's recursive descent would overflow the stack
 * and leave the shared parser in a broken state for every later document. Such a line is blanked
 * (offsets kept) before parsing, so the rule it held is reported as missing or incomplete instead.
 */
import { createCompletionParser, createLangiumParser, type LangiumCoreServices } from 'langium';

/** Deeper than this on one line is treated as damage, not as a rule. */
export const MAX_LINE_NESTING = 100;

function tooDeep(line: string): boolean {
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

export function createGuardedParser(services: LangiumCoreServices) {
    const parser = createLangiumParser(services);
    const parse = parser.parse.bind(parser);
    parser.parse = ((input: string, options?: object) => parse(blankDeepNesting(input), options)) as typeof parser.parse;
    return parser;
}

export function createGuardedCompletionParser(services: LangiumCoreServices) {
    const parser = createCompletionParser(services);
    const parse = parser.parse.bind(parser);
    parser.parse = ((input: string) => parse(blankDeepNesting(input))) as typeof parser.parse;
    return parser;
}
