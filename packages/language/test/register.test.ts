/**
 * Register indicators as specified: the plan lowering gives (register-lower.ts), how one row is
 * decided (register.ts, the header of register-plan.ts), the cells per kommun and level, and the
 * declared small-count suppression. The register and survey are resources/register/_register.oj.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import {
    aggregateRegisterCells,
    checkRegisterExample,
    registerExampleCoverage,
    decideRegisterRow,
    evaluateRegisterCondition,
    type Indicator,
    lowerRegisterIndicator,
    periodBefore,
    RegisterAccumulator,
    type RegisterCellRow,
    type RegisterCondition,
    type RegisterIndicatorPlan,
    registerDay,
    registerInteger,
    registerDenominatorSentence,
    registerNumeratorSentence,
    registerRuleText,
    suppress,
} from '../src/index.js';
import type { LangiumDocument } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import { buildText, kitShared, RESOURCES } from './kit/index.js';

/** The hover service of the language instance that built the document. */
function hoverProvider(document: LangiumDocument) {
    return (kitShared.ServiceRegistry.getServices(document.uri) as LangiumServices).lsp.HoverProvider!;
}

const REGISTER = fs.readFileSync(path.join(RESOURCES, 'register/_register.oj'), 'utf-8');
const WAITING_TIME = fs.readFileSync(path.join(RESOURCES, 'register/waiting-time.oj'), 'utf-8');

async function indicatorOf(source: string, register = REGISTER): Promise<Indicator> {
    const { document } = await buildText(register, source);
    const errors = (document.diagnostics ?? []).filter((d) => d.severity === 1).map((d) => d.message);
    expect(errors).toEqual([]);
    return document.parseResult.value.elements.find((e): e is Indicator => e.$type === 'Indicator')!;
}

async function planOf(source: string, register = REGISTER): Promise<RegisterIndicatorPlan> {
    return lowerRegisterIndicator(await indicatorOf(source, register));
}

function indicator(population: string, counted: string, extra = ''): string {
    return `tillhör R2019\nindikator 31 "Test" {\n register SOL\n population: ${population}\n räknas: ${counted}\n ${extra}\n}\n`;
}

