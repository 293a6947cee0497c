/**
 * Next year's workspace from last year's: the survey's year, mätdatum and name moved on, each
 * indicator linked to its predecessor (`tidigare 2019 "<name>"`), everything else kept as written
 * (comments, worked examples), then formatted as the formatter writes it. What cannot be moved on
 * mechanically (years and dates inside texts, references to last year) is listed for review.
 */
import * as path from 'node:path';
import { GrammarUtils, URI, type LangiumDocument } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';
import {
    createOjServices,
    isDocumentSection,
    isIndicator,
    isPrintedDocument,
    isSurvey,
    type DocumentSection,
    type Indicator,
    type Model,
    type PrintedDocument,
    type Survey,
} from '@oj/language';
import { EmptyFileSystem } from 'langium';

export interface NewYearOptions {
    /** The year the new workspace is for. */
    year: number;
}

export interface NewYearFile {
    /** Relative to the old workspace's root. */
    path: string;
    content: string;
}

/** A place a methodologist must read: text that may still speak of last year. */
export interface ReviewNote {
    file: string;
    line: number;
    text: string;
    reason: string;
}

export interface NewYearResult {
    files: NewYearFile[];
    review: ReviewNote[];
    /** The survey's old and new year. */
    fromYear: number | undefined;
    toYear: number;
    linked: number;
}

interface Edit {
    start: number;
    end: number;
    text: string;
}

const YEAR = /\b(19|20)\d{2}\b/g;
const YEAR_AT = /\b(19|20)\d{2}\b/;
const DATE = /\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b/;

/** Replaces the year in a text (names, titles) when it is last year's. */
function moveYear(text: string, from: number, to: number): string {
    return text.replace(new RegExp(`(^|[^0-9])${from}(?![0-9])`, 'g'), (_m, before: string) => `${before}${to}`);
}

