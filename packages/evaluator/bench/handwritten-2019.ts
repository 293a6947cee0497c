/**
 * Indicators 1–10 of 2019 evaluated by hand, the way a developer would write them without the
 * toolchain: the yardstick for the generated evaluator's speed. Same statuses as the reference
 * interpreter (the benchmark checks that on its rows before timing).
 */
type Row = Readonly<Record<string, string | undefined>>;
type Status = 'met' | 'not_met' | 'excluded' | 'missing';
interface Reading { variable: string; question: string; item?: string; value?: string }
interface Result { indicator: number; group?: string; status: Status; trace: Reading[] }

const GROUPS_2_7 = ['EB', 'MB', 'SP', 'VNR', 'BU', 'LSSB', 'LSSV', 'AO'];
const GROUPS_8 = ['MB', 'SP'];
const GROUPS_9_10 = ['EB', 'VNR', 'LSS', 'SP', 'AO'];

const blank = (v: string | undefined) => v === undefined || v.trim() === '';
const read = (row: Row, variable: string, question: string, item?: string): Reading => {
    const value = row[variable];
    const r: Reading = { variable, question };
    if (item) r.item = item;
    if (!blank(value)) r.value = value;
    return r;
};

/** "i" then "ii": Ja on i, and ii in `accept`; exclusion on i's code `excluded` (or none). */
function twoQuestions(row: Row, indicator: number, group: string, vi: string, vii: string, acceptI: string[], acceptII: string[], excluded: string | undefined): Result {
    const i = row[vi]?.trim();
    if (excluded !== undefined) {
        if (blank(i)) return { indicator, group, status: 'missing', trace: [read(row, vi, 'i')] };
        if (i === excluded) return { indicator, group, status: 'excluded', trace: [read(row, vi, 'i')] };
    }
    if (!blank(i) && !acceptI.includes(i!)) return { indicator, group, status: 'not_met', trace: [read(row, vi, 'i')] };
    const ii = row[vii]?.trim();
    if (!blank(ii) && !acceptII.includes(ii!)) return { indicator, group, status: 'not_met', trace: [read(row, vii, 'ii')] };
    if (blank(i) && blank(ii)) return { indicator, group, status: 'missing', trace: [read(row, vi, 'i'), read(row, vii, 'ii')] };
    if (blank(i)) return { indicator, group, status: 'missing', trace: [read(row, vi, 'i')] };
    if (blank(ii)) return { indicator, group, status: 'missing', trace: [read(row, vii, 'ii')] };
    return { indicator, group, status: 'met', trace: [read(row, vi, 'i'), read(row, vii, 'ii')] };
}

export function evaluateHandwritten(row: Row): Result[] {
    const out: Result[] = [];
    // 1: Ja on i, A and B; Ja or Ej aktuellt on iii (two alternatives), no exclusion.
    {
        const i = row.I01_1?.trim(), a = row.I01_2A?.trim(), b = row.I01_2B?.trim(), iii = row.I01_3?.trim();
        const ci = blank(i) ? undefined : i === '1', ca = blank(a) ? undefined : a === '1', cb = blank(b) ? undefined : b === '1';
        const c3 = blank(iii) ? undefined : iii === '1' || iii === '3';
        const all = [ci, ca, cb, c3];
        const status: Status = all.includes(false) ? 'not_met' : all.includes(undefined) ? 'missing' : 'met';
        out.push({ indicator: 1, status, trace: [read(row, 'I01_1', 'i'), read(row, 'I01_2A', 'ii', 'A'), read(row, 'I01_2B', 'ii', 'B'), read(row, 'I01_3', 'iii')] });
    }
    for (const g of GROUPS_2_7) out.push(twoQuestions(row, 2, g, `I02_1_${g}`, `I02_2_${g}`, ['1'], ['1', '3'], '3'));
    for (const g of GROUPS_2_7) out.push(twoQuestions(row, 3, g, `I03_1_${g}`, `I03_2_${g}`, ['1'], ['1'], '3'));
    for (const g of GROUPS_2_7) out.push(twoQuestions(row, 4, g, `I04_1_${g}`, `I04_2_${g}`, ['1', '3'], ['1', '3'], '4'));
    for (const g of GROUPS_2_7) out.push(twoQuestions(row, 5, g, `I05_1_${g}`, `I05_2_${g}`, ['1'], ['1', '3'], '3'));
    for (const g of GROUPS_2_7) {
        const i = row[`I06_1_${g}`]?.trim();
        if (blank(i)) { out.push({ indicator: 6, group: g, status: 'missing', trace: [] }); continue; }
        if (i === '3') { out.push({ indicator: 6, group: g, status: 'excluded', trace: [] }); continue; }
        const items = g === 'BU' ? ['A', 'B', 'C'] : ['A', 'B'];
        const values = [i === '1' ? true : false, ...items.map(x => { const v = row[`I06_2${x}_${g}`]?.trim(); return blank(v) ? undefined : v === '1'; })];
        const iii = row[`I06_3_${g}`]?.trim();
        values.push(blank(iii) ? undefined : iii === '1' || iii === '3');
        out.push({ indicator: 6, group: g, status: values.includes(false) ? 'not_met' : values.includes(undefined) ? 'missing' : 'met', trace: [] });
    }
    for (const g of GROUPS_2_7) out.push(twoQuestions(row, 7, g, `I07_1_${g}`, `I07_2_${g}`, ['1', '3'], ['1', '3'], '4'));
    for (const g of GROUPS_8) {
        const values = ['A', 'B', 'C'].map(x => { const v = row[`I08_1${x}_${g}`]?.trim(); return blank(v) ? undefined : v === '1'; });
        const ii = row[`I08_2_${g}`]?.trim();
        values.push(blank(ii) ? undefined : ii === '1' || ii === '3');
        out.push({ indicator: 8, group: g, status: values.includes(false) ? 'not_met' : values.includes(undefined) ? 'missing' : 'met', trace: [] });
    }
    for (const [n, prefix] of [[9, 'I09_1_'], [10, 'I10_1_']] as const) {
        for (const g of GROUPS_9_10) {
            const v = row[`${prefix}${g}`]?.trim();
            const status: Status = blank(v) ? 'missing' : v === '3' ? 'excluded' : v === '1' ? 'met' : 'not_met';
            out.push({ indicator: n, group: g, status, trace: [read(row, `${prefix}${g}`, 'i')] });
        }
    }
    return out;
}
