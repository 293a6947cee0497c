/**
 * The generated parser, AST and TextMate grammar are committed; this fails when the grammar was
 * changed without running `npm run langium:generate` (which also corrects the TextMate grammar's
 * keyword boundaries, scripts/textmate.mjs).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fixGrammarText } from '../scripts/textmate.mjs';

const root = path.resolve(__dirname, '../../..');

describe('generated Langium files', () => {
    test('match the grammar', () => {
        const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'oj-generated-'));
        const config = JSON.parse(fs.readFileSync(path.join(root, 'langium-config.json'), 'utf-8'));
        config.languages[0].grammar = path.join(root, config.languages[0].grammar);
        config.languages[0].textMate.out = path.join(tmp, 'oj.tmLanguage.json');
        config.out = path.join(tmp, 'generated');
        fs.writeFileSync(path.join(tmp, 'langium-config.json'), JSON.stringify(config));
        execFileSync(path.join(root, 'node_modules/.bin/langium'), ['generate', '-f', path.join(tmp, 'langium-config.json')], {
            stdio: 'pipe',
        });
        for (const file of ['ast.ts', 'grammar.ts', 'module.ts']) {
            expect(fs.readFileSync(path.join(tmp, 'generated', file), 'utf-8'), file).toBe(
                fs.readFileSync(path.join(root, 'packages/language/src/generated', file), 'utf-8'),
            );
        }
        expect(fixGrammarText(fs.readFileSync(path.join(tmp, 'oj.tmLanguage.json'), 'utf-8'))).toBe(
            fs.readFileSync(path.join(root, 'syntaxes/oj.tmLanguage.json'), 'utf-8'),
        );
        fs.rmSync(tmp, { recursive: true, force: true });
    });
});
