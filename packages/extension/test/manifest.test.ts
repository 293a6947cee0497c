/**
 * The extension's contributions as VS Code reads them: every UI string in English and Swedish,
 * every command registered, contributed and in the editor title bar, snippets that expand to
 * valid models, and a language configuration that knows Swedish words.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { NodeFileSystem } from 'langium/node';
import { createOjServices, loadWorkspace } from '@oj/language';
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

    test('the grammar, snippets and configuration the manifest points at exist and fit together', () => {
        const [language] = manifest.contributes.languages;
        expect(language).toMatchObject({ id: 'oj', extensions: ['.oj'] });
        const [grammar] = manifest.contributes.grammars;
        expect(path.join(extensionDir, grammar.path)).toBe(bundle.grammar);
        expect(JSON.parse(fs.readFileSync(bundle.grammar, 'utf-8')).scopeName).toBe(grammar.scopeName);
        for (const file of [language.configuration, manifest.contributes.snippets[0].path, manifest.main, manifest.browser]) {
            expect(fs.existsSync(path.join(extensionDir, file)), file).toBe(true);
        }
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
    const snippets = read('snippets/oj.code-snippets') as Record<
        string,
        { prefix: string[]; body: string[]; description: string }
    >;
    const dirs: string[] = [];
    afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

    /** What the editor inserts when every placeholder is accepted as offered: defaults, first choices. */
    const expand = (body: string[]) =>
        body
            .join('\n')
            .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1')
            .replace(/\$\{\d+:([^}]*)\}/g, '$1')
            .replace(/\$\d+/g, '')
            .replace(/\t/g, '    ');

    test('each snippet is described in Swedish and triggered by its Swedish keyword', () => {
        const prefixes = Object.values(snippets).map((s) => s.prefix[0]);
        expect(prefixes).toEqual(expect.arrayContaining(['indikator', 'fråga', 'svarsalternativ', 'område']));
        for (const snippet of Object.values(snippets)) expect(snippet.description).toMatch(/[a-zåäö]/);
    });

    test('expanded as offered, the snippets make a model without errors', async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oj-snippets-'));
        dirs.push(dir);
        const s = (name: string) => expand(snippets[name].body);
        fs.writeFileSync(
            path.join(dir, 'enkat.oj'),
            `enkät T2019 "Test 2019" {
    år 2019
    variabelmönster "T{indikator}_{fråga}{del}[_{grupp}]"
    datakälla "Enkät." målpopulation "Alla kommuner." nämnare "Svarande kommuner." redovisningsnivåer kommun, riket
}
${s('Nya svarsalternativ')}
område EB "Ekonomiskt bistånd"
${s('Nytt område')}
`,
        );
        // The question and example snippets are typed inside the indicator the indicator snippet made.
        const indicator = s('Ny indikator').replace(
            /\n {4}\n\}$/,
            `\n    ${s('Ny fråga med alternativ').replace(/\n/g, '\n    ')}\n    ${s('Nytt exempel')}\n}`,
        );
        fs.writeFileSync(path.join(dir, 'indikatorer.oj'), `tillhör T2019\n\n${indicator}\n`);
        const { shared } = createOjServices(NodeFileSystem);
        const workspace = await loadWorkspace(shared, [dir]);
        const errors = [...workspace.diagnostics.entries()].flatMap(([document, diagnostics]) =>
            diagnostics
                .filter((d) => d.severity === 1)
                .map((d) => `${path.basename(document.uri.fsPath)}:${d.range.start.line + 1} ${d.message}`),
        );
        expect(errors, fs.readFileSync(path.join(dir, 'indikatorer.oj'), 'utf-8')).toEqual([]);
        const model = workspace.documents.find((d) => d.uri.fsPath.endsWith('indikatorer.oj'))!.parseResult.value;
        expect(model.elements.map((e) => e.$type)).toEqual(['Indicator']);
        expect(s('Ny fråga')).toMatch(/^fråga ii \S+: ".*" svar JN$/);
    });
});
