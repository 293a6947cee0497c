/**
 * The results workbook (`oj evaluate`'s results.xlsx) as the published Excel files are read:
 * "Om resultaten" first (what, when, from where, what the statuses mean, how to cite), then a sheet
 * per area or group with a row per respondent and its status per indicator in words, and below them
 * the share, numerator, denominator and respondents per län (01–25), storstad and riket; last the
 * kommuner that did not respond. The same results give the same bytes.
 */
import ExcelJS from 'exceljs';
import * as path from 'node:path';
import type { Level } from '@oj/evaluator';
import type { Model, Status } from '@oj/language';
import { swedishDate } from '@oj/documents';
import { type EvaluatedResults, nonRespondents, ownShare, publishedRegions, ResultIndex, stratumTotals, surveyOf } from './results.js';
import { STATUS_MEANING, STATUS_ORDER, publishedStatus } from './labels.js';
import { indicatorTitle, isRatio, type Part, partsOf } from './sheets.js';
import { addRow, cellText, sheetName, workbookBytes } from './xlsx.js';
import type { PreviousYear } from './previous.js';

export interface WorkbookOptions {
    /** Who publishes the results, in the citation (e.g. "Socialstyrelsen"). */
    publisher?: string;
    /** The response file the results were evaluated from, named on the info sheet. */
    responseFile?: string;
    /** Last year's results: its share and the change in percentage points per level, for comparable indicators. */
    previous?: PreviousYear;
}

/** Fill and text colour per status; the word is always there too, so colour is never alone. */
export const STATUS_STYLE: Readonly<Record<Status, { fill: string; font: string }>> = {
    met: { fill: 'FFC6E7CE', font: 'FF0B4D1E' },
    not_met: { fill: 'FFF8CBAD', font: 'FF7A2A00' },
    excluded: { fill: 'FFE3E3E3', font: 'FF3A3A3A' },
    missing: { fill: 'FFFFFFFF', font: 'FF555555' }
};

const PERCENT = '0%';
/** Percentage points with a sign and one decimal (Swedish Excel shows the decimal comma). */
const POINTS = '+0.0;-0.0;0.0';
const NOT_COMPARABLE = 'ej jämförbar';
const OWN_PERCENT = '0.0%';
/** Thousands grouped; Swedish Excel shows the separator as a space and the decimal comma. */
const COUNT = '#,##0';
const HEADER_FILL = 'FFDDE6F0';
const ACCENT = 'FF1F3A5F';

function bold(row: ExcelJS.Row, size?: number): void {
    row.font = size ? { bold: true, size, color: { argb: ACCENT } } : { bold: true };
}

function headerRow(ws: ExcelJS.Worksheet, values: Array<string | number>): ExcelJS.Row {
    const row = addRow(ws, values);
    row.font = { bold: true };
    row.alignment = { wrapText: true, vertical: 'top' };
    row.eachCell(cell => { cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } }; });
    return row;
}

