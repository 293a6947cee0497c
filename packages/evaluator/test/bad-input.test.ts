/**
 * Issue 19: bad input never yields a wrong figure, half a result, a hang or a crash. Each case is a
 * response file as a careless user or an attacker writes it, and what `oj evaluate` must do with it:
 * refuse it naming the row, cell or file, or read it as Excel reads it.
 */
import * as fs from 'node:fs';
import * as module from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { codebookRows, type CodebookRow, type Model } from '@oj/language';
import {
    checkMemoryFor,
    MAX_KEPT_ROWS,
    evaluateResponsesFile,
    OutputWriteError,
    readResponseFile,
    ResponseFileError,
    unitRegisterOf,
    validateResponses,
    writeFilesAtomically,
} from '../src/index.js';
import { loadExample } from './support.js';

let models: Model[];
let codebook: CodebookRow[];
let dir: string;

beforeAll(async () => {
    models = await loadExample();
    codebook = codebookRows(models);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oj-bad-input-'));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A response file: `unit`, `name`, every variable; the given answers, blank elsewhere. */
function csv(rows: Array<{ unit: string; name?: string; answers?: Record<string, string> }>, delimiter = ','): string {
    const variables = codebook.map((c) => c.variable);
    const quote = (c: string) => (/[",;\t\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
    return (
        [
            ['unit', 'name', ...variables],
            ...rows.map((r) => [r.unit, r.name ?? '', ...variables.map((v) => r.answers?.[v] ?? '')]),
        ]
            .map((cells) => cells.map(quote).join(delimiter))
            .join('\n') + '\n'
    );
}

function write(name: string, content: string | Buffer): string {
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    return file;
}

/** The problems `oj evaluate` reports for a file, or [] when it is accepted. */
async function problemsOf(file: string): Promise<string[]> {
    try {
        validateResponses(await readResponseFile(file), codebook, unitRegisterOf(models));
        return [];
    } catch (error) {
        if (!(error instanceof ResponseFileError)) throw error;
        return error.message.split('\n').slice(1);
    }
}

const MET_2_EB = { I02_1_EB: '1', I02_2_EB: '1' };
const NOT_MET_2_EB = { I02_1_EB: '2' };

describe("1. unit codes are checked against the kommun register and the survey's stadsdelar", () => {
    test("the survey declares Stockholm's 14 and Göteborg's 10 stadsdelar of 2019", () => {
        const { stadsdelar, year } = unitRegisterOf(models);
        expect(year).toBe(2019);
        expect(stadsdelar.size).toBe(24);
        expect(stadsdelar.get('0180-01')).toBe('Rinkeby-Kista');
        expect(stadsdelar.get('1480-04')).toBe('Centrum');
        expect([...stadsdelar.keys()].filter((k) => k.startsWith('0180-'))).toHaveLength(14);
    });

    test.each([
        ['01800', /rad 3, enhet 01800: "01800" är ingen enhetskod/],
        ['99999', /rad 3, enhet 99999: "99999" är ingen enhetskod/],
        ['9999', /rad 3, enhet 9999: Det finns ingen kommun med kommunkoden 9999/],
        ['0180.0', /rad 3, enhet 0180\.0: "0180\.0" är ingen enhetskod/],
        ['1480\n=1+1', /rad 3, enhet 1480U\+000A=1\+1: "1480U\+000A=1\+1" är ingen enhetskod/],
        [
            '0180-15',
            /rad 3, enhet 0180-15: Stadsdelen 0180-15 finns inte bland enkätens stadsdelar \(enkäten anger 14 i Stockholm: 0180-01–0180-14\)/,
        ],
        ['1280-01', /enkäten anger inga stadsdelar i Malmö/],
        ['0180-1', /"0180-1" är ingen enhetskod/],
    ])('%j is an error naming the row', async (unit, expected) => {
        const file = write(
            'unit.csv',
            csv([
                { unit: '0114', answers: MET_2_EB },
                { unit, answers: MET_2_EB },
            ]),
        );
        const problems = await problemsOf(file);
        expect(problems).toHaveLength(1);
        expect(problems[0]).toMatch(expected);
    });

    test("a typo for 0180 no longer changes Stockholm's storstad figure", async () => {
        const file = write(
            'typo.csv',
            csv([
                { unit: '0180', answers: MET_2_EB },
                { unit: '01800', answers: NOT_MET_2_EB },
            ]),
        );
        await expect(evaluateResponsesFile(models, file, path.join(dir, 'ut-typo'))).rejects.toThrow(ResponseFileError);
        expect(fs.existsSync(path.join(dir, 'ut-typo'))).toBe(false);
    });

    test('declared stadsdelar and kommuner of the register are evaluated, each stadsdel in its city', async () => {
        const file = write(
            'good.csv',
            csv([
                // Stockholm answers by its stadsdelar in 2019 (its own row would be outside the population).
                { unit: '0180-02', answers: MET_2_EB },
                { unit: '0180-01', answers: NOT_MET_2_EB },
                { unit: '1480-10', answers: MET_2_EB },
                { unit: '2584', answers: NOT_MET_2_EB },
            ]),
        );
        await evaluateResponsesFile(models, file, path.join(dir, 'ut-good'));
        const rows = parse(fs.readFileSync(path.join(dir, 'ut-good/aggregates.csv')), { columns: true }) as Array<
            Record<string, string>
        >;
        const cell = (level: string, region: string) =>
            rows.find((r) => r.indicator === '2' && r.group === 'EB' && r.level === level && r.region === region);
        // Each stadsdel is one respondent of its city: Stockholm's two (one met, one not), Göteborg's one.
        expect(cell('storstad', '0180')).toMatchObject({ numerator: '1', denominator: '2' });
        expect(cell('storstad', '1480')).toMatchObject({ numerator: '1', denominator: '1' });
        expect(cell('lan', '25')).toMatchObject({ numerator: '0', denominator: '1' });
        expect(cell('riket', 'riket')).toMatchObject({ numerator: '2', denominator: '4' });
        expect(rows.some((r) => r.level === 'lan' && r.region === '99')).toBe(false);
    });
});

describe('1. a code typed wrong onto another valid unit', () => {
    test('is named in a warning when the name column names another unit', async () => {
        const file = write(
            'misnamed.csv',
            csv([
                { unit: '0115', name: 'Upplands-Väsby kommun', answers: MET_2_EB },
                { unit: '0114', name: 'Upplands Väsby' },
                { unit: '0180-02', name: 'Rinkeby-Kista' },
                { unit: '0180-03', name: 'Stockholm' },
                { unit: '2584', name: 'Kiruna kommun' },
            ]),
        );
        const { warnings } = validateResponses(await readResponseFile(file), codebook, unitRegisterOf(models));
        expect(warnings).toEqual([
            'Namnet hör till en annan enhet än koden på 2 rader; kontrollera koderna (rad 2: "Upplands-Väsby kommun" är 0114 men koden är 0115 (Vallentuna); rad 4: "Rinkeby-Kista" är 0180-01 men koden är 0180-02 (Spånga-Tensta)).',
        ]);
    });
});

describe('2. XLSX as Excel reads it', () => {
    async function workbookFile(
        name: string,
        fill: (sheet: ExcelJS.Worksheet, column: (variable: string) => number) => void,
        first?: (wb: ExcelJS.Workbook) => void,
    ): Promise<string> {
        const workbook = new ExcelJS.Workbook();
        first?.(workbook);
        const sheet = workbook.addWorksheet('Svar');
        const variables = codebook.map((c) => c.variable);
        sheet.addRow(['unit', 'name', ...variables]);
        fill(sheet, (variable) => variables.indexOf(variable) + 3);
        const file = path.join(dir, name);
        await workbook.xlsx.writeFile(file);
        return file;
    }

    test('a merged cell gives its value to its first cell only: the covered cells are blank, and a note names the range', async () => {
        // Indicator 2 EB: Stockholm's "Ja" on i merged down over Upplands Väsby's row, which answered only ii.
        let range = '';
        const file = await workbookFile('merged.xlsx', (sheet, column) => {
            sheet.addRow(['0180', 'Stockholm']);
            sheet.addRow(['0114', 'Upplands Väsby']);
            sheet.getCell(2, column('I02_1_EB')).value = 1;
            sheet.getCell(2, column('I02_2_EB')).value = 1;
            sheet.getCell(3, column('I02_2_EB')).value = 1;
            sheet.mergeCells(2, column('I02_1_EB'), 3, column('I02_1_EB'));
            range = `${sheet.getCell(2, column('I02_1_EB')).address}:${sheet.getCell(3, column('I02_1_EB')).address}`;
        });
        const table = await readResponseFile(file);
        const { respondents, warnings } = validateResponses(table, codebook, unitRegisterOf(models));
        expect(respondents.find((r) => r.unit === '0180')!.answers.I02_1_EB).toBe('1');
        expect(respondents.find((r) => r.unit === '0114')!.answers.I02_1_EB).toBe('');
        expect(warnings).toContain(
            `Sammanfogade celler lästes som Excel läser dem, med värdet bara i den första cellen och övriga tomma: ${range}.`,
        );
        // So Upplands Väsby is missing on indicator 2 EB, not met on a "Ja" it never gave.
        const { evaluateRespondents } = await import('../src/index.js');
        const status = evaluateRespondents(models, respondents).find(
            (r) => r.unit === '0114' && r.indicator === 2 && r.group === 'EB',
        )?.status;
        expect(status).toBe('missing');
    });

    test('a formula cell is read by its saved value', async () => {
        const file = await workbookFile('formula.xlsx', (sheet, column) => {
            sheet.addRow([{ formula: '"01"&"80"', result: '0180' }, 'Stockholm']);
            sheet.getCell(2, column('I02_1_EB')).value = { formula: '0+1', result: 1 };
            sheet.getCell(2, column('I02_2_EB')).value = { formula: 'C2', result: 1 };
        });
        const { respondents } = validateResponses(await readResponseFile(file), codebook, unitRegisterOf(models));
        expect(respondents[0]).toMatchObject({ unit: '0180', answers: { I02_1_EB: '1', I02_2_EB: '1' } });
    });

    test('a formula without a saved value, or an error value, is an error naming the cell', async () => {
        let address = '';
        const file = await workbookFile('formula-no-value.xlsx', (sheet, column) => {
            sheet.addRow(['0180', 'Stockholm']);
            sheet.getCell(2, column('I02_1_EB')).value = { formula: 'SUM(A1:A2)' } as ExcelJS.CellFormulaValue;
            address = sheet.getCell(2, column('I02_1_EB')).address;
            sheet.getCell(2, column('I02_2_EB')).value = { error: '#N/A' } as ExcelJS.CellErrorValue;
        });
        const problems = await problemsOf(file);
        expect(problems).toEqual([
            expect.stringMatching(
                new RegExp(`^  - rad 2: Cell ${address}: cellen har formeln =SUM\\(A1:A2\\) utan sparat värde`),
            ),
            expect.stringMatching(/^ {2}- rad 2: Cell [A-Z]+2: cellen har felvärdet #N\/A\.$/),
        ]);
    });

    test('a first sheet without data is said so first, naming the sheet that has the answers', async () => {
        const file = await workbookFile(
            'empty-first.xlsx',
            (sheet) => {
                sheet.addRow(['0180', 'Stockholm']);
            },
            (wb) => {
                const empty = wb.addWorksheet('Instruktioner');
                empty.getCell('A1').font = { bold: true };
                empty.getRow(5).height = 30;
            },
        );
        expect(await problemsOf(file)).toEqual([
            '  - Det första bladet ("Instruktioner") i arbetsboken har inga data; svaren läses från det första bladet. Bladet "Svar" har data: flytta det först, eller spara det som en egen fil.',
        ]);
    });
});

describe('3. results are written all or nothing', () => {
    const good = () =>
        write(
            'all-or-nothing.csv',
            csv([
                { unit: '0180', answers: MET_2_EB },
                { unit: '0114', answers: NOT_MET_2_EB },
            ]),
        );

    test('a folder where aggregates.csv should be: nothing is written, and the message names the file', async () => {
        const out = path.join(dir, 'ut-folder');
        fs.mkdirSync(path.join(out, 'aggregates.csv'), { recursive: true });
        const error = await evaluateResponsesFile(models, good(), out).catch((e) => e);
        expect(error).toBeInstanceOf(OutputWriteError);
        expect(error.message).toBe(`Kunde inte skriva ${path.join(out, 'aggregates.csv')}: det är en mapp, inte en fil`);
        expect(fs.readdirSync(out)).toEqual(['aggregates.csv']);
    });

    test('an output folder that cannot be created (a file is in its way): nothing is written, the file is named', async () => {
        const blocker = write('blocker', 'x');
        const error = await evaluateResponsesFile(models, good(), path.join(blocker, 'ut')).catch((e) => e);
        expect(error).toBeInstanceOf(OutputWriteError);
        expect(error.message).toMatch(
            new RegExp(
                `^Kunde inte skriva ${path.join(blocker, 'ut', 'units.csv').replace(/[/\\.]/g, '\\$&')}: en del av sökvägen är en fil, inte en mapp$`,
            ),
        );
    });

    test('the disk full midway: the complete files are not renamed into place and no temporary file is left', async () => {
        const out = path.join(dir, 'ut-full');
        fs.mkdirSync(out);
        fs.writeFileSync(path.join(out, 'units.csv'), 'last year\n');
        // node:fs as CommonJS: patched there and synced, the evaluator's ESM import sees the patch.
        const cjs = module.createRequire(import.meta.url)('node:fs') as typeof fs;
        const original = cjs.writeFileSync;
        let calls = 0;
        // The third file (indicators.csv; the workbook is written only through the publish option) fails as a full disk does.
        cjs.writeFileSync = ((...args: Parameters<typeof fs.writeFileSync>) => {
            if (String(args[0]).includes(`${path.sep}.indicators.csv.`) && ++calls === 1)
                throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
            return original(...args);
        }) as typeof fs.writeFileSync;
        module.syncBuiltinESMExports();
        try {
            const error = await evaluateResponsesFile(models, good(), out).catch((e) => e);
            expect(error).toBeInstanceOf(OutputWriteError);
            expect(error.message).toBe(`Kunde inte skriva ${path.join(out, 'indicators.csv')}: disken är full`);
        } finally {
            cjs.writeFileSync = original;
            module.syncBuiltinESMExports();
        }
        expect(calls).toBe(1);
        expect(fs.readdirSync(out)).toEqual(['units.csv']);
        expect(fs.readFileSync(path.join(out, 'units.csv'), 'utf-8')).toBe('last year\n');
    });

    test('writeFilesAtomically on its own: a failing second file leaves the first target untouched', () => {
        const out = path.join(dir, 'ut-atomic');
        fs.mkdirSync(path.join(out, 'b.csv'), { recursive: true });
        expect(() =>
            writeFilesAtomically([
                { path: path.join(out, 'a.csv'), content: 'a' },
                { path: path.join(out, 'b.csv'), content: 'b' },
            ]),
        ).toThrow(/b\.csv: det är en mapp/);
        expect(fs.readdirSync(out)).toEqual(['b.csv']);
    });
});

describe('9. messages say what the file looks like first, and quote at most 80 characters', () => {
    test('UTF-16 with tabs, as Excel saves "Unicode-text", is read, with notes saying so', async () => {
        const text = csv(
            [
                { unit: '0180', name: 'Stockholm', answers: MET_2_EB },
                { unit: '0114', name: 'Upplands Väsby', answers: NOT_MET_2_EB },
            ],
            '\t',
        );
        const file = write('unicode.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
        const { respondents, warnings } = validateResponses(await readResponseFile(file), codebook, unitRegisterOf(models));
        expect(respondents.map((r) => [r.unit, r.name, r.answers.I02_1_EB])).toEqual([
            ['0180', 'Stockholm', '1'],
            ['0114', 'Upplands Väsby', '2'],
        ]);
        expect(warnings).toEqual([
            'Filen är UTF-16 (little endian), som Excel sparar "Unicode-text"; den lästes som sådan.',
            'Filen är tabbavgränsad; den lästes som sådan.',
        ]);
    });

    test('UTF-16 without a BOM is named as such in one line', async () => {
        const file = write('utf16-nobom.csv', Buffer.from(csv([{ unit: '0180' }]), 'utf16le'));
        expect(await problemsOf(file)).toEqual([
            '  - Filen ser ut att vara UTF-16 utan byte order mark (var annan byte är 0). Spara den som CSV UTF-8 (kommaavgränsad) eller som XLSX.',
        ]);
    });

    test("a header with none of the model's columns: one line saying what the header holds, not one per variable", async () => {
        const file = write('other.csv', 'Kommun|Fråga 1|Fråga 2\nStockholm|Ja|Nej\n');
        const problems = await problemsOf(file);
        expect(problems).toHaveLength(1);
        expect(problems[0]).toBe(
            `  - Rubrikraden (rad 1) är en enda kolumn: "Kommun|Fråga 1|Fråga 2"; är filen avgränsad med något annat än komma, semikolon eller tabb?. En svarsfil har kolumnerna unit, name och en kolumn per variabel i modellens kodbok (${codebook.length} st., t.ex. ${codebook[0].variable}).`,
        );
    });

    test('many missing columns are counted, not listed one by one', async () => {
        const file = write('few.csv', `unit,name,${codebook[0].variable}\n0180,Stockholm,1\n`);
        const problems = await problemsOf(file);
        expect(problems).toHaveLength(10);
        expect(problems[9]).toMatch(
            new RegExp(
                `^  - Ytterligare ${codebook.length - 10} av modellens ${codebook.length} variabler saknas som kolumner: `,
            ),
        );
    });

    test('a 1 MB cell, unit or column name is quoted by its first 80 characters', async () => {
        const huge = 'x'.repeat(1_000_000);
        const variables = codebook.map((c) => c.variable);
        const file = write(
            'huge.csv',
            `unit,name,${huge},${huge},${variables.join(',')}\n${huge},Namn,1,2,${variables.map((v) => (v === 'I02_1_EB' ? huge : '')).join(',')}\n`,
        );
        const error = await readResponseFile(file)
            .then((t) => validateResponses(t, codebook, unitRegisterOf(models)))
            .catch((e) => e);
        expect(error).toBeInstanceOf(ResponseFileError);
        expect(error.message.length).toBeLessThan(2_000);
        expect(error.message).toContain(`enhet ${'x'.repeat(80)}…`);
        expect(error.message).toContain(`variabel ${'x'.repeat(80)}…: Kolumnen finns mer än en gång.`);
    });

    test('control characters from the file are shown, never sent to the terminal', async () => {
        const file = write('esc.csv', csv([{ unit: '0180', answers: { I02_1_EB: '\u001b[2J\u202Eja' } }]));
        const [problem] = await problemsOf(file);
        expect(problem).toBe('  - rad 2, enhet 0180, variabel I02_1_EB: "U+001B[2JU+202Eja" är ingen kod i JNE_OMR (1, 2, 3).');
    });
});

describe('9. a file with more rows than there can be respondents', () => {
    test('is said so first, and the message lists 100 problems, not thousands', async () => {
        const file = write('many.csv', csv(Array.from({ length: 2_000 }, () => ({ unit: '0180', answers: { I02_1_EB: '7' } }))));
        const error = await readResponseFile(file)
            .then((t) => validateResponses(t, codebook, unitRegisterOf(models)))
            .catch((e) => e);
        expect(error).toBeInstanceOf(ResponseFileError);
        expect(error.problems.length).toBeGreaterThan(2_000);
        const lines = error.message.split('\n');
        expect(lines[1]).toBe(
            '  - Filen har 2000 rader med svar, men det finns bara 314 möjliga svarande (290 kommuner och 24 stadsdelar); varje enhet får finnas en gång.',
        );
        expect(lines).toHaveLength(102);
        expect(lines[101]).toBe(`  … och ${error.problems.length - 100} problem till (--json listar alla).`);
    });

    test('far more rows than a survey can have (a register extract): only counted, refused for that alone', async () => {
        const file = write('huge.csv', csv(Array.from({ length: 20_000 }, () => ({ unit: '0180', answers: { I02_1_EB: '7' } }))));
        const table = await readResponseFile(file);
        // Only the first MAX_KEPT_ROWS rows are held; the rest are counted.
        expect(table.rows).toHaveLength(MAX_KEPT_ROWS);
        expect(table.omittedRows).toBe(20_000 - MAX_KEPT_ROWS);
        const error = (() => {
            try {
                validateResponses(table, codebook, unitRegisterOf(models));
            } catch (e) {
                return e as ResponseFileError;
            }
        })();
        expect(error).toBeInstanceOf(ResponseFileError);
        expect(error!.problems).toEqual([
            {
                message:
                    'Filen har 20000 rader med svar, men det finns bara 314 möjliga svarande (290 kommuner och 24 stadsdelar); varje enhet får finnas en gång. ' +
                    'Raderna granskades inte var för sig. Är det en registerfil (en rad per person)? Den anges med --register.',
            },
        ]);
    });
});

describe('9. running out of memory is never silent', () => {
    test('a file too large for the heap is refused before it is read, saying how much it needs', () => {
        expect(() => checkMemoryFor(20 * 1024 ** 3, 'csv', 'svar.csv')).toThrow(
            /^Svarsfilen kan inte utvärderas \(1 problem\):\n {2}- Filen svar\.csv är 20480 MB; att läsa den kräver ungefär 204800 MB minne, men bara \d+ MB är ledigt\. .*NODE_OPTIONS=--max-old-space-size=\d+/,
        );
        expect(() => checkMemoryFor(1024 ** 2, 'xlsx', 'svar.xlsx')).not.toThrow();
    });
});
