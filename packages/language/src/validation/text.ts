/**
 * Text every output can carry: characters no Word file, terminal or webview may receive, and
 * names that are identifiers in generated code, keys in data and words in documents. The
 * helpers renderers use to keep such text harmless live here too.
 */
import { AstUtils, type ValidationAcceptor } from 'langium';
import type {
    AnswerOption,
    AnswerSet,
    Area,
    Group,
    IndicatorQuestion,
    Model,
    Question,
    QuestionItem,
    Survey,
    SurveyPart,
    Term,
} from '../generated/ast.js';
import { issue, shorten } from './common.js';

export const TextIssueCodes = {
    InvalidCharacter: 'invalid-character',
    VerticalTab: 'vertical-tab',
    InvalidName: 'invalid-name',
} as const;

const MAX_CHARACTER_ISSUES = 100;

/**
 * Characters that no output can carry: XML forbids most C0 controls and U+FFFE/U+FFFF (Word and
 * Excel refuse the file), ESC and C1 controls drive terminals, and bidi overrides make text read
 * differently than it is stored. A vertical tab (Word's manual line break, common in pasted
 * text) is read as a space, with a warning.
 */
export function charactersMustBeWritable(model: Model, accept: ValidationAcceptor): void {
    const document = AstUtils.getDocument(model);
    const text = document.textDocument.getText();
    let reported = 0;
    for (const match of text.matchAll(UNSAFE_CHARACTERS)) {
        const offset = match.index!;
        if (offset === 0 && match[0] === '\uFEFF') continue;
        if (++reported > MAX_CHARACTER_ISSUES) break;
        const range = {
            start: document.textDocument.positionAt(offset),
            end: document.textDocument.positionAt(offset + match[0].length),
        };
        const character = describeCharacter(match[0]);
        if (match[0] === '\u000B') {
            accept(
                'warning',
                `Tecknet ${character} (vertikal tabb, Words radbrytning) läses som ett mellanslag; ersätt det med ett mellanslag.`,
                {
                    node: model,
                    range,
                    code: TextIssueCodes.VerticalTab,
                    data: { code: TextIssueCodes.VerticalTab },
                },
            );
        } else {
            accept('error', `Tecknet ${character} får inte finnas i modellen: ${unsafeReason(match[0])} Ta bort det.`, {
                node: model,
                range,
                code: TextIssueCodes.InvalidCharacter,
                data: { code: TextIssueCodes.InvalidCharacter },
            });
        }
    }
}

/** A name is an identifier in generated code, a key in data and a word in documents. */
export function nameMustBeValid(
    node: Survey | AnswerSet | AnswerOption | Area | Group | Term | SurveyPart | QuestionItem | Question | IndicatorQuestion,
    accept: ValidationAcceptor,
): void {
    const name = node.name;
    if (typeof name !== 'string') return;
    const bad = [...name].find((c) => NON_NAME_CHARACTERS.test(c));
    if (bad) {
        issue(
            accept,
            'error',
            TextIssueCodes.InvalidName,
            `Namnet ${shorten(name)} innehåller ${describeCharacter(bad)}, som inte kan ingå i ett namn; använd bokstäver, siffror och _.`,
            node,
            'name',
        );
    } else if (name === '__proto__') {
        issue(
            accept,
            'error',
            TextIssueCodes.InvalidName,
            'Namnet __proto__ är reserverat i JavaScript och kan inte användas; välj ett annat namn.',
            node,
            'name',
        );
    }
}

/**
 * Not allowed in XML 1.0 (C0 controls but tab and line ends, lone surrogates, U+FFFE, U+FFFF), C1
 * controls (U+0080–U+009F, where U+009B starts a terminal sequence like ESC [), DEL, and the bidi
 * embeddings, overrides and isolates (the "Trojan Source" characters).
 */
export const UNSAFE_CHARACTERS =
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFEFF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text for a terminal: control, format and line-separator characters (ESC, C1, bidi overrides,
 * U+2028) as U+XXXX, so a message quoting model text cannot steer the terminal it is printed on.
 * Tab and line feed stay.
 */
export function visibleControls(text: string): string {
    return text.replace(
        /[^\P{C}\t\n]|[\u2028\u2029]/gu,
        (c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`,
    );
}

/** Characters XML 1.0 does not allow: C0 controls but tab and line ends, lone surrogates, U+FFFE and U+FFFF. */
export const XML_INVALID =
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text an XML writer (Word, Excel) can carry: a vertical tab (Word's manual line break, common in
 * pasted text) becomes a space, so words are not glued together; other characters XML does not
 * allow are removed. Validation reports them; this keeps a model with errors from breaking a file.
 */
export function xmlSafe(text: string): string {
    return text.replace(/\u000B/g, ' ').replace(XML_INVALID, '');
}

/** Characters a name may not hold though the ID terminal lets them through (× and ÷ are in Latin-1's letter block). */
const NON_NAME_CHARACTERS = /[\u00D7\u00F7]/;

/** "U+FFFF", the way Unicode names a character, for a message. */
export function describeCharacter(character: string): string {
    const code = character.codePointAt(0) ?? 0;
    const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    return /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(character) ? `"${character}" (${hex})` : hex;
}

function unsafeReason(character: string): string {
    const code = character.charCodeAt(0);
    if (code === 0x1b)
        return 'det är ESC, som inleder styrsekvenser för terminaler, och kan inte skrivas i Word- eller Excel-filer.';
    if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069))
        return 'det är en styrning av skrivriktningen, som kan få texten att visas i en annan ordning än den är skriven.';
    if (code >= 0x80 && code <= 0x9f) return 'det är ett styrtecken, som terminaler kan tolka som en styrsekvens.';
    if (code === 0xfeff) return 'det är ett osynligt tecken (byte order mark) mitt i texten.';
    if (code >= 0xd800 && code <= 0xdfff) return 'det är en ensam halva av ett surrogatpar, inget tecken.';
    if (code === 0xfffe || code === 0xffff) return 'det är inget tecken och kan inte skrivas i Word- eller Excel-filer.';
    return 'det är ett osynligt styrtecken och kan inte skrivas i Word- eller Excel-filer.';
}