describe('lowering a register indicator', () => {
    test('the waiting-time indicator: columns, conditions with dates resolved, strata, levels and suppression', async () => {
        const plan = await planOf(WAITING_TIME);
        expect(plan.kind).toBe('register');
        expect(plan.survey).toBe('R2019');
        expect(plan.number).toBe(30);
        expect(plan.source).toMatchObject({ name: 'SOL', unitColumn: 'kommun', measurementDate: '2019-02-01' });
        expect(plan.source.columns.map((c) => `${c.name}:${c.type}`)).toEqual([
            'kommun:kommunkod',
            'kon:kön',
            'alder:heltal',
            'insats:kod',
            'beslut:datum',
            'verkstalld:datum',
        ]);
        expect(plan.population).toEqual({
            kind: 'and',
            operands: [
                { kind: 'codeIn', column: 'insats', codes: ['SABO'] },
                { kind: 'numberCompare', column: 'alder', operator: '>=', value: 65 },
                {
                    kind: 'dateBetween',
                    column: 'beslut',
                    from: '2018-02-02',
                    to: '2019-02-01',
                    period: { count: 12, unit: 'månader' },
                },
            ],
        });
        expect(plan.numerator).toEqual({ kind: 'daysBetween', from: 'beslut', to: 'verkstalld', operator: '<=', days: 90 });
        expect(plan.stratifications).toEqual([
            {
                name: 'kon',
                label: 'Kön',
                column: 'kon',
                strata: [
                    { code: 'K', label: 'Kvinnor', codes: ['K'] },
                    { code: 'M', label: 'Män', codes: ['M'] },
                ],
            },
            {
                name: 'åldersgrupp',
                label: 'Åldersgrupp',
                column: 'alder',
                strata: [
                    { code: 'A65', label: '65–79 år', min: 65, max: 79 },
                    { code: 'A80', label: '80 år och äldre', min: 80 },
                ],
            },
        ]);
        expect(plan.totalCode).toBe('T');
        expect(plan.levels).toEqual(['kommun', 'län', 'riket']);
        expect(plan.suppression).toEqual({ minimum: 5, mark: '..' });
    });

    test('words and operators compare as written; "eller" of codes, "inte", parentheses and "saknas"', async () => {
        const plan = await planOf(
            indicator(
                '(insats är HT eller SABO) och inte kon saknas och alder större än 17 och alder mindre än 100',
                'alder <> 70 eller alder lika med 70 eller verkstalld minst 1 dag efter beslut',
            ),
        );
        expect(plan.population).toEqual({
            kind: 'and',
            operands: [
                { kind: 'codeIn', column: 'insats', codes: ['HT', 'SABO'] },
                { kind: 'not', operand: { kind: 'blank', column: 'kon' } },
                { kind: 'numberCompare', column: 'alder', operator: '>', value: 17 },
                { kind: 'numberCompare', column: 'alder', operator: '<', value: 100 },
            ],
        });
        expect(plan.numerator).toEqual({
            kind: 'or',
            operands: [
                { kind: 'numberCompare', column: 'alder', operator: '<>', value: 70 },
                { kind: 'numberCompare', column: 'alder', operator: '=', value: 70 },
                { kind: 'daysBetween', from: 'beslut', to: 'verkstalld', operator: '>=', days: 1 },
            ],
        });
    });

    test("the register's own mätdatum wins over the survey's; levels and suppression of the indicator win over the defaults", async () => {
        const register = REGISTER.replace('enhet kommun', 'enhet kommun\n    mätdatum "2019-10-01"');
        const plan = await planOf(
            indicator(
                'beslut inom 3 månader före mätdatum',
                'verkstalld saknas',
                'redovisningsnivåer kommun, riket\n röjandekontroll färre än 3 individer markeras "X"',
            ),
            register,
        );
        expect(plan.source.measurementDate).toBe('2019-10-01');
        expect(plan.population).toEqual({
            kind: 'dateBetween',
            column: 'beslut',
            from: '2019-07-02',
            to: '2019-10-01',
            period: { count: 3, unit: 'månader' },
        });
        expect(plan.levels).toEqual(['kommun', 'riket']);
        expect(plan.suppression).toEqual({ minimum: 3, mark: 'X' });
    });

    test('periods before mätdatum are whole months (or days) ending on mätdatum, both ends included', () => {
        expect(periodBefore('2019-02-01', 12, 'månader')).toEqual({ from: '2018-02-02', to: '2019-02-01' });
        expect(periodBefore('2019-02-01', 1, 'år')).toEqual({ from: '2018-02-02', to: '2019-02-01' });
        expect(periodBefore('2019-01-15', 1, 'månad')).toEqual({ from: '2018-12-16', to: '2019-01-15' });
        // The same day a month earlier does not exist: the month's last day is used.
        expect(periodBefore('2019-03-31', 1, 'månad')).toEqual({ from: '2019-03-01', to: '2019-03-31' });
        expect(periodBefore('2020-03-30', 1, 'månad')).toEqual({ from: '2020-03-01', to: '2020-03-30' });
        expect(periodBefore('2019-02-01', 30, 'dagar')).toEqual({ from: '2019-01-03', to: '2019-02-01' });
        expect(periodBefore('2019-02-01', 1, 'dag')).toEqual({ from: '2019-02-01', to: '2019-02-01' });
        expect(periodBefore('2019-02-30', 12, 'månader')).toBeUndefined();
        expect(periodBefore('2019-02-01', 0, 'månader')).toBeUndefined();
    });
});

describe('reading register cells', () => {
    test('integers and ISO dates; anything else is unknown', () => {
        expect(registerInteger(' 65 ')).toBe(65);
        expect(registerInteger('-3')).toBe(-3);
        expect([registerInteger(''), registerInteger('65.5'), registerInteger('sextiofem'), registerInteger(undefined)]).toEqual([
            undefined,
            undefined,
            undefined,
            undefined,
        ]);
        expect(registerDay('1970-01-02')).toBe(1);
        expect(registerDay('2019-02-29')).toBeUndefined();
        expect(registerDay('2019-2-1')).toBeUndefined();
        expect(registerDay('20190201')).toBeUndefined();
    });

    test('conditions are Kleene: false decides "och", true decides "eller", unknown otherwise', () => {
        const known: RegisterCondition = { kind: 'codeIn', column: 'a', codes: ['X'] };
        const unknown: RegisterCondition = { kind: 'codeIn', column: 'blank', codes: ['X'] };
        const row = { a: 'X', blank: ' ' };
        const not = (operand: RegisterCondition): RegisterCondition => ({ kind: 'not', operand });
        expect(evaluateRegisterCondition({ kind: 'and', operands: [not(known), unknown] }, row)).toBe(false);
        expect(evaluateRegisterCondition({ kind: 'and', operands: [known, unknown] }, row)).toBeUndefined();
        expect(evaluateRegisterCondition({ kind: 'or', operands: [known, unknown] }, row)).toBe(true);
        expect(evaluateRegisterCondition({ kind: 'or', operands: [not(known), unknown] }, row)).toBeUndefined();
        expect(evaluateRegisterCondition(not(unknown), row)).toBeUndefined();
        expect(evaluateRegisterCondition({ kind: 'blank', column: 'blank' }, row)).toBe(true);
        expect(evaluateRegisterCondition({ kind: 'blank', column: 'absent' }, row)).toBe(true);
        expect(evaluateRegisterCondition({ kind: 'blank', column: 'a' }, row)).toBe(false);
    });
});

