/**
 * Word's continued rows: where a page breaks an indicator table's row, the Word file splits it into
 * two rows there, and the second is labelled "Syfte (forts.)" as the PDF labels it. Word has no
 * "continued" text for a row that a page breaks, so the break is found by the layout of the contents'
 * page numbers (docx-pages.ts, which agrees with LibreOffice's) and written as rows of its own. That
 * layout already lays the rest of a broken row out as the continued row it becomes, so one pass
 * finds every break; it is run again (a pass or two) only where a cut could not be made as found.
 */
import type {
    BulletList,
    DescriptionDocument,
    DocumentSection,
    IndicatorEntry,
    IndicatorRow,
    ListItem,
    Paragraph,
} from './model.js';
import { type RowSplit, type WordFormat, layOutPages, splitAtLine } from './docx-pages.js';

/** One paragraph of a cell as the layout counts them: a paragraph, or one item of a list. */
type Unit = { kind: 'paragraph'; p: Paragraph } | { kind: 'item'; list: BulletList; item: ListItem };

function units(blocks: IndicatorRow['blocks']): Unit[] {
    return blocks.flatMap((b): Unit[] =>
        b.kind === 'paragraph' ? [{ kind: 'paragraph', p: b }] : b.items.map((item) => ({ kind: 'item', list: b, item })),
    );
}

/** Units back into blocks: consecutive items of one list become that list again. */
function blocksOf(list: Unit[]): IndicatorRow['blocks'] {
    const out: IndicatorRow['blocks'] = [];
    let open: { source: BulletList; list: BulletList } | undefined;
    for (const unit of list) {
        if (unit.kind === 'paragraph') {
            out.push(unit.p);
            open = undefined;
        } else if (open?.source === unit.list) {
            open.list.items.push(unit.item);
        } else {
            open = {
                source: unit.list,
                list: { kind: 'list', items: [unit.item], ...(unit.list.numbered ? { numbered: true } : {}) },
            };
            out.push(open.list);
        }
    }
    return out;
}

/** The first unit of `list` cut after `line` lines: head and tail units, or undefined where it cannot be cut. */
function cutFirst(list: Unit[], line: number, format: WordFormat): [Unit, Unit] | undefined {
    const unit = list[0];
    const cell = format.textWidth - format.labelWidth - format.cellMargins.left - format.cellMargins.right;
    const size = (format.styles.Tabelltext?.size ?? 18) / 2;
    if (unit.kind === 'paragraph') {
        const parts = splitAtLine(unit.p.text, size, unit.p.emphasis === 'strong', cell / 20, line);
        return (
            parts && [
                { kind: 'paragraph', p: { ...unit.p, text: parts[0], continues: true } },
                { kind: 'paragraph', p: { ...unit.p, text: parts[1] } },
            ]
        );
    }
    // A list item's text is indented by the bullet.
    const parts = splitAtLine(unit.item.text, size, false, (cell - format.bulletIndent) / 20, line);
    return (
        parts && [
            { ...unit, item: { ...unit.item, text: parts[0], cut: 'head' } },
            { ...unit, item: { ...unit.item, text: parts[1], cut: 'tail' } },
        ]
    );
}

/** A row cut at the points a page breaks it (in its own paragraphs and lines, in order): the row and its continued rows. */
function cutRow(row: IndicatorRow, cuts: RowSplit[], format: WordFormat): IndicatorRow[] | undefined {
    let rest = units(row.blocks);
    let at = { from: 0, line: 0 };
    const parts: Unit[][] = [];
    for (const cut of cuts) {
        const from = cut.from - at.from;
        const line = from === 0 ? cut.line - at.line : cut.line;
        let head = rest.slice(0, from);
        let tail = rest.slice(from);
        if (line > 0) {
            const pieces = tail.length > 0 ? cutFirst(tail, line, format) : undefined;
            if (!pieces) return undefined;
            head = [...head, pieces[0]];
            tail = [pieces[1], ...tail.slice(1)];
        }
        if (head.length === 0 || tail.length === 0) return undefined;
        parts.push(head);
        rest = tail;
        at = { from: cut.from, line: cut.line };
    }
    parts.push(rest);
    return parts.map((p, i) =>
        i === 0 ? { ...row, blocks: blocksOf(p) } : { label: row.label, blocks: blocksOf(p), continued: true },
    );
}

function applySplits(
    doc: DescriptionDocument,
    splits: RowSplit[],
    format: WordFormat,
): { doc: DescriptionDocument; changed: boolean } {
    let changed = false;
    const cuts = new Map<string, RowSplit[]>();
    for (const s of splits) cuts.set(`${s.indicator}#${s.row}`, [...(cuts.get(`${s.indicator}#${s.row}`) ?? []), s]);
    const entry = (e: IndicatorEntry): IndicatorEntry => {
        if (!splits.some((s) => s.indicator === e.id)) return e;
        const rows = e.rows.flatMap((row, index) => {
            const own = cuts.get(`${e.id}#${index}`);
            const parts = own ? cutRow(row, own, format) : undefined;
            if (!parts) return [row];
            changed = true;
            return parts;
        });
        return { ...e, rows };
    };
    const section = (s: DocumentSection): DocumentSection => ({
        ...s,
        content: s.content.map((c) => (c.kind === 'indicator' ? entry(c) : c)),
        subsections: s.subsections.map(section),
    });
    return { doc: { ...doc, sections: doc.sections.map(section) }, changed };
}

/** The document with every indicator row that a page breaks split there, as the Word file writes it. */
export function withContinuedRows(doc: DescriptionDocument, format: WordFormat): DescriptionDocument {
    let current = doc;
    for (let pass = 0; pass < 4; pass++) {
        const { splits } = layOutPages(current, format);
        if (splits.length === 0) break;
        const next = applySplits(current, splits, format);
        if (!next.changed) break;
        current = next.doc;
    }
    return current;
}
