/**
 * Plausibility of counts (issue 12, construct 5): a part larger than its whole, where a ratio
 * relates them, is listed with its unit and variables and treated as missing, so that no share
 * above 100 % is published. A near-identical file with the part within its whole publishes it.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { evaluateResponsesFile, implausibleText } from '../src/index.js';
import { loadText } from './support.js';

const MODEL = `enkät P2020 "Rimlighet" {
    år 2020
    variabelmönster "P{indikator:02}_{fråga}"
    datakälla "E." målpopulation "A." nämnare "S." redovisningsnivåer kommun, län, riket
}
område EB "Ekonomiskt bistånd"
indikator 5 "Andel handläggare med utbildning" {
    områden EB
    beskrivning "B." syfte "S." önskad riktning positiv typ resultat kvalitetsområde "Kunskapsbaserad"
    fråga i Utbildade: "Hur många handläggare har utbildningen?" antal
    fråga ii Handläggare: "Hur många handläggare har ni?" antal
    andel: fråga i / fråga ii
}
`;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oj-plausibility-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function run(rows: string[]) {
    const models = await loadText([MODEL]);
    const file = path.join(dir, `svar-${rows.length}-${rows[0].replace(/\W/g, '')}.csv`);
    fs.writeFileSync(file, ['unit,name,P05_1,P05_2', ...rows].join('\n') + '\n');
    const out = path.join(dir, path.basename(file, '.csv'));
    const summary = await evaluateResponsesFile(models, file, out);
    return {
        summary,
        units: fs.readFileSync(path.join(out, 'units.csv'), 'utf-8'),
        aggregates: fs.readFileSync(path.join(out, 'aggregates.csv'), 'utf-8'),
    };
}

describe('a part larger than its whole', () => {
    test('is listed with its unit and variables, treated as missing, and kept out of the shares', async () => {
        const { summary, units, aggregates } = await run(['0114,Upplands Väsby,7,5', '0115,Vallentuna,2,4']);
        expect(summary.implausible.map(implausibleText)).toEqual(['0114, indikator 5: P05_1 = 7 är större än P05_2 = 5']);
        expect(units).toContain('0114,Upplands Väsby,5,,,missing,,,');
        expect(units).toContain('0115,Vallentuna,5,,,met,2,4,0.5000');
        // Only Vallentuna's 2 of 4 enters the shares: 0.5000, never 1.4000 or (7+2)/(5+4).
        const riket = aggregates.split('\n').find((l) => l.includes('riket'));
        expect(riket).toBe('5,,,riket,riket,2,4,0.5000,,1');
        expect(aggregates).not.toMatch(/,1\.[1-9]\d{3},/);
    });

    test('a part equal to its whole is plausible', async () => {
        const { summary, aggregates } = await run(['0114,Upplands Väsby,5,5']);
        expect(summary.implausible).toEqual([]);
        expect(aggregates.split('\n').find((l) => l.includes('riket'))).toBe('5,,,riket,riket,5,5,1.0000,,1');
    });
});

/** Rules that relate two counts as part and whole, and one that does not (hours per person). */
const RULES = `enkät R2020 "Rimlighet i regler" {
    år 2020
    variabelmönster "R{indikator:02}_{fråga}"
    datakälla "E." målpopulation "A." nämnare "S." redovisningsnivåer kommun, län, riket
}
område EB "Ekonomiskt bistånd"
indikator 1 "Planer" {
    områden EB
    beskrivning "B." syfte "S." önskad riktning positiv typ process kvalitetsområde "Individanpassad"
    fråga i Personer: "Hur många personer?" antal enhet "personer"
    fråga ii Planer: "Hur många har en plan?" antal enhet "personer"
    krävs: (antal på fråga ii) / (antal på fråga i) är minst 80 %
}
indikator 2 "Högst" {
    områden EB
    beskrivning "B." syfte "S." önskad riktning positiv typ process kvalitetsområde "Individanpassad"
    fråga i Alla: "Hur många personer?" antal
    fråga ii Del: "Hur många av dem?" antal
    krävs: antal på fråga i > 0 och antal på fråga i är minst antal på fråga ii
}
indikator 3 "Timmar per person" {
    områden EB
    beskrivning "B." syfte "S." önskad riktning positiv typ process kvalitetsområde "Kunskapsbaserad"
    fråga i Timmar: "Hur många timmar?" antal enhet "timmar"
    fråga ii Handlaggare: "Hur många personer?" antal enhet "personer"
    krävs: (antal på fråga i) / (antal på fråga ii) är minst 40
}
`;

describe('part and whole inferred from the rules', () => {
    async function runRules(rows: string[]) {
        const models = await loadText([RULES]);
        const file = path.join(dir, `regler-${rows.map((r) => r.slice(0, 4)).join('-')}.csv`);
        fs.writeFileSync(file, ['unit,name,R01_1,R01_2,R02_1,R02_2,R03_1,R03_2', ...rows].join('\n') + '\n');
        const out = path.join(dir, path.basename(file, '.csv'));
        const summary = await evaluateResponsesFile(models, file, out);
        return { summary, units: fs.readFileSync(path.join(out, 'units.csv'), 'utf-8') };
    }

    test('a quotient compared with a per cent and "är minst antal på fråga ii" make 7 of 5 implausible and missing', async () => {
        const { summary, units } = await runRules(['0114,Upplands Väsby,5,7,5,7,100,2', '0115,Vallentuna,5,4,5,4,100,2']);
        expect(summary.implausible.map(implausibleText)).toEqual([
            '0114, indikator 1: R01_2 = 7 är större än R01_1 = 5',
            '0114, indikator 2: R02_2 = 7 är större än R02_1 = 5',
        ]);
        expect(units).toContain('0114,Upplands Väsby,1,,,missing,,,');
        expect(units).toContain('0114,Upplands Väsby,2,,,missing,,,');
        // The near-identical row within its whole is decided by the rules.
        expect(units).toContain('0115,Vallentuna,1,,,met,,,');
        expect(units).toContain('0115,Vallentuna,2,,,met,,,');
        // Hours per person are no part of a whole: 100 hours for 2 persons is met, not implausible.
        expect(units).toContain('0114,Upplands Väsby,3,,,met,,,');
    });
});
