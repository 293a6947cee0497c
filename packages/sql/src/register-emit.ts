/**
 * SQL from a register indicator's plan (packages/language/src/semantics/register-plan.ts): one
 * query that reads the register table once and gives the counts of every unit × stratum, the
 * `RegisterCell`s the reference interpreter's accumulator gives. Levels (län, riket) and small-count
 * suppression are not computed here: the engine hands these cells to the language's shared
 * functions, so that the rules of aggregation and suppression are written once.
 *
 * The row decision follows the plan's header, in one CASE whose branch order is the rule's order:
 *   unit unknown → 'unknown_unit'; population false → 'outside'; population unknown → 'missing';
 *   numerator true → 'numerator'; numerator unknown → 'missing'; else → 'denominator'.
 * The traps of SQL's NULL logic, and how each is avoided (as in the survey query, emit.ts):
 * - every column is read as `NULLIF(TRIM(c), '')`; a value that does not parse as its column's
 *   type is NULL too: a whole number must match `^[+-]?[0-9]{1,15}$` before TRY_CAST, a date
 *   `^[0-9]{4}-[0-9]{2}-[0-9]{2}$` before TRY_CAST to DATE (so 2019-02-30 and 20190115 are unknown
 *   in every dialect alike), as the interpreter's cell readers (registerInteger, registerDay) read them;
 *   a code is compared as written (a value that is no declared code is simply not in the list);
 * - conditions are boolean expressions whose NULL is unknown, never COALESCEd to false; `IN` lists
 *   hold codes only, and no `NOT IN` is emitted;
 * - each decision is a CASE with a branch for true, for NULL and (ELSE) for false;
 * - counts are `SUM(CASE … THEN 1 ELSE 0 END)`, never a SUM over a nullable value.
 * Strata are GROUPING SETS: the total, and per stratification the stratum the row's value falls in
 * (NULL, "unstratified", when the value is blank, unknown or in no stratum).
 */
import type { RegisterCondition, RegisterIndicatorPlan, RegisterSourcePlan, RegisterStratificationPlan } from '@oj/language';
import { kommuner } from '@oj/regions';
import { type Dialect, matches, type QueryHeader, quoteIdentifier, stringLiteral } from './emit.js';

export interface RegisterQueryOptions {
    dialect: Dialect;
    /** The register's table: one row per person or decision, one column per declared register column. Default `register`. */
    table?: string;
    /** A table expression read in place of `table`, as given (DuckDB's `read_csv(…)` of the file). */
    from?: string;
    /** The unit codes a row may carry (default: the kommuner of the kommun register). */
    units?: readonly string[];
}

/**
 * The columns of the register query's result, one row per indicator × unit × stratification × stratum:
 * - `indicator`;
 * - `unit`: the kommunkod; NULL for the rows whose unit is blank or no known code (only in the total);
 * - `stratification`: the stratification's name, NULL for the total;
 * - `stratum`: the stratum's code, the plan's total code for the total, NULL for the rows of a
 *   stratification that fall in none of its strata ("unstratified");
 * - `numerator`, `denominator`, `missing`: the RegisterCell;
 * - `rows`: every counted row of the cell (numerator, denominator, missing and, for unit NULL, the rows of unknown unit).
 */
export const REGISTER_RESULT_COLUMNS = [
    'indicator',
    'unit',
    'stratification',
    'stratum',
    'numerator',
    'denominator',
    'missing',
    'rows',
] as const;

interface RegisterEmitter {
    dialect: Dialect;
    /** The normalised (trimmed, blank → NULL) text of a column. */
    text(column: string): string;
    /** The column read as a whole number (NULL when blank or not one), parsed once per row. */
    integer(column: string): string;
    /** The column read as a date (NULL when blank or no ISO date that exists), parsed once per row. */
    date(column: string): string;
}

const UNKNOWN = 'CAST(NULL AS BOOLEAN)';

/** A whole number ("65", "-3", "+7", at most 15 digits), NULL when blank or not written as one ("4,5", "1e3", "x"). */
export function wholeNumberSql(text: string, dialect: Dialect): string {
    return `(CASE WHEN ${matches(text, '^[+-]?[0-9]{1,15}$', dialect)} THEN TRY_CAST(${text} AS DOUBLE) END)`;
}

