/**
 * Packages the extension as `npm run package` does, from a staging copy: other test files keep
 * using out/ while this one builds. Returns the .vsix path and the staging folder.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { buildExtension } from '../../scripts/build.mts';
import { extensionDir, repoDir } from './paths.js';

const run = promisify(execFile);

export async function packageVsix(): Promise<{ vsix: string; staging: string }> {
    const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'oj-vsix-'));
    const manifest = JSON.parse(fs.readFileSync(path.join(extensionDir, 'package.json'), 'utf-8'));
    // The staging copy is built here, as vscode:prepublish builds it: minified.
    delete manifest.scripts['vscode:prepublish'];
    fs.writeFileSync(path.join(staging, 'package.json'), JSON.stringify(manifest, null, 2));
    for (const item of [
        'package.nls.json',
        'package.nls.sv.json',
        'README.md',
        'language-configuration.json',
        '.vscodeignore',
        'l10n',
        'media',
    ]) {
        fs.cpSync(path.join(extensionDir, item), path.join(staging, item), { recursive: true });
    }
    await buildExtension({ outDir: path.join(staging, 'out'), minify: true });
    const [tool, ...args] = (manifest.scripts.package as string).split(' ');
    if (tool !== 'vsce') throw new Error(`The package script no longer runs vsce: ${manifest.scripts.package}`);
    await run(path.join(repoDir, 'node_modules/.bin/vsce'), args, { cwd: staging });
    return { vsix: path.join(staging, args[args.indexOf('--out') + 1]), staging };
}
