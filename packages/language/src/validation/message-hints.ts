/**
 * What a hurried author probably meant. A syntax error or an unresolved name is put in the terms
 * of the indicator description: "fråga 1" is question i, items are listed with commas, an area or
 * group is named by its code, and a name written nearly right is offered as it is declared.
 * Also where a parse error has left the rest of a statement to the parser's recovery, so that what
 * recovery builds there (a question "ii" declared twice, an item "samt") is not reported as well.
 */
import { type AstNode, AstUtils, CstUtils, type LangiumDocument } from 'langium';
import { isIndicator, isIndicatorQuestion } from '../generated/ast.js';
import { questionOf, toRoman } from '../model/model-utils.js';

type IRecognitionException = LangiumDocument['parseResult']['parserErrors'][number];

// ---------------------------------------------------------------- names written nearly right

/** Optimal string alignment distance (Levenshtein with transpositions), case-sensitive. */
function editDistance(a: string, b: string, limit: number): number {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    const rows: number[][] = [];
    for (let i = 0; i <= a.length; i++) {
        rows.push([i]);
        for (let j = 1; j <= b.length; j++) {
            if (i === 0) {
                rows[0].push(j);
                continue;
            }
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let value = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, rows[i - 2][j - 2] + 1);
            rows[i].push(value);
        }
    }
    return rows[a.length][b.length];
}

/**
 * The declared names a misspelt one most likely stands for: the same name in another case first;
 * otherwise the nearest within one edit for names of four to six characters and two for longer
 * ones. Area codes of two or three letters (EB, MB, SP) differ from each other by one letter, so
 * a short name may only have a letter too many or too few, or two swapped: "MB" is another area, not a misspelt "EB".
 * With `caseOnly` only the case may differ (question numerals: "ii" is another question than "i").
 */
export function closestNames(name: string, candidates: Iterable<string>, options: { caseOnly?: boolean } = {}): string[] {
    const unique = [...new Set(candidates)].filter((c) => c !== name);
    const sameLetters = unique.filter((c) => c.toLowerCase() === name.toLowerCase());
    if (sameLetters.length > 0 || options.caseOnly) return sameLetters.sort();
    // A short name may have a letter too many or too few ("Jaa", "Ne") or two swapped ("Nje"), not another letter.
    if (name.length <= 3) {
        const letters = (s: string) => [...s.toLowerCase()].sort().join('');
        return unique
            .filter(
                (c) =>
                    (Math.abs(c.length - name.length) === 1 || letters(c) === letters(name)) &&
                    editDistance(name.toLowerCase(), c.toLowerCase(), 1) === 1,
            )
            .sort()
            .slice(0, 3);
    }
    const limit = name.length <= 6 ? 1 : 2;
    let best = limit + 1;
    let found: string[] = [];
    for (const candidate of unique) {
        if (candidate.length <= 3) continue;
        const distance = editDistance(name.toLowerCase(), candidate.toLowerCase(), limit);
        if (distance < best) {
            best = distance;
            found = [candidate];
        } else if (distance === best) found.push(candidate);
    }
    return best <= limit ? found.sort().slice(0, 3) : [];
}

/** " Menade du Ja?", " Menade du EB eller BU?", or nothing. */
export function didYouMean(names: string[]): string {
    if (names.length === 0) return '';
    const last = names[names.length - 1];
    return ` Menade du ${names.length === 1 ? last : `${names.slice(0, -1).join(', ')} eller ${last}`}?`;
}

// ---------------------------------------------------------------- syntax errors read in context

/** A declared area or group as a hint needs it: its code and the label a reader knows it by. */
export interface UnitName {
    code: string;
    label: string;
    kind: 'område' | 'grupp';
}

/** A syntax error said in the author's terms, with the text that puts it right. */
export interface SyntaxHint {
    code: 'question-numbered-with-digits' | 'items-joined-with-och' | 'unit-named-by-label' | 'codes-then-condition';
    message: string;
    /** The text the hint is about, and what to write instead. */
    offset: number;
    end: number;
    replacement: string;
}

