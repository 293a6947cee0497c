/**
 * Exact finite domains for counts, so that the analysis' search over answer combinations (analysis.ts)
 * is exact for arithmetic over counts as it is for options.
 *
 * Counts are whole numbers ≥ 0 without an upper bound, so the analysis cannot try them all. What it
 * needs is, for every combination of truths the rule's count comparisons can take together (each
 * true, false or, where a divisor is 0, unknown), one assignment of counts that gives it: a witness.
 * The values of the witnesses, per count, are then its domain; the product of the domains holds a
 * witness for every combination (and only real assignments), so every question the analysis asks
 * (can this outcome be reached, do two rules ever differ) has the answer it has over all counts.
 *
 * How: every comparison is brought to linear form over the counts (sums, differences, a quotient
 * with its divisor cleared: a/b ≥ p ⇔ a − p·b ≥ 0 when b > 0, reversed when b < 0, unknown when
 * b = 0). Each truth of each comparison is a set of linear inequalities with whole coefficients
 * (a strict one becomes "≥ 1", as both sides are whole there); a combination is a system of them,
 * and a witness is a whole solution of that system. Whole solutions are found by Fourier–Motzkin
 * elimination (the exact range of the next count given the ones fixed so far, over the rationals)
 * and trying the whole numbers in that range, one count after the other. The counts are bounded by
 * B = k!·M^(k−1)·(M+1) (k counts, M the largest coefficient or constant): a system with a whole
 * solution has one within B (its vertices are within k!·M^k by Cramer's rule, and a whole point
 * minus whole multiples of at most k of its extreme rays, each within (k−1)!·M^(k−1), stays in it),
 * so the search over bounded ranges misses none.
 *
 * Two cases are not exact, and fall back to representative counts (0–5, 10, 100, each constant
 * and its neighbours) for the counts involved: a comparison that is not linear after clearing one
 * divisor (a quotient of quotients, a quotient plus a count, two quotients with different divisors),
 * and a system whose search exceeds its budget (kept so that typing never waits on it).
 */
import type { ComparisonOp, Condition, NumberExpression, Read } from './plan.js';
import { conditionChildren, numberReads, readKey } from './plan.js';

/** A linear form Σ c[i]·x[i] + k over the counts of one component, with whole coefficients; its value is scaled by 1/s (s ≠ 0). */
interface Linear {
    c: number[];
    k: number;
    s: number;
}

/** A number expression as a fraction of linear forms (den undefined: 1), with every divisor met on the way. */
interface Fraction {
    num: Linear;
    den?: Linear;
    divisors: Linear[];
}

/** A row of a system: Σ c[i]·x[i] + k ≥ 0. */
interface Row {
    c: number[];
    k: number;
}

/** One way a comparison can come out: the rows that make it so, and its truth (undefined: unknown). */
interface Case {
    rows: Row[];
    truth: boolean | undefined;
}

/** A comparison of counts, lowered to its cases; undefined when it is not linear. */
type Atom = Case[] | undefined;

const gcd = (a: number, b: number): number => {
    a = Math.abs(a);
    b = Math.abs(b);
    while (b) [a, b] = [b, a % b];
    return a;
};

/** A decimal as a fraction of whole numbers (the model's constants are written in decimal). */
function rational(value: number): [number, number] {
    let den = 1;
    while (!Number.isInteger(value * den) && den < 1e9) den *= 10;
    const num = Math.round(value * den);
    const g = gcd(num, den) || 1;
    return [num / g, den / g];
}

function constant(n: number, value: number): Linear {
    const [p, q] = rational(value);
    return { c: new Array<number>(n).fill(0), k: p, s: q };
}

const isConstant = (l: Linear) => l.c.every((x) => x === 0);

/** a/sa + b/sb = (a·sb + b·sa)/(sa·sb), reduced. */
function add(a: Linear, b: Linear, sign: 1 | -1): Linear {
    const c = a.c.map((x, i) => x * b.s + sign * b.c[i] * a.s);
    return reduce({ c, k: a.k * b.s + sign * b.k * a.s, s: a.s * b.s });
}

function reduce(l: Linear): Linear {
    let g = Math.abs(l.s);
    for (const x of l.c) g = gcd(g, x);
    g = gcd(g, l.k) || 1;
    const sign = l.s < 0 ? -1 : 1;
    return { c: l.c.map((x) => (sign * x) / g), k: (sign * l.k) / g, s: Math.abs(l.s) / g };
}

