/**
 * Makes a .docx package reproducible. docx stamps the core properties with the current time and
 * fflate stamps every zip entry with it; both are replaced by the document's own date, and the
 * entries are written again in the same order with the same compression.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { xmlSafe } from '@oj/language';

/** The W3C date-time Word writes in core properties, to the second. */
function w3cDate(date: Date): string {
    return `${date.toISOString().slice(0, 19)}Z`;
}

export interface PackageEdits {
    date: Date;
    /** Further edits of XML parts, by path. */
    parts?: Record<string, (xml: string) => string>;
}

export function reproduciblePackage(data: Uint8Array, edits: PackageEdits): Buffer {
    const files = unzipSync(data);
    const stamp = w3cDate(edits.date);
    const parts: Record<string, (xml: string) => string> = {
        'docProps/core.xml': (xml) =>
            xml
                .replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${stamp}$2`)
                .replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${stamp}$2`),
        ...edits.parts,
    };
    // Zip timestamps are DOS dates (from 1980) that fflate reads in local time: build the local
    // date whose fields are the document date's UTC fields, so the bytes do not depend on the time zone.
    const d = edits.date.getTime() < Date.UTC(1980, 0, 2) ? new Date(Date.UTC(1980, 0, 2)) : edits.date;
    const mtime = new Date(
        d.getUTCFullYear(),
        d.getUTCMonth(),
        d.getUTCDate(),
        d.getUTCHours(),
        d.getUTCMinutes(),
        d.getUTCSeconds(),
    );
    const out: Zippable = {};
    for (const [name, content] of Object.entries(files)) {
        const edit = parts[name];
        // Whatever text reached a part (docx writes it as given), no character XML forbids stays in
        // it: Word refuses the whole file for one U+FFFF.
        const xml = /\.(xml|rels)$/.test(name);
        const bytes = edit || xml ? strToU8(xmlSafe(edit ? edit(strFromU8(content)) : strFromU8(content))) : content;
        out[name] = [bytes, { mtime, level: 6 }];
    }
    return Buffer.from(zipSync(out, { mtime }));
}

/**
 * docx numbers bookmarks from a counter shared by every document the process makes, so a second
 * document gets other numbers. Number them again in order of appearance.
 */
export function renumberBookmarks(xml: string): string {
    const ids = new Map<string, number>();
    const tocNames = new Map<string, number>();
    // The contents' own bookmarks are named after the counter too (_Toc22): rename them in order.
    const renamed = xml.replace(/_Toc(\d+)/g, (_m, n: string) => {
        let k = tocNames.get(n);
        if (k === undefined) {
            k = tocNames.size + 1;
            tocNames.set(n, k);
        }
        return `_Toc${k}`;
    });
    return renamed.replace(
        /<w:bookmark(Start|End)\b([^>]*?)\bw:id="(-?\d+)"/g,
        (_m, kind: string, between: string, id: string) => {
            let n = ids.get(id);
            if (n === undefined) {
                n = ids.size + 1;
                ids.set(id, n);
            }
            return `<w:bookmark${kind}${between}w:id="${n}"`;
        },
    );
}
