/**
 * Reading a register file, streaming: the header checked against the declared columns, rows handed
 * on one at a time as records of the declared columns, the file's own conventions recognised
 * (delimiter, BOM, Windows-1252), and every problem named before anything is counted.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { evaluateRegisterFile, readRegisterRows, RegisterFileError } from '../src/index.js';
import { REGISTER_SOURCE, registerPlan } from './conformance/register-cases.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oj-register-file-'));
let n = 0;
function file(content: string | Buffer): string {
    const name = path.join(dir, `r${++n}.csv`);
    fs.writeFileSync(name, content);
    return name;
}

async function rows(name: string) {
    const read: Array<{ row: Record<string, string>; line: number }> = [];
    const result = await readRegisterRows(name, REGISTER_SOURCE, (row, line) => read.push({ row, line }));
    return { read, ...result };
}

async function problemOf(name: string): Promise<RegisterFileError> {
    try {
        await rows(name);
    } catch (error) {
        if (error instanceof RegisterFileError) return error;
        throw error;
    }
    throw new Error('no problem');
}

describe('readRegisterRows', () => {
    test('gives each row as a record of the declared columns, trimmed, with its line; blank rows are no rows', async () => {
        const { read, rowsRead, warnings } = await rows(
            file('kommun,kon,alder,beslut,start,insats\n 0114 ,K,70,2019-01-10,,HT\n\n,,,,,\n2584,M,81,,,SÄBO\n'),
        );
        expect(rowsRead).toBe(2);
        expect(warnings).toEqual([]);
        expect(read).toEqual([
            { line: 2, row: { kommun: '0114', kon: 'K', alder: '70', beslut: '2019-01-10', start: '', insats: 'HT' } },
            { line: 5, row: { kommun: '2584', kon: 'M', alder: '81', beslut: '', start: '', insats: 'SÄBO' } },
        ]);
    });

    test('semicolons, a BOM, CRLF and columns in another order are read as they are meant', async () => {
        const { read } = await rows(file('\uFEFFinsats;kommun;kon;alder;beslut;start\r\nHT;0114;K;70;2019-01-10;2019-01-20\r\n'));
        expect(read[0].row).toEqual({
            kommun: '0114',
            kon: 'K',
            alder: '70',
            beslut: '2019-01-10',
            start: '2019-01-20',
            insats: 'HT',
        });
    });

    test('Windows-1252 is recognised and said so', async () => {
        const bytes = Buffer.from('kommun,kon,alder,beslut,start,insats\n0114,K,70,2019-01-10,,S\xC4BO\n', 'latin1');
        const { read, warnings } = await rows(file(bytes));
        expect(read[0].row.insats).toBe('SÄBO');
        expect(warnings).toEqual(['Registerfilen är inte UTF-8; den lästes som Windows-1252.']);
    });

    test('an unknown column is skipped with a warning', async () => {
        const { read, warnings } = await rows(
            file('kommun,kon,alder,beslut,start,insats,personnummer\n0114,K,70,,,HT,19400101-1234\n'),
        );
        expect(read[0].row).not.toHaveProperty('personnummer');
        expect(warnings).toEqual(['Okända kolumner i registerfilen hoppas över: personnummer.']);
    });

    test('a missing and a repeated column are named', async () => {
        const error = await problemOf(file('kommun,kon,alder,alder,start\n0114,K,70,70,\n'));
        expect(error.message).toBe(
            'Registerfilen kan inte utvärderas (3 problem):\n' +
                '  - kolumn beslut: Kolumnen saknas; registret SOL deklarerar den.\n' +
                '  - kolumn insats: Kolumnen saknas; registret SOL deklarerar den.\n' +
                '  - kolumn alder: Kolumnen finns mer än en gång.',
        );
    });

    test('a header with none of the columns says what the file looks like', async () => {
        const error = await problemOf(file('unit,name,I01_1\n0114,Upplands Väsby,1\n'));
        expect(error.problems).toEqual([
            {
                message:
                    'Rubrikraden (rad 1) har ingen av registrets kolumner (den har "unit", "name", "I01_1"). Registret SOL har kolumnerna kommun, kon, alder, beslut, start, insats.',
            },
        ]);
    });

    test('every row of another width is named by its line, after the whole file is read', async () => {
        const error = await problemOf(
            file('kommun,kon,alder,beslut,start,insats\n0114,K,70\n0114,K,70,,,HT\n0114,K,70,,,HT,x\n'),
        );
        expect(error.problems).toEqual([
            { row: 2, message: 'Raden har 3 fält men rubrikraden 6.' },
            { row: 4, message: 'Raden har 7 fält men rubrikraden 6.' },
        ]);
    });

    test('an empty file, a header alone, NUL bytes and a missing file are each said so', async () => {
        expect((await problemOf(file(''))).problems[0].message).toBe('Registerfilen är tom.');
        expect((await problemOf(file('kommun,kon,alder,beslut,start,insats\n'))).problems[0].message).toBe(
            'Registerfilen har inga rader (bara en rubrikrad).',
        );
        expect((await problemOf(file(Buffer.from([0x6b, 0, 0x6f, 0])))).problems[0].message).toContain('NUL-tecken');
        expect((await problemOf(path.join(dir, 'none.csv'))).problems[0].message).toMatch(/kan inte läsas: filen finns inte\.$/);
    });
});

test('evaluateRegisterFile counts with the reference interpreter and holds no rows', async () => {
    const counts = await evaluateRegisterFile(
        [registerPlan()],
        file('kommun,kon,alder,beslut,start,insats\n0114,K,70,,,HT\n0114,M,80,,,SÄBO\n9999,K,70,,,HT\n'),
    );
    expect(counts.rowsRead).toBe(3);
    expect(counts.indicators).toEqual([
        {
            indicator: 1,
            cells: [{ level: 'kommun', region: '0114', stratum: 'T', numerator: 1, denominator: 2, missing: 0 }],
            unknownUnit: 1,
            unstratified: {},
        },
    ]);
});
