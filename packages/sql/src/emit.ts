/**
 * SQL from the plans (packages/language/src/semantics/plan.ts): one query per survey that gives,
 * for every respondent and every indicator, area or group and stratum, exactly the status, sums and
 * value the interpreter gives. The one emitter from plan Conditions to SQL; dialects differ only in
 * quoting, string literals and the regular-expression test of a respondent code.
 *
 * The traps of SQL's NULL logic, and how each is avoided:
 * - AND, OR and NOT on NULL are Kleene's; a condition is emitted as a boolean expression whose NULL
 *   is "unknown", never COALESCEd to false.
 * - A CASE has an outcome for true, false and NULL: `WHEN c THEN …` takes only true, so every
 *   decision is followed by `WHEN c IS NULL THEN 'missing'` before the false branch.
 * - `IN` lists hold the codes only, never NULL, so `x IN (…)` is unknown exactly when x is blank;
 *   no `NOT IN` is emitted.
 * - The order exclusion → ratio or requirement → exception is the order of one CASE's branches,
 *   which SQL defines; nothing depends on the order WHERE clauses are evaluated in.
 * - Sums are `a + b`, NULL when a term is blank (SQL's SUM would skip NULL; it is not used).
 * - Blank cells (empty or only spaces) are NULL: every column is read as `NULLIF(TRIM(c), '')`;
 *   codes stay text (kommunkod keeps its leading zero), counts are `TRY_CAST(… AS DOUBLE)`.
 */
import {
    CITIES_WITH_STADSDELAR,
    type Condition,
    type IndicatorPlan,
    type NumberExpression,
    type PopulationKind,
    type Read,
    type Sum,
    type UnitPlan,
} from '@oj/language';

export type Dialect = 'duckdb' | 'spark' | 'trino';

export const DIALECTS: readonly Dialect[] = ['duckdb', 'spark', 'trino'];

export interface SurveyQueryOptions {
    dialect: Dialect;
    /** The table of responses: one row per respondent, a text column per survey variable. Default `responses`. */
    table?: string;
    /** The column holding the respondent's code (kommunkod, or kommunkod and suffix for a stadsdel). Default `unit`. */
    unitColumn?: string;
    /** The column giving the respondents' order (the row of the file). Default `row_number`. */
    orderColumn?: string;
    /**
     * Whether the rows come in the interpreter's order (default). Without it the engine need not sort
     * (a query that only aggregates the decisions, over more rows than fit in memory).
     */
    ordered?: boolean;
}

/**
 * The columns of the query's result, one row per respondent × indicator × area or group × stratum,
 * in the order respondents are evaluated (by `row_number`), then indicators as given, then units:
 * - `row_number`, `unit`: the respondent;
 * - `indicator`, `grp`, `stratum`: what is decided (`grp`, `stratum` NULL when there is none);
 * - `kind`: 'result' (rule or share of counts) or 'measure' (background measure);
 * - `status`: met, not_met, excluded, missing; for a measure measured, excluded, missing;
 * - `numerator`, `denominator`: a share's counts (when met), a quotient measure's sums (when measured);
 * - `value`: a background measure's value (when measured).
 */
export const RESULT_COLUMNS = [
    'row_number',
    'unit',
    'indicator',
    'grp',
    'stratum',
    'kind',
    'status',
    'numerator',
    'denominator',
    'value',
] as const;

interface Emitter {
    dialect: Dialect;
    /** A column of the normalised answers. */
    column(variable: string): string;
}

export function quoteIdentifier(name: string, dialect: Dialect): string {
    if (dialect === 'spark') return `\`${name.replace(/`/g, '``')}\``;
    return `"${name.replace(/"/g, '""')}"`;
}

/**
 * A string literal. Spark reads a backslash in a literal as an escape and a doubled quote as two
 * adjacent literals, so there the quote and the backslash are escaped with a backslash.
 */
export function stringLiteral(text: string, dialect: Dialect): string {
    if (dialect === 'spark') return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
    return `'${text.replace(/'/g, "''")}'`;
}

