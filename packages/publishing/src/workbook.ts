/**
 * The results workbook (`oj evaluate`'s results.xlsx) as the published Excel files are read:
 * "Om resultaten" first (what, when, from where, what the statuses mean, how to cite), then a sheet
 * per area or group with a row per respondent and its status per indicator in words, and below them
 * the share, numerator, denominator and respondents per län (01–25), storstad and riket; last the
 * kommuner that did not respond. The same results give the same bytes.
 */
import ExcelJS from 'exceljs';
import * as path from 'node:path';
import type { Level, RegisterIndicatorResult } from '@oj/evaluator';
import { kommun, lan } from '@oj/regions';
import { type IndicatorPlan, lowerIndicator, type Model, type Status, type StratumPlan } from '@oj/language';
import { swedishDate } from '@oj/documents';
import {
    type EvaluatedResults,
    indicatorsOf,
    nonRespondents,
    ownShare,
    publishedRegions,
    ResultIndex,
    stratumTotals,
    surveyOf,
} from './results.js';
import { STATUS_MEANING, STATUS_ORDER, publishedStatus } from './labels.js';
import { indicatorTitle, isRatio, type Part, type PartEntry, partsOf } from './sheets.js';
import { addRow, cellText, sheetName, workbookBytes } from './xlsx.js';
import type { PreviousYear } from './previous.js';

export interface WorkbookOptions {
    /** Who publishes the results, in the citation (e.g. "Socialstyrelsen"). */
    publisher?: string;
    /** The response file the results were evaluated from, named on the info sheet. */
    responseFile?: string;
    /** Last year's results: its share and the change in percentage points per level, for comparable indicators. */
    previous?: PreviousYear;
    /** Register indicators' results: a sheet "Registerindikatorer" after the survey's. */
    registers?: readonly RegisterIndicatorResult[];
    /** Whether a response file was evaluated; without one (register files only) the survey's sheets are left out. */
    surveyEvaluated?: boolean;
}

/** Fill and text colour per status; the word is always there too, so colour is never alone. */
export const STATUS_STYLE: Readonly<Record<Status, { fill: string; font: string }>> = {
    met: { fill: 'FFC6E7CE', font: 'FF0B4D1E' },
    not_met: { fill: 'FFF8CBAD', font: 'FF7A2A00' },
    excluded: { fill: 'FFE3E3E3', font: 'FF3A3A3A' },
    missing: { fill: 'FFFFFFFF', font: 'FF555555' },
};

const PERCENT = '0%';
/** Percentage points with a sign and one decimal (Swedish Excel shows the decimal comma). */
const POINTS = '+0.0;-0.0;0.0';
const NOT_COMPARABLE = 'ej jämförbar';
const OWN_PERCENT = '0.0%';
/** Thousands grouped; Swedish Excel shows the separator as a space and the decimal comma. */
const COUNT = '#,##0';
/** A background measure's value: thousands grouped, decimals only where the value has them. */
const WHOLE = '#,##0';
const DECIMALS = '#,##0.0##';
const HEADER_FILL = 'FFDDE6F0';
const ACCENT = 'FF1F3A5F';

function bold(row: ExcelJS.Row, size?: number): void {
    row.font = size ? { bold: true, size, color: { argb: ACCENT } } : { bold: true };
}

function headerRow(ws: ExcelJS.Worksheet, values: Array<string | number>): ExcelJS.Row {
    const row = addRow(ws, values);
    row.font = { bold: true };
    row.alignment = { wrapText: true, vertical: 'top' };
    row.eachCell((cell) => {
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    });
    return row;
}

