/**
 * The generated package's `test/examples.test.ts`: one node:test case per worked example of the
 * model (`exempel { … ger … }`), its answers as a row and the statuses the author expected, so the
 * package tests itself against the examples the language server already checks.
 */
import { expandToNode, joinToNode, toString, type Generated } from 'langium/generate';
import { checkExample, exampleRow, type Indicator } from '@oj/language';

const q = (text: string) => JSON.stringify(text);

/** The test file; undefined when the model has no examples. */
export function testModule(indicators: readonly Indicator[]): string | undefined {
    const cases: Generated[] = [];
    for (const indicator of indicators) {
        for (const example of indicator.examples) {
            const row = { unit: '0000', ...exampleRow(indicator, example) };
            const expectations = checkExample(indicator, example)
                .filter((r) => r.expected)
                .map((r) => ({ group: r.unit?.name, status: r.expected }));
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
