/**
 * Generates the evaluator package of a model: a zod schema of a response row, `evaluate(row)` as
 * straight-line TypeScript (one function per indicator and area, calls into a small fixed runtime),
 * `aggregate(results)`, a README and tests from the model's worked examples.
 * The semantics are the reference interpreter's; a differential test holds them together.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expandToNode, joinToNode, toString, type Generated } from 'langium/generate';
import {
    type AnswerCondition, type Expression, type Indicator, type Model, type NumericCondition, type QuestionItem,
    type QuestionTarget, type ReportingUnit,
    areaMissingOptions, checkExample, exampleRow, isPerArea, itemsOfTarget, questionOf, requirementFor,
    surveyOfModel, unitsOfIndicator, variableFor
} from '@oj/language';
import { writeFilesAtomically } from './atomic-write.js';
import { packageJson, tsconfigJson } from './generator/package-files.js';
import { readmeFile } from './generator/readme.js';
import { schemaModule } from './generator/schema.js';

const runtimeDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/runtime');

export interface GeneratorOptions {
    /** npm package name; default derived from the survey ("oj-evaluator-oj2019"). */
    packageName?: string;
    version?: string;
}

export interface GeneratedFile {
    path: string;
    content: string;
}

const q = (text: string) => JSON.stringify(text);

/** Collects the hoisted constants (sets of codes) so that each is created once per module. */
class ConstantPool {
    readonly declarations: string[] = [];
    protected readonly sets = new Map<string, string>();

    codeSet(codes: string[]): string {
        const key = codes.join('|');
        let name = this.sets.get(key);
        if (!name) {
            name = `CODES_${this.sets.size + 1}`;
            this.sets.set(key, name);
            this.declarations.push(`const ${name}: ReadonlySet<string> = new Set([${codes.map(q).join(', ')}]);`);
        }
        return name;
    }
}

/** An answer that cannot be read (unresolved in the model) is unknown; typed so that comparisons stay legal. */
const UNKNOWN = '(2 as Truth3)';

/** Left-nested binary calls: fold(['a', 'b', 'c'], 'and3') → and3(and3(a, b), c). */
function fold(parts: string[], fn: string): string {
    return parts.reduce((acc, part) => `${fn}(${acc}, ${part})`);
}

const OPERATOR: Record<NumericCondition['operator'], string> = { '>': '>', '>=': '>=', '<': '<', '<=': '<=', '=': '===', '<>': '!==' };

class IndicatorEmitter {
    constructor(readonly indicator: Indicator, readonly unit: ReportingUnit | undefined, protected readonly pool: ConstantPool) {}

    protected variable(target: QuestionTarget, item: QuestionItem | undefined): string | undefined {
        const slot = target.question.ref;
        const question = questionOf(slot);
        if (!slot || !question) return undefined;
        if (isPerArea(question) && !this.unit) return undefined;
        return variableFor(question, item, this.unit, { indicator: this.indicator, slot });
    }

    protected unknown(): string {
        return '{ v: undefined, r: [] }';
    }

    protected answerCondition(condition: AnswerCondition): string {
        const codes = this.pool.codeSet(condition.options.flatMap(o => (o.ref ? [String(o.ref.code)] : [])));
        const numeral = condition.target.question.ref?.name ?? '';
        const parts = itemsOfTarget(condition.target).map(item => {
            const variable = this.variable(condition.target, item);
            if (!variable) return this.unknown();
            return `answerIn(row, ${q(variable)}, ${codes}, ${q(numeral)}${item ? `, ${q(item.name)}` : ''})`;
        });
        if (parts.length === 1) return parts[0];
        return `${condition.quantifier === 'något' ? 'any' : 'all'}(${parts.join(', ')})`;
    }