function infoSheet(workbook: ExcelJS.Workbook, models: Model[], results: EvaluatedResults, parts: Array<{ name: string; part: Part }>, options: WorkbookOptions, missingCount: number): void {
    const survey = surveyOf(models);
    const ws = workbook.addWorksheet('Om resultaten');
    ws.columns = [{ width: 26 }, { width: 100 }];
    const surveyTitle = survey?.title ?? 'Öppna jämförelser';
    const title = addRow(ws, [`${surveyTitle} – resultat`]);
    bold(title, 14);
    ws.addRow([]);
    const line = (label: string, value: string | number | undefined) => {
        if (value === undefined || value === '') return;
        const row = addRow(ws, [label, value]);
        row.getCell(1).font = { bold: true };
        row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
        row.getCell(1).alignment = { vertical: 'top' };
    };
    const kommuner = results.respondents.filter(r => !r.stadsdel).length;
    const stadsdelar = results.respondents.length - kommuner;
    line('Enkät', survey ? `${survey.name}: ${survey.title}` : undefined);
    line('År', survey?.year);
    line('Mätdatum', survey?.measurementDate ? swedishDate(survey.measurementDate) : undefined);
    line('Period', survey?.period);
    line('Källa', [survey?.dataSource, options.responseFile ? `Svarsfil: ${options.responseFile}.` : ''].filter(Boolean).join(' '));
    line('Målpopulation', survey?.targetPopulation);
    line('Svarande', `${stadsdelar > 0 ? `${results.respondents.length} (${kommuner} kommuner och ${stadsdelar} stadsdelar)` : `${kommuner} kommuner`}. ` +
        `${missingCount} kommuner svarade inte; de står på bladet "Ej svarat".`);
    ws.addRow([]);
    bold(addRow(ws, ['Status', 'Vad statusen betyder']));
    for (const status of STATUS_ORDER) {
        const row = addRow(ws, [publishedStatus(status), STATUS_MEANING[status]]);
        const style = STATUS_STYLE[status];
        row.getCell(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: style.fill } };
        row.getCell(1).font = { color: { argb: style.font }, bold: true };
        row.getCell(2).alignment = { wrapText: true };
    }
    ws.addRow([]);
    line('Nämnare', [survey?.denominator, 'Andelen är täljaren (antal som uppnår indikatorn) delad med nämnaren (antal som uppnår eller inte uppnår den); den är tom när nämnaren är 0. En stadsdel räknas som en svarande.'].filter(Boolean).join(' '));
    line('Andelsindikatorer', 'För en indikator som är en andel av antal visar varje svarandes rad den egna andelen; länets, storstadens och rikets andel är summan av täljarna delad med summan av nämnarna.');
    line('Redovisningsnivåer', 'Kommuner och stadsdelar, län (i kodordning 01–25), storstäderna Stockholm, Göteborg och Malmö, samt riket.');
    if (options.previous) {
        line('Förändring', 'Under andelen står förra årets andel och förändringen i procentenheter, för de indikatorer som modellen anger som jämförbara med förra året ("tidigare … jämförbar"). ' +
            `För övriga står "${NOT_COMPARABLE}", och raden Jämförbarhet säger varför. Förra årets resultat: mappen ${cellText(path.basename(path.resolve(options.previous.folder)))}.`);
    }
    line('Blad', parts.map(p => p.name).join(', '));
    const year = survey?.year && !surveyTitle.includes(String(survey.year)) ? ` (${survey.year})` : '';
    const cite = [options.publisher, `${surveyTitle}${year}`].filter(Boolean).join(', ');
    line('Så citerar du', `Källa: ${cite}. Ange bladet och indikatorns nummer.`);
}

