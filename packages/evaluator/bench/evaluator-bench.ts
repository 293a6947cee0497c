/**
 * npm run bench:evaluator [-- --rows N]
 *
 * Rows per second, in one run, for (a) the generated evaluator, (b) a hand-written evaluator of
 * indicators 1–10, (c) the reference interpreter and (d) SurveyJS's expression engine evaluating the
 * same rules; on the 2019 set (N rows, default 1,000,000) and on a synthetic set of 300 indicators.
 * Writes the numbers to bench/evaluator-results.json (keys eval.rowsPerSec.*).
 *
 * - Rows are seeded and drawn from a pool of distinct rows, so building rows is not what is timed.
 * - (a) and (b) do the same work: a status per indicator and group. (a)'s traces are worked out only
 *   when read; "generated+traces" reads every one, which is what (c) always does.
 * - (a) and (b) run N rows each, in alternating rounds, so load from other processes falls on both.
 *   The interpreter and SurveyJS are 30–150 times slower; they are timed on a sample (the rows
 *   column says how many), which is enough for a rate and keeps 1M rows within minutes on 2 cores.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ExpressionRunner } from 'survey-core';
import {
    type Expression,
    type Indicator,
    type Model,
    type ReportingUnit,
    areaMissingOptions,
    codebookRows,
    evaluateIndicatorForAllUnits,
    isPerArea,
    itemsOfTarget,
    questionOf,
    requirementFor,
    unitsOfIndicator,
    variableFor,
} from '@oj/language';
import { importGenerated, loadExample, loadText, type GeneratedEvaluator } from '../test/support.js';
import { evaluateHandwritten } from './handwritten-2019.js';
import { mulberry32, syntheticModel } from './synthetic-model.js';

function option(name: string, fallback: number): number {
    const index = process.argv.indexOf(name);
    if (index < 0) return fallback;
    const value = Number(process.argv[index + 1]);
    if (!Number.isInteger(value) || value < 1)
        throw new Error(`${name} needs a positive whole number, not ${process.argv[index + 1]}`);
    return value;
}

const ROWS = option('--rows', 1_000_000);
const POOL = 10_000;

type Row = Record<string, string>;
type Evaluate = (row: Row) => ArrayLike<unknown>;

/** Seeded rows: each variable blank 15 % of the time, else one of its codes (counts 0–29). */
function rowPool(models: Model[], size: number, seed: number): Row[] {
    const random = mulberry32(seed);
    const columns = codebookRows(models);
    return Array.from({ length: size }, () => {
        const row: Row = { unit: '0180', name: 'Syntetisk' };
        for (const c of columns) {
            if (random() < 0.15) {
                row[c.variable] = '';
                continue;
            }
            row[c.variable] = c.numeric
                ? String(Math.floor(random() * 30))
                : String(c.codes[Math.floor(random() * c.codes.length)]);
        }
        return row;
    });
}

const indicatorsOf = (models: Model[]) =>
    models.flatMap((m) => m.elements.filter((e): e is Indicator => e.$type === 'Indicator')).sort((a, b) => a.number - b.number);

function variableOf(
    indicator: Indicator,
    expression: Extract<Expression, { target: unknown }>,
    item: ReturnType<typeof itemsOfTarget>[number],
    unit: ReportingUnit | undefined,
): string {
    const slot = expression.target.question.ref!;
    const question = questionOf(slot)!;
    return variableFor(question, item, isPerArea(question) ? unit : undefined, { indicator, slot })!;
}

/** A rule as a SurveyJS expression. SurveyJS has no "unknown": a blank simply fails a comparison. */
function surveyJsExpression(indicator: Indicator, expression: Expression, unit: ReportingUnit | undefined): string {
    switch (expression.$type) {
        case 'And':
            return `(${surveyJsExpression(indicator, expression.left, unit)} and ${surveyJsExpression(indicator, expression.right, unit)})`;
        case 'Or':
            return `(${surveyJsExpression(indicator, expression.left, unit)} or ${surveyJsExpression(indicator, expression.right, unit)})`;
        case 'Not':
            return `!(${surveyJsExpression(indicator, expression.operand, unit)})`;
        case 'AnswerCondition': {
            const parts = itemsOfTarget(expression.target).map((item) => {
                const variable = variableOf(indicator, expression, item, unit);
                return `(${expression.options.map((o) => `{${variable}} = ${o.ref!.code}`).join(' or ')})`;
            });
            return `(${parts.join(expression.quantifier === 'något' ? ' or ' : ' and ')})`;
        }
        case 'NumericCondition': {
            const parts = itemsOfTarget(expression.target).map(
                (item) =>
                    `{${variableOf(indicator, expression, item, unit)}} ${expression.operator === '<>' ? '!=' : expression.operator} ${expression.value}`,
            );
            return `(${parts.join(' and ')})`;
        }
    }
}