/** A linear form times a constant linear form (p/q): linear again. */
function scale(l: Linear, by: Linear): Linear {
    return reduce({ c: l.c.map((x) => x * by.k), k: l.k * by.k, s: l.s * by.s });
}

function sameForm(a: Linear, b: Linear): boolean {
    return a.k * b.s === b.k * a.s && a.c.every((x, i) => x * b.s === b.c[i] * a.s);
}

/** A number expression as a fraction of linear forms; undefined when it is not one (not linear). */
function fraction(expression: NumberExpression, index: (read: Read) => number, n: number): Fraction | undefined {
    switch (expression.kind) {
        case 'number':
            return { num: constant(n, expression.value), divisors: [] };
        case 'count': {
            if (expression.sum.unresolved > 0) return undefined;
            const c = new Array<number>(n).fill(0);
            for (const read of expression.sum.reads) c[index(read)] += 1;
            return { num: { c, k: 0, s: 1 }, divisors: [] };
        }
        case 'arithmetic': {
            const left = fraction(expression.left, index, n);
            const right = fraction(expression.right, index, n);
            if (!left || !right) return undefined;
            const divisors = [...left.divisors, ...right.divisors];
            if (expression.operator === '/') {
                // (a/d)/k with k constant, or a/b of two linear forms; a quotient of quotients is not linear.
                if (right.den) return undefined;
                if (isConstant(right.num)) {
                    if (right.num.k === 0) return { num: left.num, den: left.den, divisors: [...divisors, right.num] };
                    const inverse: Linear = { c: right.num.c, k: right.num.s, s: right.num.k };
                    return { num: scale(left.num, reduce(inverse)), den: left.den, divisors };
                }
                if (left.den) return undefined;
                return { num: left.num, den: right.num, divisors: [...divisors, right.num] };
            }
            const sign = expression.operator === '+' ? 1 : -1;
            if (!left.den && !right.den) return { num: add(left.num, right.num, sign), divisors };
            // n1/d ± n2 = (n1 ± n2·d)/d: linear when n2 is a constant, or when both share the divisor.
            if (left.den && right.den)
                return sameForm(left.den, right.den)
                    ? { num: add(left.num, right.num, sign), den: left.den, divisors }
                    : undefined;
            const [withDen, plain] = left.den ? [left, right] : [right, left];
            if (!isConstant(plain.num)) return undefined;
            const scaled = scale(withDen.den!, plain.num);
            const num = left.den ? add(withDen.num, scaled, sign) : add(scaled, withDen.num, sign);
            return { num, den: withDen.den, divisors };
        }
    }
}

/** The rows saying a form (whole coefficients, its scale dropped: only its sign matters) is ≥ 0, > 0, = 0 … */
const atLeast = (l: Linear, k = 0): Row => ({ c: l.c, k: l.k - k });
const negated = (l: Linear): Linear => ({ c: l.c.map((x) => -x), k: -l.k, s: l.s });

/** The cases of "f op 0" for a whole-valued form f. */
function signCases(f: Linear, operator: ComparisonOp): Array<{ rows: Row[]; truth: boolean }> {
    const positive = [atLeast(f, 1)],
        negative = [atLeast(negated(f), 1)],
        zero = [atLeast(f), atLeast(negated(f))];
    const cases = { pos: positive, neg: negative, zero };
    const holds: Record<ComparisonOp, Array<keyof typeof cases>> = {
        '>': ['pos'],
        '>=': ['pos', 'zero'],
        '<': ['neg'],
        '<=': ['neg', 'zero'],
        '=': ['zero'],
        '<>': ['pos', 'neg'],
    };
    return (['pos', 'neg', 'zero'] as const).map((s) => ({ rows: cases[s], truth: holds[operator].includes(s) }));
}