function infoSheet(
    workbook: ExcelJS.Workbook,
    models: Model[],
    results: EvaluatedResults,
    parts: Array<{ name: string; part: Part }>,
    options: WorkbookOptions,
    missingCount: number,
): void {
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
    const kommuner = results.respondents.filter((r) => !r.stadsdel).length;
    const stadsdelar = results.respondents.length - kommuner;
    line('Enkät', survey ? `${survey.name}: ${survey.title}` : undefined);
    line('År', survey?.year);
    line('Mätdatum', survey?.measurementDate ? swedishDate(survey.measurementDate) : undefined);
    line('Period', survey?.period);
    line(
        'Källa',
        [survey?.dataSource, options.responseFile ? `Svarsfil: ${options.responseFile}.` : ''].filter(Boolean).join(' '),
    );
    line('Målpopulation', survey?.targetPopulation);
    line(
        'Svarande',
        `${stadsdelar > 0 ? `${results.respondents.length} (${kommuner} kommuner och ${stadsdelar} stadsdelar)` : `${kommuner} kommuner`}. ` +
            `${missingCount} kommuner svarade inte; de står på bladet "Ej svarat".`,
    );
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
    line(
        'Nämnare',
        [
            survey?.denominator,
            'Andelen är täljaren (antal som uppnår indikatorn) delad med nämnaren (antal som uppnår eller inte uppnår den); den är tom när nämnaren är 0. En stadsdel räknas som en svarande.',
        ]
            .filter(Boolean)
            .join(' '),
    );
    line(
        'Andelsindikatorer',
        'För en indikator som är en andel av antal visar varje svarandes rad den egna andelen; länets, storstadens och rikets andel är summan av täljarna delad med summan av nämnarna.',
    );
    const plans = indicatorsOf(models).map(lowerIndicator);
    if (plans.some((p) => p.kind === 'measure')) {
        line(
            'Bakgrundsmått',
            'Ett bakgrundsmått är ingen indikator utan ett värde per svarande (ett antal eller en kvot) som beskriver förutsättningarna; raden visar den svarandes värde, eller "Utesluten" eller "Saknas" när det inte finns något, ' +
                'och län, storstad och riket det aggregerade värdet av de svarande som har ett, så som kolumnrubriken anger (summa, medelvärde eller median).',
        );
    }
    const strata = [
        ...new Set(plans.flatMap((p) => p.units.flatMap((u) => (u.stratum && !u.stratum.total ? [u.stratum.label] : [])))),
    ];
    if (strata.length > 0) {
        const total = plans.flatMap((p) => p.units).find((u) => u.stratum?.total)?.stratum?.label ?? 'Totalt';
        line(
            'Indelning',
            `En indikator som redovisas uppdelad (${strata.join(', ')}) visar totalen ("${total}") i indikatorns kolumn och bredvid den en kolumn per del, för varje svarande och per län, storstad och riket.`,
        );
    }
    line(
        'Redovisningsnivåer',
        'Kommuner och stadsdelar, län (i kodordning 01–25), storstäderna Stockholm, Göteborg och Malmö, samt riket.',
    );
    if (options.previous) {
        line(
            'Förändring',
            'Under andelen står förra årets andel och förändringen i procentenheter, för de indikatorer som modellen anger som jämförbara med förra året ("tidigare … jämförbar"). ' +
                `För övriga står "${NOT_COMPARABLE}", och raden Jämförbarhet säger varför. Förra årets resultat: mappen ${cellText(path.basename(path.resolve(options.previous.folder)))}.`,
        );
    }
    line('Blad', parts.map((p) => p.name).join(', '));
    const year = survey?.year && !surveyTitle.includes(String(survey.year)) ? ` (${survey.year})` : '';
    const cite = [options.publisher, `${surveyTitle}${year}`].filter(Boolean).join(', ');
    line('Så citerar du', `Källa: ${cite}. Ange bladet och indikatorns nummer.`);
}

/**
 * A column of a part's sheet: an indicator's result (for a stratified one its total), or one stratum
 * of a stratified indicator beside its total.
 */
interface Column {
    entry: PartEntry;
    plan: IndicatorPlan;
    /** A stratum's column; undefined for the indicator's own (the total's) column. */
    stratum?: StratumPlan;
    header: string;
}

/** The strata (not the total) of the entry's unit plans, in the model's order. */
function strataOf(plan: IndicatorPlan, group: string | undefined): { total?: StratumPlan; strata: StratumPlan[] } {
    const units = plan.units.filter((u) => u.unit === group || group === undefined);
    const seen = new Set<string>();
    const strata: StratumPlan[] = [];
    let total: StratumPlan | undefined;
    for (const u of units) {
        if (!u.stratum) continue;
        if (u.stratum.total) {
            total ??= u.stratum;
            continue;
        }
        if (seen.has(u.stratum.code)) continue;
        seen.add(u.stratum.code);
        strata.push(u.stratum);
    }
    return { total, strata };
}

