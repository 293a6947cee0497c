/**
 * The analysis is exact for arithmetic over counts: on seeded random rules of sums, differences and
 * quotients of counts compared with constants, per cents or other counts (in an exclusion, a
 * requirement and an exception together), the outcomes it finds reachable are exactly those a brute
 * force over every count 0..60 (and blank) reaches with the reference interpreter. The constants are
 * small enough that every behaviour of these rules shows within 0..60, so the brute force is the oracle.
 */
import { EmptyFileSystem } from 'langium';
import { clearDocuments, parseHelper } from 'langium/test';
import { afterAll, describe, expect, test } from 'vitest';
import { countDomains } from '../src/semantics/count-witnesses.js';
import {
    createOjServices,
    evaluatePlan,
    type Indicator,
    lowerIndicator,
    lowerRule,
    type Model,
    reachableStatuses,
    STATUSES,
    type Status,
    variantEqualsBase,
} from '../src/index.js';

const services = createOjServices(EmptyFileSystem).Oj;
const parse = parseHelper<Model>(services);
afterAll(() => clearDocuments(services.shared));

/** mulberry32: a small seeded generator, so a failure names its seed and can be replayed. */
function random(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

const NUMERALS = ['i', 'ii', 'iii'];
const WORDS = ['är minst', 'är högst', 'är större än', 'är mindre än', 'är lika med'];

/** A random comparison over the first `questions` counts, in the language's linear arithmetic. */
function comparison(next: () => number, questions: number): string {
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)];
    const count = () => `antal på fråga ${pick(NUMERALS.slice(0, questions))}`;
    const word = pick(WORDS);
    switch (Math.floor(next() * 5)) {
        case 0:
            return `${count()} ${word} ${Math.floor(next() * 21)}`;
        case 1:
            return `${count()} ${pick(['+', '-'])} ${count()} ${word} ${Math.floor(next() * 21)}`;
        case 2:
            return `(${count()}) / (${count()}) ${word} ${pick([25, 50, 75, 80, 100, 150, 250])} %`;
        case 3:
            return `(${count()} + ${count()}) / (${count()}) ${word} ${pick([1, 2, 3])}`;
        default:
            return `${count()} ${word} ${count()} ${pick(['+', '-'])} ${count()}`;
    }
}

function indicatorText(next: () => number, questions: number): string {
    const negate = () => (next() < 0.3 ? 'inte ' : '');
    const requirement = `${negate()}${comparison(next, questions)} ${next() < 0.5 ? 'och' : 'eller'} ${negate()}${comparison(next, questions)}`;
    return `enkät T2019 "Test" {
    år 2019
    variabelmönster "T{indikator}_{fråga}"
    datakälla "Enkät." målpopulation "Alla." nämnare "Svarande." redovisningsnivåer kommun, riket
}
område EB "Ekonomiskt bistånd"
indikator 1 "Räkna" {
    områden EB
    beskrivning "B." syfte "S." önskad riktning positiv typ struktur kvalitetsområde "Säker"
${NUMERALS.slice(0, questions)
    .map((n, i) => `    fråga ${n} Q${i}: "Hur många?" antal`)
    .join('\n')}
    krävs: ${requirement}
    utesluts: ${comparison(next, questions)}
    ${next() < 0.6 ? `undantas: ${comparison(next, questions)}` : ''}
}
`;
}

/** Every status the interpreter gives over counts 0..60 and blank for each question. */
function bruteForce(indicator: Indicator): Set<Status> {
    const plan = lowerIndicator(indicator).units[0];
    const variables = [...new Set(plan.variables.map((r) => r.variable))];
    const values: Array<number | undefined> = [undefined, ...Array.from({ length: 61 }, (_, i) => i)];
    const found = new Set<Status>();
    const row: Record<string, number | undefined> = {};
    const visit = (i: number) => {
        if (i === variables.length) {
            found.add(evaluatePlan(plan, row).status);
            return;
        }
        for (const v of values) {
            row[variables[i]] = v;
            visit(i + 1);
        }
    };
    visit(0);
    return found;
}

async function indicatorOf(text: string): Promise<Indicator> {
    const document = await parse(text);
    expect(document.parseResult.parserErrors.map((e) => e.message)).toEqual([]);
    return document.parseResult.value.elements.find((e) => e.$type === 'Indicator') as Indicator;
}