    protected numericCondition(condition: NumericCondition): string {
        const numeral = condition.target.question.ref?.name ?? '';
        const parts = itemsOfTarget(condition.target).map(item => {
            const variable = this.variable(condition.target, item);
            if (!variable) return this.unknown();
            return `count(row, ${q(variable)}, x => x ${OPERATOR[condition.operator]} ${condition.value}, ${q(numeral)}${item ? `, ${q(item.name)}` : ''})`;
        });
        return parts.length === 1 ? parts[0] : `all(${parts.join(', ')})`;
    }

    expression(expression: Expression): string {
        switch (expression.$type) {
            case 'And': return `all(${this.expression(expression.left)}, ${this.expression(expression.right)})`;
            case 'Or': return `any(${this.expression(expression.left)}, ${this.expression(expression.right)})`;
            case 'Not': return `not(${this.expression(expression.operand)})`;
            case 'AnswerCondition': return this.answerCondition(expression);
            case 'NumericCondition': return this.numericCondition(expression);
        }
    }

    /** The local holding a variable's answer, read once at the top of the fast function. */
    protected local(variable: string, kind: 'code' | 'count'): string {
        const key = `${kind}\u0000${variable}`;
        let name = this.locals.get(key);
        if (!name) {
            const base = `${kind === 'code' ? 'a' : 'n'}_${variable.replace(/[^A-Za-z0-9_]/g, '_')}`;
            name = base;
            for (let i = 2; [...this.locals.values()].includes(name); i++) name = `${base}_${i}`;
            this.locals.set(key, name);
            this.reads.push(`const ${name} = ${kind === 'code' ? 'answerCode' : 'answerNumber'}(row[${q(variable)}]);`);
        }
        return name;
    }

    protected readonly locals = new Map<string, string>();
    protected readonly reads: string[] = [];

    /** 1 when the answer is one of the codes, 0 when another, 2 when blank. */
    protected fastIn(variable: string, codes: string[]): string {
        const local = this.local(variable, 'code');
        const test = codes.length === 0 ? 'false' : codes.map(c => `${local} === ${q(c)}`).join(' || ');
        return `(${local} === undefined ? 2 : ${test} ? 1 : 0)`;
    }

    /** The same expression on the allocation-free fast path (0 false, 1 true, 2 unknown). */
    fast(expression: Expression): string {
        switch (expression.$type) {
            case 'And': return `and3(${this.fast(expression.left)}, ${this.fast(expression.right)})`;
            case 'Or': return `or3(${this.fast(expression.left)}, ${this.fast(expression.right)})`;
            case 'Not': return `not3(${this.fast(expression.operand)})`;
            case 'AnswerCondition': {
                const codes = expression.options.flatMap(o => (o.ref ? [String(o.ref.code)] : []));
                const parts = itemsOfTarget(expression.target).map(item => {
                    const variable = this.variable(expression.target, item);
                    return variable ? this.fastIn(variable, codes) : UNKNOWN;
                });
                return fold(parts, expression.quantifier === 'något' ? 'or3' : 'and3');
            }
            case 'NumericCondition': {
                const parts = itemsOfTarget(expression.target).map(item => {
                    const variable = this.variable(expression.target, item);
                    if (!variable) return UNKNOWN;
                    const local = this.local(variable, 'count');
                    return `(${local} === undefined ? 2 : ${local} ${OPERATOR[expression.operator]} ${expression.value} ? 1 : 0)`;
                });
                return fold(parts, 'and3');
            }
        }
    }

    /** The exclusion on the fast path; undefined when there is none (never excluded). */
    fastExclusion(): string | undefined {
        if (this.indicator.exclusion) return this.fast(this.indicator.exclusion.condition);
        const parts: string[] = [];
        for (const slot of this.indicator.questions) {
            const question = questionOf(slot);
            const missing = areaMissingOptions(question);
            if (!question || missing.length === 0) continue;
            if (isPerArea(question) && !this.unit) continue;
            const codes = missing.map(o => String(o.code));
            for (const item of question.items.length > 0 ? question.items : [undefined]) {
                const variable = variableFor(question, item, this.unit, { indicator: this.indicator, slot });
                if (variable) parts.push(this.fastIn(variable, codes));
            }
        }
        return parts.length === 0 ? undefined : fold(parts, 'area3');
    }

