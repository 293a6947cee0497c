/**
 * The generated package's `src/evaluate.ts`, emitted from the plans (@oj/language's plan.ts): per
 * indicator and area a fast function (each answer read once into a local, truth as 0/1/2, nothing
 * allocated but the result) and a traced one (the answers that decided), both from the same plan,
 * so the default exclusion and the order exclusion → requirement → exception are the plan's.
 * The calls go into the package's fixed runtime (src/runtime/evaluation.ts, copied verbatim).
 */
import { expandToNode, joinToNode, toString, type Generated } from 'langium/generate';
import {
    type ComparisonOp,
    type Condition,
    type IndicatorPlan,
    type InCondition,
    type NumberExpression,
    numberReads,
    type Read,
    type Sum,
    type UnitPlan,
} from '@oj/language';

const q = (text: string) => JSON.stringify(text);

/**
 * Helpers of conditions that only some models have ("minst … av"): written into the module that
 * uses them rather than into the fixed runtime, so a model without them generates what it did.
 * Their semantics are the plan's (plan.ts, CountingCondition), as the interpreter has them.
 */
const MODULE_HELPERS: Record<string, string> = {
    atLeast: `/** At least \`count\` true (Kleene counting); the trace: the first \`count\` true, else every false, else every unknown. */
function atLeast(count: number, ...outcomes: Outcome[]): Outcome {
    const trues = outcomes.filter(o => o.v === true);
    if (trues.length >= count) return { v: true, r: trues.slice(0, count).flatMap(o => o.r) };
    const unknown = outcomes.filter(o => o.v === undefined);
    if (trues.length + unknown.length < count) return { v: false, r: outcomes.filter(o => o.v === false).flatMap(o => o.r) };
    return { v: undefined, r: unknown.flatMap(o => o.r) };
}`,
    answerInBox: `/** A tick box: blank counts as \`blank\` when another box of the question is ticked (answered otherwise); that box decides too. */
function answerInBox(row: ResponseRow, variable: string, codes: ReadonlySet<string>, question: string, item: string, blank: string, boxes: ReadonlyArray<readonly [string, string]>): Outcome {
    const own = answerIn(row, variable, codes, question, item);
    if (own.v !== undefined) return own;
    for (const [other, otherItem] of boxes) {
        const code = answerCode(row[other]);
        if (code !== undefined && code !== blank) {
            const answer = row[other];
            return { v: codes.has(blank), r: [own.r[0], { variable: other, question, item: otherItem, value: isBlank(answer) ? undefined : answer }] };
        }
    }
    return own;
}`,
    calculated: `/** A comparison of numbers computed from counts (unknown when either is), traced by every count it reads. */
function calculated(row: ResponseRow, value: boolean | undefined, reads: ReadonlyArray<readonly [string, string, string | undefined]>): Outcome {
    return { v: value, r: reads.map(([variable, question, item]) => {
        const answer = row[variable];
        const v = isBlank(answer) ? undefined : answer;
        return item === undefined ? { variable, question, value: v } : { variable, question, item, value: v };
    }) };
}`,
    plus: `function plus(a: number | undefined, b: number | undefined): number | undefined {
    return a === undefined || b === undefined ? undefined : a + b;
}`,
    minus: `function minus(a: number | undefined, b: number | undefined): number | undefined {
    return a === undefined || b === undefined ? undefined : a - b;
}`,
    divided: `/** A quotient of counts; a divisor of 0 gives unknown. */
function divided(a: number | undefined, b: number | undefined): number | undefined {
    return a === undefined || b === undefined || b === 0 ? undefined : a / b;
}`,
    compared: `/** Two computed numbers compared in three-valued logic (0 false, 1 true, 2 unknown). */
function compared(a: number | undefined, b: number | undefined, operator: '>' | '>=' | '<' | '<=' | '=' | '<>'): Truth3 {
    if (a === undefined || b === undefined) return 2;
    switch (operator) {
        case '>': return a > b ? 1 : 0;
        case '>=': return a >= b ? 1 : 0;
        case '<': return a < b ? 1 : 0;
        case '<=': return a <= b ? 1 : 0;
        case '=': return a === b ? 1 : 0;
        case '<>': return a !== b ? 1 : 0;
    }
}`,
    atLeast3: `/**
 * The same on the fast path, from a tally: each operand adds 1 << (its truth × 8), so the
 * tally holds the false, true and unknown operands in its bytes (at most 255 of each).
 */
function atLeast3(count: number, tally: number): Truth3 {
    const trues = (tally >> 8) & 255;
    const unknown = (tally >> 16) & 255;
    return trues >= count ? 1 : trues + unknown < count ? 0 : 2;
}`,
};

