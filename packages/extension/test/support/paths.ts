/** Where the tests find the repository, its examples and the extension's bundled files. */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const extensionDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const repoDir = path.resolve(extensionDir, '../..');
export const examplesDir = path.join(repoDir, 'examples/oj2019');

const out = path.join(extensionDir, 'out');
export const bundle = {
    server: path.join(out, 'server/main.cjs'),
    worker: path.join(out, 'server/worker.js'),
    extension: path.join(out, 'extension/main.cjs'),
    webExtension: path.join(out, 'extension/web.cjs'),
    webviewScript: path.join(out, 'preview/webview.js'),
    previewCss: path.join(out, 'preview/preview.css'),
    grammar: path.join(out, 'syntaxes/oj.tmLanguage.json'),
    vendor: path.join(out, 'vendor'),
};