    /**
     * The fast function's body: read each answer once, decide the status in three-valued logic and
     * return it; the trace is worked out by the traced function when read. Undefined for a ratio.
     */
    fastBody(): string[] | undefined {
        if (this.indicator.ratio) return undefined;
        const n = this.indicator.number;
        const group = this.unit ? q(this.unit.name) : 'undefined';
        const result = (status: string) => `new Result(${n}, ${group}, ${status}, row, ${this.explainName()})`;
        // Each stage reads the answers it needs first, so an excluded respondent's other answers are not read.
        const decisions: string[] = [];
        const reads = () => this.reads.splice(0);
        const exclusion = this.fastExclusion();
        if (exclusion) {
            decisions.push(...reads(), `const excluded: Truth3 = ${exclusion};`, `if (excluded !== 0) return ${result(`excluded === 1 ? 'excluded' : 'missing'`)};`);
        }
        const requirement = requirementFor(this.indicator, this.unit);
        if (!requirement) {
            // No requirement applies to this group: nothing can decide it.
            decisions.push(`return ${result(`'missing'`)};`);
            return decisions;
        }
        const rule = fold(requirement.alternatives.map(a => this.fast(a)), 'or3');
        decisions.push(...reads(), `const met: Truth3 = ${rule};`, `if (met !== 0) return ${result(`met === 1 ? 'met' : 'missing'`)};`);
        if (this.indicator.exception) {
            const exception = this.fast(this.indicator.exception.condition);
            decisions.push(...reads(), `const excepted: Truth3 = ${exception};`, `if (excepted !== 0) return ${result(`excepted === 1 ? 'excluded' : 'missing'`)};`);
        }
        decisions.push(`return ${result(`'not_met'`)};`);
        return decisions;
    }

    explainName(): string {
        return `explain_${this.functionName()}`;
    }

    /** The exclusion as written, or an answer saying the area does not exist on any question. */
    exclusion(): string {
        if (this.indicator.exclusion) return this.expression(this.indicator.exclusion.condition);
        const parts: string[] = [];
        for (const slot of this.indicator.questions) {
            const question = questionOf(slot);
            const missing = areaMissingOptions(question);
            if (!question || missing.length === 0) continue;
            if (isPerArea(question) && !this.unit) continue;
            const codes = this.pool.codeSet(missing.map(o => String(o.code)));
            for (const item of question.items.length > 0 ? question.items : [undefined]) {
                const variable = variableFor(question, item, this.unit, { indicator: this.indicator, slot });
                if (variable) parts.push(`answerIn(row, ${q(variable)}, ${codes}, ${q(slot.name)}${item ? `, ${q(item.name)}` : ''})`);
            }
        }
        if (parts.length === 0) return 'NO_EXCLUSION';
        return parts.length === 1 ? parts[0] : `areaAnswer(${parts.join(', ')})`;
    }

    protected sum(target: QuestionTarget): string {
        const numeral = target.question.ref?.name ?? '';
        const parts = itemsOfTarget(target).map(item => {
            const variable = this.variable(target, item) ?? '';
            return `[${q(variable)}, ${q(numeral)}, ${item ? q(item.name) : 'undefined'}]`;
        });
        return `sum(row, [${parts.join(', ')}])`;
    }

    functionName(): string {
        return `indicator${this.indicator.number}${this.unit ? `_${this.unit.name}` : ''}`;
    }

