/**
 * The reference interpreter (semantics/interpreter.ts) on small models: three-valued logic with
 * blanks as unknown, exclusion decided first, the default exclusion by "området saknas", explicit
 * exclusions and exceptions, area variants, items with quantifiers, counts, ratios and traces.
 * Variables follow the survey pattern T{indikator}_{fråga}{del}[_{grupp}]: T4_2 is question ii of
 * indicator 4, T7_1A_BU item A of question i for Barn och unga.
 */
import { EmptyFileSystem } from 'langium';
import { clearDocuments, parseHelper } from 'langium/test';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
    and3,
    compare,
    createOjServices,
    evaluateExpression,
    evaluateIndicator,
    evaluateIndicatorForAllUnits,
    isBlank,
    not3,
    or3,
    unitsOfIndicator,
    type Indicator,
    type Model,
    type ResponseRow,
    type Status,
    type Truth,
} from '../src/index.js';

const services = createOjServices(EmptyFileSystem).Oj;

const MODEL = `enkät T "Test" {
    år 2019
    variabelmönster "T{indikator}_{fråga}{del}[_{grupp}]"
    datakälla "E." målpopulation "A." nämnare "S." redovisningsnivåer kommun
}
svarsalternativ JN { Ja = 1 "Ja" Nej = 2 "Nej" }
svarsalternativ JNE_OMR { Ja = 1 "Ja" Nej = 2 "Nej" EjAktuellt = 3 "Ej aktuellt, området finns inte" kort "Ej aktuellt" området saknas }
svarsalternativ JNE_NY { Ja = 1 "Ja" Nej = 2 "Nej" EjAktuellt = 3 "Ej aktuellt, då rutinen upprättades nyligen" kort "Ej aktuellt" }
område EB "Ekonomiskt bistånd"
område BU "Barn och unga"
område LSS "LSS" { grupp LSSB "LSS barn" grupp LSSV "LSS vuxen" }

indikator 1 "Och" { områden EB
    fråga i A: "?" svar JN  fråga ii B: "?" svar JN
    krävs: Ja på fråga i och Ja på fråga ii }
indikator 2 "Eller" { områden EB
    fråga i A: "?" svar JN  fråga ii B: "?" svar JN
    krävs: Ja på fråga i eller Ja på fråga ii }
indikator 3 "Inte" { områden EB
    fråga i A: "?" svar JN
    krävs: inte Ja på fråga i }
indikator 4 "Routad uppföljning" { områden EB
    fråga i Rutin: "Har ni en rutin?" svar JNE_OMR
    fråga ii Uppf: "Har ni följt upp den?" svar JNE_NY
    krävs: Ja på fråga i och Ja eller EjAktuellt på fråga ii }
indikator 5 "Egen uteslutning" { områden EB
    fråga i Rutin: "Har ni en rutin?" svar JNE_OMR
    fråga ii Uppf: "Har ni följt upp den?" svar JNE_NY
    krävs: Ja på fråga i och Ja på fråga ii
    utesluts: EjAktuellt på fråga ii }
indikator 6 "Undantag" { områden EB
    fråga i Rutin: "Har ni en rutin?" svar JN
    fråga ii Ny: "Är verksamheten ny?" svar JN
    krävs: Ja på fråga i
    undantas: Ja på fråga ii }
indikator 7 "Varianter" { områden EB, BU, LSS
    redovisas för EB, BU, LSSB
    fråga i Former: "Vilka former?" svar JN per område EB, BU, LSSB
        alternativ A "Handledning"
        alternativ B "Fortbildning"
        alternativ C "Vidareutbildning"
    krävs: Ja på fråga i A, B
    för BU krävs: Ja på samtliga alternativ av fråga i
    för LSSB krävs: Ja på något alternativ av fråga i }
indikator 8 "Antal" { områden EB
    fråga i Antal: "Hur många?" antal
    krävs: antal på fråga i >= 2.5 }
indikator 9 "Andel" { områden EB
    fråga i Med: "Hur många har en plan?" antal
    fråga ii Alla: "Hur många finns det?" antal
        alternativ A "Kvinnor"
        alternativ B "Män"
    andel: fråga i / fråga ii }
indikator 10 "Omvänd" { områden EB
    fråga i Rutin: "Har ni en rutin?" svar JNE_NY
    krävs: fråga i är Ja eller EjAktuellt }
indikator 11 "Uppföljning som kan sakna område" { områden EB
    fråga i Rutin: "Har ni en rutin?" svar JNE_OMR
    fråga ii Uppf: "Har ni följt upp den?" svar JNE_OMR
    krävs: Ja på fråga i och Ja på fråga ii }
indikator 12 "Andel med uteslutning" { områden EB
    fråga i Med: "Hur många har en plan?" antal
    fråga ii Alla: "Hur många finns det?" antal
    fråga iii Finns: "Finns verksamheten?" svar JNE_OMR
    andel: fråga i / fråga ii }
`;

