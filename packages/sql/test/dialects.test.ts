/**
 * The survey query in each dialect: Spark SQL parsed by dt-sql-parser's Spark grammar, Trino by
 * its Trino grammar, DuckDB prepared by DuckDB itself; the dialects differ only in quoting, string
 * literals, the text type, the regular-expression test and DuckDB's NOT MATERIALIZED.
 */
import { describe, expect, test } from 'vitest';
import { SparkSQL, TrinoSQL } from 'dt-sql-parser';
import { lowerModels, type Model } from '@oj/language';
import { CONSTRUCTS, loadExample, loadText } from '../../evaluator/test/support.js';
import { DIALECTS, loadRespondents, openDuckDb, registerQuery, stringLiteral, surveyQuery, variablesOf } from '../src/index.js';
import { BY_AGE, BY_SEX, registerPlan } from '../../evaluator/test/conformance/register-cases.js';

export const POPULATION = `enkät P "Population" {
    år 2019
    variabelmönster "P{indikator}_{fråga}{del}[_{grupp}]"
    datakälla "E." målpopulation kommuner, stadsdelar nämnare "S." redovisningsnivåer kommun
    del D1 "Del 1" målpopulation kommuner
}
svarsalternativ JN { Ja = 1 "Ja" Nej = 2 "Nej" }
indikator 1 "Stadsdelar och kommuner" { fråga i A: "?" svar JN  krävs: Ja på fråga i }
indikator 2 "Bara kommuner" { fråga i B: "?" svar JN del av enkäten D1  krävs: Ja på fråga i }
`;

const models: Array<[string, () => Promise<Model[]>]> = [
    ['the 2019 set', () => loadExample()],
    ['every construct of the rule language', () => loadText([CONSTRUCTS])],
    ['a population of stadsdelar and kommuner', () => loadText([POPULATION])],
];

describe.each(models)('%s', (_name, load) => {
    test('Spark SQL parses in the Spark grammar', async () => {
        const sql = surveyQuery(lowerModels(await load()), { dialect: 'spark' });
        expect(sql).toContain('`row_number`');
        expect(new SparkSQL().validate(sql)).toEqual([]);
        // The grammar does reject what is not Spark SQL (an unbalanced parenthesis).
        expect(new SparkSQL().validate(sql.replace('SELECT', 'SELECT ('))).not.toEqual([]);
    });

    test('Trino SQL parses in the Trino grammar', async () => {
        const sql = surveyQuery(lowerModels(await load()), { dialect: 'trino' });
        expect(new TrinoSQL().validate(sql)).toEqual([]);
        expect(new TrinoSQL().validate(sql.replace('SELECT', 'SELECT ('))).not.toEqual([]);
    });

    test('DuckDB SQL runs in DuckDB', async () => {
        const plans = lowerModels(await load());
        const connection = await openDuckDb();
        try {
            await loadRespondents(connection, variablesOf(plans), [{ unit: '0114', answers: {} }]);
            const reader = await connection.runAndReadAll(surveyQuery(plans, { dialect: 'duckdb' }));
            expect(reader.currentRowCount).toBeGreaterThan(0);
        } finally {
            connection.closeSync();
        }
    });

    test("the three dialects differ only in quoting, literals, the text type, the regular-expression test and DuckDB's CTE read in place", async () => {
        const plans = lowerModels(await load());
        const normalise = (sql: string) =>
            sql
                .replace(/`([^`]*)`/g, '"$1"')
                .replace(/\\'/g, "''")
                .replace(/\bSTRING\b/g, 'VARCHAR')
                .replace(/regexp_matches\(|regexp_like\(/g, 'RE(')
                .replace(' AS NOT MATERIALIZED (', ' AS (')
                .replace(/\((TRIM\("unit"\)) RLIKE ('[^']*')\)/g, 'RE($1, $2)');
        const [duckdb, spark, trino] = DIALECTS.map((dialect) => normalise(surveyQuery(plans, { dialect })));
        expect(spark).toBe(duckdb);
        expect(trino).toBe(duckdb);
    });
});

test('string literals: a quote doubled, and in Spark escaped with a backslash as its literals require', () => {
    expect(stringLiteral("it's", 'duckdb')).toBe("'it''s'");
    expect(stringLiteral("it's", 'trino')).toBe("'it''s'");
    expect(stringLiteral("it's \\", 'spark')).toBe("'it\\'s \\\\'");
    expect(new SparkSQL().validate(`SELECT ${stringLiteral("it's \\ ok", 'spark')}`)).toEqual([]);
});

describe('the register query', () => {
    // Every kind of register condition, both kinds of stratification.
    const plans = [
        registerPlan({ number: 1, stratifications: [BY_SEX, BY_AGE] }),
        registerPlan({
            number: 2,
            population: {
                kind: 'and',
                operands: [
                    { kind: 'dateBetween', column: 'beslut', from: '2018-03-01', to: '2019-02-28' },
                    { kind: 'not', operand: { kind: 'blank', column: 'insats' } },
                    { kind: 'codeIn', column: 'insats', codes: ["SÄBO's"] },
                ],
            },
            numerator: {
                kind: 'or',
                operands: [
                    { kind: 'daysBetween', from: 'beslut', to: 'start', operator: '<=', days: 90 },
                    { kind: 'codeIn', column: 'insats', codes: [] },
                ],
            },
        }),
    ];

    test('Spark SQL parses in the Spark grammar, with its own day difference', () => {
        const sql = registerQuery(plans, { dialect: 'spark' });
        expect(sql).toContain('datediff(');
        expect(sql).toContain('GROUPING SETS');
        expect(new SparkSQL().validate(sql)).toEqual([]);
        expect(new SparkSQL().validate(sql.replace('SELECT', 'SELECT ('))).not.toEqual([]);
    });

    test('Trino SQL parses in the Trino grammar', () => {
        const sql = registerQuery(plans, { dialect: 'trino' });
        expect(sql).toContain("date_diff('day', ");
        expect(new TrinoSQL().validate(sql)).toEqual([]);
        expect(new TrinoSQL().validate(sql.replace('SELECT', 'SELECT ('))).not.toEqual([]);
    });

    test('DuckDB SQL runs in DuckDB', async () => {
        const connection = await openDuckDb();
        try {
            await connection.run(
                `CREATE TABLE register AS SELECT * FROM (VALUES ('0114', 'K', '70', '2019-01-10', '2019-01-20', 'HT')) t(kommun, kon, alder, beslut, start, insats)`,
            );
            const reader = await connection.runAndReadAll(registerQuery(plans, { dialect: 'duckdb' }));
            // Only cells with rows: indicator 1's total, K and 65-79 of 0114; the row is outside indicator 2.
            expect(reader.getRowsJS().map((r) => r.slice(0, 4))).toEqual([
                [1, '0114', null, 'T'],
                [1, '0114', 'kön', 'K'],
                [1, '0114', 'åldersgrupp', '65-79'],
            ]);
        } finally {
            connection.closeSync();
        }
    });
});