function columnsOf(part: Part, plans: ReadonlyMap<number, IndicatorPlan>): Column[] {
    return part.entries.flatMap((entry) => {
        const plan = plans.get(entry.indicator.number)!;
        const title = indicatorTitle(entry.indicator);
        const { total, strata } = strataOf(plan, entry.group);
        if (strata.length === 0) return [{ entry, plan, header: title }];
        return [
            { entry, plan, header: `${title} – ${total?.label ?? 'Totalt'}` },
            ...strata.map((stratum) => ({ entry, plan, stratum, header: `${title} – ${stratum.label}` })),
        ];
    });
}

/** Whole numbers without decimals, others with as many as they have (up to three). */
function valueFormat(value: number): string {
    return Number.isInteger(value) ? WHOLE : DECIMALS;
}

function statusCell(cell: ExcelJS.Cell, status: Status): void {
    const style = STATUS_STYLE[status];
    cell.value = cellText(publishedStatus(status));
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: style.fill } };
    cell.font = { color: { argb: style.font } };
}

function partSheet(
    ws: ExcelJS.Worksheet,
    part: Part,
    plans: ReadonlyMap<number, IndicatorPlan>,
    index: ResultIndex,
    surveyTitle: string,
    measurement: string | undefined,
    previous?: PreviousYear,
): void {
    const fixed = 3;
    const columns = columnsOf(part, plans);
    const isMeasure = (c: Column) => c.plan.kind === 'measure';
    const hasMeasures = columns.some(isMeasure);
    ws.columns = [{ width: 9 }, { width: 28 }, { width: 22 }, ...columns.map(() => ({ width: 18 }))];
    bold(addRow(ws, [`${part.title} – ${surveyTitle}`]), 13);
    addRow(ws, [
        `Status per kommun och stadsdel${hasMeasures ? ', för bakgrundsmått värdet' : ''}${measurement ? ` (mätdatum ${measurement})` : ''}. ` +
            `Under dem andel, täljare, nämnare och svarande per län, storstad och riket${hasMeasures ? ', för bakgrundsmått det aggregerade värdet' : ''}. Vad varje status betyder står på bladet "Om resultaten".`,
    ]);
    ws.addRow([]);
    const header = headerRow(ws, ['Kod', 'Namn', 'Län', ...columns.map((c) => c.header)]);
    header.height = 75;
    ws.views = [{ state: 'frozen', xSplit: fixed, ySplit: header.number, topLeftCell: `D${header.number + 1}` }];

    for (const r of index.results.respondents) {
        const row = addRow(ws, [r.unit, r.name, r.lansnamn]);
        columns.forEach((column, i) => {
            const cell = row.getCell(fixed + 1 + i);
            const { indicator, group } = column.entry;
            const stratum = column.stratum?.code;
            if (isMeasure(column)) {
                const measure = index.measure(r.unit, indicator.number, group, stratum);
                if (!measure) return;
                if (measure.status === 'measured' && measure.value !== undefined) {
                    cell.value = measure.value;
                    cell.numFmt = valueFormat(measure.value);
                } else statusCell(cell, measure.status === 'measured' ? 'missing' : measure.status);
                return;
            }
            const result = index.result(r.unit, indicator.number, group, stratum);
            if (!result) return;
            const share = isRatio(indicator) && result.status === 'met' ? ownShare(result) : undefined;
            if (share !== undefined) {
                cell.value = share;
                cell.numFmt = OWN_PERCENT;
                return;
            }
            statusCell(cell, result.status);
        });
    }

    type Value = (column: Column, level: Level, code: string) => number | string | null;
    const regions = publishedRegions();
    const at = (c: Column, l: Level, code: string) =>
        index.cell(c.entry.indicator.number, c.entry.group, l, code, c.stratum?.code);
    const measureAt = (c: Column, l: Level, code: string) =>
        index.measureCell(c.entry.indicator.number, c.entry.group, l, code, c.stratum?.code);
    // A background measure has a value per level, no share or counts: its columns stay empty in those blocks.
    const counted =
        (value: Value): Value =>
        (c, l, code) =>
            isMeasure(c) ? null : value(c, l, code);
    const blocks: Array<{ title: string; value: Value; format: string; note?: boolean; measureValue?: boolean }> = [
        {
            title: hasMeasures ? 'Andel som uppnår indikatorn (%); bakgrundsmåttets värde' : 'Andel som uppnår indikatorn (%)',
            format: PERCENT,
            measureValue: true,
            value: (c, l, code) => (isMeasure(c) ? (measureAt(c, l, code)?.value ?? null) : (at(c, l, code)?.share ?? null)),
        },
        { title: 'Täljare (antal som uppnår)', format: COUNT, value: counted((c, l, code) => at(c, l, code)?.numerator ?? 0) },
        {
            title: 'Nämnare (uppnår eller uppnår inte)',
            format: COUNT,
            value: counted((c, l, code) => at(c, l, code)?.denominator ?? 0),
        },
        {
            title: 'Svarande (kommuner och stadsdelar)',
            format: COUNT,
            value: (c, l, code) =>
                isMeasure(c)
                    ? (measureAt(c, l, code)?.respondents ?? 0)
                    : c.stratum
                      ? (at(c, l, code)?.respondents ?? 0)
                      : index.respondents(c.entry.indicator.number, c.entry.group, l, code),
        },
    ];
    const comparable = (n: number) => previous?.matches.get(n)?.comparable === true;
    if (previous) {
        // Change over time beside the share: last year's share and the difference, comparable indicators' totals only.
        const share = (c: Column, l: Level, code: string) => at(c, l, code)?.share;
        const compared =
            (value: Value): Value =>
            (c, l, code) =>
                isMeasure(c) || c.stratum ? null : comparable(c.entry.indicator.number) ? value(c, l, code) : NOT_COMPARABLE;
        blocks.splice(
            1,
            0,
            {
                title: 'Andel förra året (%)',
                format: PERCENT,
                note: true,
                value: compared((c, l, code) => previous.share(c.entry.indicator.number, c.entry.group, l, code) ?? null),
            },
            {
                title: 'Förändring sedan förra året (procentenheter)',
                format: POINTS,
                note: true,
                value: compared((c, l, code) => {
                    const now = share(c, l, code),
                        before = previous.share(c.entry.indicator.number, c.entry.group, l, code);
                    return now === undefined || before === undefined ? null : Math.round((now - before) * 1000) / 10;
                }),
            },
        );
    }
    for (const block of blocks) {
        ws.addRow([]);
        // A measure's column names how its values are aggregated per level, since they are no shares.
        const titles = columns.map((c) =>
            block.measureValue && isMeasure(c) && c.plan.aggregation ? `${c.header} (${c.plan.aggregation})` : c.header,
        );
        const head = headerRow(ws, ['Kod', block.title, 'Nivå', ...titles]);
        head.height = 30;
        if (block.note && previous) {
            const row = ws.addRow([
                '',
                'Jämförbarhet',
                '',
                ...columns.map((c) =>
                    cellText(c.stratum || isMeasure(c) ? '' : (previous.matches.get(c.entry.indicator.number)?.note ?? '')),
                ),
            ]);
            row.alignment = { wrapText: true, vertical: 'top' };
            row.font = { italic: true };
        }
        for (const region of regions) {
            const level = region.level === 'lan' ? 'Län' : region.level === 'storstad' ? 'Storstad' : 'Riket';
            const values = columns.map((c) => block.value(c, region.level, region.code));
            const row = addRow(ws, [region.level === 'riket' ? '' : region.code, region.name, level, ...values]);
            values.forEach((value, i) => {
                row.getCell(fixed + 1 + i).numFmt =
                    block.measureValue && isMeasure(columns[i])
                        ? typeof value === 'number'
                            ? valueFormat(value)
                            : WHOLE
                        : block.format;
            });
            if (region.level === 'riket') row.font = { bold: true };
        }
    }
}

