/**
 * Two surveys in one folder (examples/oj2019 and examples/khs2019, copied side by side; they use
 * the same indicator numbers): every command that publishes or evaluates works on one survey, chosen with --enkät;
 * without it the command names the surveys it found and stops with exit code 2. And the second
 * survey's semantics: kommuner only, published per kommun, län and riket, with shares of counts,
 * background measures and comparability in the results.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { root, runOj } from './support.js';

let dir: string;
/** A folder holding the two surveys, as a methodologist's working folder would. */
let examples: string;
const oj = (args: string[]) => runOj(args, dir);
type Row = Record<string, string>;
const readCsv = (file: string): Row[] => parse(fs.readFileSync(path.join(dir, file), 'utf-8'), { columns: true });

/**
 * KHS2019's variables: K01_1, K01_2 (rutin), K02_1, K02_2 (överenskommelse), K03_1 (specialister),
 * K_SSK (sjuksköterskor), K05_2 (boenden), K06_1_K and K06_1_M (undersköterskor, kvinnor and män).
 */
const KHS_RESPONSES =
    [
        'unit,name,K01_1,K01_2,K02_1,K02_2,K03_1,K_SSK,K05_2,K06_1_K,K06_1_M',
        // Stockholm answers this survey as a kommun.
        '0180,Stockholm,1,1,1,2,40,100,20,300,60',
        '0114,Upplands Väsby,1,3,2,,2,10,3,30,',
        '1480,Göteborg,2,,1,1,30,60,8,200,50',
        '2380,Östersund,1,,1,1,0,0,0,20,4',
    ].join('\n') + '\n';

beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oj-surveys-'));
    examples = path.join(dir, 'enkater');
    for (const survey of ['oj2019', 'khs2019'])
        fs.cpSync(path.join(root, 'examples', survey), path.join(examples, survey), { recursive: true });
    fs.writeFileSync(path.join(dir, 'khs.csv'), KHS_RESPONSES);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('with two surveys in the paths', () => {
    // The arguments after the command name; the model folder comes first.
    const commands: Array<[string, string[], string | undefined]> = [
        ['docs', ['--format', 'html', '--out', 'doc.html'], 'doc.html'],
        ['evaluate', ['--responses', 'khs.csv', '--out', 'ut'], 'ut'],
        ['generate', ['--out', 'paket'], 'paket'],
        ['codebook', ['--out', 'kodbok.csv'], 'kodbok.csv'],
        ['coverage', [], undefined],
    ];

    test.each(commands)('oj %s without --enkät names the surveys, writes nothing and exits 2', async (name, args, output) => {
        const result = await oj([name, examples, ...args]);
        expect(result.code).toBe(2);
        expect(result.stderr).toContain(
            'Sökvägarna innehåller 2 enkäter: KHS2019 (Öppna jämförelser kommunal hälso- och sjukvård 2019), OJ2019 (Öppna jämförelser socialtjänst 2019). Välj en med --enkät <namn>.',
        );
        expect(result.stdout).toBe('');
        if (output) expect(fs.existsSync(path.join(dir, output))).toBe(false);
    });

    test('an unknown survey name is a usage error too', async () => {
        const result = await oj(['codebook', examples, '--enkät', 'OJ2030']);
        expect(result.code).toBe(2);
        expect(result.stderr).toContain('Enkäten "OJ2030" finns inte; sökvägarna innehåller 2 enkäter: KHS2019');
    });

    test('oj check still checks every file of both surveys', async () => {
        const result = await oj(['check', examples]);
        expect(result.code).toBe(0);
        expect(result.stderr).toContain('9 filer kontrollerade: 0 fel, 0 varningar.');
    });
});