/** A number as a SQL literal (a DOUBLE, so that comparisons and sums are those of the interpreter). */
function numberLiteral(value: number): string {
    if (!Number.isFinite(value)) throw new Error(`cannot write ${value} as SQL`);
    return `CAST(${String(value)} AS DOUBLE)`;
}

const UNKNOWN = 'CAST(NULL AS BOOLEAN)';

/** A condition as a boolean SQL expression; NULL is unknown. */
export function conditionSql(condition: Condition, e: Emitter): string {
    switch (condition.kind) {
        case 'and':
            return condition.operands.length === 0
                ? 'TRUE'
                : `(${condition.operands.map((c) => conditionSql(c, e)).join(' AND ')})`;
        case 'or':
            return condition.operands.length === 0
                ? 'FALSE'
                : `(${condition.operands.map((c) => conditionSql(c, e)).join(' OR ')})`;
        case 'not':
            return `(NOT ${conditionSql(condition.operand, e)})`;
        case 'in': {
            const column = codeSql(condition.read, e);
            // No codes: false when answered, unknown when blank (an empty IN list is not SQL).
            if (condition.codes.length === 0) return `(CASE WHEN ${column} IS NULL THEN ${UNKNOWN} ELSE FALSE END)`;
            return `(${column} IN (${condition.codes.map((c) => stringLiteral(c, e.dialect)).join(', ')}))`;
        }
        case 'compare':
            return `(${countSql(condition.read, e)} ${condition.operator} ${numberLiteral(condition.value)})`;
        case 'areaMissing': {
            // True if some part is true, else false if some part is answered (false), else unknown:
            // not an OR, which would be unknown for a false part beside an unknown one.
            const parts = condition.parts.map((p) => conditionSql(p, e));
            return `(CASE WHEN ${parts.join(' OR ')} THEN TRUE WHEN ${parts.map((p) => `${p} IS NOT NULL`).join(' OR ')} THEN FALSE ELSE ${UNKNOWN} END)`;
        }
        case 'atLeast': {
            // True when `count` operands are true; false when fewer could be even if every unknown one were.
            const operands = condition.operands.map((c) => conditionSql(c, e));
            const trues = operands.length === 0 ? '0' : operands.map((o) => `(CASE WHEN ${o} THEN 1 ELSE 0 END)`).join(' + ');
            const unknowns =
                operands.length === 0 ? '0' : operands.map((o) => `(CASE WHEN ${o} IS NULL THEN 1 ELSE 0 END)`).join(' + ');
            return `(CASE WHEN ${trues} >= ${condition.count} THEN TRUE WHEN ${trues} + ${unknowns} < ${condition.count} THEN FALSE ELSE ${UNKNOWN} END)`;
        }
        case 'calculation':
            return `(${numberSql(condition.left, e)} ${condition.operator} ${numberSql(condition.right, e)})`;
        case 'const':
            return condition.value === undefined ? UNKNOWN : condition.value ? 'TRUE' : 'FALSE';
    }
}

/** A number computed from counts, NULL when a count is unknown or a divisor is 0 (as `numberOf` in plan.ts). */
function numberSql(expression: NumberExpression, e: Emitter): string {
    switch (expression.kind) {
        case 'count':
            return sumSql(expression.sum, e);
        case 'number':
            return numberLiteral(expression.value);
        case 'arithmetic': {
            const left = numberSql(expression.left, e);
            const right = numberSql(expression.right, e);
            if (expression.operator === '/')
                return `(CASE WHEN ${right} = 0 THEN CAST(NULL AS DOUBLE) ELSE ${left} / ${right} END)`;
            return `(${left} ${expression.operator} ${right})`;
        }
    }
}

/**
 * An answer code; for a tick box (`blankAs`), a blank box reads as not ticked when another box of
 * the question is ticked (answered with another code), as the interpreter reads it.
 */
