/** Writing a workbook so that the same content gives the same bytes. */
import type ExcelJS from 'exceljs';
import JSZip from 'jszip';

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

/** Excel allows 31 characters and no []:*?/\ in a sheet name, unique regardless of case. */
export function sheetName(title: string, used: Set<string>): string {
    const base = title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31).trim() || 'Blad';
    let name = base;
    for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base.slice(0, 27)} (${i})`;
    used.add(name.toLowerCase());
    return name;
}

// C0 controls (but tab and newline) are not allowed in the sheets' XML; model and file text may hold them.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g;

/** Text for a cell: exceljs writes strings as text (never a formula); controls are removed, U+000B read as a space. */
export function cellText(value: string): string {
    return value.replace(/\u000B/g, ' ').replace(CONTROL, '');
}