describe('--enkät picks one survey', () => {
    test('the description of KHS2019 has its own indicators and defaults, none of OJ2019', async () => {
        const result = await oj(['docs', examples, '--enkät', 'khs2019', '--format', 'html', '--out', 'khs.html']);
        expect(result.code).toBe(0);
        expect(result.stderr).toContain('(html, 6 indikatorer)');
        const html = fs.readFileSync(path.join(dir, 'khs.html'), 'utf-8');
        expect(html).toContain('<p>Frågan besvaras för kvinnor och män var för sig.</p>');
        expect(html).toContain('<p>Resultaten redovisas för kvinnor, män och totalt.</p>');
        expect(html).toContain('<p>Bakgrundsmåttet är svaret på frågan; värdena summeras per redovisningsnivå.</p>');
        expect(html).toContain('Aktuell rutin för bedömning av egenvård');
        expect(html).not.toContain('avhysning');
        expect(html).toContain('<p>Alla Sveriges kommuner.</p>');
        expect(html).not.toContain('stadsdelar i Göteborg och Stockholm');
        expect(html).toContain('<p>Kommuner, län och riket.</p>');
        expect(html).toContain('<p>De kommuner som har svarat.</p>');
    });

    test('the description of OJ2019 has its 10 indicators and none of KHS2019', async () => {
        const result = await oj(['docs', examples, '--enkät', 'OJ2019', '--format', 'html', '--out', 'oj.html']);
        expect(result.code).toBe(0);
        expect(result.stderr).toContain('(html, 10 indikatorer)');
        const html = fs.readFileSync(path.join(dir, 'oj.html'), 'utf-8');
        expect(html).not.toContain('egenvård');
        expect(html).toContain('<p>Alla Sveriges kommuner samt stadsdelar i Göteborg och Stockholm.</p>');
    });

    test('the codebook of one survey has only its variables', async () => {
        const result = await oj(['codebook', examples, '--enkät', 'KHS2019']);
        expect(result.code).toBe(0);
        const variables = (parse(result.stdout, { columns: true }) as Row[]).map((r) => r.variable);
        expect(variables).toEqual(['K01_1', 'K01_2', 'K02_1', 'K02_2', 'K03_1', 'K_SSK', 'K05_2', 'K06_1_K', 'K06_1_M']);
        expect((parse(result.stdout, { columns: true }) as Row[]).map((r) => r.stratum).slice(-2)).toEqual(['K', 'M']);
    });

    test('the generated package of one survey evaluates only its indicators', async () => {
        const result = await oj(['generate', examples, '--enkät', 'KHS2019', '--out', 'khs-paket']);
        expect(result.code).toBe(0);
        const readme = fs.readFileSync(path.join(dir, 'khs-paket/README.md'), 'utf-8');
        expect(readme).toContain('oj-evaluator-khs2019');
        expect(readme).not.toContain('I01_1');
    });
});