function nonRespondentSheet(ws: ExcelJS.Worksheet, missing: ReturnType<typeof nonRespondents>): void {
    ws.columns = [{ width: 9 }, { width: 28 }, { width: 24 }];
    bold(addRow(ws, ['Kommuner som inte svarade']), 13);
    addRow(ws, [
        missing.length === 0
            ? 'Alla kommuner svarade (själva eller genom stadsdelar).'
            : `${missing.length} kommuner i kommunregistret har ingen svarande i svarsfilen.`,
    ]);
    ws.addRow([]);
    const header = headerRow(ws, ['Kod', 'Namn', 'Län']);
    ws.views = [{ state: 'frozen', ySplit: header.number }];
    for (const k of missing) addRow(ws, [k.kod, k.namn, k.lansnamn]);
}

const LEVEL_TEXT: Record<string, string> = { kommun: 'Kommun', län: 'Län', storstad: 'Storstad', riket: 'Riket' };

/**
 * The register indicators' cells, one row per region and stratum: kommuner, then län, storstäder
 * and riket, as aggregates.csv has them. A suppressed cell shows the policy's mark and no counts.
 */
function registerSheet(ws: ExcelJS.Worksheet, registers: readonly RegisterIndicatorResult[]): void {
    ws.columns = [
        { width: 10 },
        { width: 40 },
        { width: 10 },
        { width: 8 },
        { width: 26 },
        { width: 14 },
        { width: 10 },
        { width: 10 },
        { width: 10 },
        { width: 9 },
    ];
    const header = headerRow(ws, [
        'Indikator',
        'Namn',
        'Nivå',
        'Kod',
        'Region',
        'Indelning',
        'Grupp',
        'Täljare',
        'Nämnare',
        'Andel',
    ]);
    ws.views = [{ state: 'frozen', ySplit: header.number }];
    for (const { plan, units, levels } of registers) {
        const labels = new Map<string, string>([[`\u0000${plan.totalCode}`, 'Totalt']]);
        for (const s of plan.stratifications) for (const st of s.strata) labels.set(`${s.name}\u0000${st.code}`, st.label);
        const stratification = new Map(plan.stratifications.map((s) => [s.name, s.label]));
        for (const cell of [...units, ...levels]) {
            const region =
                cell.level === 'riket'
                    ? 'Riket'
                    : cell.level === 'län'
                      ? (lan(cell.region)?.namn ?? '')
                      : (kommun(cell.region)?.namn ?? '');
            const row = addRow(ws, [
                plan.number,
                plan.name,
                LEVEL_TEXT[cell.level] ?? cell.level,
                cell.level === 'riket' ? '' : cell.region,
                region,
                cell.stratification ? (stratification.get(cell.stratification) ?? cell.stratification) : '',
                labels.get(`${cell.stratification ?? ''}\u0000${cell.stratum}`) ?? cell.stratum,
                cell.suppressed ? '' : cell.numerator,
                cell.suppressed ? '' : cell.denominator,
                cell.suppressed ? (plan.suppression?.mark ?? '') : (cell.value ?? ''),
            ]);
            row.getCell(8).numFmt = COUNT;
            row.getCell(9).numFmt = COUNT;
            if (cell.value !== undefined && !cell.suppressed) row.getCell(10).numFmt = OWN_PERCENT;
            else row.getCell(10).alignment = { horizontal: 'right' };
        }
    }
}