let model: Model;
const byNumber = (n: number) => model.elements.find((e): e is Indicator => e.$type === 'Indicator' && e.number === n)!;
const unit = (indicator: Indicator, name: string) => unitsOfIndicator(indicator).find((u) => u.name === name)!;

/** The status of indicator n for one row (and area). */
function status(n: number, row: ResponseRow, area?: string): Status {
    const indicator = byNumber(n);
    return evaluateIndicator(indicator, row, area ? unit(indicator, area) : undefined).status;
}

/** The variables (with values) of the trace of indicator n for one row. */
function trace(n: number, row: ResponseRow, area?: string): string[] {
    const indicator = byNumber(n);
    return evaluateIndicator(indicator, row, area ? unit(indicator, area) : undefined).trace.map(
        (r) => `${r.variable}=${r.value ?? ''}`,
    );
}

beforeAll(async () => {
    const document = await parseHelper<Model>(services)(MODEL);
    expect(document.parseResult.parserErrors).toEqual([]);
    model = document.parseResult.value;
    // Every reference must resolve, or the interpreter would read nothing.
    expect(document.references.filter((r) => r.error).map((r) => r.$refText)).toEqual([]);
});

afterAll(() => clearDocuments(services.shared));

const T = true,
    F = false,
    U = undefined;
const TRUTHS: Truth[] = [T, F, U];
/** An answer that makes "Ja på fråga …" true, false or unknown. */
const answerFor = (truth: Truth) => (truth === true ? 1 : truth === false ? 2 : undefined);

describe('Kleene logic', () => {
    // Rows: a, b, a och b, a eller b.
    const table: Array<[Truth, Truth, Truth, Truth]> = [
        [T, T, T, T],
        [T, F, F, T],
        [T, U, U, T],
        [F, T, F, T],
        [F, F, F, F],
        [F, U, F, U],
        [U, T, U, T],
        [U, F, F, U],
        [U, U, U, U],
    ];

    test.each(table)('%s och/eller %s', (a, b, and, or) => {
        expect(and3(a, b)).toBe(and);
        expect(or3(a, b)).toBe(or);
    });

    test('inte', () => {
        expect(TRUTHS.map(not3)).toEqual([F, T, U]);
    });

    const toStatus = (truth: Truth): Status => (truth === true ? 'met' : truth === false ? 'not_met' : 'missing');

    test.each(table)('rules decide with blanks as unknown: i %s, ii %s', (a, b, and, or) => {
        const row = { T1_1: answerFor(a), T1_2: answerFor(b), T2_1: answerFor(a), T2_2: answerFor(b), T3_1: answerFor(a) };
        expect(status(1, row)).toBe(toStatus(and));
        expect(status(2, row)).toBe(toStatus(or));
        expect(status(3, row)).toBe(toStatus(not3(a)));
    });

    test('blank is undefined, null, the empty string or spaces; a code may be a number or a string with spaces', () => {
        for (const blank of [undefined, null, '', '   ']) {
            expect(isBlank(blank)).toBe(true);
            expect(status(1, { T1_1: blank, T1_2: 1 })).toBe('missing');
        }
        for (const ja of [1, '1', ' 1 ']) expect(status(1, { T1_1: ja, T1_2: ja })).toBe('met');
    });
});

describe('routing and blanks', () => {
    test('a blank follow-up after "Nej" on i is not met: the rule is false whatever ii would have been', () => {
        expect(status(4, { T4_1: 2 })).toBe('not_met');
        expect(trace(4, { T4_1: 2 })).toEqual(['T4_1=2']);
    });

    test('a blank i is missing', () => {
        expect(status(4, { T4_2: 1 })).toBe('missing');
        expect(status(4, {})).toBe('missing');
    });

    test('Ja on i with ii blank is missing; Ja or Ej aktuellt on ii meets it', () => {
        expect(status(4, { T4_1: 1 })).toBe('missing');
        expect(status(4, { T4_1: 1, T4_2: 1 })).toBe('met');
        expect(status(4, { T4_1: 1, T4_2: 3 })).toBe('met');
        expect(status(4, { T4_1: 1, T4_2: 2 })).toBe('not_met');
    });

    test('the reversed form "fråga i är Ja eller EjAktuellt" means the same', () => {
        expect([1, 2, 3, undefined].map((answer) => status(10, { T10_1: answer }))).toEqual(['met', 'not_met', 'met', 'missing']);
    });

    test('a code that is not in the answer set does not meet the rule', () => {
        expect(status(4, { T4_1: 9, T4_2: 1 })).toBe('not_met');
    });
});