    body(): string {
        const group = this.unit ? q(this.unit.name) : 'undefined';
        const n = this.indicator.number;
        if (this.indicator.ratio) {
            return `decideRatio(${n}, ${group}, ${this.exclusion()}, ${this.sum(this.indicator.ratio.numerator)}, ${this.sum(this.indicator.ratio.denominator)})`;
        }
        const requirement = requirementFor(this.indicator, this.unit);
        const rule = requirement
            ? (requirement.alternatives.length === 1 ? this.expression(requirement.alternatives[0]) : `any(${requirement.alternatives.map(a => this.expression(a)).join(', ')})`)
            : this.unknown();
        const exception = this.indicator.exception ? `, () => ${this.expression(this.indicator.exception.condition)}` : '';
        return `decide(${n}, ${group}, ${this.exclusion()}, () => ${rule}${exception})`;
    }
}

function indicatorsOf(models: Model[]): Indicator[] {
    return models.flatMap(m => m.elements.filter((e): e is Indicator => e.$type === 'Indicator')).sort((a, b) => a.number - b.number);
}

function unitsFor(indicator: Indicator): Array<ReportingUnit | undefined> {
    const units = unitsOfIndicator(indicator);
    return units.length > 0 ? units : [undefined];
}

/** The runtime helpers generated code may call; each module imports those it uses. */
const RUNTIME_VALUES = ['all', 'any', 'answerIn', 'areaAnswer', 'count', 'decide', 'decideRatio', 'not', 'sum', 'NO_EXCLUSION', 'answerCode', 'answerNumber', 'and3', 'or3', 'not3', 'area3', 'Result'];

