/**
 * Every kind of plan condition in SQL, against the interpreter's Kleene logic: seeded random
 * condition trees (and, or, not, in, compare, the default exclusion, at least n of, arithmetic on
 * counts, constants) over a code
 * variable, a second code variable and a count, each decided by DuckDB on every assignment of the
 * variables (blank, spaces only, codes, counts with a decimal comma, text that is no number) and
 * compared with `evaluateCondition`. The traps of SQL's NULL logic are where these would differ.
 */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { type Condition, evaluateCondition, type InCondition, type NumberExpression, type Read } from '@oj/language';
import { conditionSql, loadRespondents, openDuckDb, quoteIdentifier } from '../src/index.js';

const read = (variable: string): Read => ({ variable, question: variable, domain: { kind: 'codes', options: [] } });
const CODES = ['1', '2', '3'];

const inCondition: fc.Arbitrary<InCondition> = fc.record({
    kind: fc.constant('in' as const),
    read: fc.constantFrom(read('a'), read('b')),
    codes: fc.subarray(CODES),
});

const { number } = fc.letrec<{ number: NumberExpression }>((tie) => ({
    number: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.record({ kind: fc.constant('count' as const), sum: fc.constant({ reads: [read('n')], unresolved: 0 }) }),
        fc.record({ kind: fc.constant('number' as const), value: fc.constantFrom(0, 1, 2, 0.5) }),
        fc.record({
            kind: fc.constant('arithmetic' as const),
            operator: fc.constantFrom('+', '-', '/' as const),
            left: tie('number'),
            right: tie('number'),
        }),
    ) as fc.Arbitrary<NumberExpression>,
}));

const { condition } = fc.letrec<{ condition: Condition }>((tie) => ({
    condition: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        inCondition,
        fc.record({
            kind: fc.constant('compare' as const),
            read: fc.constant(read('n')),
            operator: fc.constantFrom('>', '>=', '<', '<=', '=', '<>' as const),
            value: fc.constantFrom(0, 1, 1.5, 2),
        }),
        fc.record({ kind: fc.constant('const' as const), value: fc.constantFrom(true, false, undefined) }),
        fc.record({ kind: fc.constant('areaMissing' as const), parts: fc.array(inCondition, { minLength: 1, maxLength: 3 }) }),
        fc.record({
            kind: fc.constant('calculation' as const),
            left: number,
            operator: fc.constantFrom('>', '>=', '<', '<=', '=', '<>' as const),
            right: number,
        }),
        fc.record({
            kind: fc.constant('atLeast' as const),
            count: fc.integer({ min: 0, max: 3 }),
            operands: fc.array(tie('condition'), { maxLength: 3 }),
        }),
        fc.record({ kind: fc.constant('not' as const), operand: tie('condition') }),
        fc.record({ kind: fc.constant('and' as const), operands: fc.array(tie('condition'), { maxLength: 3 }) }),
        fc.record({ kind: fc.constant('or' as const), operands: fc.array(tie('condition'), { maxLength: 3 }) }),
    ) as fc.Arbitrary<Condition>,
}));

/** Every assignment: codes blank, spaces only, padded or not; counts also with a decimal comma or as text. */
const CODE_VALUES = ['', '  ', '1', ' 2 ', '3', '4'];
const COUNT_VALUES = ['', '0', '1', '1,5', ' 2', '3', 'x'];
const ROWS = CODE_VALUES.flatMap((a) => CODE_VALUES.flatMap((b) => COUNT_VALUES.map((n) => ({ a, b, n }))));

test("300 random conditions on every assignment of their variables: SQL gives the interpreter's true, false or unknown", async () => {
    const conditions = fc.sample(condition, { seed: 15, numRuns: 300 });
    const connection = await openDuckDb();
    try {
        await loadRespondents(
            connection,
            ['a', 'b', 'n'],
            ROWS.map((answers) => ({ unit: '0114', answers })),
        );
        const q = (name: string) => quoteIdentifier(name, 'duckdb');
        // The answers as the survey query reads them: blank → NULL, trimmed.
        const column = (variable: string) => `NULLIF(TRIM(${q(variable)}), '')`;
        const truth = (c: Condition) => {
            const sql = conditionSql(c, { dialect: 'duckdb', column });
            return `CASE WHEN ${sql} THEN 'true' WHEN NOT ${sql} THEN 'false' WHEN ${sql} IS NULL THEN 'unknown' END`;
        };
        const reader = await connection.runAndReadAll(
            `SELECT ${conditions.map((c, i) => `${truth(c)} AS c${i}`).join(', ')} FROM ${q('responses')} ORDER BY ${q('row_number')}`,
        );
        const decided = reader.getRowsJS() as string[][];
        const name = (value: boolean | undefined) => (value === undefined ? 'unknown' : String(value));
        let compared = 0;
        ROWS.forEach((row, r) =>
            conditions.forEach((c, i) => {
                const expected = name(evaluateCondition(c, row).value);
                if (decided[r][i] !== expected)
                    expect({ condition: c, row, sql: decided[r][i] }).toEqual({ condition: c, row, sql: expected });
                compared++;
            }),
        );
        expect(compared).toBe(300 * ROWS.length);
    } finally {
        connection.closeSync();
    }
});
