/**
 * How long the exact rule analysis takes: on the 2019 set and on a synthetic 3,000-indicator model.
 * Prints the analysis time (all requirements analysed, decision tables built) per set.
 */
import { analyseRequirement, type Indicator, type Model } from '@oj/language';
import { loadExample, loadText } from '../test/support.js';
import { syntheticModel } from './synthetic-model.js';

function time(models: Model[]): { indicators: number; requirements: number; ms: number; maxMs: number } {
    const indicators = models.flatMap((m) => m.elements.filter((e): e is Indicator => e.$type === 'Indicator'));
    let requirements = 0;
    let maxMs = 0;
    const start = performance.now();
    for (const indicator of indicators) {
        for (const requirement of indicator.requirements) {
            const t = performance.now();
            analyseRequirement(indicator, requirement);
            maxMs = Math.max(maxMs, performance.now() - t);
            requirements++;
        }
    }
    return {
        indicators: indicators.length,
        requirements,
        ms: Math.round(performance.now() - start),
        maxMs: Number(maxMs.toFixed(2)),
    };
}

const example = time(await loadExample());
console.log(
    `oj2019: ${example.indicators} indicators, ${example.requirements} rules analysed in ${example.ms} ms (slowest rule ${example.maxMs} ms)`,
);
const synthetic = time(await loadText(syntheticModel(3000, 11)));
console.log(
    `synthetic: ${synthetic.indicators} indicators, ${synthetic.requirements} rules analysed in ${synthetic.ms} ms (slowest rule ${synthetic.maxMs} ms)`,
);
