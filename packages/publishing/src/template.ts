/**
 * Response templates (`oj template`): the file a survey export must look like, for collection and
 * for testing. One column per survey variable (the codebook's names, so a filled template is a
 * valid response file as it is), one row per kommun of the register. The XLSX template offers the
 * valid codes of each cell as a drop-down and explains the codes on a sheet of its own.
 */
import ExcelJS from 'exceljs';
import { formatCsv } from '@oj/evaluator';
import { type CodebookRow, type Model, codebookRows } from '@oj/language';
import { kommuner, registerHolds } from '@oj/regions';
import { stadsdelarOf, surveyOf } from './results.js';
import { addRow, cellText, clip, workbookBytes } from './xlsx.js';

export type TemplateFormat = 'csv' | 'xlsx';

export interface TemplateRow {
    unit: string;
    name: string;
}

/** The rows of a template: every kommun of the register for the survey's year and, after each, its stadsdelar, in kod order. */
export function templateRows(models: Model[]): TemplateRow[] {
    const year = surveyOf(models)?.year;
    const districts = [...stadsdelarOf(models)].map(([unit, name]) => ({ unit, name }));
    return kommuner(year !== undefined && registerHolds(year) ? year : undefined).flatMap((k) => [
        { unit: k.kod, name: k.namn },
        ...districts.filter((d) => d.unit.startsWith(`${k.kod}-`)).sort((a, b) => (a.unit < b.unit ? -1 : 1)),
    ]);
}

export function templateColumns(models: Model[]): string[] {
    return ['unit', 'name', ...codebookRows(models).map((r) => r.variable)];
}

/** The CSV template: header and a row per kommun, every answer blank. */
export function templateCsv(models: Model[]): string {
    const columns = templateColumns(models);
    return formatCsv(
        columns,
        templateRows(models).map((r) => [r.unit, r.name, ...columns.slice(2).map(() => '')]),
    );
}

/** "1 = Ja, 2 = Nej, 3 = Ej aktuellt" */
function codesText(row: CodebookRow): string {
    if (row.numeric) return 'Ett antal: heltal 0 eller större.';
    const options = row.source.question.answerSet?.ref?.options ?? [];
    return options.map((o) => `${o.code} = ${o.label}`).join('; ');
}

function excelColumn(index: number): string {
    let name = '';
    for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
    return name;
}

/** The XLSX template: the answer sheet first (it is what `oj evaluate` reads), then the codes. */
export async function templateXlsx(models: Model[]): Promise<Buffer> {
    const codebook = codebookRows(models);
    const rows = templateRows(models);
    const survey = surveyOf(models);
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'oj template';

    const ws = workbook.addWorksheet('Svar', { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
    ws.columns = [{ width: 9 }, { width: 24 }, ...codebook.map((r) => ({ width: Math.max(10, r.variable.length + 2) }))];
    const header = addRow(ws, templateColumns(models));
    header.font = { bold: true };
    header.getCell(1).note =
        'Kommunkod (fyra siffror) eller stadsdelskod (kommunkod-NN). Sparas som text så att den inledande nollan finns kvar.';
    header.getCell(2).note = 'Kommunens eller stadsdelens namn.';
    codebook.forEach((row, i) => {
        header.getCell(3 + i).note = cellText(`${row.text}\n${codesText(row)}`);
    });
    for (const r of rows) {
        const row = addRow(ws, [r.unit, r.name]);
        row.getCell(1).numFmt = '@';
    }
    ws.getColumn(1).numFmt = '@';
    const last = rows.length + 1;
    codebook.forEach((row, i) => {
        const column = excelColumn(3 + i);
        // One rule per column (a range), not per cell: the same drop-down for every kommun's row.
        const validation: ExcelJS.DataValidation = row.numeric
            ? {
                  type: 'whole',
                  operator: 'greaterThanOrEqual',
                  allowBlank: true,
                  formulae: [0],
                  showErrorMessage: true,
                  errorTitle: 'Ogiltigt antal',
                  error: 'Ange ett heltal 0 eller större, eller lämna cellen tom.',
              }
            : {
                  type: 'list',
                  allowBlank: true,
                  formulae: [`"${row.codes.join(',')}"`],
                  showErrorMessage: true,
                  errorTitle: 'Ogiltig kod',
                  error: clip(cellText(`Välj en av koderna: ${codesText(row)}. Lämna cellen tom om frågan inte besvarats.`), 255),
                  showInputMessage: true,
                  promptTitle: clip(cellText(row.variable), 32),
                  prompt: clip(cellText(codesText(row)), 255),
              };
        (
            ws as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } }
        ).dataValidations.add(`${column}2:${column}${last}`, validation);
    });

    const codes = workbook.addWorksheet('Koder', { views: [{ state: 'frozen', ySplit: 6 }] });
    codes.columns = [{ width: 16 }, { width: 11 }, { width: 8 }, { width: 11 }, { width: 8 }, { width: 70 }, { width: 60 }];
    const title = addRow(codes, [`Svarsmall – ${survey?.title ?? 'Öppna jämförelser'}`]);
    title.font = { bold: true, size: 13 };
    addRow(codes, [
        'Bladet "Svar" har en rad per kommun och en kolumn per variabel. Skriv svarskoden i cellen (listan i cellen visar de giltiga koderna); lämna cellen tom när frågan inte besvarats eller hoppats över.',
    ]);
    addRow(codes, [
        'En stadsdel får en egen rad med koden kommunkod-NN (till exempel 0180-01). Rubrikraden och bladets namn ska inte ändras.',
    ]);
    addRow(codes, ['Utvärdera den ifyllda filen med: oj evaluate <modell> --responses <fil>.xlsx --out <mapp>']);
    codes.addRow([]);
    const head = addRow(codes, ['Variabel', 'Indikator', 'Fråga', 'Alternativ', 'Grupp', 'Frågetext', 'Giltiga koder']);
    head.font = { bold: true };
    for (const row of codebook) {
        const r = addRow(codes, [
            row.variable,
            row.indicators.join(', '),
            row.question,
            row.item,
            row.group,
            row.text,
            codesText(row),
        ]);
        r.alignment = { wrapText: true, vertical: 'top' };
    }
    return workbookBytes(workbook);
}
