import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'vitest';
import { evaluateAndPublish, readResultsFolder, buildReport, renderReport } from '../src/index.js';
import { loadModels, syntheticResponses } from './support.js';
test('smoke', async () => {
    const models = await loadModels();
    fs.writeFileSync('/tmp/h16/svar.csv', syntheticResponses(models).csv);
    await evaluateAndPublish(models, '/tmp/h16/svar.csv', '/tmp/h16/ut');
    const results = readResultsFolder('/tmp/h16/ut');
    for (const [name, target] of [['0180', { kind: 'unit', unit: '0180' }], ['lan01', { kind: 'lan', lan: '01' }]] as const) {
        const t0 = Date.now();
        const doc = await buildReport(models, results, target as any);
        const { pdf, html } = await renderReport(doc);
        fs.writeFileSync(`/tmp/h16/${name}.pdf`, pdf); fs.writeFileSync(`/tmp/h16/${name}.html`, html);
        console.log(name, Date.now() - t0, 'ms');
    }
});