/** The exclusion as written, or an answer saying the area does not exist; undefined when none. */
function surveyJsExclusion(indicator: Indicator, unit: ReportingUnit | undefined): string | undefined {
    if (indicator.exclusion) return surveyJsExpression(indicator, indicator.exclusion.condition, unit);
    const parts: string[] = [];
    for (const slot of indicator.questions) {
        const question = questionOf(slot);
        if (!question || (isPerArea(question) && !unit)) continue;
        for (const option of areaMissingOptions(question)) {
            for (const item of question.items.length > 0 ? question.items : [undefined]) {
                parts.push(`{${variableFor(question, item, unit, { indicator, slot })}} = ${option.code}`);
            }
        }
    }
    return parts.length > 0 ? `(${parts.join(' or ')})` : undefined;
}

/**
 * One SurveyJS ExpressionRunner per indicator and group giving the status:
 * iif(exclusion, 'excluded', iif(first question answered, iif(rule, 'met', 'not_met'), 'missing')).
 * Ratio indicators are left out (SurveyJS has no counterpart of the sums).
 */
function surveyJsEvaluator(models: Model[]): Evaluate {
    const runners: ExpressionRunner[] = [];
    for (const indicator of indicatorsOf(models)) {
        if (indicator.ratio) continue;
        const units = unitsOfIndicator(indicator);
        for (const unit of units.length > 0 ? units : [undefined]) {
            const requirement = requirementFor(indicator, unit)!;
            const rule = requirement.alternatives.map((a) => surveyJsExpression(indicator, a, unit)).join(' or ');
            const first = questionOf(indicator.questions[0])!;
            const answered = `{${variableFor(first, first.items[0], isPerArea(first) ? unit : undefined, { indicator, slot: indicator.questions[0] })}} notempty`;
            const decided = `iif(${answered}, iif(${rule}, 'met', 'not_met'), 'missing')`;
            const exclusion = surveyJsExclusion(indicator, unit);
            runners.push(new ExpressionRunner(exclusion ? `iif(${exclusion}, 'excluded', ${decided})` : decided));
        }
    }
    return (row) => runners.map((runner) => runner.runValues(row) as string);
}

interface Timing {
    set: string;
    name: string;
    rows: number;
    ms: number;
    rowsPerSec: number;
}

/** Times `rows` evaluations cycling through the pool; a short warm-up first lets the JIT settle. */
function time(pool: Row[], rows: number, evaluate: Evaluate): number {
    let sink = 0;
    const start = process.hrtime.bigint();
    for (let i = 0; i < rows; i++) sink += evaluate(pool[i % pool.length]).length;
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (sink < 0) console.log(sink);
    return ms;
}

function warmUp(pool: Row[], rows: number, evaluate: Evaluate): void {
    time(pool, Math.max(1, Math.min(rows, 10_000)), evaluate);
}

function measure(set: string, name: string, pool: Row[], rows: number, evaluate: Evaluate): Timing {
    process.stderr.write(`  ${set} ${name}: ${rows} rows…\n`);
    warmUp(pool, rows, evaluate);
    const ms = time(pool, rows, evaluate);
    return { set, name, rows, ms: Math.round(ms), rowsPerSec: Math.round(rows / (ms / 1000)) };
}

/** Two evaluators over the same rows in alternating rounds, so that a busy machine slows both alike. */
function measurePair(
    set: string,
    names: [string, string],
    pool: Row[],
    rows: number,
    evaluators: [Evaluate, Evaluate],
): [Timing, Timing] {
    process.stderr.write(`  ${set} ${names.join(' and ')}: ${rows} rows each, alternating…\n`);
    evaluators.forEach((e) => warmUp(pool, rows, e));
    const rounds = Math.min(10, rows);
    const total = [0, 0];
    for (let round = 0; round < rounds; round++) {
        const count = Math.floor(rows / rounds) + (round < rows % rounds ? 1 : 0);
        const order = round % 2 === 0 ? [0, 1] : [1, 0];
        for (const k of order) total[k] += time(pool, count, evaluators[k]);
    }
    return [0, 1].map((k) => ({
        set,
        name: names[k],
        rows,
        ms: Math.round(total[k]),
        rowsPerSec: Math.round(rows / (total[k] / 1000)),
    })) as [Timing, Timing];
}

/** Reads every result's trace (the generated evaluator works them out when read). */
function withTraces(generated: GeneratedEvaluator): Evaluate {
    return (row) => {
        const results = generated.evaluate(row);
        let readings = 0;
        for (const r of results) readings += r.trace.length;
        return readings >= 0 ? results : [];
    };
}

/** How many statuses of an evaluator equal the interpreter's, on the first rows of the pool. */
function agreement(pool: Row[], indicators: Indicator[], evaluate: (row: Row) => string[]): { same: number; all: number } {
    let same = 0;
    let all = 0;
    for (const row of pool) {
        const expected = indicators
            .filter((i) => !i.ratio)
            .flatMap((i) => evaluateIndicatorForAllUnits(i, row))
            .map((r) => r.status);
        const actual = evaluate(row);
        expected.forEach((status, k) => {
            all++;
            if (actual[k] === status) same++;
        });
    }
    return { same, all };
}