function rootText(document: LangiumDocument): string {
    return document.parseResult.value.$cstNode?.root.fullText ?? document.textDocument.getText();
}

/** "fråga 1": questions are numbered with roman numerals (the written part of the description). */
function numeralHint(text: string, error: IRecognitionException): SyntaxHint | undefined {
    const token = error.token;
    if (!/^\d+$/.test(token.image) || !/\bfråga\s+$/.test(text.slice(0, token.startOffset))) return undefined;
    const value = Number(token.image);
    if (value < 1 || value > 39) return undefined;
    const numeral = toRoman(value);
    return {
        code: 'question-numbered-with-digits',
        offset: token.startOffset,
        end: token.startOffset + token.image.length,
        replacement: numeral,
        message: `Frågor numreras med romerska siffror som i indikatorbeskrivningen: skriv "fråga ${numeral}", inte "fråga ${token.image}".`,
    };
}

const WORD = '[_a-zA-Z\u00C0-\u024F][\\w\u00C0-\u024F]*';
const WORDS = `${WORD}(?:\\s*,\\s*${WORD})*`;
/** "fråga i A, B och C" at the end of the text read so far. */
const ITEMS_WITH_OCH = new RegExp(`\\bfråga\\s+(${WORD})\\s+(${WORDS})\\s+och\\s+(${WORDS})\\s*$`);

/**
 * "Ja på fråga i A och B": the parser reads "B" as the start of a new condition ("B på …") and
 * stops there or where "på" should follow. When every name around "och" is an item of the
 * question just named, the author listed items.
 */
function itemsHint(document: LangiumDocument, text: string, error: IRecognitionException): SyntaxHint | undefined {
    const root = document.parseResult.value.$cstNode;
    const at = error.token.startOffset;
    if (!root || !Number.isFinite(at)) return undefined;
    // The word the parser stopped at belongs to the list when it is a name ("B"), not when it is what follows ("}").
    const upTo = new RegExp(`^${WORD}$`).test(error.token.image) ? at + error.token.image.length : at;
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    const segment = text.slice(lineStart, upTo).trimEnd();
    const match = ITEMS_WITH_OCH.exec(segment);
    if (!match) return undefined;
    const indicator = AstUtils.getContainerOfType(
        CstUtils.findLeafNodeAtOffset(root, lineStart + match.index)?.astNode,
        isIndicator,
    );
    const slot = indicator?.questions.find((q) => q.name === match[1]);
    const items = questionOf(slot)?.items.map((i) => i.name) ?? [];
    const split = (list: string) => list.split(',').map((n) => n.trim());
    const before = split(match[2]);
    const after = split(match[3]);
    if (items.length === 0 || ![...before, ...after].every((n) => items.includes(n))) return undefined;
    const start = lineStart + match.index + match[0].indexOf(match[2], match[0].indexOf(match[1]) + match[1].length);
    const end = lineStart + match.index + match[0].trimEnd().length;
    const listed = [...before, ...after].join(', ');
    const numeral = match[1];
    return {
        code: 'items-joined-with-och',
        offset: start,
        end,
        replacement: listed,
        message:
            `Alternativ räknas upp med kommatecken: skriv "fråga ${numeral} ${listed}", inte "${text.slice(start, end)}". ` +
            `"och" står mellan två villkor ("Ja på fråga ${numeral} ${before[0]} och Ja på fråga ${numeral} ${after[0]}").`,
    };
}

const UNIT_WORDS = { område: 'området', grupp: 'gruppen' } as const;

/**
 * "för LSS barn krävs": areas and groups are named by their code. The words from "för" to the
 * keyword the variant is for are read as a comma-separated list of labels; every piece must be a
 * declared label or code, so that a hint is only given when all of it can be put right.
 */