/** A row of the SOL register, SABO decided 2018-06-01 for a woman of 82 in Upplands Väsby, executed after 30 days. */
const ROW = { kommun: '0114', kon: 'K', alder: '82', insats: 'SABO', beslut: '2018-06-01', verkstalld: '2018-07-01' };

describe('deciding one row (register-plan.ts, steps 1–4)', () => {
    test.each([
        ['a decision executed within 90 days counts in numerator and denominator', {}, 'numerator', ['T', 'K', 'A80']],
        ['executed after 91 days: denominator only', { verkstalld: '2018-08-31' }, 'denominator', ['T', 'K', 'A80']],
        ['exactly 90 days is "högst 90 dagar"', { verkstalld: '2018-08-30' }, 'numerator', ['T', 'K', 'A80']],
        ['not yet executed: the numerator is unknown, so missing', { verkstalld: '' }, 'missing', ['T', 'K', 'A80']],
        ['a date that is no date is unknown too', { verkstalld: '2018-13-01' }, 'missing', ['T', 'K', 'A80']],
        ['age blank: the population is unknown, so missing (in the total only)', { alder: '' }, 'missing', ['T', 'K']],
        ['hemtjänst is outside the population', { insats: 'HT' }, 'outside', []],
        ['a decision before the 12 months is outside', { beslut: '2018-02-01' }, 'outside', []],
        [
            'the first day of the 12 months is inside',
            { beslut: '2018-02-02', verkstalld: '2018-02-02' },
            'numerator',
            ['T', 'K', 'A80'],
        ],
        ['aged 64 is outside, even with a blank date', { alder: '64', beslut: '' }, 'outside', []],
        ['kön blank: counted in the total, unstratified by kön', { kon: ' ' }, 'numerator', ['T', 'A80']],
        ['a kön that is no stratum counts in the total only', { kon: 'X', alder: '70' }, 'numerator', ['T', 'A65']],
        ['a blank unit is an unknown unit, whatever the rest says', { kommun: '' }, 'unknownUnit', []],
        ['a code that is no kommun is an unknown unit', { kommun: '0100', insats: 'HT' }, 'unknownUnit', []],
    ])('%s', async (_name, change, outcome, strata) => {
        const plan = await planOf(WAITING_TIME);
        const decision = decideRegisterRow(plan, { ...ROW, ...change });
        expect(decision.outcome).toBe(outcome);
        expect(decision.strata).toEqual(strata);
        if (outcome !== 'unknownUnit') expect(decision.unit).toBe('0114');
    });

    test('the unit is trimmed', async () => {
        const plan = await planOf(WAITING_TIME);
        expect(decideRegisterRow(plan, { ...ROW, kommun: ' 0114 ' }).unit).toBe('0114');
    });
});