function codeSql(read: Read, e: Emitter): string {
    const column = e.column(read.variable);
    if (!read.blankAs || read.blankAs.ticked.length === 0) return column;
    const blank = stringLiteral(read.blankAs.code, e.dialect);
    const ticked = read.blankAs.ticked
        .map((other) => `(${e.column(other.variable)} IS NOT NULL AND ${e.column(other.variable)} <> ${blank})`)
        .join(' OR ');
    return `(CASE WHEN ${column} IS NULL AND (${ticked}) THEN ${blank} ELSE ${column} END)`;
}

/** A count as a number, NULL when blank or not a number (a decimal comma read as a point, as the interpreter does). */
function countSql(read: Read, e: Emitter): string {
    return `TRY_CAST(REPLACE(${e.column(read.variable)}, ',', '.') AS DOUBLE)`;
}

/** A sum of counts: NULL when a term is blank or could not be resolved; 0 for no terms. */
function sumSql(sum: Sum, e: Emitter): string {
    if (sum.unresolved > 0) return 'CAST(NULL AS DOUBLE)';
    if (sum.reads.length === 0) return 'CAST(0 AS DOUBLE)';
    return `(${sum.reads.map((r) => countSql(r, e)).join(' + ')})`;
}

/** The text type: Spark's VARCHAR needs a length, its STRING is unbounded. */
function textType(dialect: Dialect): string {
    return dialect === 'spark' ? 'STRING' : 'VARCHAR';
}

function text(value: string | undefined, dialect: Dialect): string {
    return value === undefined ? `CAST(NULL AS ${textType(dialect)})` : stringLiteral(value, dialect);
}

const NO_NUMBER = 'CAST(NULL AS DOUBLE)';

/** The SELECT list of one unit plan: status, numerator, denominator, value. */
function decisionSql(
    kind: IndicatorPlan['kind'],
    plan: UnitPlan,
    e: Emitter,
): { status: string; numerator: string; denominator: string; value: string } {
    const exclusion = conditionSql(plan.exclusion, e);
    const excluded = `WHEN ${exclusion} THEN 'excluded' WHEN ${exclusion} IS NULL THEN 'missing'`;
    if (kind === 'measure') {
        if (!plan.measure)
            return {
                status: `(CASE ${excluded} ELSE 'missing' END)`,
                numerator: NO_NUMBER,
                denominator: NO_NUMBER,
                value: NO_NUMBER,
            };
        const numerator = sumSql(plan.measure.numerator, e);
        if (!plan.measure.denominator) {
            const status = `(CASE ${excluded} WHEN ${numerator} IS NULL THEN 'missing' ELSE 'measured' END)`;
            return {
                status,
                numerator: NO_NUMBER,
                denominator: NO_NUMBER,
                value: `(CASE WHEN ${status} = 'measured' THEN ${numerator} END)`,
            };
        }
        const denominator = sumSql(plan.measure.denominator, e);
        const status = `(CASE ${excluded} WHEN ${numerator} IS NULL OR ${denominator} IS NULL THEN 'missing' WHEN ${denominator} = 0 THEN 'excluded' ELSE 'measured' END)`;
        const measured = (value: string) => `(CASE WHEN ${status} = 'measured' THEN ${value} END)`;
        return {
            status,
            numerator: measured(numerator),
            denominator: measured(denominator),
            value: measured(`${numerator} / ${denominator}`),
        };
    }
    if (plan.ratio) {
        const numerator = sumSql(plan.ratio.numerator, e);
        const denominator = sumSql(plan.ratio.denominator, e);
        const status = `(CASE ${excluded} WHEN ${numerator} IS NULL OR ${denominator} IS NULL THEN 'missing' WHEN ${denominator} = 0 THEN 'excluded' ELSE 'met' END)`;
        const met = (value: string) => `(CASE WHEN ${status} = 'met' THEN ${value} END)`;
        return { status, numerator: met(numerator), denominator: met(denominator), value: NO_NUMBER };
    }
    if (!plan.requirement)
        return {
            status: `(CASE ${excluded} ELSE 'missing' END)`,
            numerator: NO_NUMBER,
            denominator: NO_NUMBER,
            value: NO_NUMBER,
        };
    const requirement = conditionSql(plan.requirement, e);
    const exception = plan.exception
        ? (() => {
              const c = conditionSql(plan.exception, e);
              return ` WHEN ${c} THEN 'excluded' WHEN ${c} IS NULL THEN 'missing'`;
          })()
        : '';
    const status = `(CASE ${excluded} WHEN ${requirement} THEN 'met' WHEN ${requirement} IS NULL THEN 'missing'${exception} ELSE 'not_met' END)`;
    return { status, numerator: NO_NUMBER, denominator: NO_NUMBER, value: NO_NUMBER };
}

