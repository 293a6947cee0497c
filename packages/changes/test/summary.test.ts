/**
 * What the editor's hover says about an indicator's change since last year (changeSummary), on
 * examples/oj2019 → examples/oj2020 loaded as the editor and the command line load last year
 * (loadYearWorkspace), and what that loading says about a folder it cannot use.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { changeSummary, diffModels, loadYearWorkspace, type ModelDiff, YearWorkspaceError } from '../src/index.js';

const root = path.resolve(__dirname, '../../..');
let diff: ModelDiff;

const summary = (number: number, status = /changed|unchanged|added/) =>
    changeSummary(
        diff.indicators.find((d) => (d.after ?? d.before)!.number === number && status.test(d.status))!,
        '2019',
    );

beforeAll(async () => {
    const last = await loadYearWorkspace(path.join(root, 'examples/oj2019'));
    const now = await loadYearWorkspace(path.join(root, 'examples/oj2020'));
    expect([last.errors, now.errors]).toEqual([[], []]);
    expect([last.survey, last.year, last.files.length]).toEqual(['OJ2019', 2019, 6]);
    diff = diffModels(last.models, now.models);
});

describe('the hover line of an indicator', () => {
    test('unchanged, new and removed', () => {
        expect(summary(7)).toBe('Oförändrat sedan 2019.');
        expect(summary(9)).toBe('Ny sedan 2019: ingen motsvarande indikator 2019.');
        expect(summary(10, /removed/)).toBe('Borttagen sedan 2019.');
    });

    test('renamed, still comparable', () => {
        expect(summary(1)).toBe(
            'Ändrat sedan 2019: nytt namn (2019: "Aktuell rutin för att förhindra avhysning av barnfamiljer"); jämförbar med 2019.',
        );
    });

    test('a rule relaxed: the combinations that move, per group of areas', () => {
        expect(summary(3)).toBe(
            'Ändrat sedan 2019: ändrad text: krav för att uppnå indikatorn; utfallet för Ekonomiskt bistånd, Missbruk, ' +
                'Socialpsykiatri, Våld i nära relationer vuxen, Barn och unga, LSS barn, LSS vuxen och Äldreomsorg ändras ' +
                'för 1 av 16 svarskombinationer; inte jämförbar med 2019.',
        );
    });

    test('question changes as clauses, at most three of them', () => {
        expect(summary(2)).toBe('Ändrat sedan 2019: fråga ii: frågans text har ändrats; inte jämförbar med 2019.');
        expect(summary(10)).toBe(
            'Ändrat sedan 2019: nummer 9 → 10; fråga i: svarsalternativet "Ej aktuellt, området finns inte i vår ' +
                'socialtjänst/kommun" har fått koden 9 (var 3), svarsalternativet "Vet ej" (kod 8) har lagts till, ' +
                'variabeln I09_1_EB heter nu I10_1_EB och 4 ändringar till; inte jämförbar med 2019.',
        );
    });
});

describe("loading last year's workspace", () => {
    test('a folder that does not exist, or holds no .oj file, is refused in Swedish', async () => {
        await expect(loadYearWorkspace('finns-inte-2019')).rejects.toThrow(
            new YearWorkspaceError('Hittar inte finns-inte-2019.'),
        );
        const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'oj-year-'));
        await expect(loadYearWorkspace(empty)).rejects.toThrow(`Inga modellfiler (.oj) i ${empty}.`);
    });
});
