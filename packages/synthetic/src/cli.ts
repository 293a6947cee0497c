/**
 * `oj-synthetic`: writes a generated workspace to a folder.
 *   oj-synthetic --out /tmp/ws --size tenfold          3,000 indicators in 50 files
 *   oj-synthetic --out /tmp/ws --indicators 40 --files 3 --seed 7
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { generateWorkspace, WORKSPACE_SIZES } from './workspace.js';

const USAGE = `Användning: oj-synthetic --out <mapp> [--size realYear|tenfold] [--indicators N] [--files M] [--seed S] [--year ÅÅÅÅ]`;

export async function main(args: string[]): Promise<number> {
    const { values } = parseArgs({
        args,
        options: {
            out: { type: 'string' },
            size: { type: 'string' },
            indicators: { type: 'string' },
            files: { type: 'string' },
            seed: { type: 'string', default: '1' },
            year: { type: 'string' },
            help: { type: 'boolean', short: 'h' },
        },
    });
    if (values.help || !values.out) {
        process.stderr.write(`${USAGE}\n`);
        return values.help ? 0 : 2;
    }
    const preset = values.size ? WORKSPACE_SIZES[values.size as keyof typeof WORKSPACE_SIZES] : WORKSPACE_SIZES.realYear;
    if (!preset) {
        process.stderr.write(`Okänd storlek ${values.size}: välj ${Object.keys(WORKSPACE_SIZES).join(' eller ')}.\n`);
        return 2;
    }
    const number = (text: string | undefined, fallback: number, what: string) => {
        if (text === undefined) return fallback;
        const value = Number(text);
        if (!Number.isInteger(value)) throw new Error(`${what} måste vara ett heltal, inte ${text}`);
        return value;
    };
    const files = generateWorkspace({
        seed: number(values.seed, 1, '--seed'),
        indicators: number(values.indicators, preset.indicators, '--indicators'),
        files: number(values.files, preset.files, '--files'),
        year: values.year === undefined ? undefined : number(values.year, 2024, '--year'),
    });
    fs.mkdirSync(values.out, { recursive: true });
    for (const file of files) fs.writeFileSync(path.join(values.out, file.path), file.text);
    const lines = files.reduce((sum, f) => sum + f.text.split('\n').length, 0);
    process.stderr.write(`${files.length} filer (${lines} rader) skrivna till ${values.out}.\n`);
    return 0;
}
