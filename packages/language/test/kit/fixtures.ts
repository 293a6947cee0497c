/**
 * Fixture workspaces on disk, the test kit's unit of data. Under a folder of
 * `packages/language/test/resources/`, every `.oj` file is one case; files whose names start with
 * `_` are shared by every case of their folder (a survey, answer sets, areas) and are no case
 * themselves. Pure file handling: any package's tests can use it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const RESOURCES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../resources');

export interface FixtureFile {
    /** Relative to RESOURCES, with forward slashes. */
    path: string;
    /** The text as written, markers included. */
    source: string;
}

export interface FixtureCase {
    /** "validation/analysis/never-met" */
    name: string;
    /** The case's own file. */
    file: FixtureFile;
    /** The shared files of its folder, in name order. */
    shared: FixtureFile[];
}

function read(file: string): FixtureFile {
    return { path: path.relative(RESOURCES, file).split(path.sep).join('/'), source: fs.readFileSync(file, 'utf-8') };
}

/** Every case under a folder of RESOURCES (recursively), in path order. */
export function fixtureCases(folder: string): FixtureCase[] {
    const root = path.join(RESOURCES, folder);
    const cases: FixtureCase[] = [];
    const visit = (dir: string) => {
        const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
        const shared = entries
            .filter((e) => e.isFile() && e.name.endsWith('.oj') && e.name.startsWith('_'))
            .map((e) => read(path.join(dir, e.name)));
        for (const entry of entries) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) visit(full);
            else if (entry.name.endsWith('.oj') && !entry.name.startsWith('_')) {
                const file = read(full);
                cases.push({ name: file.path.replace(/\.oj$/, ''), file, shared });
            }
        }
    };
    visit(root);
    if (cases.length === 0) throw new Error(`no fixture cases under ${root}`);
    return cases;
}