/** A comparison "left op right" as its cases, or undefined when it is not linear. */
function atomOf(
    left: NumberExpression,
    operator: ComparisonOp,
    right: NumberExpression,
    index: (r: Read) => number,
    n: number,
): Atom {
    const l = fraction(left, index, n),
        r = fraction(right, index, n);
    if (!l || !r) return undefined;
    const difference = fraction({ kind: 'arithmetic', operator: '-', left, right }, index, n);
    if (!difference) return undefined;
    const cases: Case[] = [];
    const divisors = difference.divisors;
    // Any divisor 0: unknown.
    for (const d of divisors) cases.push({ rows: [atLeast(d), atLeast(negated(d))], truth: undefined });
    // Every divisor known non-zero (by its sign), then the comparison with the divisor cleared.
    const signs = (i: number, rows: Row[], denSign: number) => {
        if (i === divisors.length) {
            const f = difference.den && denSign < 0 ? negated(difference.num) : difference.num;
            for (const c of signCases(f, operator)) cases.push({ rows: [...rows, ...c.rows], truth: c.truth });
            return;
        }
        const d = divisors[i];
        const isDen = difference.den !== undefined && sameForm(d, difference.den);
        signs(i + 1, [...rows, atLeast(d, 1)], isDen ? 1 : denSign);
        signs(i + 1, [...rows, atLeast(negated(d), 1)], isDen ? -1 : denSign);
    };
    signs(0, [], 1);
    return cases;
}

/** The rational interval [lo, hi] of count v that the rows leave, eliminating counts v+1 … n−1; undefined when empty. */
function range(rows: Row[], v: number, n: number, bound: number): [number, number] | undefined {
    let current = rows;
    for (let j = n - 1; j > v; j--) {
        const pos = current.filter((r) => r.c[j] > 0),
            neg = current.filter((r) => r.c[j] < 0);
        const next = current.filter((r) => r.c[j] === 0);
        for (const p of pos)
            for (const q of neg) {
                const a = -q.c[j],
                    b = p.c[j];
                const row = { c: p.c.map((x, i) => a * x + b * q.c[i]), k: a * p.k + b * q.k };
                let g = Math.abs(row.k);
                for (const x of row.c) g = gcd(g, x);
                next.push(g > 1 ? { c: row.c.map((x) => x / g), k: row.k / g } : row);
            }
        // Too many rows to eliminate quickly: the count's whole bounded range is still a correct (slower) answer.
        if (next.length > 400) return [0, bound];
        current = next;
    }
    let lo = 0,
        hi = bound;
    for (const r of current) {
        const a = r.c[v];
        if (r.c.some((x, i) => i !== v && x !== 0)) continue;
        if (a === 0) {
            if (r.k < 0) return undefined;
        } else if (a > 0) lo = Math.max(lo, Math.ceil(-r.k / a - 1e-9));
        else hi = Math.min(hi, Math.floor(r.k / -a + 1e-9));
    }
    return lo <= hi ? [lo, hi] : undefined;
}

/** A whole solution of the rows with every count in [0, bound], or undefined; `budget` counts the values tried. */
function wholeSolution(rows: Row[], n: number, bound: number, budget: { left: number }): number[] | undefined {
    const values: number[] = [];
    const visit = (v: number, current: Row[]): boolean => {
        if (v === n) return current.every((r) => r.k >= 0);
        const interval = range(current, v, n, bound);
        if (!interval) return false;
        for (let x = interval[0]; x <= interval[1]; x++) {
            if (--budget.left < 0) return false;
            values[v] = x;
            const fixed = current.map((r) =>
                r.c[v] === 0 ? r : { c: r.c.map((y, i) => (i === v ? 0 : y)), k: r.k + r.c[v] * x },
            );
            if (visit(v + 1, fixed)) return true;
        }
        return false;
    };
    return visit(0, rows) ? values.slice(0, n) : undefined;
}

/** A comparison of counts in a plan: a calculation, or a count compared with a constant. */
interface Comparison {
    left: NumberExpression;
    operator: ComparisonOp;
    right: NumberExpression;
    reads: Read[];
}

function comparisons(condition: Condition | undefined, out: Comparison[]): Comparison[] {
    if (!condition) return out;
    if (condition.kind === 'calculation')
        out.push({
            left: condition.left,
            operator: condition.operator,
            right: condition.right,
            reads: [...numberReads(condition.left), ...numberReads(condition.right)],
        });
    if (condition.kind === 'compare')
        out.push({
            left: { kind: 'count', sum: { reads: [condition.read], unresolved: 0 } },
            operator: condition.operator,
            right: { kind: 'number', value: condition.value },
            reads: [condition.read],
        });
    for (const child of conditionChildren(condition)) comparisons(child, out);
    return out;
}