function quote(text: string): string {
    return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function propertyRange(
    node: Survey | Indicator | PrintedDocument | DocumentSection,
    property: string,
): { start: number; end: number } | undefined {
    const cst = node.$cstNode ? GrammarUtils.findNodeForProperty(node.$cstNode, property) : undefined;
    return cst ? { start: cst.offset, end: cst.end } : undefined;
}

/** The edits that move one file's survey and indicators to the new year. */
function editsOf(
    model: Model,
    survey: Survey | undefined,
    fromYear: number | undefined,
    toYear: number,
): { edits: Edit[]; linked: number } {
    const edits: Edit[] = [];
    let linked = 0;
    const shift = toYear - (fromYear ?? toYear);
    if (isSurvey(model.header?.survey)) {
        const own = model.header.survey;
        const year = propertyRange(own, 'year');
        if (year) edits.push({ ...year, text: String(toYear) });
        const date = propertyRange(own, 'measurementDate');
        const match = own.measurementDate ? DATE.exec(own.measurementDate) : null;
        if (date && match) {
            const moved = own.measurementDate!.replace(DATE, `${Number(match[1]) + shift}-${match[2]}-${match[3]}`);
            edits.push({ ...date, text: quote(moved) });
        }
        if (fromYear !== undefined) {
            const name = propertyRange(own, 'name');
            if (name && own.name.includes(String(fromYear))) edits.push({ ...name, text: moveYear(own.name, fromYear, toYear) });
            const title = propertyRange(own, 'title');
            if (title && own.title.includes(String(fromYear)))
                edits.push({ ...title, text: quote(moveYear(own.title, fromYear, toYear)) });
        }
    } else if (model.header?.surveyRef && survey && fromYear !== undefined && survey.name.includes(String(fromYear))) {
        const cst = model.header.$cstNode ? GrammarUtils.findNodeForProperty(model.header.$cstNode, 'surveyRef') : undefined;
        if (cst) edits.push({ start: cst.offset, end: cst.end, text: moveYear(survey.name, fromYear, toYear) });
    }
    if (fromYear === undefined) return { edits, linked };
    // The printed document's title, publication month and section titles carry the year.
    for (const printed of model.elements.filter(isPrintedDocument)) {
        const title = propertyRange(printed, 'title');
        if (title && printed.title.includes(String(fromYear)))
            edits.push({ ...title, text: quote(moveYear(printed.title, fromYear, toYear)) });
        const published = propertyRange(printed, 'published');
        if (published && printed.published)
            edits.push({ ...published, text: quote(moveYear(printed.published, fromYear, toYear)) });
        const sections = (blocks: readonly unknown[]): void => {
            for (const block of blocks) {
                if (!isDocumentSection(block)) continue;
                const range = propertyRange(block, 'title');
                if (range && block.title.includes(String(fromYear)))
                    edits.push({ ...range, text: quote(moveYear(block.title, fromYear, toYear)) });
                sections(block.blocks);
            }
        };
        sections(printed.sections);
    }
    for (const indicator of model.elements.filter(isIndicator)) {
        // The predecessor of next year's indicator is this year's, under the name it has now.
        const link = `tidigare ${fromYear} ${quote(indicator.name)}`;
        const earlier = indicator.earlier?.$cstNode;
        if (earlier) {
            edits.push({ start: earlier.offset, end: earlier.end, text: link });
        } else {
            const anchor = GrammarUtils.findNodeForKeyword(indicator.$cstNode, '{');
            if (!anchor) continue;
            // After the areas and reporting groups when written, as the published document orders its parts.
            const after = ['groups', 'areas']
                .map((p) => (indicator.$cstNode ? GrammarUtils.findNodesForProperty(indicator.$cstNode, p).at(-1) : undefined))
                .filter((n) => n !== undefined)
                .sort((a, b) => b.end - a.end)[0];
            edits.push({ start: (after ?? anchor).end, end: (after ?? anchor).end, text: `\n${link}` });
        }
        linked++;
    }
    return { edits, linked };
}

/** The strings and comments of a file with their offsets (a small scanner: strings may hold "//"). */
function textsOf(text: string): Array<{ kind: 'string' | 'comment'; value: string; offset: number }> {
    const out: Array<{ kind: 'string' | 'comment'; value: string; offset: number }> = [];
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c === '"') {
            let j = i + 1;
            while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
            out.push({ kind: 'string', value: text.slice(i + 1, j), offset: i });
            i = j;
        } else if (c === '/' && text[i + 1] === '/') {
            const j = text.indexOf('\n', i);
            const end = j < 0 ? text.length : j;
            out.push({ kind: 'comment', value: text.slice(i + 2, end), offset: i });
            i = end;
        } else if (c === '/' && text[i + 1] === '*') {
            const j = text.indexOf('*/', i + 2);
            const end = j < 0 ? text.length : j + 2;
            out.push({ kind: 'comment', value: text.slice(i + 2, end - 2), offset: i });
            i = end - 1;
        }
    }
    return out;
}

/** Texts that may speak of last year or carry a date: strings and comments that mention a year or a date. */
function reviewNotes(text: string, file: string, fromYear: number | undefined): ReviewNote[] {
    const notes: ReviewNote[] = [];
    const lineAt = (offset: number) => text.slice(0, offset).split('\n').length;
    for (const { kind, value, offset } of textsOf(text)) {
        const line = lineAt(offset);
        const before = text.slice(text.lastIndexOf('\n', offset) + 1, offset);
        // The link to last year and the values moved on above are not for review.
        if (
            kind === 'string' &&
            (/^\s*tidigare\s+\d+\s*$/.test(before) ||
                /^\s*(mätdatum|år|publicerad)\s*$/.test(before) ||
                /^\s*(enkät\s+\S+|dokument|avsnitt)\s*$/.test(before))
        )
            continue;
        const where = kind === 'comment' ? 'kommentaren ' : '';
        const years = [...value.matchAll(YEAR)].map((m) => Number(m[0]));
        const old = fromYear === undefined ? [] : years.filter((y) => y === fromYear || y === fromYear - 1);
        const at = (DATE.exec(value) ?? YEAR_AT.exec(value))?.index ?? 0;
        if (DATE.test(value))
            notes.push({
                file,
                line,
                text: excerpt(value, at),
                reason: `${where}innehåller ett datum`.replace(/^./, (c) => c.toUpperCase()),
            });
        else if (old.length > 0)
            notes.push({
                file,
                line,
                text: excerpt(value, value.search(new RegExp(`\\b(${old.join('|')})\\b`))),
                reason: `${where}nämner ${joinYears(old)}`.replace(/^./, (c) => c.toUpperCase()),
            });
        else if (/(förra året|i fjol|föregående år)/i.test(value))
            notes.push({
                file,
                line,
                text: excerpt(value),
                reason: `${where}hänvisar till förra året`.replace(/^./, (c) => c.toUpperCase()),
            });
    }
    return notes;
}