describe('cells per kommun and level', () => {
    test('counts per kommun × stratum, län and riket adding their kommuner', async () => {
        const plan = await planOf(WAITING_TIME);
        const acc = new RegisterAccumulator(plan);
        // Two kommuner of Stockholms län (0114, 0180) and one of Skåne (1280).
        const rows = [
            { ...ROW },
            { ...ROW, kon: 'M', alder: '70', verkstalld: '2018-12-01' },
            { ...ROW, verkstalld: '' },
            { ...ROW, insats: 'HT' },
            { ...ROW, kommun: '0180' },
            { ...ROW, kommun: '1280', kon: '' },
            { ...ROW, kommun: 'okänd' },
        ];
        rows.forEach((r) => acc.add(r));
        expect(acc.outcomes).toEqual({ outside: 1, unknownUnit: 1, missing: 1, denominator: 1, numerator: 3 });
        expect(acc.unstratified).toEqual({ kon: 1, åldersgrupp: 0 });
        const key = (c: RegisterCellRow) =>
            `${c.level} ${c.region} ${c.stratification ?? ''}:${c.stratum} ${c.numerator}/${c.denominator} m${c.missing}`;
        expect(acc.cells().map(key)).toEqual([
            'kommun 0114 :T 1/2 m1',
            'kommun 0114 kon:K 1/1 m1',
            'kommun 0114 kon:M 0/1 m0',
            'kommun 0114 åldersgrupp:A65 0/1 m0',
            'kommun 0114 åldersgrupp:A80 1/1 m1',
            'kommun 0180 :T 1/1 m0',
            'kommun 0180 kon:K 1/1 m0',
            'kommun 0180 kon:M 0/0 m0',
            'kommun 0180 åldersgrupp:A65 0/0 m0',
            'kommun 0180 åldersgrupp:A80 1/1 m0',
            'kommun 1280 :T 1/1 m0',
            'kommun 1280 kon:K 0/0 m0',
            'kommun 1280 kon:M 0/0 m0',
            'kommun 1280 åldersgrupp:A65 0/0 m0',
            'kommun 1280 åldersgrupp:A80 1/1 m0',
        ]);
        const levels = aggregateRegisterCells(plan, acc.cells()).filter((c) => c.stratum === 'T' || c.stratum === 'K');
        expect(levels.map(key)).toEqual([
            'län 01 :T 2/3 m1',
            'län 01 kon:K 2/2 m1',
            'län 12 :T 1/1 m0',
            'län 12 kon:K 0/0 m0',
            'riket riket :T 3/4 m1',
            'riket riket kon:K 2/2 m1',
        ]);
    });
});

describe('small-count suppression', () => {
    const cell = (
        stratification: string | undefined,
        stratum: string,
        numerator: number,
        denominator: number,
    ): RegisterCellRow => ({
        level: 'kommun',
        region: '0114',
        stratum,
        numerator,
        denominator,
        missing: 0,
        ...(stratification ? { stratification } : {}),
    });
    const policy = { minimum: 5, mark: '..' };

    test('a cell of fewer than the minimum is suppressed, and the smallest other cell of its stratification with it', () => {
        const result = suppress(
            [
                cell(undefined, 'T', 12, 20),
                cell('kon', 'K', 2, 3),
                cell('kon', 'M', 10, 17),
                cell('ålder', 'A65', 6, 8),
                cell('ålder', 'A80', 6, 12),
            ],
            policy,
        );
        expect(result.map((c) => [c.stratum, c.suppressed, c.value])).toEqual([
            ['T', undefined, 0.6],
            ['K', 'few', undefined],
            ['M', 'complementary', undefined],
            ['A65', undefined, 0.75],
            ['A80', undefined, 0.5],
        ]);
    });

    test('two small cells protect each other; empty cells are neither suppressed nor used as complement', () => {
        const result = suppress(
            [
                cell('insats', 'HT', 1, 4),
                cell('insats', 'SABO', 2, 2),
                cell('insats', 'ANNAN', 0, 0),
                cell('insats', 'KORT', 5, 9),
            ],
            policy,
        );
        expect(result.map((c) => c.suppressed)).toEqual(['few', 'few', undefined, undefined]);
        const single = suppress(
            [
                cell('insats', 'HT', 1, 4),
                cell('insats', 'ANNAN', 0, 0),
                cell('insats', 'SABO', 7, 9),
                cell('insats', 'KORT', 5, 9),
            ],
            policy,
        );
        // The tie between SABO and KORT goes to the first in stratum order.
        expect(single.map((c) => c.suppressed)).toEqual(['few', undefined, 'complementary', undefined]);
    });

    test('exactly the minimum is published; without a policy nothing is suppressed', () => {
        expect(suppress([cell(undefined, 'T', 5, 5)], policy)[0]).toMatchObject({ value: 1 });
        expect(suppress([cell(undefined, 'T', 1, 1)], policy)[0]).toMatchObject({ suppressed: 'few' });
        expect(suppress([cell(undefined, 'T', 1, 1)], undefined)[0]).toMatchObject({ value: 1 });
        expect(suppress([cell(undefined, 'T', 0, 0)], policy)[0].value).toBeUndefined();
    });
});

