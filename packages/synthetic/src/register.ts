/**
 * Seeded individual-level register rows (one row per person or decision) for a register the model
 * declares: real kommunkoder with their leading zero, weighted so that large kommuner have more
 * rows; kön K/M; ages; ISO dates around mätdatum (a later date column mostly some days after the
 * first, as a decision is followed by its start); codes from the declared lists. A few per cent of
 * the cells are blank and a few are bad values (an unknown code, a date that does not exist, a
 * kommunkod without its leading zero), as real extracts have them.
 *
 * Rows are produced one at a time (`registerRows`) and written in chunks (`writeRegisterCsv`), so
 * that ten million rows never sit in memory.
 */
import * as fs from 'node:fs';
import { kommuner } from '@oj/regions';
import { Random } from './random.js';

/**
 * What the generator needs of a register declaration: @oj/language's RegisterSourcePlan has these
 * fields (this package does not depend on the language, which uses it for its benchmarks).
 */
export interface RegisterSourceShape {
    columns: ReadonlyArray<{
        name: string;
        type: 'kommunkod' | 'kön' | 'heltal' | 'datum' | 'kod';
        codes?: ReadonlyArray<{ code: string }>;
    }>;
    unitColumn: string;
    measurementDate: string;
}

export interface RegisterRowOptions {
    seed: number;
    rows: number;
    /** Share of blank cells per column (default 0.03). */
    blankShare?: number;
    /** Share of unparsable or unknown values per column (default 0.01). */
    badShare?: number;
}

/** Kommuner weighted roughly by size: the storstäder and the first kommuner of each län draw more rows. */
function unitWeights(): { codes: string[]; cumulative: number[]; total: number } {
    const codes: string[] = [];
    const cumulative: number[] = [];
    let total = 0;
    for (const k of kommuner()) {
        // A deterministic spread of sizes over 1–40: no kommun without rows at a million rows.
        const digits = Number(k.kod);
        const weight = k.kod.endsWith('80') ? 40 : 1 + (((digits * 7919) % 97) % 12);
        total += weight;
        codes.push(k.kod);
        cumulative.push(total);
    }
    return { codes, cumulative, total };
}

const DAY = 86_400_000;

function isoDate(time: number): string {
    return new Date(time).toISOString().slice(0, 10);
}

const BAD_DATES = ['2019-02-30', '20190115', '2019-13-01', 'okänt', '15/03/2019'];
const BAD_NUMBERS = ['x', '4,5', '-', 'sextio', '1e3'];
const BAD_CODES = ['X', '?', '99', 'k'];

/** The header of the register file: the declared columns in order. */
export function registerHeader(source: RegisterSourceShape): string[] {
    return source.columns.map((c) => c.name);
}

/** The rows, one at a time, each a function of the seed and its position. */
export function* registerRows(source: RegisterSourceShape, options: RegisterRowOptions): Generator<string[]> {
    const random = new Random(options.seed);
    const blank = options.blankShare ?? 0.03;
    const bad = options.badShare ?? 0.01;
    const units = unitWeights();
    const measured = Date.parse(`${source.measurementDate}T00:00:00Z`);
    if (Number.isNaN(measured)) throw new Error(`mätdatum ${source.measurementDate} is no ISO date`);
    const pickUnit = () => {
        const point = random.int(0, units.total - 1);
        let low = 0;
        let high = units.cumulative.length - 1;
        while (low < high) {
            const middle = (low + high) >> 1;
            if (units.cumulative[middle] > point) high = middle;
            else low = middle + 1;
        }
        return units.codes[low];
    };
    for (let row = 0; row < options.rows; row++) {
        let firstDate: number | undefined;
        const cells: string[] = [];
        for (const column of source.columns) {
            // The unit column is blank or bad less often: most extracts have it, and the rest are reported.
            const isUnit = column.name === source.unitColumn;
            if (random.chance(isUnit ? blank / 3 : blank)) {
                cells.push('');
                continue;
            }
            const isBad = random.chance(isUnit ? bad / 3 : bad);
            switch (column.type) {
                case 'kommunkod': {
                    const code = pickUnit();
                    // A code saved as a number loses its leading zero (0114 → 114); 9999 is no kommun.
                    cells.push(isBad ? random.pick([String(Number(code)), '9999', `${code}X`]) : code);
                    break;
                }
                case 'kön': {
                    const codes = column.codes?.map((c) => c.code) ?? ['K', 'M'];
                    cells.push(isBad ? random.pick(BAD_CODES) : random.pick(codes));
                    break;
                }
                case 'kod': {
                    const codes = column.codes?.map((c) => c.code) ?? ['A', 'B', 'C'];
                    cells.push(isBad ? random.pick(BAD_CODES) : random.pick(codes));
                    break;
                }
                case 'heltal': {
                    // Ages of people with social services: all ages, more of them old.
                    const value = random.chance(0.5) ? random.int(65, 104) : random.int(0, 64);
                    cells.push(isBad ? random.pick(BAD_NUMBERS) : String(value));
                    break;
                }
                case 'datum': {
                    if (isBad) {
                        cells.push(random.pick(BAD_DATES));
                        break;
                    }
                    // The first date within two years before mätdatum (a few after); a later date
                    // column mostly some days after the first, sometimes long after or before it.
                    let time: number;
                    if (firstDate === undefined || random.chance(0.1)) time = measured + random.int(-730, 60) * DAY;
                    else time = firstDate + (random.chance(0.8) ? random.int(0, 120) : random.int(-30, 400)) * DAY;
                    firstDate ??= time;
                    cells.push(isoDate(time));
                    break;
                }
            }
        }
        yield cells;
    }
}

/** A CSV cell: quoted only when it must be (none of the generated values need it, but a header may). */
function csvCell(value: string): string {
    return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Writes the register file as CSV (comma separated, LF, UTF-8), streaming in chunks of lines;
 * returns the number of bytes written.
 */
export function writeRegisterCsv(file: string, source: RegisterSourceShape, options: RegisterRowOptions): number {
    const fd = fs.openSync(file, 'w');
    let bytes = 0;
    try {
        let chunk = `${registerHeader(source).map(csvCell).join(',')}\n`;
        let lines = 0;
        for (const cells of registerRows(source, options)) {
            chunk += `${cells.map(csvCell).join(',')}\n`;
            if (++lines % 20_000 === 0) {
                bytes += fs.writeSync(fd, chunk);
                chunk = '';
            }
        }
        bytes += fs.writeSync(fd, chunk);
    } finally {
        fs.closeSync(fd);
    }
    return bytes;
}
