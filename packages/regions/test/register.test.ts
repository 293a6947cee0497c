/**
 * The kommun register: SCB's 290 kommuner in 21 län, and the unit codes a survey export may hold.
 */
import { describe, expect, test } from 'vitest';
import { isUnitCodeError, kommun, kommuner, lan, lanList, parseUnitCode, REGISTER_YEAR, STORSTADER } from '../src/index.js';

describe('the register', () => {
    test('290 kommuner in 21 län, every code unique and four digits, every län its first two', () => {
        const all = kommuner();
        expect(REGISTER_YEAR).toBe(2019);
        expect(all).toHaveLength(290);
        expect(lanList()).toHaveLength(21);
        expect(new Set(all.map((k) => k.kod)).size).toBe(290);
        expect(new Set(all.map((k) => k.namn)).size).toBe(290);
        for (const k of all) {
            expect(k.kod).toMatch(/^\d{4}$/);
            expect(k.lanskod).toBe(k.kod.slice(0, 2));
            expect(lan(k.lanskod)?.namn).toBe(k.lansnamn);
        }
        expect([...all.map((k) => k.kod)]).toEqual([...all.map((k) => k.kod)].sort());
    });

    test('each län has the number of kommuner SCB lists', () => {
        const count = (code: string) => kommuner().filter((k) => k.lanskod === code).length;
        expect(Object.fromEntries(lanList().map((l) => [l.namn, count(l.kod)]))).toEqual({
            'Stockholms län': 26,
            'Uppsala län': 8,
            'Södermanlands län': 9,
            'Östergötlands län': 13,
            'Jönköpings län': 13,
            'Kronobergs län': 8,
            'Kalmar län': 12,
            'Gotlands län': 1,
            'Blekinge län': 5,
            'Skåne län': 33,
            'Hallands län': 6,
            'Västra Götalands län': 49,
            'Värmlands län': 16,
            'Örebro län': 12,
            'Västmanlands län': 10,
            'Dalarnas län': 15,
            'Gävleborgs län': 10,
            'Västernorrlands län': 7,
            'Jämtlands län': 8,
            'Västerbottens län': 15,
            'Norrbottens län': 14,
        });
    });

    test('known kommuner and län', () => {
        expect(kommun('0180')).toEqual({ kod: '0180', namn: 'Stockholm', lanskod: '01', lansnamn: 'Stockholms län' });
        expect(kommun('1480')?.namn).toBe('Göteborg');
        expect(kommun('1280')?.namn).toBe('Malmö');
        expect(kommun('0114')?.namn).toBe('Upplands Väsby');
        expect(kommun('2584')).toMatchObject({ namn: 'Kiruna', lansnamn: 'Norrbottens län' });
        expect(kommun('0980')).toMatchObject({ namn: 'Gotland', lansnamn: 'Gotlands län' });
        expect(kommun('0330')?.namn).toBe('Knivsta');
        expect(lan('14')?.namn).toBe('Västra Götalands län');
        expect(kommun('9999')).toBeUndefined();
        expect(lan('02')).toBeUndefined();
        expect(Object.entries(STORSTADER).every(([k, name]) => kommun(k)?.namn === name)).toBe(true);
        expect(Object.keys(STORSTADER).sort()).toEqual(['0180', '1280', '1480']);
    });

    test("a year the register does not hold for is refused, not answered with another year's kommuner", () => {
        expect(kommuner(2019)).toHaveLength(290);
        expect(() => kommuner(1990)).toThrow(/Kommunregistret gäller åren 2003–2025, inte 1990/);
    });
});

describe('unit codes', () => {
    const stadsdelar = new Set(['0180-01', '0180-02', '1480-01']);
    const error = (text: string) => {
        const result = parseUnitCode(text, stadsdelar);
        return isUnitCodeError(result) ? result.error : undefined;
    };

    test('a kommun and a declared stadsdel', () => {
        expect(parseUnitCode('0180', stadsdelar)).toEqual({ kind: 'kommun', kommunkod: '0180' });
        expect(parseUnitCode('0180-02', stadsdelar)).toEqual({ kind: 'stadsdel', kommunkod: '0180', stadsdel: '0180-02' });
        expect(parseUnitCode('1480-07')).toEqual({ kind: 'stadsdel', kommunkod: '1480', stadsdel: '1480-07' });
    });

    test('codes that were once read on their first four digits are errors', () => {
        expect(error('01800')).toMatch(/^"01800" är ingen enhetskod: en kommunkod har fyra siffror/);
        expect(error('99999')).toMatch(/ingen enhetskod/);
        expect(error('0180.0')).toMatch(/ingen enhetskod/);
        expect(error('1480\n=1+1')).toBe(
            '"1480U+000A=1+1" är ingen enhetskod: en kommunkod har fyra siffror (t.ex. 0180), en stadsdel kommunkoden, ett bindestreck och två siffror (t.ex. 0180-01).',
        );
        expect(error('9999')).toBe('Det finns ingen kommun med kommunkoden 9999 (kommunregistret 2019, 290 kommuner).');
        expect(error('9999-01')).toMatch(/ingen kommun med kommunkoden 9999/);
        expect(error('')).toBe('Enhetskoden är tom.');
    });

    test('a stadsdel the survey does not declare', () => {
        expect(error('0180-14')).toBe(
            'Stadsdelen 0180-14 finns inte bland enkätens stadsdelar (enkäten anger 2 i Stockholm: 0180-01–0180-02).',
        );
        expect(error('1280-01')).toBe(
            'Stadsdelen 1280-01 finns inte bland enkätens stadsdelar (enkäten anger inga stadsdelar i Malmö).',
        );
    });

    test('a kommunkod that lost its leading zero in a spreadsheet gets a hint', () => {
        expect(error('114')).toMatch(/Har den inledande nollan fallit bort \(0114, Upplands Väsby\)\?/);
    });

    test('a long code is quoted shortened', () => {
        expect(error('x'.repeat(10_000))!.length).toBeLessThan(200);
    });
});
