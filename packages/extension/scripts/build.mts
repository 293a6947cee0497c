/**
 * Bundles the extension with esbuild: the client for VS Code on the desktop and on the web, the
 * language server for Node and as a web worker, and the preview's script; then copies the files
 * bundled code reads at run time (the TextMate grammar, the evaluator's runtime sources, fonts),
 * and the repository's LICENSE next to out/ (the folder vsce packs), so that the .vsix carries it.
 *
 *   npx tsx scripts/build.mts [--minify] [--watch]
 *
 * buildExtension() is also what the packaging test calls, to build into a folder of its own.
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const extensionDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repoDir = path.resolve(extensionDir, '../..');
// Packages are resolved as the documents package sees them (its font package is its own dependency).
const requireFromDocuments = createRequire(path.join(repoDir, 'packages/documents/package.json'));

/**
 * Bundled ESM packages locate files next to their modules with import.meta.url (the evaluator
 * copies its runtime sources into the generated package). In a CommonJS bundle that is the bundle itself.
 */
const importMetaUrl: esbuild.BuildOptions = {
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: 'const importMetaUrl = require("url").pathToFileURL(__filename).href;' },
};

/**
 * pdfkit loads its standard fonts' metrics (Helvetica's, which the Word layout of the contents
 * measures text with) through a require of its own subpath imports ('#standard-fonts/Helvetica')
 * made at run time with createRequire: a bundle cannot resolve that. The calls are turned into
 * plain requires of the same files, which esbuild then bundles.
 */
const pdfkitStandardFonts: esbuild.Plugin = {
    name: 'pdfkit-standard-fonts',
    setup(build) {
        build.onLoad({ filter: /[\\/]pdfkit[\\/]js[\\/]pdfkit(\.node\.mjs|\.js)$/ }, (args) => {
            const source = fs.readFileSync(args.path, 'utf-8');
            const contents = source.replace(/require\$1\('#standard-fonts\/(\w+)'\)/g, "require('./standard-fonts/$1.cjs')");
            if (contents === source)
                throw new Error(`pdfkit no longer loads its standard fonts as this build expects: ${args.path}`);
            return { contents, loader: 'js', resolveDir: path.dirname(args.path) };
        });
    },
};

function buildOptions(outDir: string, minify: boolean): esbuild.BuildOptions[] {
    const common: esbuild.BuildOptions = {
        absWorkingDir: extensionDir,
        outdir: outDir,
        bundle: true,
        minify,
        sourcemap: !minify,
        logLevel: 'warning',
        legalComments: 'none',
        metafile: true,
    };
    return [
        {
            ...common,
            entryPoints: { 'extension/main': './src/extension/main.ts' },
            outExtension: { '.js': '.cjs' },
            platform: 'node',
            format: 'cjs',
            target: 'node20',
            external: ['vscode'],
        },
        {
            ...common,
            entryPoints: { 'extension/web': './src/extension/web.ts' },
            outExtension: { '.js': '.cjs' },
            platform: 'browser',
            format: 'cjs',
            target: 'es2022',
            external: ['vscode'],
        },
        {
            ...common,
            ...importMetaUrl,
            entryPoints: { 'server/main': './src/server/main.ts' },
            outExtension: { '.js': '.cjs' },
            plugins: [pdfkitStandardFonts],
            platform: 'node',
            format: 'cjs',
            target: 'node20',
        },
        {
            ...common,
            entryPoints: { 'server/worker': path.join(repoDir, 'packages/language/src/main-browser.ts') },
            platform: 'browser',
            format: 'iife',
            target: 'es2022',
        },
        {
            ...common,
            entryPoints: { 'preview/webview': './src/preview/webview.ts' },
            platform: 'browser',
            format: 'iife',
            target: 'es2022',
        },
    ];
}

function copy(from: string, to: string): void {
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(from, to);
}

function copyAssets(outDir: string): void {
    // The repository's licence, beside the manifest, where vsce takes it into the .vsix (one source: the root's LICENSE).
    copy(path.join(repoDir, 'LICENSE'), path.join(path.dirname(outDir), 'LICENSE'));
    // The grammar is generated at the repository root by `langium generate`; the .vsix can only hold files of this folder.
    copy(path.join(repoDir, 'syntaxes/oj.tmLanguage.json'), path.join(outDir, 'syntaxes/oj.tmLanguage.json'));
    // The evaluator generator reads its runtime sources from ../src/runtime next to its module, i.e. next to out/server/.
    const runtimeDir = path.join(repoDir, 'packages/evaluator/src/runtime');
    for (const file of fs.readdirSync(runtimeDir)) copy(path.join(runtimeDir, file), path.join(outDir, 'src/runtime', file));
    copy(path.join(extensionDir, 'src/preview/preview.css'), path.join(outDir, 'preview/preview.css'));
    // The PDF renderer resolves 'dejavu-fonts-ttf' as a package; the server finds it under out/vendor
    // (NODE_PATH, set by the client), since the .vsix carries no node_modules. Only the faces it uses.
    const fontPackage = path.dirname(requireFromDocuments.resolve('dejavu-fonts-ttf/package.json'));
    const vendorDir = path.join(outDir, 'vendor/dejavu-fonts-ttf');
    copy(path.join(fontPackage, 'package.json'), path.join(vendorDir, 'package.json'));
    for (const face of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf']) {
        copy(path.join(fontPackage, 'ttf', face), path.join(vendorDir, 'ttf', face));
        // The preview loads the same faces (preview.css), so that it is set as the PDF is.
        copy(path.join(fontPackage, 'ttf', face), path.join(outDir, 'preview/fonts', face));
    }
}

/** Builds everything into `outDir` (default: out/); returns the size of each bundle in bytes. */
export async function buildExtension(options: { outDir?: string; minify?: boolean } = {}): Promise<Map<string, number>> {
    const outDir = options.outDir ?? path.join(extensionDir, 'out');
    // A clean output, so that no stale bundle or source map of an earlier build is packaged.
    for (const dir of ['extension', 'server', 'preview', 'src', 'syntaxes', 'vendor'])
        fs.rmSync(path.join(outDir, dir), { recursive: true, force: true });
    const results = await Promise.all(buildOptions(outDir, options.minify ?? false).map((o) => esbuild.build(o)));
    copyAssets(outDir);
    const sizes = new Map<string, number>();
    for (const result of results) {
        for (const [file, output] of Object.entries(result.metafile!.outputs)) {
            if (!file.endsWith('.map')) sizes.set(path.relative(outDir, path.resolve(extensionDir, file)), output.bytes);
        }
    }
    return sizes;
}

async function watch(): Promise<void> {
    const outDir = path.join(extensionDir, 'out');
    await buildExtension({ outDir });
    for (const options of buildOptions(outDir, false)) await (await esbuild.context(options)).watch();
    console.log('esbuild: watching');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    const run = process.argv.includes('--watch')
        ? watch()
        : buildExtension({ minify: process.argv.includes('--minify') }).then((sizes) => {
              for (const [file, bytes] of sizes)
                  console.log(`out/${file.padEnd(30)} ${(bytes / 1024).toFixed(0).padStart(6)} KiB`);
          });
    run.catch((error) => {
        console.error(error);
        process.exit(1);
    });
}