/** A regular-expression test of a text, as each dialect writes it (the one construct the three do not share). */
export function matches(subject: string, pattern: string, dialect: Dialect): string {
    const literal = stringLiteral(pattern, dialect);
    switch (dialect) {
        case 'duckdb':
            return `regexp_matches(${subject}, ${literal})`;
        case 'spark':
            return `(${subject} RLIKE ${literal})`;
        case 'trino':
            return `regexp_like(${subject}, ${literal})`;
    }
}

/**
 * Whether the respondent is in a population of the given kinds, as the evaluator decides it
 * (packages/evaluator/src/runtime/population.ts): a kommun has four digits, a stadsdel four digits
 * and a suffix; where stadsdelar are in the population, Stockholm's and Göteborg's own rows are not.
 */
function populationSql(kinds: readonly PopulationKind[] | undefined, unit: string, dialect: Dialect): string | undefined {
    if (kinds === undefined) return undefined;
    const code = `TRIM(${unit})`;
    const parts: string[] = [];
    if (kinds.includes('kommun')) {
        const kommun = matches(code, '^[0-9]{4}$', dialect);
        const cities = Object.keys(CITIES_WITH_STADSDELAR)
            .map((c) => stringLiteral(c, dialect))
            .join(', ');
        parts.push(kinds.includes('stadsdel') ? `(${kommun} AND ${code} NOT IN (${cities}))` : kommun);
    }
    if (kinds.includes('stadsdel'))
        parts.push(`(${matches(code, '^[0-9]{4}.', dialect)} AND NOT ${matches(code, '^[0-9]{4}$', dialect)})`);
    // The unit column is never NULL for a respondent; should it be, the respondent is outside.
    return parts.length === 0 ? 'FALSE' : `COALESCE(${parts.join(' OR ')}, FALSE)`;
}

/** The survey variables the plans read, in the order first read. */
export function variablesOf(plans: readonly IndicatorPlan[]): string[] {
    const seen = new Set<string>();
    for (const plan of plans) {
        for (const unit of plan.units) {
            for (const read of [
                ...unit.variables,
                ...(unit.measure?.numerator.reads ?? []),
                ...(unit.measure?.denominator?.reads ?? []),
            ]) {
                seen.add(read.variable);
                for (const other of read.blankAs?.ticked ?? []) seen.add(other.variable);
            }
        }
    }
    return [...seen];
}

/**
 * One query for the plans of a survey: the answers normalised once (blank → NULL), then one
 * SELECT per indicator unit, restricted to the indicator's population, in one UNION ALL, ordered
 * as the interpreter evaluates.
 */