/** The results workbook; the same models and results give the same bytes. */
export async function resultsWorkbook(
    models: Model[],
    results: EvaluatedResults,
    options: WorkbookOptions = {},
): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'oj evaluate';
    const survey = surveyOf(models);
    const index = new ResultIndex(results, stratumTotals(models));
    const used = new Set<string>(['om resultaten', 'ej svarat']);
    const parts = partsOf(models).map((part) => ({ part, name: sheetName(part.title, used) }));
    const missing = nonRespondents(results, survey?.year);
    infoSheet(workbook, models, results, parts, options, missing.length);
    const measurement = survey?.measurementDate ? swedishDate(survey.measurementDate) : undefined;
    const plans = new Map(indicatorsOf(models).map((indicator) => [indicator.number, lowerIndicator(indicator)]));
    for (const { part, name } of options.surveyEvaluated === false ? [] : parts)
        partSheet(
            workbook.addWorksheet(name),
            part,
            plans,
            index,
            survey?.title ?? 'Öppna jämförelser',
            measurement,
            options.previous,
        );
    if (options.registers && options.registers.length > 0)
        registerSheet(workbook.addWorksheet(sheetName('Registerindikatorer', used)), options.registers);
    if (options.surveyEvaluated !== false) nonRespondentSheet(workbook.addWorksheet('Ej svarat'), missing);
    return workbookBytes(workbook);
}
