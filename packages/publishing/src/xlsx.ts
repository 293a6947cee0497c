/** Writing a workbook so that the same content gives the same bytes. */
import type ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { xmlSafe } from '@oj/language';

export const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));

export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Buffer> {
    workbook.created = FIXED_DATE;
    workbook.modified = FIXED_DATE;
    // exceljs zips through JSZip, which stamps each entry with the current time: fix it, so the
    // same results give the same bytes.
    const defaults = (JSZip as unknown as { defaults: { date: Date | null } }).defaults;
    const saved = defaults.date;
    defaults.date = FIXED_DATE;
    try {
        return Buffer.from(await workbook.xlsx.writeBuffer());
    } finally {
        defaults.date = saved;
    }
}

/** The first `length` UTF-16 units of a text, without cutting a surrogate pair in half (half a pair is not XML). */
export function clip(text: string, length: number): string {
    const end = length < text.length && /[\uD800-\uDBFF]/.test(text[length - 1]) ? length - 1 : length;
    return text.slice(0, end);
}

/** Excel allows 31 characters and no []:*?/\ in a sheet name, unique regardless of case. */
export function sheetName(title: string, used: Set<string>): string {
    const base = clip(xmlSafe(title).replace(/[[\]:*?/\\]/g, ' '), 31).trim() || 'Blad';
    let name = base;
    for (let i = 2; used.has(name.toLowerCase()); i++) name = `${clip(base, 27)} (${i})`;
    used.add(name.toLowerCase());
    return name;
}

/**
 * Text for a cell, a note or a prompt: exceljs writes strings as given (as text, never a formula),
 * and Excel refuses a file with a character XML does not allow, so every string from the model, the
 * register or the response file goes through xmlSafe (U+000B read as a space, the rest removed).
 */
export function cellText(value: string): string {
    return xmlSafe(value);
}

/** A row whose every string cell has gone through cellText. */
export function addRow(ws: ExcelJS.Worksheet, values: ReadonlyArray<string | number | null | undefined>): ExcelJS.Row {
    return ws.addRow(values.map((v) => (typeof v === 'string' ? cellText(v) : v)));
}
