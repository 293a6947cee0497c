/**
 * The cube search of the behaviour diff against the old enumeration (the reference interpreter
 * over every combination), on seeded random pairs of small plans: the same combinations change
 * status, with the same transitions, and the counts agree. The pairs have what a real year's
 * change has: options recoded (followed by their label), dropped and added, variables renamed,
 * added and removed, counts compared and calculated with, tick boxes, the default exclusion and
 * an exception.
 */
import { describe, expect, test } from 'vitest';
import type { ComparisonOp, Condition, DomainOption, InCondition, Read, UnitPlan } from '@oj/language';
import { enumeratedBehaviour, jointDomains, unitBehaviour, type UnitBehaviour } from '../src/index.js';

/** mulberry32: small, seeded, the same sequence on every machine. */
function random(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

const LABELS = ['Ja', 'Nej', 'Ej aktuellt', 'Vet ej'];
const NUMERALS = ['i', 'ii', 'iii', 'iv'];
const OPERATORS: ComparisonOp[] = ['>', '>=', '<', '<=', '='];

function option(label: string, code: string): DomainOption {
    return { name: label.replace(/\s/g, ''), code, label, shortLabel: label, areaMissing: label === 'Ej aktuellt' };
}

interface Year {
    reads: Read[];
}

function firstYear(rnd: () => number): Year {
    const count = 2 + Math.floor(rnd() * 2);
    const reads: Read[] = [];
    for (let k = 0; k < count; k++) {
        if (rnd() < 0.2) {
            reads.push({ variable: `V${k}`, question: NUMERALS[k], domain: { kind: 'count' } });
            continue;
        }
        const size = 2 + Math.floor(rnd() * 3);
        reads.push({
            variable: `V${k}`,
            question: NUMERALS[k],
            domain: { kind: 'codes', options: LABELS.slice(0, size).map((l, i) => option(l, String(i + 1))) },
        });
    }
    if (rnd() < 0.3) {
        // A question of tick boxes: a blank box beside a ticked one counts as not ticked.
        const boxes: Read[] = ['A', 'B'].map((item) => ({
            variable: `T${item}`,
            question: 'v',
            item,
            domain: { kind: 'codes', options: [option('Vald', '1'), option('Ej vald', '0')] },
        }));
        boxes.forEach((box) => (box.blankAs = { code: '0', ticked: boxes.filter((b) => b !== box) }));
        reads.push(...boxes);
    }
    return { reads };
}

/** Next year's variables: some recoded, renamed, cut down, extended, dropped or added. */
function nextYear(rnd: () => number, year: Year): Year {
    const reads: Read[] = [];
    const byOld = new Map<Read, Read>();
    for (const read of year.reads) {
        if (!read.blankAs && rnd() < 0.1) continue;
        const copy: Read = { ...read, variable: !read.blankAs && rnd() < 0.2 ? `${read.variable}_NY` : read.variable };
        if (read.domain.kind === 'codes' && !read.blankAs) {
            let options = read.domain.options.map((o) => ({ ...o }));
            if (rnd() < 0.3) options = options.map((o, i) => (i === 0 ? { ...o, code: String(9) } : o));
            if (rnd() < 0.2 && options.length > 2) options = options.slice(0, -1);
            if (rnd() < 0.2 && options.length < LABELS.length)
                options = [...options, option(LABELS[options.length], String(options.length + 1))];
            copy.domain = { kind: 'codes', options };
        }
        byOld.set(read, copy);
        reads.push(copy);
    }
    for (const copy of reads)
        if (copy.blankAs) copy.blankAs = { ...copy.blankAs, ticked: copy.blankAs.ticked.map((t) => byOld.get(t)!) };
    if (rnd() < 0.2)
        reads.push({
            variable: 'V9',
            question: 'vi',
            domain: { kind: 'codes', options: [option('Ja', '1'), option('Nej', '2')] },
        });
    return { reads };
}

function condition(rnd: () => number, reads: Read[], depth: number): Condition {
    const codes = reads.filter((r) => r.domain.kind === 'codes');
    const counts = reads.filter((r) => r.domain.kind === 'count');
    const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)];
    const leaf = (): Condition => {
        if (counts.length > 0 && rnd() < 0.3) {
            if (rnd() < 0.4)
                return {
                    kind: 'calculation',
                    left: {
                        kind: 'arithmetic',
                        operator: pick(['+', '-', '/'] as const),
                        left: { kind: 'count', sum: { reads: [pick(counts)], unresolved: 0 } },
                        right: { kind: 'count', sum: { reads: [pick(counts)], unresolved: 0 } },
                    },
                    operator: pick(OPERATORS),
                    right: { kind: 'number', value: Math.floor(rnd() * 4) },
                };
            return { kind: 'compare', read: pick(counts), operator: pick(OPERATORS), value: Math.floor(rnd() * 4) };
        }
        if (codes.length === 0) return { kind: 'const', value: pick([true, false, undefined]) };
        const read = pick(codes);
        const options = read.domain.kind === 'codes' ? read.domain.options : [];
        const chosen = options.filter(() => rnd() < 0.5);
        return { kind: 'in', read, codes: (chosen.length > 0 ? chosen : [options[0]]).map((o) => o.code) };
    };
    if (depth <= 0 || rnd() < 0.3) return leaf();
    const operands = Array.from({ length: 2 + Math.floor(rnd() * 2) }, () => condition(rnd, reads, depth - 1));
    const r = rnd();
    if (r < 0.35) return { kind: 'and', operands };
    if (r < 0.7) return { kind: 'or', operands };
    if (r < 0.85) return { kind: 'not', operand: operands[0] };
    return { kind: 'atLeast', count: 1 + Math.floor(rnd() * operands.length), operands };
}