function evaluateModule(indicators: Indicator[]): string {
    const pool = new ConstantPool();
    const emitters = indicators.flatMap(indicator => unitsFor(indicator).map(unit => new IndicatorEmitter(indicator, unit, pool)));
    const functions = emitters.map(emitter => {
        const { indicator, unit } = emitter;
        const title = `${indicator.number}. ${indicator.name}${unit ? ` – ${unit.label}` : ''}`.replace(/\*\//g, '* /');
        const fast = emitter.fastBody();
        if (!fast) {
            return expandToNode`
                /** ${title} */
                export function ${emitter.functionName()}(row: ResponseRow): IndicatorResult {
                    return ${emitter.body()};
                }
            `;
        }
        return expandToNode`
            /** ${title}: the status with the answers that decided it. */
            function ${emitter.explainName()}(row: ResponseRow): IndicatorResult {
                return ${emitter.body()};
            }

            /** ${title} */
            export function ${emitter.functionName()}(row: ResponseRow): IndicatorResult {
                ${joinToNode(fast, { appendNewLineIfNotEmpty: true })}
            }
        `;
    });
    const calls = (explained: boolean) => emitters.map(e => `${explained && !e.indicator.ratio ? e.explainName() : e.functionName()}(row)`);
    const body = toString(expandToNode`
        ${joinToNode(pool.declarations, { appendNewLineIfNotEmpty: true })}

        ${joinToNode(functions, { separator: '\n', appendNewLineIfNotEmpty: true })}

        /**
         * The status of every indicator for every area or group it is reported for. Each result's
         * trace (the deciding answers) is worked out when it is first read.
         */
        export function evaluate(row: ResponseRow): IndicatorResult[] {
            return [
                ${joinToNode(calls(false), { separator: ',', appendNewLineIfNotEmpty: true })}
            ];
        }

        /** The same results as evaluate, with every trace worked out now (plain objects). */
        export function explain(row: ResponseRow): IndicatorResult[] {
            return [
                ${joinToNode(calls(true), { separator: ',', appendNewLineIfNotEmpty: true })}
            ];
        }
    `);
    const used = RUNTIME_VALUES.filter(name => new RegExp(`(?<![\\w.])${name}(\\(|;|,)`).test(body));
    const types = ['IndicatorResult', 'ResponseRow', ...(body.includes(': Truth3') ? ['Truth3'] : [])];
    return '// Generated from the indicator model by oj generate. Do not edit: change the model and regenerate.\n'
        + `import { ${[...used, ...types.map(t => `type ${t}`)].join(', ')} } from './runtime.js';\n\n`
        + body;
}

function testModule(indicators: Indicator[]): string | undefined {
    const cases: Generated[] = [];
    for (const indicator of indicators) {
        for (const example of indicator.examples) {
            const row = { unit: '0000', ...exampleRow(indicator, example) };
            const expectations = checkExample(indicator, example).filter(r => r.expected).map(r => ({ group: r.unit?.name, status: r.expected }));
            cases.push(expandToNode`
                test(${q(`indikator ${indicator.number}: ${example.title ?? 'exempel'}`)}, () => {
                    const results = evaluate(${JSON.stringify(row)});
                    for (const expected of ${JSON.stringify(expectations)} as Array<{ group?: string; status: string }>) {
                        const result = results.find(r => r.indicator === ${indicator.number} && r.group === expected.group);
                        assert.equal(result?.status, expected.status, \`group \${expected.group ?? '–'}\`);
                    }
                });
            `);
        }
    }
    if (cases.length === 0) return undefined;
    return toString(expandToNode`
        // Generated from the worked examples of the indicator model. Do not edit.
        import { test } from 'node:test';
        import assert from 'node:assert/strict';
        import { evaluate } from '../src/index.js';

        ${joinToNode(cases, { separator: '\n', appendNewLineIfNotEmpty: true })}
    `);
}

const TEST_FILE = 'test/examples.test.ts';

/** The files of the evaluator package, deterministic for a given model. */
export function generateEvaluatorFiles(models: Model[], options: GeneratorOptions = {}): GeneratedFile[] {
    const survey = models.map(surveyOfModel).find(s => s);
    const packageName = options.packageName ?? `oj-evaluator-${(survey?.name ?? 'model').toLowerCase().replace(/[^a-z0-9-]/g, '-')}`;
    const indicators = indicatorsOf(models);
    const runtime = fs.readFileSync(path.join(runtimeDir, 'evaluation.ts'), 'utf-8');
    const aggregate = fs.readFileSync(path.join(runtimeDir, 'aggregate.ts'), 'utf-8').replace("from './evaluation.js'", "from './runtime.js'");
    const tests = testModule(indicators);
    const files: GeneratedFile[] = [
        { path: 'package.json', content: packageJson(models, { packageName, version: options.version, testFiles: tests ? [TEST_FILE] : [] }) },
        { path: 'tsconfig.json', content: tsconfigJson() },
        { path: 'README.md', content: readmeFile(models, indicators, packageName) },
        { path: 'src/runtime.ts', content: runtime },
        { path: 'src/aggregate.ts', content: aggregate },
        { path: 'src/schema.ts', content: schemaModule(models) },
        { path: 'src/evaluate.ts', content: evaluateModule(indicators) },
        {
            path: 'src/index.ts', content: [
                '// Generated by oj generate. Do not edit.',
                "export * from './evaluate.js';",
                "export { aggregate, kommunkod, STORSTADER, withUnit, type AggregateRow, type Level, type UnitResult } from './aggregate.js';",
                "export { responseRow, responseRowIgnoringExtraColumns, variables, type ResponseRowInput, type ValidResponseRow, type Variable } from './schema.js';",
                "export type { IndicatorResult, Reading, ResponseRow, Status } from './runtime.js';",
                ''
            ].join('\n')
        }
    ];
    if (tests) files.push({ path: TEST_FILE, content: tests });
    return files;
}

/** Writes the evaluator package to a folder. */
export function generateEvaluatorPackage(models: Model[], outDir: string, options: GeneratorOptions = {}): GeneratedFile[] {
    const files = generateEvaluatorFiles(models, options);
    // All files or none: a failure midway leaves no half-written package.
    writeFilesAtomically(files.map(file => ({ path: path.join(outDir, file.path), content: file.content })));
    return files;
}
