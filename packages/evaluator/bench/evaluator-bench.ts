/**
 * npm run bench:evaluator [-- --rows N]
 * Rows per second, in one run, for (a) the generated evaluator, (b) a hand-written evaluator of
 * indicators 1–10, (c) the reference interpreter and (d) SurveyJS's expression engine evaluating the
 * same rules; on the 2019 set (N rows, default 1,000,000) and on a synthetic set of ~300 indicators.
 * Rows are seeded and drawn from a pool, so generating them is not part of what is timed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConditionRunner } from 'survey-core';
import {
    type Expression, type Indicator, type Model, type ReportingUnit, codebookRows, evaluateIndicatorForAllUnits, isPerArea,
    itemsOfTarget, questionOf, requirementFor, unitsOfIndicator, variableFor
} from '@oj/language';
import { importGenerated, loadExample, loadText } from '../test/support.js';
import { evaluateHandwritten } from './handwritten-2019.js';
import { mulberry32, syntheticModel } from './synthetic-model.js';

const argRows = process.argv.indexOf('--rows');
const ROWS = argRows > 0 ? Number(process.argv[argRows + 1]) : 1_000_000;
const POOL = 10_000;

type Row = Record<string, string>;

function rowPool(models: Model[], size: number, seed: number): Row[] {
    const random = mulberry32(seed);
    const columns = codebookRows(models);
    return Array.from({ length: size }, () => {
        const row: Row = {};
        for (const c of columns) {
            if (random() < 0.15) { row[c.variable] = ''; continue; }
            row[c.variable] = c.numeric ? String(Math.floor(random() * 30)) : String(c.codes[Math.floor(random() * c.codes.length)]);
        }
        return row;
    });
}

const indicatorsOf = (models: Model[]) => models.flatMap(m => m.elements.filter((e): e is Indicator => e.$type === 'Indicator')).sort((a, b) => a.number - b.number);

/** The same rule as a SurveyJS expression. SurveyJS has no unknown: a blank simply fails a comparison. */
function surveyJsExpression(indicator: Indicator, expression: Expression, unit: ReportingUnit | undefined): string {
    switch (expression.$type) {
        case 'And': return `(${surveyJsExpression(indicator, expression.left, unit)} and ${surveyJsExpression(indicator, expression.right, unit)})`;
        case 'Or': return `(${surveyJsExpression(indicator, expression.left, unit)} or ${surveyJsExpression(indicator, expression.right, unit)})`;
        case 'Not': return `!(${surveyJsExpression(indicator, expression.operand, unit)})`;
        case 'AnswerCondition':
        case 'NumericCondition': {
            const slot = expression.target.question.ref!;
            const question = questionOf(slot)!;
            const parts = itemsOfTarget(expression.target).map(item => {
                const variable = variableFor(question, item, isPerArea(question) ? unit : undefined, { indicator, slot })!;
                if (expression.$type === 'NumericCondition') return `{${variable}} ${expression.operator === '<>' ? '!=' : expression.operator} ${expression.value}`;
                return `(${expression.options.map(o => `{${variable}} = ${o.ref!.code}`).join(' or ')})`;
            });
            return `(${parts.join(expression.$type === 'AnswerCondition' && expression.quantifier === 'något' ? ' or ' : ' and ')})`;
        }
    }
}

interface SurveyJsIndicator { exclusion?: ConditionRunner; rule?: ConditionRunner; answered: ConditionRunner }

function surveyJsEvaluator(models: Model[]): (row: Row) => string[] {
    const compiled: SurveyJsIndicator[] = [];
    for (const indicator of indicatorsOf(models)) {
        if (indicator.ratio) continue;
        const units = unitsOfIndicator(indicator);
        for (const unit of units.length > 0 ? units : [undefined]) {
            const requirement = requirementFor(indicator, unit)!;
            const rule = requirement.alternatives.map(a => surveyJsExpression(indicator, a, unit)).join(' or ');
            const exclusion = indicator.exclusion ? surveyJsExpression(indicator, indicator.exclusion.condition, unit) : undefined;
            const first = questionOf(indicator.questions[0])!;
            const firstVariable = variableFor(first, first.items[0], isPerArea(first) ? unit : undefined, { indicator, slot: indicator.questions[0] })!;
            compiled.push({ exclusion: exclusion ? new ConditionRunner(exclusion) : undefined, rule: new ConditionRunner(rule), answered: new ConditionRunner(`{${firstVariable}} notempty`) });
        }
    }
    return row => compiled.map(c => {
        if (c.exclusion?.runValues(row)) return 'excluded';
        if (!c.answered.runValues(row)) return 'missing';
        return c.rule!.runValues(row) ? 'met' : 'not_met';
    });
}