/** A date, NULL when blank or not an ISO date that exists. */
export function dateSql(text: string, dialect: Dialect): string {
    return `(CASE WHEN ${matches(text, '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', dialect)} THEN TRY_CAST(${text} AS DATE) END)`;
}

function dateLiteral(iso: string, dialect: Dialect): string {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) throw new Error(`${iso} is no ISO date`);
    return `CAST(${stringLiteral(iso, dialect)} AS DATE)`;
}

/** Whole days from `from` to `to` (to − from), as each dialect writes it. */
function daysSql(from: string, to: string, dialect: Dialect): string {
    switch (dialect) {
        case 'duckdb':
        case 'trino':
            return `date_diff('day', ${from}, ${to})`;
        case 'spark':
            return `datediff(${to}, ${from})`;
    }
}

function numberLiteral(value: number): string {
    if (!Number.isFinite(value)) throw new Error(`cannot write ${value} as SQL`);
    return `CAST(${String(value)} AS DOUBLE)`;
}

/** A register condition as a boolean SQL expression; NULL is unknown. */
export function registerConditionSql(condition: RegisterCondition, e: RegisterEmitter): string {
    switch (condition.kind) {
        case 'and':
            return condition.operands.length === 0
                ? 'TRUE'
                : `(${condition.operands.map((c) => registerConditionSql(c, e)).join(' AND ')})`;
        case 'or':
            return condition.operands.length === 0
                ? 'FALSE'
                : `(${condition.operands.map((c) => registerConditionSql(c, e)).join(' OR ')})`;
        case 'not':
            return `(NOT ${registerConditionSql(condition.operand, e)})`;
        case 'codeIn': {
            const value = e.text(condition.column);
            // No codes: false when the value is known, unknown when not (an empty IN list is not SQL).
            if (condition.codes.length === 0) return `(CASE WHEN ${value} IS NULL THEN ${UNKNOWN} ELSE FALSE END)`;
            return `(${value} IN (${condition.codes.map((c) => stringLiteral(c, e.dialect)).join(', ')}))`;
        }
        case 'numberCompare':
            return `(${e.integer(condition.column)} ${condition.operator} ${numberLiteral(condition.value)})`;
        case 'dateBetween': {
            const date = e.date(condition.column);
            return `(${date} >= ${dateLiteral(condition.from, e.dialect)} AND ${date} <= ${dateLiteral(condition.to, e.dialect)})`;
        }
        case 'daysBetween': {
            const days = daysSql(e.date(condition.from), e.date(condition.to), e.dialect);
            return `(${days} ${condition.operator} ${numberLiteral(condition.days)})`;
        }
        case 'blank':
            return `(${e.text(condition.column)} IS NULL)`;
    }
}

/** The code of the stratum a row's value falls in, NULL when it falls in none (blank, unknown, outside every range). */
function stratumSql(stratification: RegisterStratificationPlan, e: RegisterEmitter): string {
    const branches: string[] = [];
    const text = e.text(stratification.column);
    const value = e.integer(stratification.column);
    for (const stratum of stratification.strata) {
        // A stratum of codes compares the text; one of a range reads a whole number (as registerStratumOf).
        if (stratum.codes) {
            if (stratum.codes.length === 0) continue;
            branches.push(
                `WHEN ${text} IN (${stratum.codes.map((c) => stringLiteral(c, e.dialect)).join(', ')}) THEN ${stringLiteral(stratum.code, e.dialect)}`,
            );
            continue;
        }
        const bounds = [
            stratum.min !== undefined ? `${value} >= ${numberLiteral(stratum.min)}` : undefined,
            stratum.max !== undefined ? `${value} <= ${numberLiteral(stratum.max)}` : undefined,
        ].filter((b): b is string => b !== undefined);
        branches.push(
            `WHEN ${bounds.length > 0 ? bounds.join(' AND ') : `${value} IS NOT NULL`} THEN ${stringLiteral(stratum.code, e.dialect)}`,
        );
    }
    // The first stratum that holds the value wins, as the interpreter looks them up in order.
    return branches.length === 0 ? `CAST(NULL AS ${textType(e.dialect)})` : `(CASE ${branches.join(' ')} END)`;
}

function textType(dialect: Dialect): string {
    return dialect === 'spark' ? 'STRING' : 'VARCHAR';
}

