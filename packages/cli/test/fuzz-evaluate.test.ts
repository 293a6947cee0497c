/**
 * `oj evaluate` under bad input, seeded: random bytes, Windows-1252 text, ragged rows, huge cells,
 * formula payloads (`=cmd|' /C calc'!A0`) in names, answers and column names, XLSX with formula
 * cells, and broken structure (empty, header only, NUL bytes, unbalanced quotes, duplicate columns).
 * Every case ends in a clear error (ResponseFileError, no result files) or a correct result; no
 * output cell starting with =, +, - or @ becomes a formula in units.csv, aggregates.csv or
 * results.xlsx; and the same input gives byte-identical output.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { NodeFileSystem } from 'langium/node';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
    type CodebookRow,
    codebookRows,
    createOjServices,
    evaluateIndicatorForAllUnits,
    type Indicator,
    loadWorkspace,
    type Model,
} from '@oj/language';
import { ResponseFileError } from '@oj/evaluator';
import { evaluateAndPublish } from '@oj/publishing';
import { generateResponses, Random, type Responses } from '@oj/synthetic';

const root = path.resolve(__dirname, '../../..');
const PAYLOADS = [
    "=cmd|' /C calc'!A0",
    '+1+1',
    '-2+3',
    '@SUM(A1:A2)',
    '=HYPERLINK("http://x","y")',
    '\t=1',
    '\r=1',
    '-',
    '=',
    '+',
    '@',
];

let dir: string;
let models: Model[];
let codebook: CodebookRow[];
let indicators: Indicator[];

beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oj-fuzz-evaluate-'));
    const { shared } = createOjServices(NodeFileSystem);
    const workspace = await loadWorkspace(shared, [path.join(root, 'examples/oj2019')]);
    models = workspace.documents.map((d) => d.parseResult.value);
    codebook = codebookRows(models);
    indicators = models
        .flatMap((m) => m.elements.filter((e): e is Indicator => e.$type === 'Indicator'))
        .sort((a, b) => a.number - b.number);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A cell as CSV writes it: quoted when it holds the delimiter, a quote or a line break. */