describe('exact analysis of arithmetic over counts', () => {
    // Two counts over 0..60 are cheap to enumerate; three are fewer cases, as each costs 62³ evaluations.
    const cases = [
        ...Array.from({ length: 60 }, (_, i) => ({ seed: 1000 + i, questions: 2 })),
        ...Array.from({ length: 6 }, (_, i) => ({ seed: 5000 + i, questions: 3 })),
    ];
    test.each(cases)(
        'seed $seed ($questions counts): reachable outcomes as the brute force finds them',
        async ({ seed, questions }) => {
            const text = indicatorText(random(seed), questions);
            const indicator = await indicatorOf(text);
            const plan = lowerIndicator(indicator).units[0];
            const analysed = reachableStatuses(indicator, plan);
            const oracle = STATUSES.filter((s) => bruteForce(indicator).has(s));
            expect(analysed, text).toEqual(oracle);
        },
    );

    test.each(Array.from({ length: 60 }, (_, i) => ({ seed: 9000 + i })))(
        'seed $seed: two random rules decide some answers differently exactly when the brute force finds such answers',
        async ({ seed }) => {
            const next = random(seed);
            const rule = () => `${comparison(next, 2)} ${next() < 0.5 ? 'och' : 'eller'} ${comparison(next, 2)}`;
            const text = indicatorText(next, 2)
                .replace('områden EB', 'områden EB, BU')
                .replace('område EB "Ekonomiskt bistånd"', 'område EB "Ekonomiskt bistånd"\nområde BU "Barn och unga"')
                .replace(/\n {4}krävs: /, `\n    för BU krävs: ${rule()}\n    krävs: `);
            const indicator = await indicatorOf(text);
            const [variant, base] = indicator.requirements;
            const a = lowerRule(indicator, variant),
                b = lowerRule(indicator, base);
            const variables = [...new Set([...a.variables, ...b.variables].map((r) => r.variable))];
            let differ = false;
            const row: Record<string, number | undefined> = {};
            const visit = (i: number) => {
                if (differ) return;
                if (i === variables.length) {
                    differ = evaluatePlan(a, row).status !== evaluatePlan(b, row).status;
                    return;
                }
                for (const v of [undefined, ...Array.from({ length: 61 }, (_, n) => n)]) {
                    row[variables[i]] = v;
                    visit(i + 1);
                }
            };
            visit(0);
            expect(!variantEqualsBase(indicator, variant, base), text).toBe(differ);
        },
    );

    test('a difference that only counts beyond 60 reach is found (i ≥ 32 and ii > 2·i), and is real', async () => {
        const indicator = await indicatorOf(`enkät T2019 "Test" {
    år 2019
    variabelmönster "T{indikator}_{fråga}"
    datakälla "Enkät." målpopulation "Alla." nämnare "Svarande." redovisningsnivåer kommun, riket
}
område EB "Ekonomiskt bistånd"
område BU "Barn och unga"
indikator 1 "Räkna" {
    områden EB, BU
    beskrivning "B." syfte "S." önskad riktning positiv typ struktur kvalitetsområde "Säker"
    fråga i A: "Hur många?" antal
    fråga ii B: "Hur många?" antal
    för BU krävs: (antal på fråga ii) / (antal på fråga i) är lika med 75 %
    krävs: inte antal på fråga i är mindre än 32 och (antal på fråga ii) / (antal på fråga i) är minst 75 %
    utesluts: (antal på fråga i + antal på fråga ii) / (antal på fråga i) är högst 3
}
`);
        const [variant, base] = indicator.requirements;
        expect(variantEqualsBase(indicator, variant, base)).toBe(false);
        // Not excluded needs ii > 2·i; the base rule then needs i ≥ 32, so ii ≥ 65; the variant is never met there.
        const row = { T1_1: 32, T1_2: 65 };
        expect(evaluatePlan(lowerRule(indicator, base), row).status).toBe('met');
        expect(evaluatePlan(lowerRule(indicator, variant), row).status).toBe('not_met');
    });

    test('a difference that only a far count reaches is found: i − ii = 57 needs i ≥ 57', async () => {
        const indicator = await indicatorOf(`enkät T2019 "Test" {
    år 2019
    variabelmönster "T{indikator}_{fråga}"
    datakälla "Enkät." målpopulation "Alla." nämnare "Svarande." redovisningsnivåer kommun, riket
}
område EB "Ekonomiskt bistånd"
indikator 1 "Räkna" {
    områden EB
    beskrivning "B." syfte "S." önskad riktning positiv typ struktur kvalitetsområde "Säker"
    fråga i A: "Hur många?" antal
    fråga ii B: "Hur många?" antal
    krävs: antal på fråga i - antal på fråga ii är lika med 57 och antal på fråga ii är större än 3
}
`);
        const plan = lowerIndicator(indicator).units[0];
        expect(reachableStatuses(indicator, plan)).toEqual(['met', 'not_met', 'missing']);
    });

    test('a quotient whose divisor can be 0 is unknown there, and the witnesses include that divisor', () => {
        const read = (question: string) => ({ variable: `T_${question}`, question, domain: { kind: 'count' as const } });
        const i = read('i'),
            ii = read('ii');
        const domains = countDomains([
            {
                kind: 'calculation',
                left: {
                    kind: 'arithmetic',
                    operator: '/',
                    left: { kind: 'count', sum: { reads: [ii], unresolved: 0 } },
                    right: { kind: 'count', sum: { reads: [i], unresolved: 0 } },
                },
                operator: '>=',
                right: { kind: 'number', value: 0.8 },
            },
        ]);
        // 0 for i (unknown), and counts on both sides of 80 %.
        expect(domains.get('i')).toContain(0);
        const values = (key: string) => domains.get(key) ?? [];
        const pairs = values('i').flatMap((a) => values('ii').map((b) => [a, b]));
        expect(pairs.some(([a, b]) => a > 0 && b / a >= 0.8)).toBe(true);
        expect(pairs.some(([a, b]) => a > 0 && b / a < 0.8)).toBe(true);
    });
});