function joinYears(years: number[]): string {
    const unique = [...new Set(years)].sort();
    return unique.length === 1 ? `år ${unique[0]}` : `åren ${unique.slice(0, -1).join(', ')} och ${unique.at(-1)}`;
}

/** The text around what is to be reviewed, so that a long text still shows the year it mentions. */
function excerpt(text: string, at = 0): string {
    const plain = text.replace(/\s+/g, ' ').trim();
    if (plain.length <= 100) return plain;
    const found = Math.max(0, plain.indexOf(text.slice(at, at + 4)));
    const start = Math.max(0, Math.min(found - 40, plain.length - 100));
    return `${start > 0 ? '…' : ''}${plain.slice(start, start + 100).trim()}${start + 100 < plain.length ? '…' : ''}`;
}

function applyEdits(text: string, edits: Edit[]): string {
    let out = text;
    for (const edit of [...edits].sort((a, b) => b.start - a.start))
        out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
    return out;
}

/** Formats a file's text as the language's formatter writes it. */
async function format(services: ReturnType<typeof createOjServices>, text: string, uri: URI): Promise<string> {
    const { shared, Oj } = services;
    const document = shared.workspace.LangiumDocumentFactory.fromString<Model>(text, uri);
    shared.workspace.LangiumDocuments.addDocument(document);
    await shared.workspace.DocumentBuilder.build([document], { validation: false });
    const edits: TextEdit[] =
        (await Oj.lsp.Formatter?.formatDocument(document, {
            textDocument: { uri: uri.toString() },
            options: { tabSize: 4, insertSpaces: true },
        })) ?? [];
    shared.workspace.LangiumDocuments.deleteDocument(uri);
    return TextDocument.applyEdits(TextDocument.create(uri.toString(), 'oj', 0, text), edits);
}

/** The survey every document belongs to (its own or the one it names). */
function surveysOf(documents: Array<LangiumDocument<Model>>): Survey[] {
    return documents.flatMap((d) => (d.parseResult.value.header?.survey ? [d.parseResult.value.header.survey] : []));
}

/**
 * Builds next year's files from a loaded workspace. `root` is the folder the paths are made
 * relative to.
 */
export async function newYear(
    documents: Array<LangiumDocument<Model>>,
    root: string,
    options: NewYearOptions,
): Promise<NewYearResult> {
    const surveys = surveysOf(documents);
    const fromYear = surveys.find((s) => s.year !== undefined)?.year;
    const files: NewYearFile[] = [];
    const review: ReviewNote[] = [];
    let linked = 0;
    // One set of services formats every file: creating them is the costly part.
    const services = createOjServices(EmptyFileSystem);
    for (const document of documents) {
        const model = document.parseResult.value;
        const survey = model.header?.survey ?? model.header?.surveyRef?.ref;
        const file = path.relative(root, document.uri.fsPath) || path.basename(document.uri.fsPath);
        const { edits, linked: count } = editsOf(model, survey, fromYear, options.year);
        linked += count;
        const moved = applyEdits(document.textDocument.getText(), edits);
        const content = await format(services, moved, document.uri);
        files.push({ path: file, content });
        review.push(...reviewNotes(content, file, fromYear));
    }
    return { files, review, fromYear, toYear: options.year, linked };
}