/** Collects the hoisted constants (sets of codes) so that each is created once per module. */
class ConstantPool {
    readonly declarations: string[] = [];
    readonly helpers = new Set<string>();
    protected readonly sets = new Map<string, string>();

    helper(name: keyof typeof MODULE_HELPERS): string {
        this.helpers.add(name);
        return name;
    }

    codeSet(codes: readonly string[]): string {
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

/** Left-nested binary calls: fold(['a', 'b', 'c'], 'and3') → and3(and3(a, b), c). */
function fold(parts: string[], fn: string, empty: string): string {
    return parts.length === 0 ? empty : parts.reduce((acc, part) => `${fn}(${acc}, ${part})`);
}

const OPERATOR: Record<ComparisonOp, string> = { '>': '>', '>=': '>=', '<': '<', '<=': '<=', '=': '===', '<>': '!==' };

/** Truth constants of the fast path, typed so that comparisons with them stay legal. */
const FAST_CONST = { true: '(1 as Truth3)', false: '(0 as Truth3)', unknown: '(2 as Truth3)' };

class UnitEmitter {
    constructor(
        readonly indicator: IndicatorPlan,
        readonly plan: UnitPlan,
        protected readonly pool: ConstantPool,
    ) {}

    protected readArgs(read: Read): string {
        return `${q(read.question)}${read.item !== undefined ? `, ${q(read.item)}` : ''}`;
    }

    /** A condition on the traced path: an Outcome with the readings that decided it. */
    traced(condition: Condition): string {
        switch (condition.kind) {
            case 'and':
                return `all(${condition.operands.map((c) => this.traced(c)).join(', ')})`;
            case 'or':
                return `any(${condition.operands.map((c) => this.traced(c)).join(', ')})`;
            case 'not':
                return `not(${this.traced(condition.operand)})`;
            case 'in':
                return this.tracedIn(condition);
            case 'compare':
                return `count(row, ${q(condition.read.variable)}, x => x ${OPERATOR[condition.operator]} ${condition.value}, ${this.readArgs(condition.read)})`;
            case 'areaMissing': {
                const parts = condition.parts.map((p) => this.tracedIn(p));
                return parts.length === 1 ? parts[0] : `areaAnswer(${parts.join(', ')})`;
            }
            case 'atLeast':
                return `${this.pool.helper('atLeast')}(${condition.count}${condition.operands.map((c) => `, ${this.traced(c)}`).join('')})`;
            case 'calculation': {
                const number = (e: NumberExpression) => this.number(e, (read) => `answerNumber(row[${q(read.variable)}])`);
                const reads = [...numberReads(condition.left), ...numberReads(condition.right)].map(
                    (r) => `[${q(r.variable)}, ${q(r.question)}, ${r.item !== undefined ? q(r.item) : 'undefined'}]`,
                );
                const test = `${this.pool.helper('compared')}(${number(condition.left)}, ${number(condition.right)}, ${q(condition.operator)})`;
                return `${this.pool.helper('calculated')}(row, [false, true, undefined][${test}], [${reads.join(', ')}])`;
            }
            case 'const':
                return condition.value === false
                    ? 'NO_EXCLUSION'
                    : `{ v: ${condition.value === true ? 'true' : 'undefined'}, r: [] }`;
        }
    }

    protected tracedIn(condition: InCondition): string {
        const { read } = condition;
        if (read.blankAs && read.item !== undefined) {
            const boxes = read.blankAs.ticked.map((t) => `[${q(t.variable)}, ${q(t.item ?? '')}]`).join(', ');
            return `${this.pool.helper('answerInBox')}(row, ${q(read.variable)}, ${this.pool.codeSet(condition.codes)}, ${this.readArgs(read)}, ${q(read.blankAs.code)}, [${boxes}])`;
        }
        return `answerIn(row, ${q(read.variable)}, ${this.pool.codeSet(condition.codes)}, ${this.readArgs(read)})`;
    }

    /** A number expression as TypeScript giving number | undefined, each count read by `count`. */
    protected number(expression: NumberExpression, count: (read: Read) => string): string {
        switch (expression.kind) {
            case 'number':
                return String(expression.value);
            case 'count': {
                if (expression.sum.unresolved > 0 || expression.sum.reads.length === 0) return 'undefined';
                return expression.sum.reads.map(count).reduce((acc, part) => `${this.pool.helper('plus')}(${acc}, ${part})`);
            }
            case 'arithmetic': {
                const helper = this.pool.helper(
                    expression.operator === '+' ? 'plus' : expression.operator === '-' ? 'minus' : 'divided',
                );
                return `${helper}(${this.number(expression.left, count)}, ${this.number(expression.right, count)})`;
            }
        }
    }

    /** The local holding a variable's answer, read once at the top of the stage that first needs it. */
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
    protected fastIn(condition: InCondition): string {
        const local = this.local(condition.read.variable, 'code');
        const test = condition.codes.length === 0 ? 'false' : condition.codes.map((c) => `${local} === ${q(c)}`).join(' || ');
        const blankAs = condition.read.blankAs;
        if (blankAs && blankAs.ticked.length > 0) {
            // A blank tick box is the blank code when another box is ticked.
            const ticked = blankAs.ticked
                .map((t) => {
                    const other = this.local(t.variable, 'code');
                    return `(${other} !== undefined && ${other} !== ${q(blankAs.code)})`;
                })
                .join(' || ');
            return `(${local} === undefined ? (${ticked} ? ${condition.codes.includes(blankAs.code) ? 1 : 0} : 2) : ${test} ? 1 : 0)`;
        }
        return `(${local} === undefined ? 2 : ${test} ? 1 : 0)`;
    }

    /** The same condition on the allocation-free fast path (0 false, 1 true, 2 unknown). */
    fast(condition: Condition): string {
        switch (condition.kind) {
            case 'and':
                return fold(
                    condition.operands.map((c) => this.fast(c)),
                    'and3',
                    FAST_CONST.true,
                );
            case 'or':
                return fold(
                    condition.operands.map((c) => this.fast(c)),
                    'or3',
                    FAST_CONST.false,
                );
            case 'not':
                return `not3(${this.fast(condition.operand)})`;
            case 'in':
                return this.fastIn(condition);
            case 'compare': {
                const local = this.local(condition.read.variable, 'count');
                return `(${local} === undefined ? 2 : ${local} ${OPERATOR[condition.operator]} ${condition.value} ? 1 : 0)`;
            }
            case 'areaMissing':
                return fold(
                    condition.parts.map((p) => this.fastIn(p)),
                    'area3',
                    FAST_CONST.unknown,
                );
            case 'calculation': {
                const number = (e: NumberExpression) => this.number(e, (read) => this.local(read.variable, 'count'));
                return `${this.pool.helper('compared')}(${number(condition.left)}, ${number(condition.right)}, ${q(condition.operator)})`;
            }
            case 'atLeast': {
                const tally = condition.operands.map((c) => `(1 << (${this.fast(c)} << 3))`).join(' + ') || '0';
                return `${this.pool.helper('atLeast3')}(${condition.count}, ${tally})`;
            }
            case 'const':
                return condition.value === true
                    ? FAST_CONST.true
                    : condition.value === false
                      ? FAST_CONST.false
                      : FAST_CONST.unknown;
        }
    }

    /**
     * The fast function's body: read each answer once, decide the status in three-valued logic and
     * return it; the trace is worked out by the traced function when read. Undefined for a ratio.
     */
    fastBody(): string[] | undefined {
        if (this.plan.ratio || this.plan.measure) return undefined;
        const result = (status: string) =>
            `new Result(${this.plan.indicator}, ${this.group()}, ${status}, row, ${this.explainName()})`;
        // Each stage reads the answers it needs first, so an excluded respondent's other answers are not read.
        const decisions: string[] = [];
        const reads = () => this.reads.splice(0);
        const { exclusion, requirement, exception } = this.plan;
        // Never excluded (the constant false): no stage at all.
        if (!(exclusion.kind === 'const' && exclusion.value === false)) {
            const decided = this.fast(exclusion);
            decisions.push(
                ...reads(),
                `const excluded: Truth3 = ${decided};`,
                `if (excluded !== 0) return ${result(`excluded === 1 ? 'excluded' : 'missing'`)};`,
            );
        }
        if (!requirement) {
            // No requirement applies to this group: nothing can decide it.
            decisions.push(`return ${result(`'missing'`)};`);
            return decisions;
        }
        const rule = this.fast(requirement);
        decisions.push(
            ...reads(),
            `const met: Truth3 = ${rule};`,
            `if (met !== 0) return ${result(`met === 1 ? 'met' : 'missing'`)};`,
        );
        if (exception) {
            const excepted = this.fast(exception);
            decisions.push(
                ...reads(),
                `const excepted: Truth3 = ${excepted};`,
                `if (excepted !== 0) return ${result(`excepted === 1 ? 'excluded' : 'missing'`)};`,
            );
        }
        decisions.push(`return ${result(`'not_met'`)};`);
        return decisions;
    }

    protected stratumArg(): string {
        return this.plan.stratum ? `, ${q(this.plan.stratum.code)}` : '';
    }

    protected group(): string {
        return this.plan.unit !== undefined ? q(this.plan.unit) : 'undefined';
    }

    explainName(): string {
        return `explain_${this.functionName()}`;
    }

    functionName(): string {
        const stratum = this.plan.stratum ? `_${this.plan.stratum.code.replace(/[^A-Za-z0-9_]/g, '_')}` : '';
        return `indicator${this.plan.indicator}${this.plan.unit !== undefined ? `_${this.plan.unit}` : ''}${stratum}`;
    }

    protected sum(sum: Sum): string {
        const parts = sum.reads.map(
            (r) => `[${q(r.variable)}, ${q(r.question)}, ${r.item !== undefined ? q(r.item) : 'undefined'}]`,
        );
        const call = `sum(row, [${parts.join(', ')}])`;
        // A term that cannot be read makes the sum unknown, as in the plan.
        return sum.unresolved > 0 ? `{ value: undefined, r: ${call}.r }` : call;
    }

    /** The traced function's body: one call deciding the status from the traced outcomes. */
    body(): string {
        const { exclusion, requirement, exception, ratio, measure } = this.plan;
        const n = this.plan.indicator;
        if (measure) {
            const denominator = measure.denominator
                ? `, ${this.sum(measure.denominator)}`
                : this.plan.stratum
                  ? ', undefined'
                  : '';
            return `decideMeasure(${n}, ${this.group()}, ${this.traced(exclusion)}, ${this.sum(measure.numerator)}${denominator}${this.stratumArg()})`;
        }
        if (ratio) {
            return `decideRatio(${n}, ${this.group()}, ${this.traced(exclusion)}, ${this.sum(ratio.numerator)}, ${this.sum(ratio.denominator)}${this.stratumArg()})`;
        }
        // In this order, so that the hoisted code sets keep their numbers.
        const rule = requirement ? this.traced(requirement) : '{ v: undefined, r: [] }';
        const excepted = exception ? `, () => ${this.traced(exception)}` : '';
        const excluded = this.traced(exclusion);
        return `decide(${n}, ${this.group()}, ${excluded}, () => ${rule}${excepted})`;
    }

    /** Both functions of the unit, or the traced one alone for a ratio. */
    functions(): Generated {
        const title =
            `${this.indicator.number}. ${this.indicator.name}${this.plan.unitLabel !== undefined ? ` – ${this.plan.unitLabel}` : ''}${this.plan.stratum ? ` – ${this.plan.stratum.label}` : ''}`.replace(
                /\*\//g,
                '* /',
            );
        const fast = this.fastBody();
        if (!fast) {
            return expandToNode`
                /** ${title} */
                export function ${this.functionName()}(row: ResponseRow): ${this.plan.measure ? 'MeasureResult' : 'IndicatorResult'} {
                    return ${this.body()};
                }
            `;
        }
        return expandToNode`
            /** ${title}: the status with the answers that decided it. */
            function ${this.explainName()}(row: ResponseRow): IndicatorResult {
                return ${this.body()};
            }

            /** ${title} */
            export function ${this.functionName()}(row: ResponseRow): IndicatorResult {
                ${joinToNode(fast, { appendNewLineIfNotEmpty: true })}
            }
        `;
    }
}

/** The runtime helpers generated code may call; each module imports those it uses. */
const RUNTIME_VALUES = [
    'all',
    'any',
    'answerIn',
    'areaAnswer',
    'count',
    'decide',
    'decideMeasure',
    'decideRatio',
    'not',
    'sum',
    'NO_EXCLUSION',
    'answerCode',
    'answerNumber',
    'and3',
    'or3',
    'not3',
    'area3',
    'Result',
    'isBlank',
];

/** `src/evaluate.ts` of the generated package, for the plans of the model's indicators (in number order). */
export function evaluateModule(plans: readonly IndicatorPlan[]): string {
    const pool = new ConstantPool();
    const all = plans.flatMap((indicator) => indicator.units.map((unit) => new UnitEmitter(indicator, unit, pool)));
    const functions = all.map((emitter) => emitter.functions());
    // Background measures give values, not statuses: their own entry point, `measures`.
    const emitters = all.filter((e) => !e.plan.measure);
    const measureEmitters = all.filter((e) => e.plan.measure);
    const calls = (explained: boolean) =>
        emitters.map((e) => `${explained && !e.plan.ratio ? e.explainName() : e.functionName()}(row)`);
    const helpers = [...pool.helpers].sort().map((name) => MODULE_HELPERS[name]);
    const measures =
        measureEmitters.length === 0
            ? ''
            : '\n\n' +
              toString(expandToNode`
        /** The value of every background measure (bakgrundsmått) for every area or group it is reported for. */
        export function measures(row: ResponseRow): MeasureResult[] {
            return [
                ${joinToNode(
                    measureEmitters.map((e) => `${e.functionName()}(row)`),
                    { separator: ',', appendNewLineIfNotEmpty: true },
                )}
            ];
        }
    `);
    const body =
        toString(expandToNode`
        ${joinToNode(pool.declarations, { appendNewLineIfNotEmpty: true })}
        ${helpers.length > 0 ? joinToNode(['', ...helpers], { separator: '\n\n', appendNewLineIfNotEmpty: true }) : undefined}

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
    `) + measures;
    const used = RUNTIME_VALUES.filter((name) => new RegExp(`(?<![\\w.])${name}(\\(|;|,)`).test(body));
    const types = [
        'IndicatorResult',
        ...(body.includes('MeasureResult') ? ['MeasureResult'] : []),
        'ResponseRow',
        ...(['atLeast', 'answerInBox', 'calculated'].some((h) => pool.helpers.has(h)) ? ['Outcome'] : []),
        ...(body.includes(': Truth3') ? ['Truth3'] : []),
    ];
    return (
        '// Generated from the indicator model by oj generate. Do not edit: change the model and regenerate.\n' +
        `import { ${[...used, ...types.map((t) => `type ${t}`)].join(', ')} } from './runtime.js';\n\n` +
        body
    );
}
