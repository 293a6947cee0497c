/**
 * Builds the Monaco test page (test/web/monaco-app.ts) with esbuild: the page and the two editor
 * workers it needs. monaco-vscode-api finds its assets (themes, the oniguruma wasm) with
 * `new URL('./…', import.meta.url)`, which esbuild leaves alone; the plugin points those URLs at
 * the files in node_modules, which the test server serves under /@fs/.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { extensionDir, repoDir } from './paths.js';

const modulesDir = path.join(repoDir, 'node_modules');

const assetUrls: esbuild.Plugin = {
    name: 'import-meta-url-assets',
    setup(build) {
        build.onLoad({ filter: /node_modules[\\/]@codingame[\\/].*\.js$/ }, async (args) => {
            const source = await fs.promises.readFile(args.path, 'utf-8');
            if (!source.includes('import.meta.url')) return undefined;
            const contents = source.replace(
                /new URL\((['"])(\.{1,2}\/[^'"]+)\1,\s*import\.meta\.url\)/g,
                (_match, _quote, relative: string) =>
                    `new URL(${JSON.stringify(`/@fs${path.resolve(path.dirname(args.path), relative)}`)}, globalThis.location.href)`,
            );
            return { contents, loader: 'js' };
        });
    },
};

/** Builds into `outDir`: monaco-app.js/.css, editor.worker.js, textmate.worker.js and their fonts. */
export async function buildMonacoApp(outDir: string): Promise<void> {
    const common: esbuild.BuildOptions = {
        absWorkingDir: extensionDir,
        bundle: true,
        format: 'esm',
        target: 'es2022',
        outdir: outDir,
        loader: {
            '.ttf': 'file',
            '.woff': 'file',
            '.woff2': 'file',
            '.png': 'file',
            '.svg': 'file',
            '.mp3': 'file',
            '.wasm': 'file',
        },
        plugins: [assetUrls],
        logLevel: 'error',
    };
    await Promise.all([
        esbuild.build({ ...common, entryPoints: { 'monaco-app': './test/web/monaco-app.ts' } }),
        esbuild.build({
            ...common,
            entryPoints: {
                'editor.worker': path.join(modulesDir, '@codingame/monaco-vscode-editor-api/esm/vs/editor/editor.worker.js'),
                'textmate.worker': path.join(modulesDir, '@codingame/monaco-vscode-textmate-service-override/worker.js'),
            },
        }),
    ]);
}

/** Files under node_modules that the page asks for by /@fs/ URL; nothing outside it. */
export function nodeModulesFile(pathname: string): string | undefined {
    if (!pathname.startsWith('/@fs/')) return undefined;
    const file = path.resolve(pathname.slice('/@fs'.length));
    return file.startsWith(modulesDir + path.sep) ? file : undefined;
}