function csvCell(value: string, delimiter: string): string {
    return value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function toCsv(table: { columns: string[]; rows: string[][] }, delimiter = ',', newline = '\n'): string {
    return (
        [table.columns, ...table.rows].map((cells) => cells.map((c) => csvCell(c, delimiter)).join(delimiter)).join(newline) +
        newline
    );
}

function validResponses(random: Random, respondents = 40): Responses {
    return generateResponses({ seed: random.int(0, 1_000_000), respondents, variables: codebook });
}

interface Case {
    kind: string;
    file: string;
    bytes: Buffer;
    expected?: Responses;
}

/** One seeded case: the file's bytes and, where the input is valid, the responses it must give results for. */
async function drawCase(random: Random, index: number): Promise<Case> {
    const kind = random.pick(['randomBytes', 'windows1252', 'ragged', 'hugeCell', 'formulas', 'xlsx', 'structure']);
    const csv = (bytes: Buffer | string, expected?: Responses): Case => ({
        kind,
        file: `case-${index}.csv`,
        bytes: Buffer.from(bytes),
        expected,
    });
    switch (kind) {
        case 'randomBytes': {
            const bytes = Buffer.from(Array.from({ length: random.int(0, 4096) }, () => random.int(0, 255)));
            return { kind, file: `case-${index}.${random.pick(['csv', 'xlsx', 'txt'])}`, bytes };
        }
        case 'windows1252': {
            // Swedish Excel's "CSV (semikolonavgränsad)": Windows-1252, semicolons, CRLF; names with å, ä, ö.
            const responses = validResponses(random);
            responses.rows.forEach((row) => {
                row[1] = random.pick(['Håbo', 'Töreboda', 'Älvdalen', 'Åre', 'Ödeshög', 'Malmö']);
            });
            return csv(Buffer.from(toCsv(responses, ';', '\r\n'), 'latin1'), responses);
        }
        case 'ragged': {
            const responses = validResponses(random);
            const rows = responses.rows.map((row) =>
                random.chance(0.3) ? row.slice(0, random.int(0, row.length)) : random.chance(0.2) ? [...row, 'extra', '1'] : row,
            );
            return csv(toCsv({ columns: responses.columns, rows }));
        }
        case 'hugeCell': {
            const responses = validResponses(random, 10);
            const size = random.int(1, 8) * 1_000_000;
            const row = random.int(0, responses.rows.length - 1);
            const column = random.int(1, responses.columns.length - 1);
            const huge = random.pick(['x', 'å', '1', '=', ';']).repeat(size);
            const rows = responses.rows.map((r, i) => (i === row ? r.map((c, j) => (j === column ? huge : c)) : r));
            // A huge name is still a valid respondent; a huge answer is not a code.
            return csv(toCsv({ columns: responses.columns, rows }), column === 1 ? { ...responses, rows } : undefined);
        }
        case 'formulas': {
            const responses = validResponses(random);
            const injectAnswers = random.chance(0.5);
            const rows = responses.rows.map((row) =>
                row.map((cell, j) =>
                    j === 1 && random.chance(0.5)
                        ? random.pick(PAYLOADS)
                        : injectAnswers && j > 1 && random.chance(0.05)
                          ? random.pick(PAYLOADS)
                          : cell,
                ),
            );
            const extra = random.chance(0.5) ? random.pick(PAYLOADS) : undefined;
            const table = extra
                ? { columns: [...responses.columns, extra], rows: rows.map((r) => [...r, random.pick(PAYLOADS)]) }
                : { columns: responses.columns, rows };
            // Payloads in names are data like any other; in answers or as a column name they make the file invalid or warned about.
            return csv(toCsv(table, random.pick([',', ';'])), injectAnswers || extra ? undefined : { ...responses, rows });
        }
        case 'xlsx': {
            const responses = validResponses(random, 20);
            const workbook = new ExcelJS.Workbook();
            const sheet = workbook.addWorksheet('Svar');
            sheet.addRow(responses.columns);
            const formulas = random.chance(0.5);
            for (const row of responses.rows) {
                sheet.addRow(
                    row.map((cell, j) =>
                        j === 1 && formulas
                            ? { formula: `cmd|' /C calc'!A0`, result: cell }
                            : j > 1 && cell !== ''
                              ? Number(cell)
                              : cell,
                    ),
                );
            }
            if (random.chance(0.3)) sheet.getCell(2, 2).value = 'å'.repeat(random.int(1, 3) * 1_000_000);
            const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
            return { kind, file: `case-${index}.xlsx`, bytes, expected: undefined };
        }
        default: {
            const responses = validResponses(random, 5);
            const text = toCsv(responses);
            const broken = random.pick([
                () => '',
                () => responses.columns.join(','),
                () => `\uFEFF${responses.columns.join(',')}\n`,
                () => text.replace(/,/g, () => (random.chance(0.01) ? '\u0000' : ',')),
                () => text.replace(/\n/, '\n"unbalanced,'),
                () => `${responses.columns[0]},${text}`,
                () => ';;;;\n;;;;\n',
                () => text.replace(/^unit,name,/, 'unit,unit,'),
                () => '\n\n\n',
                () => `${responses.columns.join(',')},${'v,'.repeat(20_000)}\n`,
            ])();
            return csv(broken);
        }
    }
}

/** Cells a spreadsheet would read as a formula: starting with =, +, @, a tab or a carriage return, or - followed by something not a number. */
function formulaLike(cell: string): boolean {
    return /^[=+@\t\r]/.test(cell) || (cell.startsWith('-') && !/^-\d+(\.\d+)?$/.test(cell));
}

async function checkOutputs(out: string): Promise<string[]> {
    const problems: string[] = [];
    for (const name of ['units.csv', 'aggregates.csv']) {
        const rows: string[][] = parse(fs.readFileSync(path.join(out, name), 'utf-8'));
        for (const cell of rows.flat())
            if (formulaLike(cell)) problems.push(`${name}: cell ${JSON.stringify(cell.slice(0, 40))}`);
    }
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(fs.readFileSync(path.join(out, 'results.xlsx')) as unknown as ArrayBuffer);
    workbook.eachSheet((sheet) =>
        sheet.eachRow((row) =>
            row.eachCell((cell) => {
                if (cell.type === ExcelJS.ValueType.Formula || cell.formula)
                    problems.push(`results.xlsx: formula in ${sheet.name}!${cell.address}`);
            }),
        ),
    );
    return problems;
}

/** The statuses units.csv must hold: the reference interpreter on the same answers. */
function expectedStatuses(responses: Responses): string[] {
    const lines: string[] = [];
    for (const row of responses.rows) {
        const answers = Object.fromEntries(responses.columns.map((c, i) => [c, row[i] ?? '']));
        for (const indicator of indicators) {
            for (const result of evaluateIndicatorForAllUnits(indicator, answers))
                lines.push(`${row[0]}|${result.indicator}|${result.group ?? ''}|${result.status}`);
        }
    }
    return lines;
}

describe('oj evaluate under bad input', () => {
    test('80 seeded cases: a clear error or a correct result, never a crash, never a formula', async () => {
        const random = new Random(2026);
        const outcomes = new Map<string, number>();
        const failures: string[] = [];
        for (let index = 0; index < 80; index++) {
            const c = await drawCase(random, index);
            const input = path.join(dir, c.file);
            const out = path.join(dir, `out-${index}`);
            fs.writeFileSync(input, c.bytes);
            let outcome: string;
            try {
                const summary = await evaluateAndPublish(models, input, out);
                outcome = 'result';
                failures.push(...(await checkOutputs(out)).map((p) => `#${index} ${c.kind}: ${p}`));
                if (c.expected) {
                    const actual = (
                        parse(fs.readFileSync(path.join(out, 'units.csv'), 'utf-8'), { columns: true }) as Array<
                            Record<string, string>
                        >
                    ).map((r) => `${r.unit}|${r.indicator}|${r.group}|${r.status}`);
                    if (JSON.stringify(actual) !== JSON.stringify(expectedStatuses(c.expected)))
                        failures.push(`#${index} ${c.kind}: units.csv differs from the interpreter`);
                    if (summary.respondentsEvaluated !== c.expected.rows.length)
                        failures.push(
                            `#${index} ${c.kind}: ${summary.respondentsEvaluated} of ${c.expected.rows.length} respondents evaluated`,
                        );
                }
            } catch (error) {
                if (error instanceof ResponseFileError) {
                    outcome = 'clear error';
                    if (error.problems.length === 0 || !error.message.startsWith('Svarsfilen kan inte utvärderas'))
                        failures.push(`#${index} ${c.kind}: unclear error ${error.message}`);
                    if (fs.existsSync(out) && fs.readdirSync(out).length > 0)
                        failures.push(`#${index} ${c.kind}: result files written despite the error`);
                    if (c.expected) failures.push(`#${index} ${c.kind}: valid input rejected: ${error.message.slice(0, 300)}`);
                } else {
                    outcome = 'crash';
                    failures.push(`#${index} ${c.kind}: crash: ${(error as Error).stack ?? String(error)}`);
                }
            }
            outcomes.set(`${c.kind}: ${outcome}`, (outcomes.get(`${c.kind}: ${outcome}`) ?? 0) + 1);
            fs.rmSync(input, { force: true });
        }
        expect(failures).toEqual([]);
        // Both endings occur: the cases are not all rejected (or all accepted).
        expect([...outcomes.keys()].some((k) => k.endsWith('result'))).toBe(true);
        expect([...outcomes.keys()].some((k) => k.endsWith('clear error'))).toBe(true);
    }, 300_000);

    test('the same input gives byte-identical units.csv, aggregates.csv and results.xlsx', async () => {
        const responses = generateResponses({ seed: 9, respondents: 60, variables: codebook });
        const input = path.join(dir, 'same.csv');
        fs.writeFileSync(input, toCsv(responses));
        await evaluateAndPublish(models, input, path.join(dir, 'same-1'));
        await new Promise((resolve) => setTimeout(resolve, 2100)); // past the 2-second resolution of ZIP entry times
        await evaluateAndPublish(models, input, path.join(dir, 'same-2'));
        for (const name of ['units.csv', 'aggregates.csv', 'results.xlsx']) {
            expect(
                fs.readFileSync(path.join(dir, 'same-2', name)).equals(fs.readFileSync(path.join(dir, 'same-1', name))),
                name,
            ).toBe(true);
        }
    });

    test('through the command: exit 1 with a message and no stack trace for bad input, exit 0 for good input', async () => {
        const run = promisify(execFile);
        const bin = path.join(root, 'node_modules/.bin/oj');
        const oj = async (responsesFile: string) => {
            try {
                const { stderr } = await run(
                    bin,
                    ['evaluate', path.join(root, 'examples/oj2019'), '-r', responsesFile, '-o', path.join(dir, 'cli-out')],
                    { env: { ...process.env, PATH: `${path.join(root, 'node_modules/.bin')}:${process.env.PATH}` } },
                );
                return { code: 0, stderr };
            } catch (error) {
                return { code: (error as { code: number }).code, stderr: (error as { stderr: string }).stderr };
            }
        };
        const garbage = path.join(dir, 'garbage.csv');
        fs.writeFileSync(garbage, Buffer.from(Array.from({ length: 2000 }, (_v, i) => (i * 7919) % 256)));
        const bad = await oj(garbage);
        expect(bad.code).toBe(1);
        expect(bad.stderr).toMatch(/Svarsfilen kan inte utvärderas|Inga resultatfiler skrevs/);
        expect(bad.stderr).not.toMatch(/^\s+at /m);
        const good = path.join(dir, 'good.csv');
        fs.writeFileSync(good, toCsv(generateResponses({ seed: 3, respondents: 20, variables: codebook })));
        expect((await oj(good)).code).toBe(0);
    }, 120_000);
});