describe('exclusion is decided first', () => {
    test('without "utesluts", an answer that says the area does not exist excludes, whatever the rule says', () => {
        expect(status(4, { T4_1: 3 })).toBe('excluded');
        expect(trace(4, { T4_1: 3 })).toEqual(['T4_1=3']);
        // "Ej aktuellt" on ii means the routine is new, not that the area is missing: it meets the rule.
        expect(status(4, { T4_1: 1, T4_2: 3 })).toBe('met');
    });

    test('an explicit "utesluts" replaces the default', () => {
        // i = Ej aktuellt, området finns inte: not excluded here, so the rule decides.
        expect(status(5, { T5_1: 3, T5_2: 1 })).toBe('not_met');
        // ii = Ej aktuellt is excluded by the explicit exclusion, although i meets the rule.
        expect(status(5, { T5_1: 1, T5_2: 3 })).toBe('excluded');
        expect(trace(5, { T5_1: 1, T5_2: 3 })).toEqual(['T5_2=3']);
    });

    test('an exclusion that cannot be decided gives missing, even when the rule would be decided', () => {
        // ii blank: the exclusion "EjAktuellt på fråga ii" is unknown; the rule alone would be not met.
        expect(status(5, { T5_1: 2 })).toBe('missing');
        expect(trace(5, { T5_1: 2 })).toEqual(['T5_2=']);
    });

    test('the default exclusion is undecidable when i is blank', () => {
        expect(status(4, { T4_2: 1 })).toBe('missing');
        expect(trace(4, { T4_2: 1 })).toEqual(['T4_1=']);
    });

    test('a ratio indicator excludes by "området saknas" on any of its questions before the counts are read', () => {
        expect(evaluateIndicator(byNumber(12), { T12_1: 3, T12_2: 4, T12_3: 3 }).status).toBe('excluded');
        expect(evaluateIndicator(byNumber(12), { T12_1: 3, T12_2: 4, T12_3: 1 })).toMatchObject({
            status: 'met',
            numerator: 3,
            denominator: 4,
        });
        expect(evaluateIndicator(byNumber(12), { T12_1: 3, T12_2: 4 }).status).toBe('missing');
    });

    // Any answer proves the area exists: a follow-up with an "området saknas" option that routing
    // leaves blank does not make the default exclusion undecidable.
    test('a follow-up question with an "området saknas" option, left blank after "Nej" on i, gives not_met', () => {
        expect(status(11, { T11_1: 2 })).toBe('not_met');
        expect(status(11, {})).toBe('missing');
    });
    test('a follow-up with an "området saknas" option that is answered does not exclude', () => {
        expect(status(11, { T11_1: 2, T11_2: 2 })).toBe('not_met');
        expect(status(11, { T11_1: 1, T11_2: 3 })).toBe('excluded');
    });
});

describe('exceptions ("undantas")', () => {
    test('remove a respondent only when the rule is not met', () => {
        expect(status(6, { T6_1: 1, T6_2: 1 })).toBe('met');
        expect(status(6, { T6_1: 2, T6_2: 1 })).toBe('excluded');
        expect(status(6, { T6_1: 2, T6_2: 2 })).toBe('not_met');
    });

    test('an undecidable exception leaves a rule that is not met missing, and does not touch one that is met', () => {
        expect(status(6, { T6_1: 2 })).toBe('missing');
        expect(status(6, { T6_1: 1 })).toBe('met');
    });

    test('the trace of an excepted respondent holds the failed rule and the exception', () => {
        expect(trace(6, { T6_1: 2, T6_2: 1 })).toEqual(['T6_1=2', 'T6_2=1']);
    });
});