/** The representative counts of the fallback: 0–5, 10, 100, and each constant compared with and its neighbours. */
function representatives(group: Comparison[]): number[] {
    const values = new Set([0, 1, 2, 3, 4, 5, 10, 100]);
    const constants = (e: NumberExpression): number[] =>
        e.kind === 'number' ? [e.value] : e.kind === 'arithmetic' ? [...constants(e.left), ...constants(e.right)] : [];
    for (const c of group)
        for (const value of [...constants(c.left), ...constants(c.right)])
            for (const v of [Math.floor(value) - 1, Math.floor(value), Math.ceil(value), Math.ceil(value) + 1])
                if (v >= 0) values.add(v);
    return [...values];
}

/** How many values the search of one group of counts may try: enough for any realistic rule, and typing never waits long. */
const BUDGET = 20_000;

/**
 * The counts to try per count variable (by readKey), for the comparisons of the given conditions:
 * witnesses for every combination of truths they can take together (see the file's comment). A
 * variable the conditions compare with nothing gets 0.
 */
export function countDomains(conditions: ReadonlyArray<Condition | undefined>): Map<string, number[]> {
    const all: Comparison[] = [];
    for (const condition of conditions) comparisons(condition, all);
    // Groups of comparisons sharing counts: independent groups need no joint witnesses.
    const parent = new Map<string, string>();
    const find = (k: string): string => {
        const p = parent.get(k) ?? k;
        if (p === k) return k;
        const root = find(p);
        parent.set(k, root);
        return root;
    };
    for (const c of all) {
        const keys = c.reads.map(readKey);
        for (const k of keys) if (!parent.has(k)) parent.set(k, k);
        for (const k of keys.slice(1)) parent.set(find(k), find(keys[0]));
    }
    const groups = new Map<string, Comparison[]>();
    for (const c of all) {
        if (c.reads.length === 0) continue;
        const root = find(readKey(c.reads[0]));
        groups.set(root, [...(groups.get(root) ?? []), c]);
    }
    const domains = new Map<string, Set<number>>();
    const addValue = (key: string, value: number) => {
        let set = domains.get(key);
        if (!set) domains.set(key, (set = new Set([0])));
        set.add(value);
    };
    for (const group of groups.values()) {
        const keys = [...new Set(group.flatMap((c) => c.reads.map(readKey)))];
        const index = (read: Read) => keys.indexOf(readKey(read));
        const n = keys.length;
        const atoms = group.map((c) => atomOf(c.left, c.operator, c.right, index, n));
        const exact = atoms.every((a) => a !== undefined) ? witnesses(atoms as Case[][], n) : undefined;
        if (exact) for (const w of exact) w.forEach((value, i) => addValue(keys[i], value));
        else for (const key of keys) for (const value of representatives(group)) addValue(key, value);
        for (const key of keys) addValue(key, 0);
    }
    return new Map([...domains].map(([key, set]) => [key, [...set].sort((a, b) => a - b)]));
}

/** One whole assignment per combination of truths the atoms can take together; undefined when over budget. */
function witnesses(atoms: Case[][], n: number): number[][] | undefined {
    const rowsOf = atoms.flatMap((cases) => cases.flatMap((c) => c.rows));
    let m = 1;
    for (const r of rowsOf) for (const x of [...r.c, r.k]) m = Math.max(m, Math.abs(x));
    let factorial = 1;
    for (let i = 2; i <= n; i++) factorial *= i;
    const bound = Math.min(Number.MAX_SAFE_INTEGER, factorial * m ** (n - 1) * (m + 1));
    const budget = { left: BUDGET };
    const found = new Map<string, number[]>();
    // Counts are whole numbers ≥ 0; within the bound, a system with a whole solution has one.
    const base: Row[] = [];
    for (let j = 0; j < n; j++) {
        const unit = new Array<number>(n).fill(0);
        unit[j] = 1;
        base.push({ c: unit, k: 0 }, { c: unit.map((x) => -x), k: bound });
    }
    const visit = (i: number, rows: Row[], truths: string) => {
        if (budget.left < 0) return;
        if (i === atoms.length) {
            if (found.has(truths)) return;
            const solution = wholeSolution(rows, n, bound, budget);
            if (solution) found.set(truths, solution);
            return;
        }
        for (const c of atoms[i]) {
            const next = [...rows, ...c.rows];
            // A combination without even a rational solution needs no whole search.
            if (range(next, 0, n, bound) === undefined) continue;
            visit(i + 1, next, `${truths}${c.truth === undefined ? 'u' : c.truth ? 't' : 'f'}`);
        }
    };
    visit(0, base, '');
    return budget.left < 0 ? undefined : [...found.values()];
}