function unitLabelHint(text: string, error: IRecognitionException, units: UnitName[]): SyntaxHint | undefined {
    const at = error.token.startOffset;
    if (!Number.isFinite(at) || units.length === 0) return undefined;
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    // The parser stops after "för LSS" ("barn" where "krävs" should be), or at "för" itself when no variant starts so.
    const from = error.token.image === 'för' ? at + 3 : at;
    const head = /\bför\s+([^:\n]*)$/.exec(text.slice(lineStart, from).replace(/för$/, 'för '));
    if (!head) return undefined;
    const start =
        error.token.image === 'för'
            ? from + (/^\s*/.exec(text.slice(from))?.[0].length ?? 0)
            : lineStart + head.index + head[0].length - head[1].length;
    const rest = text.slice(start);
    const stop = /\s(?=(?:krävs|utesluts|undantas)\b)|:|\r?\n/.exec(rest);
    const end = start + (stop ? stop.index : rest.length);
    const phrase = text.slice(start, end).trim();
    const keyword = stop && /^\s(krävs|utesluts|undantas)/.exec(rest.slice(stop.index))?.[1];
    const normal = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();
    const pieces = phrase.split(',').map((p) => p.trim());
    const resolved = pieces.map(
        (piece) => units.find((u) => u.code === piece) ?? units.find((u) => normal(u.label) === normal(piece)),
    );
    if (resolved.some((u) => u === undefined) || !resolved.some((u, i) => u!.code !== pieces[i])) return undefined;
    const codes = resolved.map((u) => u!.code).join(', ');
    const named = resolved
        .filter((u, i) => u!.code !== pieces[i])
        .map((u) => `"${u!.label}" är ${UNIT_WORDS[u!.kind]} ${u!.code}`);
    const written = keyword ? `för ${codes} ${keyword}` : `för ${codes}`;
    return {
        code: 'unit-named-by-label',
        offset: start,
        end: start + phrase.length,
        replacement: codes,
        message: `Områden och grupper anges med sin kod: skriv "${written}" (${named.join(', ')}).`,
    };
}

/** The hint for one parser error, if its context shows what was meant. */
export function syntaxHint(
    document: LangiumDocument,
    error: IRecognitionException,
    units: () => UnitName[],
): SyntaxHint | undefined {
    const text = rootText(document);
    return (
        numeralHint(text, error) ??
        itemsHint(document, text, error) ??
        unitLabelHint(text, error, units()) ??
        codesThenConditionHint(text, error)
    );
}

/** "kolumn är A eller B" at the end of the text read so far, the last "eller" and name apart. */
const CODES_THEN_NAME = new RegExp(`(${WORD}\\s+är\\s+${WORD}(?:\\s+eller\\s+${WORD})*)\\s+eller\\s+(${WORD})\\s*$`);

/** What can follow a register column in a condition ("alder minst 65", "beslut inom …", "kon är K"). */
const COLUMN_CONDITION_WORDS = new Set([
    'är',
    'mer',
    'minst',
    'högst',
    'större',
    'mindre',
    'lika',
    'inom',
    'saknas',
    '>',
    '>=',
    '<',
    '<=',
    '=',
    '<>',
]);

/**
 * "insats är HT eller alder minst 65": the codes after "är" go on as long as "eller" and a name
 * follow, so "alder" is read as a code and the parser stops at "minst". When a condition word
 * follows the name, the author began a new condition: the code condition goes in parentheses.
 */
function codesThenConditionHint(text: string, error: IRecognitionException): SyntaxHint | undefined {
    if (!COLUMN_CONDITION_WORDS.has(error.token.image)) return undefined;
    // Within the line, and at most a few hundred characters back: a regular expression anchored at
    // the end would otherwise try every position of a long text.
    const at = error.token.startOffset;
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    const from = Math.max(lineStart, at - 400);
    const before = text.slice(from, at);
    const match = CODES_THEN_NAME.exec(before);
    if (!match) return undefined;
    const offset = from + match.index;
    const codes = match[1];
    return {
        code: 'codes-then-condition',
        offset,
        end: offset + codes.length,
        replacement: `(${codes})`,
        message: `Efter "${codes} eller" läses ${match[2]} som en kod till. Skriv kodvillkoret inom parentes när ett nytt villkor följer: "(${codes}) eller ${match[2]} …".`,
    };
}