async function main(): Promise<void> {
    const timings: Timing[] = [];
    process.stderr.write(`Benchmark of the evaluators: ${ROWS} rows of the 2019 set${ROWS === 1_000_000 ? '' : ' (--rows)'}\n`);

    const example = await loadExample();
    const indicators = indicatorsOf(example);
    const pool = rowPool(example, POOL, 2019);
    const generated = await importGenerated(example);
    const interpret: Evaluate = (row) => indicators.flatMap((i) => evaluateIndicatorForAllUnits(i, row));
    const surveyJs = surveyJsEvaluator(example);

    // The hand-written evaluator must give the reference statuses before its speed means anything.
    const handwrittenAgreement = agreement(pool.slice(0, 2_000), indicators, (row) =>
        evaluateHandwritten(row).map((r) => r.status),
    );
    if (handwrittenAgreement.same !== handwrittenAgreement.all) {
        throw new Error(
            `the hand-written evaluator disagrees with the interpreter on ${handwrittenAgreement.all - handwrittenAgreement.same} statuses`,
        );
    }
    const surveyJsAgreement = agreement(pool.slice(0, 500), indicators, (row) => surveyJs(row) as string[]);

    timings.push(
        ...measurePair('oj2019', ['generated', 'handwritten'], pool, ROWS, [
            (row) => generated.evaluate(row),
            evaluateHandwritten,
        ]),
    );
    timings.push(measure('oj2019', 'generated+traces', pool, Math.min(ROWS, 100_000), withTraces(generated)));
    timings.push(measure('oj2019', 'interpreter', pool, Math.min(ROWS, 20_000), interpret));
    timings.push(measure('oj2019', 'surveyjs', pool, Math.min(ROWS, 5_000), surveyJs));

    process.stderr.write('Loading the synthetic model of 300 indicators…\n');
    const synthetic = await loadText(syntheticModel(300, 7));
    const syntheticIndicators = indicatorsOf(synthetic);
    const syntheticPool = rowPool(synthetic, 2_000, 300);
    const syntheticGenerated = await importGenerated(synthetic);
    const syntheticSet = `synthetic-${syntheticIndicators.length}`;
    timings.push(
        measure(syntheticSet, 'generated', syntheticPool, Math.min(ROWS, 50_000), (row) => syntheticGenerated.evaluate(row)),
    );
    timings.push(measure(syntheticSet, 'generated+traces', syntheticPool, Math.min(ROWS, 5_000), withTraces(syntheticGenerated)));
    timings.push(
        measure(syntheticSet, 'interpreter', syntheticPool, Math.min(ROWS, 1_000), (row) =>
            syntheticIndicators.flatMap((i) => evaluateIndicatorForAllUnits(i, row)),
        ),
    );
    timings.push(measure(syntheticSet, 'surveyjs', syntheticPool, Math.min(ROWS, 100), surveyJsEvaluator(synthetic)));

    const rate = (set: string, name: string) => timings.find((t) => t.set === set && t.name === name)!.rowsPerSec;
    const results: Record<string, number> = {};
    for (const t of timings) {
        const key = t.name.replace('+traces', 'WithTraces');
        results[t.set === 'oj2019' ? `eval.rowsPerSec.${key}` : `eval.synthetic.rowsPerSec.${key}`] = t.rowsPerSec;
    }
    const timeOverHandwritten = rate('oj2019', 'handwritten') / rate('oj2019', 'generated');
    const speedOverSurveyJs = rate('oj2019', 'generated') / rate('oj2019', 'surveyjs');
    const speedOverInterpreter = rate('oj2019', 'generated') / rate('oj2019', 'interpreter');
    results['eval.ratio.generatedTimeOverHandwritten'] = Number(timeOverHandwritten.toFixed(3));
    results['eval.ratio.generatedSpeedOverInterpreter'] = Number(speedOverInterpreter.toFixed(2));
    results['eval.ratio.generatedSpeedOverSurveyjs'] = Number(speedOverSurveyJs.toFixed(2));
    results['eval.rows'] = ROWS;

    console.log('\n| set | evaluator | rows/s | rows timed | ms |');
    console.log('| --- | --- | ---: | ---: | ---: |');
    for (const t of timings)
        console.log(
            `| ${t.set} | ${t.name} | ${t.rowsPerSec.toLocaleString('en-US')} | ${t.rows.toLocaleString('en-US')} | ${t.ms.toLocaleString('en-US')} |`,
        );
    const verdict = (ok: boolean) => (ok ? 'met' : 'NOT MET');
    console.log(
        `\n(a) generated time / (b) hand-written time: ${timeOverHandwritten.toFixed(2)}× (target ≤ 1.5×: ${verdict(timeOverHandwritten <= 1.5)})`,
    );
    console.log(`(a) generated speed / (c) interpreter speed: ${speedOverInterpreter.toFixed(1)}×`);
    console.log(
        `(a) generated speed / (d) SurveyJS speed: ${speedOverSurveyJs.toFixed(1)}× (target ≥ 20×: ${verdict(speedOverSurveyJs >= 20)})`,
    );
    console.log(
        `SurveyJS statuses equal to the reference on ${surveyJsAgreement.same} of ${surveyJsAgreement.all} (it has no three-valued logic).`,
    );
    const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'evaluator-results.json');
    fs.writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
    console.log(`\nWrote ${out}`);
}

main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
});