function partSheet(ws: ExcelJS.Worksheet, part: Part, index: ResultIndex, surveyTitle: string, measurement: string | undefined, previous?: PreviousYear): void {
    const fixed = 3;
    ws.columns = [{ width: 9 }, { width: 28 }, { width: 22 }, ...part.entries.map(() => ({ width: 18 }))];
    bold(addRow(ws, [`${part.title} – ${surveyTitle}`]), 13);
    addRow(ws, [`Status per kommun och stadsdel${measurement ? ` (mätdatum ${measurement})` : ''}. Under dem andel, täljare, nämnare och svarande per län, storstad och riket. Vad varje status betyder står på bladet "Om resultaten".`]);
    ws.addRow([]);
    const header = headerRow(ws, ['Kod', 'Namn', 'Län', ...part.entries.map(e => indicatorTitle(e.indicator))]);
    header.height = 75;
    ws.views = [{ state: 'frozen', xSplit: fixed, ySplit: header.number, topLeftCell: `D${header.number + 1}` }];

    for (const r of index.results.respondents) {
        const row = addRow(ws, [r.unit, r.name, r.lansnamn]);
        part.entries.forEach((entry, i) => {
            const cell = row.getCell(fixed + 1 + i);
            const result = index.result(r.unit, entry.indicator.number, entry.group);
            if (!result) return;
            const share = isRatio(entry.indicator) && result.status === 'met' ? ownShare(result) : undefined;
            if (share !== undefined) {
                cell.value = share;
                cell.numFmt = OWN_PERCENT;
                return;
            }
            const style = STATUS_STYLE[result.status];
            cell.value = cellText(publishedStatus(result.status));
            cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: style.fill } };
            cell.font = { color: { argb: style.font } };
        });
    }

    const regions = publishedRegions();
    const blocks: Array<{ title: string; value: (indicator: number, group: string | undefined, level: Level, code: string) => number | string | null; format: string; note?: boolean }> = [
        { title: 'Andel som uppnår indikatorn (%)', format: PERCENT, value: (n, g, l, c) => index.cell(n, g, l, c)?.share ?? null },
        { title: 'Täljare (antal som uppnår)', format: COUNT, value: (n, g, l, c) => index.cell(n, g, l, c)?.numerator ?? 0 },
        { title: 'Nämnare (uppnår eller uppnår inte)', format: COUNT, value: (n, g, l, c) => index.cell(n, g, l, c)?.denominator ?? 0 },
        { title: 'Svarande (kommuner och stadsdelar)', format: COUNT, value: (n, g, l, c) => index.respondents(n, g, l, c) }
    ];
    const comparable = (n: number) => previous?.matches.get(n)?.comparable === true;
    if (previous) {
        // Change over time beside the share: last year's share and the difference, comparable indicators only.
        const share = (n: number, g: string | undefined, l: Level, c: string) => index.cell(n, g, l, c)?.share;
        blocks.splice(1, 0,
            { title: 'Andel förra året (%)', format: PERCENT, note: true, value: (n, g, l, c) => (comparable(n) ? previous.share(n, g, l, c) ?? null : NOT_COMPARABLE) },
            {
                title: 'Förändring sedan förra året (procentenheter)', format: POINTS, note: true, value: (n, g, l, c) => {
                    if (!comparable(n)) return NOT_COMPARABLE;
                    const now = share(n, g, l, c), before = previous.share(n, g, l, c);
                    return now === undefined || before === undefined ? null : Math.round((now - before) * 1000) / 10;
                }
            });
    }
    for (const block of blocks) {
        ws.addRow([]);
        const head = headerRow(ws, ['Kod', block.title, 'Nivå', ...part.entries.map(e => indicatorTitle(e.indicator))]);
        head.height = 30;
        if (block.note && previous) {
            const row = ws.addRow(['', 'Jämförbarhet', '', ...part.entries.map(e => cellText(previous.matches.get(e.indicator.number)?.note ?? ''))]);
            row.alignment = { wrapText: true, vertical: 'top' };
            row.font = { italic: true };
        }
        for (const region of regions) {
            const level = region.level === 'lan' ? 'Län' : region.level === 'storstad' ? 'Storstad' : 'Riket';
            const row = addRow(ws, [region.level === 'riket' ? '' : region.code, region.name, level,
                ...part.entries.map(e => block.value(e.indicator.number, e.group, region.level, region.code))]);
            for (let i = 0; i < part.entries.length; i++) row.getCell(fixed + 1 + i).numFmt = block.format;
            if (region.level === 'riket') row.font = { bold: true };
        }
    }
}

function nonRespondentSheet(ws: ExcelJS.Worksheet, missing: ReturnType<typeof nonRespondents>): void {
    ws.columns = [{ width: 9 }, { width: 28 }, { width: 24 }];
    bold(addRow(ws, ['Kommuner som inte svarade']), 13);
    addRow(ws, [missing.length === 0 ? 'Alla kommuner svarade (själva eller genom stadsdelar).' : `${missing.length} kommuner i kommunregistret har ingen svarande i svarsfilen.`]);
    ws.addRow([]);
    const header = headerRow(ws, ['Kod', 'Namn', 'Län']);
    ws.views = [{ state: 'frozen', ySplit: header.number }];
    for (const k of missing) addRow(ws, [k.kod, k.namn, k.lansnamn]);
}

/** The results workbook; the same models and results give the same bytes. */
export async function resultsWorkbook(models: Model[], results: EvaluatedResults, options: WorkbookOptions = {}): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'oj evaluate';
    const survey = surveyOf(models);
    const index = new ResultIndex(results, stratumTotals(models));
    const used = new Set<string>(['om resultaten', 'ej svarat']);
    const parts = partsOf(models).map(part => ({ part, name: sheetName(part.title, used) }));
    const missing = nonRespondents(results, survey?.year);
    infoSheet(workbook, models, results, parts, options, missing.length);
    const measurement = survey?.measurementDate ? swedishDate(survey.measurementDate) : undefined;
    for (const { part, name } of parts) partSheet(workbook.addWorksheet(name), part, index, survey?.title ?? 'Öppna jämförelser', measurement, options.previous);
    nonRespondentSheet(workbook.addWorksheet('Ej svarat'), missing);
    return workbookBytes(workbook);
}