// ---------------------------------------------------------------- what the parser's recovery built

/** A question numeral the parser's recovery made of a stray "fråga ii" (neither "= Id" nor a question after it). */
export function isRecoveredSlot(node: AstNode): boolean {
    return isIndicatorQuestion(node) && !node.shared && !node.declared;
}

/** Nodes written one per line in a model: a damaged one is cut short from its start. */
const STATEMENT_CONTAINERS = new Set(['Model', 'Indicator', 'Survey', 'AnswerSet', 'Area', 'Question', 'Example']);

/**
 * The stretches of text where the parser recovered from an error: from the start of the statement
 * the error is in (or follows) to the end of the error's line (or to the error, when it is at the
 * start of a line). Whatever the recovery built there
 * is guesswork; the syntax error is the one message that is true about it.
 */
export function damagedRegions(document: LangiumDocument): Array<[number, number]> {
    const root = document.parseResult.value.$cstNode;
    if (!root) return [];
    const text = root.root.fullText;
    const regions: Array<[number, number]> = [];
    for (const error of document.parseResult.parserErrors) {
        const at = error.token.startOffset;
        if (!Number.isFinite(at)) continue;
        const lineEnd = text.indexOf('\n', at);
        const lineStart = text.lastIndexOf('\n', at - 1) + 1;
        // An error at the first word of a line says that something was missing before it: the statement that starts there is whole.
        const end = /^\s*$/.test(text.slice(lineStart, at)) ? at - 1 : lineEnd < 0 ? text.length : lineEnd;
        regions.push([Math.min(lineStart, statementStart(document, error) ?? lineStart), end]);
    }
    return regions;
}

/** Where the statement an error is in (or follows) starts: the rule, question or example line being written. */
export function statementStart(document: LangiumDocument, error: IRecognitionException): number | undefined {
    const root = document.parseResult.value.$cstNode;
    const at = error.token.startOffset;
    if (!root || !Number.isFinite(at)) return undefined;
    let statement: AstNode | undefined = CstUtils.findLeafNodeBeforeOffset(root, at)?.astNode;
    while (statement?.$container && !STATEMENT_CONTAINERS.has(statement.$container.$type)) statement = statement.$container;
    return statement?.$cstNode && statement.$container ? statement.$cstNode.offset : undefined;
}

/**
 * A parser error about a numeral recovery made of a stray "fråga ii" ("expected = or a name"),
 * after an earlier error: it is about text the author did not write as a question.
 */
export function isAboutRecoveredSlot(document: LangiumDocument, error: IRecognitionException): boolean {
    const root = document.parseResult.value.$cstNode;
    const errors = document.parseResult.parserErrors;
    if (!root || errors.indexOf(error) <= 0) return false;
    const at = Number.isFinite(error.token.startOffset) ? error.token.startOffset : root.end;
    const last = root.root.fullText.slice(0, at).trimEnd().length - 1;
    const node = last >= 0 ? CstUtils.findLeafNodeAtOffset(root, last)?.astNode : undefined;
    return node !== undefined && isRecoveredSlot(node);
}

/** Whether the indicator (or other node) holding `node` has a syntax error inside it. */
export function hasSyntaxErrorInside(node: AstNode): boolean {
    const cst = node.$cstNode;
    if (!cst) return false;
    const document = AstUtils.getDocument(node);
    return document.parseResult.parserErrors.some((e) => {
        const at = e.token.startOffset;
        return Number.isFinite(at) ? cst.offset <= at && at <= cst.end : !cst.text.trimEnd().endsWith('}');
    });
}