/** The register columns a plan reads, in declaration order (the unit column always). */
export function registerColumnsRead(plan: RegisterIndicatorPlan): string[] {
    const read = new Set<string>([plan.source.unitColumn]);
    const visit = (c: RegisterCondition): void => {
        switch (c.kind) {
            case 'and':
            case 'or':
                c.operands.forEach(visit);
                break;
            case 'not':
                visit(c.operand);
                break;
            case 'daysBetween':
                read.add(c.from);
                read.add(c.to);
                break;
            default:
                read.add(c.column);
        }
    };
    visit(plan.population);
    visit(plan.numerator);
    for (const s of plan.stratifications) read.add(s.column);
    return plan.source.columns.map((c) => c.name).filter((name) => read.has(name));
}

/** The query of one register indicator, giving REGISTER_RESULT_COLUMNS. */
export function registerIndicatorQuery(plan: RegisterIndicatorPlan, options: RegisterQueryOptions): string {
    const dialect = options.dialect;
    const q = (name: string) => quoteIdentifier(name, dialect);
    const table = options.from ?? q(options.table ?? 'register');
    const read = registerColumnsRead(plan);
    // Columns are read as `c<i>`, so that a register column's name never clashes with the query's own.
    const alias = new Map(read.map((name, i) => [name, `c${i}`]));
    const text = (column: string) => (alias.has(column) ? q(alias.get(column)!) : `CAST(NULL AS ${textType(dialect)})`);
    // Typed readings are computed once per row in a layer of their own, however often the conditions read them.
    const typed = new Map<string, { alias: string; sql: string }>();
    const typedColumn = (kind: 'n' | 'd', column: string) => {
        const key = `${kind}\u0000${column}`;
        if (!typed.has(key))
            typed.set(key, {
                alias: `${kind}${typed.size}`,
                sql: kind === 'n' ? wholeNumberSql(text(column), dialect) : dateSql(text(column), dialect),
            });
        return q(typed.get(key)!.alias);
    };
    const e: RegisterEmitter = {
        dialect,
        // A column the register does not declare (a plan lowered from a model with errors) has no value in any row.
        text,
        integer: (column) => typedColumn('n', column),
        date: (column) => typedColumn('d', column),
    };
    const units = options.units ?? kommuner().map((k) => k.kod);
    const normalised = (name: string) => `NULLIF(TRIM(CAST(${q(name)} AS ${textType(dialect)})), '')`;
    // The unit once, NULL when blank or no known code: 290 codes as one IN list, a constant every dialect reads.
    const knownUnit = `CASE WHEN ${normalised(plan.source.unitColumn)} IN (${units.map((u) => stringLiteral(u, dialect)).join(', ')}) THEN ${normalised(plan.source.unitColumn)} END`;
    const population = registerConditionSql(plan.population, e);
    const numerator = registerConditionSql(plan.numerator, e);
    const [pop, num] = [q('population'), q('numerator_condition')];
    const status = [
        `CASE WHEN ${q('known_unit')} IS NULL THEN 'unknown_unit'`,
        `WHEN ${pop} IS NULL THEN 'missing'`,
        `WHEN NOT ${pop} THEN 'outside'`,
        `WHEN ${num} THEN 'numerator'`,
        `WHEN ${num} IS NULL THEN 'missing'`,
        `ELSE 'denominator' END`,
    ].join('\n      ');
    const strata = plan.stratifications.map((s, i) => ({ name: s.name, alias: q(`s${i}`), sql: stratumSql(s, e) }));
    const textColumns = [...read.map((name) => q(alias.get(name)!)), q('known_unit')];
    const count = (condition: string) => `SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;
    const st = q('status');
    const stratification =
        strata.length === 0
            ? `CAST(NULL AS ${textType(dialect)})`
            : `CASE ${strata.map((s) => `WHEN GROUPING(${s.alias}) = 0 THEN ${stringLiteral(s.name, dialect)}`).join(' ')} END`;
    const stratum =
        strata.length === 0
            ? stringLiteral(plan.totalCode, dialect)
            : `CASE ${strata.map((s) => `WHEN GROUPING(${s.alias}) = 0 THEN ${s.alias}`).join(' ')} ELSE ${stringLiteral(plan.totalCode, dialect)} END`;
    const groups = [`(${q('unit')})`, ...strata.map((s) => `(${q('unit')}, ${s.alias})`)];
    return [
        `WITH ${q('cells')} AS (`,
        `  SELECT ${[...read.map((name) => `${normalised(name)} AS ${q(alias.get(name)!)}`), `${knownUnit} AS ${q('known_unit')}`].join(',\n    ')}`,
        `  FROM ${table}`,
        `), ${q('typed')} AS (`,
        `  SELECT ${[...textColumns, ...[...typed.values()].map((t) => `${t.sql} AS ${q(t.alias)}`)].join(',\n    ')}`,
        `  FROM ${q('cells')}`,
        `), ${q('judged')} AS (`,
        `  SELECT ${q('known_unit')},`,
        `    ${population} AS ${pop},`,
        `    ${numerator} AS ${num}${strata.map((s) => `,\n    ${s.sql} AS ${s.alias}`).join('')}`,
        `  FROM ${q('typed')}`,
        `), ${q('decided')} AS (`,
        `  SELECT ${q('known_unit')} AS ${q('unit')},`,
        `    ${status} AS ${st}${strata.map((s) => `, ${s.alias}`).join('')}`,
        `  FROM ${q('judged')}`,
        `)`,
        `SELECT ${plan.number} AS ${q('indicator')}, ${q('unit')},`,
        `  ${stratification} AS ${q('stratification')},`,
        `  ${stratum} AS ${q('stratum')},`,
        `  ${count(`${st} = 'numerator'`)} AS ${q('numerator')},`,
        `  ${count(`${st} IN ('numerator', 'denominator')`)} AS ${q('denominator')},`,
        `  ${count(`${st} = 'missing'`)} AS ${q('missing')},`,
        `  COUNT(*) AS ${q('rows')}`,
        `FROM ${q('decided')}`,
        `WHERE ${st} <> 'outside'`,
        `GROUP BY GROUPING SETS (${groups.join(', ')})`,
    ].join('\n');
}

/**
 * The query of every register indicator reading one register: their results one after the other
 * (UNION ALL), in REGISTER_RESULT_COLUMNS, ordered by indicator, unit, stratification and stratum.
 */
export function registerQuery(plans: readonly RegisterIndicatorPlan[], options: RegisterQueryOptions): string {
    const q = (name: string) => quoteIdentifier(name, options.dialect);
    if (plans.length === 0) throw new Error('registerQuery needs at least one register indicator');
    const columns = REGISTER_RESULT_COLUMNS.map(q).join(', ');
    const parts = plans.map(
        (plan) => `SELECT ${columns} FROM (\n${registerIndicatorQuery(plan, options)}\n) ${q(`r${plan.number}`)}`,
    );
    return [
        `SELECT ${columns} FROM (`,
        parts.join('\nUNION ALL\n'),
        `) ${q('register_cells')}`,
        `ORDER BY ${q('indicator')}, ${q('unit')} NULLS FIRST, ${q('stratification')} NULLS FIRST, ${q('stratum')} NULLS FIRST`,
    ].join('\n');
}

/** A comment line: control characters (a newline would end the comment) replaced by spaces. */
function commentLine(text: string): string {
    return `-- ${text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, ' ')}`;
}

/** The register query with a header naming the model, the register, the toolchain's version, the dialect and the columns. */
export function withRegisterHeader(
    sql: string,
    header: QueryHeader,
    source: RegisterSourcePlan,
    options: Pick<RegisterQueryOptions, 'table'>,
): string {
    const lines = [
        commentLine(`Öppna jämförelser: ${header.model}, register ${source.name} "${source.title}"`),
        commentLine(`Skapad av oj ${header.version}, SQL-dialekt ${header.dialect}.`),
        commentLine(
            `Läser tabellen ${options.table ?? 'register'}: en rad per person eller beslut, textkolumnerna ${source.columns.map((c) => c.name).join(', ')} (enhet: ${source.unitColumn}).`,
        ),
        commentLine(
            `Ger en rad per indikator, kommun och indelning: ${REGISTER_RESULT_COLUMNS.join(', ')}; län, riket och röjandekontroll beräknas av oj ur dessa celler.`,
        ),
    ];
    return `${lines.join('\n')}\n${sql};\n`;
}