function measure(name: string, rows: Row[], count: number, evaluate: (row: Row) => unknown): { name: string; rowsPerSec: number; rows: number; ms: number } {
    process.stderr.write(`  ${name}: ${count} rows…\n`);
    // Warm up, then time `count` evaluations cycling through the pool.
    for (let i = 0; i < Math.min(2000, Math.ceil(count / 10)); i++) evaluate(rows[i % rows.length]);
    let sink = 0;
    const start = process.hrtime.bigint();
    for (let i = 0; i < count; i++) {
        const result = evaluate(rows[i % rows.length]) as unknown[];
        sink += result.length;
    }
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (sink < 0) console.log(sink);
    return { name, rowsPerSec: Math.round(count / (ms / 1000)), rows: count, ms: Math.round(ms) };
}

async function main(): Promise<void> {
    const results: Record<string, number> = {};
    const table: Array<{ set: string; name: string; rowsPerSec: number; rows: number; ms: number }> = [];

    const example = await loadExample();
    const pool = rowPool(example, POOL, 2019);
    const generated = await importGenerated(example);
    const indicators = indicatorsOf(example);
    const interpret = (row: Row) => indicators.flatMap(i => evaluateIndicatorForAllUnits(i, row));
    // The hand-written evaluator must agree with the reference before its speed means anything.
    let disagreements = 0;
    for (const row of pool.slice(0, 2000)) {
        const expected = interpret(row).map(r => `${r.indicator}${r.group ?? ''}${r.status}`).join(',');
        const actual = evaluateHandwritten(row).map(r => `${r.indicator}${r.group ?? ''}${r.status}`).join(',');
        if (expected !== actual) disagreements++;
    }
    if (disagreements > 0) throw new Error(`the hand-written evaluator disagrees with the interpreter on ${disagreements} of 2000 rows`);

    const slow = Math.min(ROWS, 50_000);
    for (const m of [
        measure('generated', pool, ROWS, row => generated.evaluate(row)),
        measure('handwritten', pool, ROWS, evaluateHandwritten),
        measure('interpreter', pool, slow, interpret),
        measure('surveyjs', pool, slow, surveyJsEvaluator(example))
    ]) {
        table.push({ set: 'oj2019', ...m });
        results[`eval.rowsPerSec.${m.name}`] = m.rowsPerSec;
    }

    process.stderr.write('Loading the synthetic model…\n');
    const synthetic = await loadText(syntheticModel(300, 7));
    const syntheticPool = rowPool(synthetic, 2_000, 300);
    const syntheticGenerated = await importGenerated(synthetic);
    const syntheticIndicators = indicatorsOf(synthetic);
    const syntheticRows = Math.min(ROWS, 20_000);
    for (const m of [
        measure('generated', syntheticPool, syntheticRows, row => syntheticGenerated.evaluate(row)),
        measure('interpreter', syntheticPool, Math.min(syntheticRows, 2_000), row => syntheticIndicators.flatMap(i => evaluateIndicatorForAllUnits(i, row))),
        measure('surveyjs', syntheticPool, Math.min(syntheticRows, 50), surveyJsEvaluator(synthetic))
    ]) {
        table.push({ set: `synthetic-${syntheticIndicators.length}`, ...m });
        results[`eval.synthetic.rowsPerSec.${m.name}`] = m.rowsPerSec;
    }

    console.log('\nset            evaluator     rows/s        rows     ms');
    for (const r of table) console.log(`${r.set.padEnd(14)} ${r.name.padEnd(12)} ${String(r.rowsPerSec).padStart(10)} ${String(r.rows).padStart(10)} ${String(r.ms).padStart(7)}`);
    const ratio = (a: number, b: number) => (a / b).toFixed(2);
    const timeGeneratedVsHandwritten = results['eval.rowsPerSec.handwritten'] / results['eval.rowsPerSec.generated'];
    const generatedVsSurveyJs = results['eval.rowsPerSec.generated'] / results['eval.rowsPerSec.surveyjs'];
    console.log(`\n(a) generated time / (b) hand-written time: ${timeGeneratedVsHandwritten.toFixed(2)}× (target ≤ 1.5×)`);
    console.log(`(a) generated / (c) interpreter speed: ${ratio(results['eval.rowsPerSec.generated'], results['eval.rowsPerSec.interpreter'])}×`);
    console.log(`(a) generated / (d) SurveyJS speed: ${generatedVsSurveyJs.toFixed(1)}× (target ≥ 20×)`);
    results['eval.ratio.generatedTimeOverHandwritten'] = Number(timeGeneratedVsHandwritten.toFixed(3));
    results['eval.ratio.generatedSpeedOverSurveyjs'] = Number(generatedVsSurveyJs.toFixed(2));
    const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'evaluator-results.json');
    fs.writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
    console.log(`\nWrote ${out}`);
}

main().catch(error => { console.error(error); process.exitCode = 1; });
