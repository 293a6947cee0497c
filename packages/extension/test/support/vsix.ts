/**
 * Packages the extension as `npm run package` does, from a staging copy: other test files keep
 * using out/ while this one builds. Returns the .vsix path and the staging folder.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildExtension } from '../../scripts/build.mts';
import { packageExtension } from '../../scripts/package.mts';
import { extensionDir, repoDir } from './paths.js';

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
    if (manifest.scripts.package !== 'tsx scripts/package.mts') {
        throw new Error(`The package script no longer runs scripts/package.mts: ${manifest.scripts.package}`);
    }
    const vsix = await packageExtension(staging, path.join(repoDir, 'node_modules/.bin/vsce'));
    return { vsix, staging };
}
