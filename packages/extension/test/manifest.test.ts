/**
 * The extension's contributions as VS Code reads them: every UI string in English and Swedish,
 * every command registered, contributed and in the editor title bar, no contributed snippets (the
 * language server offers templates where a declaration may start), and a language configuration
 * that knows Swedish words.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { EmptyFileSystem } from 'langium';
import { createOjServices } from '@oj/language';
import { bundle, extensionDir } from './support/paths.js';

const read = (file: string) => JSON.parse(fs.readFileSync(path.join(extensionDir, file), 'utf-8'));
const manifest = read('package.json');
const nls: Record<string, string> = read('package.nls.json');
const nlsSv: Record<string, string> = read('package.nls.sv.json');
const bundleSv: Record<string, string> = read('l10n/bundle.l10n.sv.json');

function sourceFiles(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const file = path.join(dir, entry.name);
        return entry.isDirectory() ? sourceFiles(file) : file.endsWith('.ts') ? [file] : [];
    });
}

const sources = sourceFiles(path.join(extensionDir, 'src'))
    .map((file) => fs.readFileSync(file, 'utf-8'))
    .join('\n');

describe('UI text in English and Swedish', () => {
    test('every %placeholder% of the manifest has an English and a Swedish text, and no text is unused', () => {
        const placeholders = new Set([...JSON.stringify(manifest).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]));
        expect(placeholders.size).toBeGreaterThan(10);
        expect(new Set(Object.keys(nls))).toEqual(placeholders);
        expect(new Set(Object.keys(nlsSv))).toEqual(placeholders);
        for (const key of placeholders) expect(nlsSv[key], key).not.toBe('');
    });

    test('every vscode.l10n.t text of the code has a Swedish translation with the same placeholders', () => {
        const texts = new Set([...sources.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1]));
        expect(texts.size).toBeGreaterThan(15);
        expect(new Set(Object.keys(bundleSv))).toEqual(texts);
        for (const text of texts) {
            const placeholders = (s: string) => [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();
            expect(placeholders(bundleSv[text]), text).toEqual(placeholders(text));
        }
    });
});

describe('commands', () => {
    const contributed = (manifest.contributes.commands as Array<{ command: string; title: string }>).map((c) => c.command);

    test('each registered command is contributed, and each contributed one is registered', () => {
        const registered = [...sources.matchAll(/register\('(oj\.[A-Za-z]+)'/g)].map((m) => m[1]);
        expect(new Set(registered)).toEqual(new Set(contributed));
        expect(contributed).toEqual(
            expect.arrayContaining([
                'oj.showPreviewToSide',
                'oj.exportWord',
                'oj.exportPdf',
                'oj.exportCodebook',
                'oj.generateEvaluator',
                'oj.evaluateResponses',
            ]),
        );
    });

    test('each command is in the palette and the editor title bar of .oj files where the Node server runs, the preview as a button', () => {
        const { 'editor/title': title, commandPalette: palette } = manifest.contributes.menus as Record<
            string,
            Array<{ command: string; when: string; group?: string }>
        >;
        for (const command of contributed) {
            expect(title.find((m) => m.command === command)?.when, command).toBe('editorLangId == oj && oj.nodeServer');
            expect(palette.find((m) => m.command === command)?.when, command).toBe('editorLangId == oj && oj.nodeServer');
        }
        expect(title.find((m) => m.command === 'oj.showPreviewToSide')?.group).toBe('navigation');
    });
});

describe('the language contribution', () => {
    const configuration = read('language-configuration.json');

    test('the grammar and configuration the manifest points at exist and fit together', () => {
        const [language] = manifest.contributes.languages;
        expect(language).toMatchObject({ id: 'oj', extensions: ['.oj'] });
        const [grammar] = manifest.contributes.grammars;
        expect(path.join(extensionDir, grammar.path)).toBe(bundle.grammar);
        expect(JSON.parse(fs.readFileSync(bundle.grammar, 'utf-8')).scopeName).toBe(grammar.scopeName);
        for (const file of [language.configuration, manifest.main, manifest.browser]) {
            expect(fs.existsSync(path.join(extensionDir, file)), file).toBe(true);
        }
    });

    test("every token type and modifier of the server's own is declared, so that themes colour it (question references)", () => {
        const { legend } = createOjServices(EmptyFileSystem).Oj.lsp.SemanticTokenProvider!.semanticTokensOptions;
        const standardTypes = legend.tokenTypes.slice(0, legend.tokenTypes.indexOf('decorator') + 1);
        const ownTypes = legend.tokenTypes.filter((t) => !standardTypes.includes(t));
        expect(ownTypes).toEqual(['question']);
        expect(manifest.contributes.semanticTokenTypes.map((t: { id: string }) => t.id)).toEqual(ownTypes);
        // Coloured as a function by every theme: neither plain text nor a keyword.
        expect(manifest.contributes.semanticTokenTypes[0].superType).toBe('function');
        const ownModifiers = legend.tokenModifiers.slice(legend.tokenModifiers.indexOf('static') + 1);
        expect(manifest.contributes.semanticTokenModifiers.map((m: { id: string }) => m.id)).toEqual(ownModifiers);
        expect(Object.keys(manifest.contributes.semanticTokenScopes[0].scopes)).toEqual(['question', 'question.item']);
    });

    test('comments, brackets, auto-closing pairs and folding markers', () => {
        expect(configuration.comments).toEqual({ lineComment: '//', blockComment: ['/*', '*/'] });
        expect(configuration.brackets).toEqual([
            ['{', '}'],
            ['(', ')'],
        ]);
        expect(configuration.autoClosingPairs.map((p: { open: string }) => p.open)).toEqual(['{', '(', '"', '/*']);
        expect(new RegExp(configuration.folding.markers.start).test('    // region Indikatorer')).toBe(true);
        expect(new RegExp(configuration.folding.markers.end).test('// endregion')).toBe(true);
    });

    test('a word is a whole Swedish name (double-click selects AvhysningUppföljning, not a part of it)', () => {
        const word = new RegExp(configuration.wordPattern, 'g');
        expect('fråga iii AvhysningUppföljning: svar JNE_NY'.match(word)).toEqual([
            'fråga',
            'iii',
            'AvhysningUppföljning',
            'svar',
            'JNE_NY',
        ]);
        expect('önskad riktning är 12.5'.match(word)).toEqual(['önskad', 'riktning', 'är', '12.5']);
    });
});

describe('snippets', () => {
    test('none is contributed: VS Code would offer it everywhere, inside a rule too; the language server offers its templates where a declaration may start', () => {
        expect(manifest.contributes.snippets).toBeUndefined();
        expect(fs.existsSync(path.join(extensionDir, 'snippets'))).toBe(false);
    });
});
