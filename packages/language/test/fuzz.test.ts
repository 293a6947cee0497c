/**
 * Robustness under bad input, in CI: a few hundred seeded mutations of the example files through
 * every language service (parse, link, validate, hover, completion, formatting, semantic tokens,
 * symbols, folding, code actions). No exception may escape a service or be swallowed into an
 * "An error occurred …" diagnostic. `npm run fuzz` runs the same harness on 10,000 documents and
 * reports times per document.
 */
import { describe, expect, test } from 'vitest';
import { describeFailure, fuzz, FuzzWorkspace, MutationEngine } from '../bench/fuzz/harness.js';
import { fuzzSources } from '../bench/fuzz/sources.js';
import { Random } from '@oj/synthetic';

describe('fuzzing the language services', () => {
    test('the same seed gives the same mutated documents', async () => {
        const sources = fuzzSources();
        const workspace = new FuzzWorkspace(sources);
        const engine: MutationEngine = workspace.engine;
        const draw = (seed: number) => {
            const random = new Random(seed);
            return Array.from({ length: 20 }, () => engine.mutate(random, random.pick(sources)));
        };
        const first = draw(5);
        expect(draw(5)).toEqual(first);
        expect(draw(6)).not.toEqual(first);
        // Mutations change the text.
        expect(first.filter((m) => !sources.some((s) => s.text === m.text)).length).toBeGreaterThan(15);
    });

    test('a service failure is caught and reported, not thrown', async () => {
        const workspace = new FuzzWorkspace(fuzzSources());
        await workspace.init();
        const hover = workspace.Oj.lsp.HoverProvider!;
        const original = hover.getHoverContent.bind(hover);
        hover.getHoverContent = () => {
            throw new Error('planted');
        };
        try {
            const result = await workspace.check('tillhör OJ2019\nområde X "X"\n');
            expect(result.failures.map((f) => f.service)).toContain('hover');
        } finally {
            hover.getHoverContent = original;
        }
    });

    test('200 mutated documents: no exception escapes or is swallowed by a service', async () => {
        const report = await fuzz({ seed: 2026, count: 200, sources: fuzzSources() });
        expect(report.documents).toBe(200);
        // One line per distinct failure (the first case that showed it), so a regression reads as a list of bugs.
        const distinct = new Map<string, string>();
        for (const failure of report.failures) {
            const key = `${failure.service}: ${failure.message.split('\n')[0]}`;
            if (!distinct.has(key)) distinct.set(key, describeFailure(failure));
        }
        expect([...distinct.values()]).toEqual([]);
    }, 240_000);
});