export function surveyQuery(plans: readonly IndicatorPlan[], options: SurveyQueryOptions): string {
    const dialect = options.dialect;
    const q = (name: string) => quoteIdentifier(name, dialect);
    const table = q(options.table ?? 'responses');
    const unitColumn = q(options.unitColumn ?? 'unit');
    const orderColumn = q(options.orderColumn ?? 'row_number');
    const variables = variablesOf(plans);
    // Answers are read as `a<i>`, so that a variable's name never clashes with the query's own columns.
    const alias = new Map(variables.map((v, i) => [v, `a${i}`]));
    const e: Emitter = { dialect, column: (variable) => q(alias.get(variable)!) };
    const answers = [
        `${orderColumn} AS ${q('row_number')}`,
        `TRIM(${unitColumn}) AS ${q('unit')}`,
        ...variables.map((v) => `NULLIF(TRIM(CAST(${q(v)} AS ${textType(dialect)})), '') AS ${q(alias.get(v)!)}`),
    ];
    const selects: string[] = [];
    let ordinal = 0;
    for (const plan of plans) {
        const where = populationSql(plan.population, q('unit'), dialect);
        for (const unit of plan.units) {
            const d = decisionSql(plan.kind, unit, e);
            selects.push(
                [
                    `SELECT ${q('row_number')}, ${q('unit')}, ${ordinal++} AS ${q('ordinal')}, ${plan.number} AS ${q('indicator')},`,
                    `  ${text(unit.unit, dialect)} AS ${q('grp')}, ${text(unit.stratum?.code, dialect)} AS ${q('stratum')},`,
                    `  ${stringLiteral(plan.kind === 'measure' ? 'measure' : 'result', dialect)} AS ${q('kind')},`,
                    `  ${d.status} AS ${q('status')},`,
                    `  ${d.numerator} AS ${q('numerator')}, ${d.denominator} AS ${q('denominator')}, ${d.value} AS ${q('value')}`,
                    `FROM ${q('answers')}${where ? `\nWHERE ${where}` : ''}`,
                ].join('\n'),
            );
        }
    }
    const columns = RESULT_COLUMNS.map((c) => q(c)).join(', ');
    // DuckDB materialises a CTE read more than once: the whole normalised table, before one
    // decision is made. Read in place it streams (at a million rows, 1/6 the memory and faster).
    const inPlace = dialect === 'duckdb' ? 'NOT MATERIALIZED ' : '';
    if (selects.length === 0) {
        const numeric = new Set(['row_number', 'indicator', 'numerator', 'denominator', 'value']);
        return `SELECT ${RESULT_COLUMNS.map((c) => `CAST(NULL AS ${numeric.has(c) ? 'DOUBLE' : textType(dialect)}) AS ${q(c)}`).join(', ')} FROM ${table} WHERE FALSE`;
    }
    return [
        `WITH ${q('answers')} AS ${inPlace}(`,
        `  SELECT ${answers.join(',\n    ')}`,
        `  FROM ${table}`,
        `), ${q('decided')} AS (`,
        selects.join('\nUNION ALL\n'),
        `)`,
        `SELECT ${columns}`,
        `FROM ${q('decided')}`,
        ...(options.ordered === false ? [] : [`ORDER BY ${q('row_number')}, ${q('ordinal')}`]),
    ].join('\n');
}

/** A comment line of the header: control characters (a newline would end the comment) replaced by spaces. */
function commentLine(text: string): string {
    return `-- ${text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, ' ')}`;
}

export interface QueryHeader {
    model: string;
    survey?: string;
    version: string;
    dialect: Dialect;
}

/** The query with a header naming the model, the survey, the toolchain's version and the dialect. */
export function withHeader(sql: string, header: QueryHeader, options: SurveyQueryOptions): string {
    const lines = [
        commentLine(`Öppna jämförelser: ${header.model}${header.survey ? `, enkät ${header.survey}` : ''}`),
        commentLine(`Skapad av oj ${header.version}, SQL-dialekt ${header.dialect}.`),
        commentLine(
            `Läser tabellen ${options.table ?? 'responses'}: en rad per svarande, kolumnen ${options.unitColumn ?? 'unit'} (kommunkod), ` +
                `${options.orderColumn ?? 'row_number'} (ordning) och en textkolumn per enkätvariabel.`,
        ),
        commentLine(`Ger en rad per svarande, indikator, område och indelning: ${RESULT_COLUMNS.join(', ')}.`),
    ];
    return `${lines.join('\n')}\n${sql};\n`;
}