describe('the rule in Swedish', () => {
    test('Täljare, Nämnare, bortfall, strata and suppression of the waiting-time indicator', async () => {
        const text = registerRuleText(await indicatorOf(WAITING_TIME));
        expect(text.numerator).toBe('Antal personer i nämnaren vars verkställighetsdatum är högst 90 dagar efter beslutsdatum.');
        expect(text.denominator).toBe(
            'Antal personer vars insats är särskilt boende, ålder vid mätdatum är minst 65 och beslutsdatum ligger under de 12 månader som föregår mätdatum (2018-02-02–2019-02-01).',
        );
        expect(text.missing).toMatch(
            /^Personer vars uppgifter inte räcker för att avgöra villkoren .* ingår varken i täljaren eller nämnaren/,
        );
        expect(text.strata).toBe(
            'Redovisas totalt och uppdelat på kön (kvinnor, män) och åldersgrupp (65–79 år, 80 år och äldre).',
        );
        expect(text.suppression).toBe(
            'Värden som bygger på färre än 5 individer redovisas inte och markeras med ”..”; när bara ett värde i en uppdelning döljs, döljs också det minsta av de övriga, så att det inte kan räknas fram ur totalen.',
        );
        expect(text.dataSource).toBe('Registret över insatser enligt socialtjänstlagen (SOL).');
    });

    test('"inte", "eller", parentheses, "saknas" and one month read as written', async () => {
        const plan = await planOf(
            indicator(
                'inte ((insats är HT) eller alder mindre än 65) och beslut inom 1 månad före mätdatum',
                'inte verkstalld saknas och ((kon är K) eller alder > 79)',
            ),
        );
        expect(registerDenominatorSentence(plan)).toBe(
            'Antal personer vars insats inte är hemtjänst och ålder vid mätdatum är minst 65 och beslutsdatum ligger under den månad som föregår mätdatum (2019-01-02–2019-02-01).',
        );
        expect(registerNumeratorSentence(plan)).toBe(
            'Antal personer i nämnaren vars verkställighetsdatum är ifyllt och (kön är kvinnor eller ålder vid mätdatum är större än 79).',
        );
    });
});

describe('hover', () => {
    async function hoverAt(source: string, marker: string, register = REGISTER): Promise<string> {
        const { document } = await buildText(register, source);
        const text = document.textDocument.getText();
        const offset = text.indexOf(marker);
        expect(offset).toBeGreaterThanOrEqual(0);
        const hover = await hoverProvider(document).getHoverContent(document, {
            textDocument: { uri: document.uri.toString() },
            position: document.textDocument.positionAt(offset + 1),
        });
        const contents = hover?.contents as { value: string } | undefined;
        return contents?.value ?? '';
    }

    test("on the indicator: where it is counted from and its rule's sentences", async () => {
        const hover = await hoverAt(WAITING_TIME, '30 "Väntetid');
        expect(hover).toContain('Räknas ur registret SOL (Registret över insatser enligt socialtjänstlagen)');
        expect(hover).toContain(
            'Täljare: Antal personer i nämnaren vars verkställighetsdatum är högst 90 dagar efter beslutsdatum.',
        );
        expect(hover).toContain('Nämnare: Antal personer vars insats är särskilt boende');
        expect(hover).toContain('Redovisas totalt och uppdelat på kön (kvinnor, män) och åldersgrupp');
        expect(hover).toContain('Värden som bygger på färre än 5 individer redovisas inte');
    });

    test('on a column in a condition: its type, label and codes', async () => {
        expect(await hoverAt(WAITING_TIME, 'insats är')).toMatch(
            /^\*\*Kolumn `insats`\*\* – Insats\n\nTyp: kod\n\nKoder: HT = Hemtjänst · SABO = Särskilt boende/,
        );
        expect(await hoverAt(WAITING_TIME, 'alder minst')).toContain('Typ: heltal');
    });

    test('on the register and on a grouping', async () => {
        const register = await hoverAt(WAITING_TIME, 'SOL\n');
        expect(register).toContain('**Register SOL** – Registret över insatser enligt socialtjänstlagen');
        expect(register).toContain('| `beslut` | datum | Beslutsdatum |');
        expect(register).toContain('Mätdatum: 2019-02-01 (enkätens)');
        expect(await hoverAt(WAITING_TIME, 'åldersgrupp\n')).toContain('- A80: 80 år och äldre (80 och uppåt)');
    });
});

