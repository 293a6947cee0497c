/**
 * Langium writes the TextMate grammar's keyword rule for ASCII words: around a keyword that starts
 * or ends with å, ä or ö it puts \B where VS Code's regex engine (Oniguruma, which counts å, ä and ö
 * as letters) needs \b, so "år", "är", "önskad" and "på" were never highlighted. This rewrites that
 * rule as one list of keywords between word boundaries, and adds a rule for question references
 * ("fråga ii A, B"). Run by `npm run langium:generate`; the test
 * of generated files applies it too.
 *   node packages/language/scripts/textmate.mjs syntaxes/oj.tmLanguage.json
 */
import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';

/** The keywords of a rule Langium generated: the words of its alternations. */
function keywordsOf(match) {
    const words = new Set();
    for (const group of match.matchAll(/\(([^()]*)\)/g)) {
        for (const word of group[1].split('|')) if (word) words.add(word);
    }
    return [...words];
}

/** The grammar with its keyword rule matching every keyword as a whole word, longest first. */
export function fixKeywordBoundaries(grammar) {
    const patterns = grammar.patterns.map((pattern) => {
        if (typeof pattern.name !== 'string' || !pattern.name.startsWith('keyword.') || typeof pattern.match !== 'string')
            return pattern;
        const keywords = keywordsOf(pattern.match).sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
        return { ...pattern, match: `\\b(${keywords.join('|')})\\b` };
    });
    return { ...grammar, patterns };
}

/**
 * A question reference, "fråga ii" with its items ("fråga ii A, B"), gets scopes of its own before
 * the keywords are matched: the numeral and the items are coloured as the semantic token type
 * `question` is (as a function), not as plain text; "fråga" stays a keyword. Semantic tokens (the
 * language server's) refine it; this is what a client without them, or before them, shows.
 */
export const QUESTION_REFERENCE = {
    name: 'meta.question-reference.oj',
    match: '\\b(fråga)\\s+([ivxIVX]+)\\b(?:\\s+([A-Z](?:\\s*[,–-]\\s*[A-Z])*)\\b)?',
    captures: {
        1: { name: 'keyword.control.oj' },
        2: { name: 'entity.name.function.question.oj' },
        3: { name: 'entity.name.function.question.item.oj' },
    },
};

/** The grammar with the question-reference rule before the keywords (once). */
export function addQuestionReferences(grammar) {
    const patterns = grammar.patterns.filter((p) => p.name !== QUESTION_REFERENCE.name);
    const keywords = patterns.findIndex((p) => typeof p.name === 'string' && p.name.startsWith('keyword.'));
    patterns.splice(keywords < 0 ? patterns.length : keywords, 0, QUESTION_REFERENCE);
    return { ...grammar, patterns };
}

/** The file's text, written as Langium writes JSON (two spaces). */
export function fixGrammarText(text) {
    const grammar = addQuestionReferences(fixKeywordBoundaries(JSON.parse(text)));
    return JSON.stringify(grammar, undefined, 2) + (text.endsWith('\n') ? '\n' : '');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
    for (const file of process.argv.slice(2)) fs.writeFileSync(file, fixGrammarText(fs.readFileSync(file, 'utf-8')));
}