function plan(rnd: () => number, year: Year): UnitPlan {
    const parts: InCondition[] = year.reads.flatMap((read) => {
        const missing = read.domain.kind === 'codes' ? read.domain.options.filter((o) => o.areaMissing) : [];
        return missing.length > 0 ? [{ kind: 'in' as const, read, codes: missing.map((o) => o.code) }] : [];
    });
    const r = rnd();
    const exclusion: Condition =
        r < 0.5 && parts.length > 0
            ? { kind: 'areaMissing', parts }
            : r < 0.8
              ? { kind: 'const', value: false }
              : condition(rnd, year.reads, 1);
    return {
        indicator: 1,
        variables: year.reads,
        exclusion,
        requirement: rnd() < 0.95 ? condition(rnd, year.reads, 3) : undefined,
        exception: rnd() < 0.25 ? condition(rnd, year.reads, 1) : undefined,
    };
}

/** Every changed combination of a behaviour's table, as "labels → transition" lines. */
function changedCombinations(behaviour: UnitBehaviour, domains: string[][]): string[] {
    const out: string[] = [];
    for (const row of behaviour.rows) {
        let combos: string[][] = [[]];
        row.values.forEach((values, k) => {
            combos = combos.flatMap((c) => (values ?? domains[k]).map((v) => [...c, v]));
        });
        out.push(...combos.map((c) => `${c.join(', ')}: ${row.from} → ${row.to}`));
    }
    return out.sort();
}

describe('the cube search agrees with the enumeration', () => {
    test('on 300 seeded random pairs of small plans: the same combinations change, with the same transitions', () => {
        let changedPairs = 0;
        for (let seed = 1; seed <= 300; seed++) {
            const rnd = random(seed);
            const old = firstYear(rnd);
            const now = nextYear(rnd, old);
            const before = plan(rnd, old),
                after = plan(rnd, now);
            const cubes = unitBehaviour(before, after);
            const oracle = enumeratedBehaviour(before, after);
            expect(oracle.tooLarge, `seed ${seed}`).toBeUndefined();
            expect(cubes.combinations, `seed ${seed}`).toBe(oracle.combinations);
            expect(cubes.changed, `seed ${seed}`).toBe(oracle.changed);
            const domains = jointDomains(before, after);
            expect(changedCombinations(cubes, domains), `seed ${seed}`).toEqual(changedCombinations(oracle, domains));
            // Each table row stands for exactly the combinations it names (the merge loses and doubles none).
            for (const b of [cubes, oracle]) {
                expect(new Set(changedCombinations(b, domains)).size, `seed ${seed}`).toBe(b.changed);
                expect(
                    b.rows.reduce((n, r) => n + r.count, 0),
                    `seed ${seed}`,
                ).toBe(b.changed);
            }
            if (oracle.changed > 0) changedPairs++;
        }
        // The pairs are not trivially equal: most of them change somewhere.
        expect(changedPairs).toBeGreaterThan(150);
    });
});
