/**
 * `npm run package`: the .vsix, as vsce packs it, with one repair. vsce turns every language alias
 * into a Marketplace tag and drops the letters it does not know, so the alias "Öppna jämförelser"
 * (the name VS Code shows in the status bar and the language picker) would become the tag
 * "ppnajmfrelser". The alias stays; the tags vsce mangled from aliases are taken out of the
 * manifest afterwards, and the .vsix is written again in place of the one vsce wrote.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';

const VSIX_NAME = 'oj-indicators.vsix';
const VSCE_ARGS = ['package', '--no-dependencies', '--allow-missing-repository', '--out', VSIX_NAME];

/** The tag vsce makes of a name (its `sanitizeTag`). */
function vsceTag(name: string): string {
    return name.replace(/[^\w.-]/g, '');
}

/** The tags vsce would make from language aliases that are not the alias as written. */
export function mangledAliasTags(manifest: { contributes?: { languages?: { aliases?: string[] }[] } }): Set<string> {
    const aliases = (manifest.contributes?.languages ?? []).flatMap((language) => language.aliases ?? []);
    return new Set(aliases.filter((alias) => vsceTag(alias) !== alias).map(vsceTag));
}

/** Packs the extension in `dir` (its package.json and out/) and returns the .vsix path. */
export async function packageExtension(dir: string, vsce: string): Promise<string> {
    execFileSync(vsce, VSCE_ARGS, { cwd: dir, stdio: ['ignore', 'inherit', 'inherit'] });
    const vsix = path.join(dir, VSIX_NAME);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf-8'));
    const mangled = mangledAliasTags(manifest);
    const zip = await JSZip.loadAsync(fs.readFileSync(vsix));
    const entry = zip.file('extension.vsixmanifest');
    if (!entry) throw new Error(`${vsix} has no extension.vsixmanifest`);
    const text = await entry.async('string');
    const repaired = text.replace(/<Tags>([^<]*)<\/Tags>/, (_, tags: string) => {
        const kept = tags.split(',').filter((tag) => tag !== '' && !mangled.has(tag));
        return `<Tags>${kept.join(',')}</Tags>`;
    });
    zip.file('extension.vsixmanifest', repaired);
    const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    // Written beside and renamed, so that an interrupted run never leaves half a .vsix.
    const temporary = `${vsix}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, bytes);
    fs.renameSync(temporary, vsix);
    return vsix;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    const here = path.dirname(fileURLToPath(import.meta.url));
    const extensionDir = path.dirname(here);
    const vsce = path.join(extensionDir, '..', '..', 'node_modules', '.bin', 'vsce');
    const vsix = await packageExtension(process.cwd(), fs.existsSync(vsce) ? vsce : 'vsce');
    console.log(`Tillägget är paketerat: ${path.relative(process.cwd(), vsix)}`);
}
