/**
 * A seeded source of choices. Every generated model and response file is a function of its seed,
 * so a benchmark or a failing fuzz case can be reproduced from one number.
 */
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

export class Random {
    protected readonly generator: ReturnType<typeof xoroshiro128plus>;

    constructor(seed: number) {
        this.generator = xoroshiro128plus(seed);
    }

    /** An integer in [min, max], both included. */
    int(min: number, max: number): number {
        return uniformInt(this.generator, min, max);
    }

    /** True with the given probability. */
    chance(probability: number): boolean {
        return this.int(0, 999_999) < probability * 1_000_000;
    }

    pick<T>(items: readonly T[]): T {
        if (items.length === 0) throw new Error('pick from an empty list');
        return items[this.int(0, items.length - 1)];
    }

    /** `count` different items, in the order they have in `items`. */
    sample<T>(items: readonly T[], count: number): T[] {
        const indices = items.map((_item, index) => index);
        for (let i = indices.length - 1; i > 0; i--) {
            const j = this.int(0, i);
            [indices[i], indices[j]] = [indices[j], indices[i]];
        }
        return indices
            .slice(0, Math.min(count, items.length))
            .sort((a, b) => a - b)
            .map((i) => items[i]);
    }

    /** One of the keys, with probability proportional to its weight. */
    weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
        const entries = Object.entries(weights) as Array<[K, number]>;
        const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
        let point = this.int(0, Math.max(0, Math.round(total * 1000) - 1)) / 1000;
        for (const [key, weight] of entries) {
            if (point < weight) return key;
            point -= weight;
        }
        return entries[entries.length - 1][0];
    }
}
