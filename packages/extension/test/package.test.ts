/**
 * `npm run package`: the .vsix that `code --install-extension` takes. Packaged from a staging copy
 * (so other test files keep their out/ folder), with the command of the package script; then
 * unpacked outside the repository, where no node_modules can help, and its server started.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ExportDescriptionRequest, sendRequest } from '../src/protocol.js';
import { startServer } from './support/lsp-client.js';
import { examplesDir, extensionDir, repoDir } from './support/paths.js';
import { packageVsix } from './support/vsix.js';

const MiB = 1024 * 1024;
const packageJson = JSON.parse(fs.readFileSync(path.join(extensionDir, 'package.json'), 'utf-8'));

describe('the .vsix', () => {
    let staging: string;
    let unpacked: string;
    let vsix: string;
    let zip: JSZip;
    let entries: string[];

    beforeAll(async () => {
        ({ vsix, staging } = await packageVsix());
        zip = await JSZip.loadAsync(fs.readFileSync(vsix));
        entries = Object.keys(zip.files).filter((name) => !zip.files[name].dir);
        unpacked = fs.mkdtempSync(path.join(os.tmpdir(), 'oj-vsix-unpacked-'));
        for (const name of entries) {
            const target = path.join(unpacked, name);
            fs.mkdirSync(path.dirname(target), { recursive: true });
            fs.writeFileSync(target, await zip.files[name].async('nodebuffer'));
        }
    }, 120_000);

    afterAll(() => {
        for (const dir of [staging, unpacked]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
    });

    test('is under 8 MiB and carries no node_modules, sources or source maps', () => {
        expect(fs.statSync(vsix).size).toBeLessThan(8 * MiB);
        expect(entries.filter((e) => e.includes('node_modules/'))).toEqual([]);
        expect(entries.filter((e) => e.endsWith('.map'))).toEqual([]);
        // TypeScript only where the evaluator generator copies it into the packages it writes.
        expect(entries.filter((e) => e.endsWith('.ts')).sort()).toEqual(
            ['aggregate.ts', 'evaluation.ts', 'measures.ts', 'plausibility.ts', 'population.ts'].map(
                (f) => `extension/out/src/runtime/${f}`,
            ),
        );
    });

    test('holds the bundles and every file the manifest points at', async () => {
        const manifest = JSON.parse(await zip.file('extension/package.json')!.async('string'));
        const pointedAt = [
            manifest.main,
            manifest.browser,
            manifest.contributes.languages[0].configuration,
            manifest.contributes.grammars[0].path,
            './out/server/main.cjs',
            './out/server/worker.js',
            './out/preview/webview.js',
            './out/preview/preview.css',
            './l10n/bundle.l10n.sv.json',
            './package.nls.json',
            './package.nls.sv.json',
        ];
        for (const file of pointedAt) expect(entries, file).toContain(path.posix.join('extension', file));
        expect(entries).toContain('extension/out/vendor/dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
        expect(entries.some((e) => /^extension\/readme\.md$/i.test(e))).toBe(true);
        expect(Object.keys(manifest.contributes)).toEqual(
            expect.arrayContaining(['languages', 'grammars', 'commands', 'menus', 'configuration', 'keybindings']),
        );
        expect(await zip.file('extension.vsixmanifest')!.async('string')).toContain(
            '<Identity Language="en-US" Id="oj-indicators"',
        );
    });

    test("carries the repository's licence", async () => {
        const licences = entries.filter((e) => /^extension\/LICENSE(\.(md|txt))?$/i.test(e));
        // vsce stores it as LICENSE.txt.
        expect(licences).toEqual(['extension/LICENSE.txt']);
        expect(await zip.file(licences[0])!.async('string')).toBe(fs.readFileSync(path.join(repoDir, 'LICENSE'), 'utf-8'));
        const manifest = await zip.file('extension.vsixmanifest')!.async('string');
        expect(manifest).toContain('<License>extension/LICENSE.txt</License>');
        expect(JSON.parse(await zip.file('extension/package.json')!.async('string')).license).toBe('MIT');
    });

    test('its Marketplace tags are whole words: the ASCII keywords, none mangled from a Swedish name', async () => {
        const manifest = await zip.file('extension.vsixmanifest')!.async('string');
        const tags = /<Tags>([^<]*)<\/Tags>/.exec(manifest)?.[1].split(',') ?? [];
        expect(tags).toEqual(expect.arrayContaining(['oppna-jamforelser', 'socialtjanst', 'indikatorer', 'oj']));
        // vsce drops the letters it does not know from a language alias ("Öppna jämförelser" → "ppnajmfrelser");
        // scripts/package.mts takes such tags out again: every tag must be one that was written so.
        const written = new Set<string>([
            ...packageJson.keywords,
            ...packageJson.contributes.languages.flatMap((l: { id: string; aliases: string[] }) => [l.id, ...l.aliases]),
        ]);
        for (const tag of tags) {
            expect(tag, tag).toMatch(/^[\x21-\x7e]+$/);
            if (!tag.startsWith('__') && !['keybindings'].includes(tag)) expect(written, tag).toContain(tag);
        }
        expect(tags.join(',')).not.toMatch(/ppnajmfrelser/);
        // …while VS Code still names the language in Swedish (status bar, language picker).
        const packed = JSON.parse(await zip.file('extension/package.json')!.async('string'));
        expect(packed.contributes.languages[0].aliases[0]).toBe('Öppna jämförelser');
    });

    test('its server runs from the unpacked extension alone: a PDF export finds the shipped fonts', async () => {
        const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'oj-vsix-ws-'));
        fs.cpSync(examplesDir, workspace, { recursive: true });
        const server = await startServer(workspace, path.join(unpacked, 'extension'));
        try {
            await server.open('indikatorer-flera-omraden.oj');
            const outFile = path.join(workspace, 'ut', 'beskrivning.pdf');
            await sendRequest(server.connection, ExportDescriptionRequest, {
                textDocument: { uri: server.uriOf('indikatorer-flera-omraden.oj') },
                format: 'pdf',
                outFile,
            });
            expect(fs.readFileSync(outFile).toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans/);
        } finally {
            await server.close();
            fs.rmSync(workspace, { recursive: true, force: true });
        }
    });
});