describe('examples/register2019 through the reference interpreter', () => {
    const folder = path.resolve(RESOURCES, '../../../../examples/register2019');
    const read = (file: string) => fs.readFileSync(path.join(folder, file), 'utf-8');
    const [header, ...lines] = read('register.csv').trim().split('\n');
    const columns = header.split(',');
    const rows = lines.map((line) => Object.fromEntries(line.split(',').map((value, i) => [columns[i], value])));

    test('every outcome occurs, the small kommuner are suppressed, and levels add up', async () => {
        const { document } = await buildText(read('enkat.oj'), read('indikatorer.oj'));
        expect((document.diagnostics ?? []).filter((d) => d.severity === 1)).toEqual([]);
        const indicators = document.parseResult.value.elements.filter((e): e is Indicator => e.$type === 'Indicator');
        expect(indicators.map((i) => i.number)).toEqual([30, 31, 32]);
        const summary = indicators.map((indicator) => {
            const plan = lowerRegisterIndicator(indicator);
            const acc = new RegisterAccumulator(plan);
            rows.forEach((row) => acc.add(row));
            const cells = suppress([...acc.cells(), ...aggregateRegisterCells(plan, acc.cells())], plan.suppression);
            const riket = cells.find((c) => c.level === 'riket' && c.stratum === 'T')!;
            const kommunTotals = cells.filter((c) => c.level === 'kommun' && c.stratum === 'T');
            expect(riket.denominator).toBe(kommunTotals.reduce((sum, c) => sum + c.denominator, 0));
            expect(riket.denominator).toBe(acc.outcomes.denominator + acc.outcomes.numerator);
            return {
                number: plan.number,
                outcomes: acc.outcomes,
                suppressed: cells.filter((c) => c.suppressed).map((c) => `${c.region}:${c.stratum}:${c.suppressed}`),
            };
        });
        for (const s of summary) {
            expect(
                Object.values(s.outcomes).every((n) => n > 0),
                `indicator ${s.number}: ${JSON.stringify(s.outcomes)}`,
            ).toBe(true);
            expect(s.outcomes.unknownUnit).toBe(2);
        }
        // The worked examples hold and, together, reach every outcome.
        const results = indicators.flatMap((i) =>
            i.registerExamples.map((e) => ({ title: e.title, ...checkRegisterExample(i, e) })),
        );
        expect(results.filter((r) => !r.holds)).toEqual([]);
        expect(new Set(results.map((r) => r.actual))).toEqual(
            new Set(['numerator', 'denominator', 'missing', 'outside', 'unknownUnit']),
        );
        expect(registerExampleCoverage(indicators[0]).covered).toEqual([
            'numerator',
            'denominator',
            'missing',
            'outside',
            'unknownUnit',
        ]);
        for (const indicator of indicators) {
            expect(registerExampleCoverage(indicator).covered, `indicator ${indicator.number}`).toEqual([
                'numerator',
                'denominator',
                'missing',
                'outside',
                'unknownUnit',
            ]);
        }
        // Kiruna (2584) has too few rows for any published value.
        expect(summary[0].suppressed).toContain('2584:T:few');
        expect(summary.flatMap((s) => s.suppressed).some((s) => s.endsWith(':complementary'))).toBe(true);
    });
});

describe('formatting', () => {
    test.each(['enkat.oj', 'indikatorer.oj'])(
        'examples/register2019/%s is written as the formatter writes it, and comes back from flattened',
        async (file) => {
            const { createOjServices } = await import('../src/index.js');
            const { EmptyFileSystem, TextDocument } = await import('langium');
            const { parseHelper } = await import('langium/test');
            const { Oj: services } = createOjServices(EmptyFileSystem);
            const format = async (source: string) => {
                const document = await parseHelper(services)(source);
                const edits = await services.lsp.Formatter!.formatDocument(document, {
                    textDocument: { uri: document.uri.toString() },
                    options: { tabSize: 4, insertSpaces: true },
                });
                return TextDocument.applyEdits(document.textDocument, edits);
            };
            const text = fs.readFileSync(path.resolve(RESOURCES, '../../../../examples/register2019', file), 'utf-8');
            expect(await format(text)).toBe(text);
            const flattened = text
                .split('\n')
                .map((line) => line.trimStart())
                .join('\n');
            expect(await format(flattened)).toBe(text);
        },
    );
});