describe('oj evaluate --enkät KHS2019: kommuner only, at kommun, län and riket', () => {
    let units: Row[];
    let aggregates: Row[];
    let indicators: Row[];
    let summary: Record<string, unknown>;

    beforeAll(async () => {
        const result = await oj([
            'evaluate',
            examples,
            '--enkät',
            'KHS2019',
            '--responses',
            'khs.csv',
            '--out',
            'khs-ut',
            '--json',
        ]);
        expect(result.code).toBe(0);
        summary = JSON.parse(result.stdout);
        units = readCsv('khs-ut/units.csv');
        aggregates = readCsv('khs-ut/aggregates.csv');
        indicators = readCsv('khs-ut/indicators.csv');
    });

    test('Stockholm answers this survey as a kommun: evaluated, nobody outside', () => {
        expect(units.find((r) => r.unit === '0180' && r.indicator === '1')?.status).toBe('met');
        expect(summary.outside).toBe(0);
    });

    test('a stadsdel answering a survey for kommuner is refused (the survey declares no stadsdelar)', async () => {
        fs.writeFileSync(
            path.join(dir, 'khs-stadsdel.csv'),
            KHS_RESPONSES + '1480-01,"Göteborg, stadsdel Centrum",1,1,1,1,5,5,1,9,9\n',
        );
        const result = await oj([
            'evaluate',
            examples,
            '--enkät',
            'KHS2019',
            '--responses',
            'khs-stadsdel.csv',
            '--out',
            'khs-ut-stadsdel',
        ]);
        expect(result.code).toBe(1);
        expect(result.stderr).toContain('enhet 1480-01');
        expect(fs.existsSync(path.join(dir, 'khs-ut-stadsdel'))).toBe(false);
    });

    test('aggregates only at the declared levels: riket and län, no storstad', () => {
        expect(new Set(aggregates.map((r) => r.level))).toEqual(new Set(['riket', 'lan']));
        const riket = aggregates.find((r) => r.indicator === '2' && r.level === 'riket');
        // 0180 not met (not followed up), 0114 not met, 1480 met, 2380 met; the stadsdel is not counted.
        expect(riket).toMatchObject({ numerator: '2', denominator: '4', share: '0.5000', respondents: '4' });
    });

    test("a share of counts: each kommun's own counts and share, and the summed share per level", () => {
        const own = units.find((r) => r.unit === '0180' && r.indicator === '3');
        expect(own).toMatchObject({ status: 'met', numerator: '40', denominator: '100', value: '0.4000' });
        expect(units.find((r) => r.unit === '2380' && r.indicator === '3')).toMatchObject({
            status: 'excluded',
            numerator: '',
            value: '',
        });
        const lan01 = aggregates.find((r) => r.indicator === '3' && r.level === 'lan' && r.region === '01');
        expect(lan01).toMatchObject({ numerator: '42', denominator: '110', share: (42 / 110).toFixed(4) });
    });

    test('background measures: a value per kommun, summed or the median per level', () => {
        expect(units.find((r) => r.unit === '0114' && r.indicator === '4')).toMatchObject({ status: 'measured', value: '10' });
        expect(units.find((r) => r.unit === '0180' && r.indicator === '5')).toMatchObject({
            status: 'measured',
            numerator: '100',
            denominator: '20',
            value: '5',
        });
        expect(units.find((r) => r.unit === '2380' && r.indicator === '5')).toMatchObject({ status: 'excluded', value: '' });
        expect(aggregates.find((r) => r.indicator === '4' && r.level === 'riket')).toMatchObject({
            value: '170',
            respondents: '4',
            numerator: '',
            share: '',
        });
        // Medians of 5, 10/3 and 7.5.
        expect(aggregates.find((r) => r.indicator === '5' && r.level === 'riket')).toMatchObject({
            value: '5',
            respondents: '3',
        });
        // Indicator 6 per kön: 0114 has no count for män, so M and the total are missing there.
        expect(summary.measures).toEqual({ measured: 17, excluded: 1, missing: 2 });
    });

    test("a count asked per kön: a value per stratum and the total, with Kolada's codes K, M, T", () => {
        const own = (unit: string) =>
            units.filter((r) => r.unit === unit && r.indicator === '6').map((r) => [r.stratum, r.status, r.value]);
        expect(own('0180')).toEqual([
            ['K', 'measured', '300'],
            ['M', 'measured', '60'],
            ['T', 'measured', '360'],
        ]);
        expect(own('0114')).toEqual([
            ['K', 'measured', '30'],
            ['M', 'missing', ''],
            ['T', 'missing', ''],
        ]);
        const riket = aggregates
            .filter((r) => r.indicator === '6' && r.level === 'riket')
            .map((r) => [r.stratum, r.value, r.respondents]);
        // The total counts the kommuner whose total is known (0180, 1480, 2380): 360 + 250 + 24.
        expect(riket).toEqual([
            ['K', '550', '4'],
            ['M', '114', '3'],
            ['T', '634', '3'],
        ]);
    });

    test('indicators.csv says what each figure is and whether it compares with 2018', () => {
        expect(indicators.map((r) => [r.indicator, r.kind, r.population, r.levels, r.aggregation])).toEqual([
            ['1', 'indikator', 'kommun', 'kommun län riket', ''],
            ['2', 'indikator', 'kommun', 'kommun län riket', ''],
            ['3', 'andel', 'kommun', 'kommun län riket', ''],
            ['4', 'bakgrundsmått', 'kommun', 'kommun län riket', 'summa'],
            ['5', 'bakgrundsmått', 'kommun', 'kommun län riket', 'median'],
            ['6', 'bakgrundsmått', 'kommun', 'kommun län riket', 'summa'],
        ]);
        expect(indicators[0]).toMatchObject({ earlier_year: '2018', comparable: 'ja' });
        expect(indicators[2]).toMatchObject({
            earlier_year: '2018',
            comparable: 'nej',
            comparability: '2018 räknades även tillfälligt anställda sjuksköterskor.',
        });
        expect(indicators[3]).toMatchObject({ earlier_year: '', comparable: '' });
    });
});