describe('areas, groups and items', () => {
    const row: ResponseRow = {
        T7_1A_EB: 1,
        T7_1B_EB: 1,
        T7_1C_EB: 2,
        T7_1A_BU: 1,
        T7_1B_BU: 1,
        T7_1C_BU: 2,
        T7_1A_LSSB: 2,
        T7_1B_LSSB: undefined,
        T7_1C_LSSB: 1,
    };

    test('each group gets its own variant, or the base rule', () => {
        const results = evaluateIndicatorForAllUnits(byNumber(7), row);
        expect(results.map((r) => [r.group, r.status])).toEqual([
            ['EB', 'met'],
            ['BU', 'not_met'],
            ['LSSB', 'met'],
        ]);
    });

    test("a variant reads the group's own variables", () => {
        expect(trace(7, row, 'BU')).toEqual(['T7_1C_BU=2']);
        expect(trace(7, row, 'LSSB')).toEqual(['T7_1C_LSSB=1']);
        expect(trace(7, row, 'EB')).toEqual(['T7_1A_EB=1', 'T7_1B_EB=1']);
    });

    test('"samtliga": one Nej decides not met even with blanks; all Ja is needed to meet it', () => {
        expect(status(7, { T7_1A_BU: 2, T7_1B_BU: undefined, T7_1C_BU: undefined }, 'BU')).toBe('not_met');
        expect(status(7, { T7_1A_BU: 1, T7_1B_BU: undefined, T7_1C_BU: 1 }, 'BU')).toBe('missing');
        expect(status(7, { T7_1A_BU: 1, T7_1B_BU: 1, T7_1C_BU: 1 }, 'BU')).toBe('met');
    });

    test('"något": one Ja decides met even with blanks; all Nej is needed to fail it', () => {
        expect(status(7, { T7_1A_LSSB: undefined, T7_1B_LSSB: 1 }, 'LSSB')).toBe('met');
        expect(status(7, { T7_1A_LSSB: 2, T7_1B_LSSB: undefined, T7_1C_LSSB: 2 }, 'LSSB')).toBe('missing');
        expect(status(7, { T7_1A_LSSB: 2, T7_1B_LSSB: 2, T7_1C_LSSB: 2 }, 'LSSB')).toBe('not_met');
    });

    test('named items are all required; an item not named is not read', () => {
        expect(status(7, { T7_1A_EB: 1, T7_1B_EB: 1 }, 'EB')).toBe('met');
        expect(status(7, { T7_1A_EB: 1, T7_1B_EB: 2, T7_1C_EB: 1 }, 'EB')).toBe('not_met');
    });

    test('a per-area question evaluated without an area reads nothing and is missing', () => {
        const condition = byNumber(7).requirements[0].alternatives[0];
        expect(evaluateExpression(condition, row)).toEqual({ value: undefined, trace: [] });
    });
});

describe('counts and ratios', () => {
    test('a numeric condition compares the count; blank or not a number is unknown', () => {
        expect([3, 2.5, '2,5', 2, 0, undefined, 'många'].map((count) => status(8, { T8_1: count }))).toEqual([
            'met',
            'met',
            'met',
            'not_met',
            'not_met',
            'missing',
            'missing',
        ]);
    });

    test('every comparison operator', () => {
        expect((['>', '>=', '<', '<=', '=', '<>'] as const).map((op) => [compare(op, 2, 2), compare(op, 1, 2)])).toEqual([
            [false, false],
            [true, false],
            [false, true],
            [true, true],
            [true, false],
            [false, true],
        ]);
    });

    test('a ratio sums the items of each side and counts the respondent in both sums', () => {
        const result = evaluateIndicator(byNumber(9), { T9_1: 3, T9_2A: 2, T9_2B: 4 });
        expect(result).toMatchObject({ status: 'met', numerator: 3, denominator: 6 });
        expect(result.trace.map((r) => r.variable)).toEqual(['T9_1', 'T9_2A', 'T9_2B']);
    });

    test('a ratio with a zero denominator is excluded, one with a blank count is missing', () => {
        expect(evaluateIndicator(byNumber(9), { T9_1: 0, T9_2A: 0, T9_2B: 0 }).status).toBe('excluded');
        expect(evaluateIndicator(byNumber(9), { T9_1: 3, T9_2A: 2 }).status).toBe('missing');
        expect(evaluateIndicator(byNumber(9), { T9_2A: 2, T9_2B: 4 }).status).toBe('missing');
    });
});

describe('traces hold the deciding answers only', () => {
    test('a conjunction that fails names the first false condition only', () => {
        expect(trace(1, { T1_1: 2, T1_2: 1 })).toEqual(['T1_1=2']);
        expect(trace(1, { T1_1: 1, T1_2: 2 })).toEqual(['T1_2=2']);
        expect(trace(1, { T1_1: 2, T1_2: 2 })).toEqual(['T1_1=2']);
    });

    test('a conjunction that holds names every condition', () => {
        expect(trace(1, { T1_1: 1, T1_2: 1 })).toEqual(['T1_1=1', 'T1_2=1']);
    });

    test('a disjunction that holds names the first true alternative only', () => {
        expect(trace(2, { T2_1: 2, T2_2: 1 })).toEqual(['T2_2=1']);
        expect(trace(2, { T2_1: 1, T2_2: 1 })).toEqual(['T2_1=1']);
    });

    test('an undecided rule names the blanks, not the answers that were known', () => {
        expect(trace(1, { T1_1: 1 })).toEqual(['T1_2=']);
        expect(trace(2, { T2_1: 2 })).toEqual(['T2_2=']);
    });

    test('a met rule does not list the exclusion it passed', () => {
        expect(trace(4, { T4_1: 1, T4_2: 1 })).toEqual(['T4_1=1', 'T4_2=1']);
    });

    test('a reading names the question numeral and item', () => {
        const [reading] = evaluateIndicator(byNumber(7), { T7_1C_BU: 2 }, unit(byNumber(7), 'BU')).trace;
        expect(reading).toEqual({ variable: 'T7_1C_BU', question: 'i', item: 'C', value: 2 });
    });
});
