/**
 * The generated evaluator package as a developer elsewhere gets it: `oj generate`, then in the
 * package folder `npm install` (dependencies from the registry, nothing from this repository) and
 * `npm pack`, then in a fresh folder the tarball installed, imported and type-checked with
 * `tsc --strict` — on Node 20 and on Node 22. Its own `npm test` passes on Node 20 (no test globs).
 * Skipped only when the npm registry cannot be reached.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { npmRegistryReachable, root, runOj, systemEnv } from './support.js';

const run = promisify(execFile);
const MINUTES = 60_000;

const reachable = await npmRegistryReachable();
if (!reachable) console.warn('generated-package.test.ts: npm-registret nås inte; testet av det packade paketet hoppas över.');

/** The Node binaries to try the package on, by major version (Node 20 only where the system has it). */
async function nodeOf(binary: string): Promise<string | undefined> {
    try {
        return (await run(binary, ['--version'])).stdout.trim();
    } catch {
        return undefined;
    }
}
const NODE22 = path.join(root, 'node_modules/node/bin/node');
const NODE20 = '/usr/bin/node';
const node20Version = await nodeOf(NODE20);
const hasNode20 = node20Version?.startsWith('v20.') ?? false;
if (!hasNode20)
    console.warn(
        `generated-package.test.ts: ${NODE20} är inte Node 20 (${node20Version ?? 'saknas'}); delen för Node 20 hoppas över.`,
    );

const CONSUMER = `import { aggregate, evaluate, explain, responseRow, variables, withUnit, type IndicatorResult, type ValidResponseRow } from 'oj-evaluator-oj2019';

const row: ValidResponseRow = responseRow.parse({ unit: '0180', name: 'Stockholm', I01_1: '1', I01_2A: 1, I01_2B: '1', I01_3: '3' });
const results: IndicatorResult[] = evaluate(row);
const first = results.find(r => r.indicator === 1);
const shares = aggregate(withUnit(row.unit, results));
const misspelt = responseRow.safeParse({ unit: '0180', I01_01: '1' });
const wrongCode = responseRow.safeParse({ unit: '0180', I01_1: '7' });
console.log(JSON.stringify({
    variables: variables.length,
    status: first?.status,
    explained: explain(row).length === results.length,
    share: shares.find(s => s.indicator === 1 && s.level === 'riket')?.share,
    misspelt: misspelt.success ? 'accepted' : misspelt.error.issues.map(i => i.message),
    wrongCode: wrongCode.success ? 'accepted' : wrongCode.error.issues.map(i => i.message)
}));
`;

let dir: string;
let tarball: string;
const env = systemEnv();

beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oj-generated-'));
    if (!reachable) return;
    const generated = await runOj(['generate', path.join(root, 'examples/oj2019'), '--out', 'paket'], dir);
    expect(generated.code).toBe(0);
}, 5 * MINUTES);

afterAll(() => fs.promises.rm(dir, { recursive: true, force: true }), 10 * MINUTES);

describe.skipIf(!reachable)('the generated package, packed and installed elsewhere', () => {
    test(
        'declares the Node versions it runs on and builds dist when packed',
        async () => {
            const pkg = path.join(dir, 'paket');
            const manifest = JSON.parse(fs.readFileSync(path.join(pkg, 'package.json'), 'utf-8'));
            expect(manifest.engines).toEqual({ node: '>=20' });
            expect(manifest.scripts.prepare).toBe('npm run build');
            expect(manifest.scripts.test).not.toMatch(/[*?]/);
            const readme = fs.readFileSync(path.join(pkg, 'README.md'), 'utf-8');
            for (const section of ['## Requirements', '## Install', '## Build', '## Use'])
                expect(readme).toContain(`\n${section}\n`);
            expect(readme).toContain('Node.js 20 or later');
            // Dependencies without running prepare, so that `npm pack` alone must build dist.
            await run('npm', ['install', '--ignore-scripts'], { cwd: pkg, env, timeout: 10 * MINUTES });
            expect(fs.existsSync(path.join(pkg, 'dist'))).toBe(false);
            const { stdout } = await run('npm', ['pack', '--json'], {
                cwd: pkg,
                env,
                timeout: 5 * MINUTES,
                maxBuffer: 16 * 1024 * 1024,
            });
            const [packed] = JSON.parse(stdout.slice(stdout.indexOf('['))) as Array<{
                filename: string;
                files: Array<{ path: string }>;
            }>;
            const files = packed.files.map((f) => f.path);
            expect(files).toEqual(
                expect.arrayContaining([
                    'dist/src/index.js',
                    'dist/src/index.d.ts',
                    'dist/src/schema.js',
                    'README.md',
                    'package.json',
                ]),
            );
            expect(files.filter((f) => f.startsWith('dist/test/'))).toEqual([]);
            tarball = path.join(pkg, packed.filename);
            expect(fs.existsSync(tarball)).toBe(true);
        },
        15 * MINUTES,
    );

    test.skipIf(!hasNode20)(
        'its own npm test passes on Node 20',
        async () => {
            const { stdout } = await run('npm', ['test'], {
                cwd: path.join(dir, 'paket'),
                env: { ...env, PATH: `${path.dirname(NODE20)}${path.delimiter}${env.PATH}` },
                timeout: 5 * MINUTES,
            });
            expect(stdout).toMatch(/# pass [1-9]\d*\n# fail 0/);
        },
        10 * MINUTES,
    );

    /** A fresh folder with a small strict TypeScript consumer: install the tarball, compile, run, all on `node`. */
    async function consumeOn(node: string): Promise<void> {
        expect(tarball, 'the tarball of the first test').toBeDefined();
        const consumer = fs.mkdtempSync(path.join(dir, 'konsument-'));
        fs.writeFileSync(
            path.join(consumer, 'package.json'),
            JSON.stringify({ name: 'konsument', private: true, type: 'module' }, null, 2),
        );
        fs.writeFileSync(
            path.join(consumer, 'tsconfig.json'),
            JSON.stringify(
                {
                    compilerOptions: {
                        target: 'ES2022',
                        module: 'NodeNext',
                        moduleResolution: 'NodeNext',
                        strict: true,
                        outDir: 'dist',
                        skipLibCheck: false,
                        types: [],
                    },
                    include: ['main.ts'],
                },
                null,
                2,
            ),
        );
        fs.writeFileSync(path.join(consumer, 'main.ts'), CONSUMER);
        // The package and zod from the registry; TypeScript too, since the consumer compiles with its own.
        const paths = { ...env, PATH: `${path.dirname(node)}${path.delimiter}${env.PATH}` };
        await run('npm', ['install', tarball, 'typescript@~5.9.0'], { cwd: consumer, env: paths, timeout: 10 * MINUTES });
        expect(fs.existsSync(path.join(consumer, 'node_modules/zod/package.json'))).toBe(true);
        await run(node, [path.join(consumer, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], {
            cwd: consumer,
            timeout: 5 * MINUTES,
        });
        const { stdout } = await run(node, ['dist/main.js'], { cwd: consumer });
        const out = JSON.parse(stdout);
        expect(out).toMatchObject({ status: 'met', explained: true, share: 1 });
        expect(out.variables).toBeGreaterThan(100);
        expect(out.misspelt).toEqual(['Okänd kolumn, ingen variabel i modellen: I01_01 (menade du I01_1?)']);
        expect(out.wrongCode).toEqual(['"7" är ingen kod i JN; giltiga koder: 1, 2']);
    }

    test.skipIf(!hasNode20)(
        'installs from the tarball in a fresh folder, imports and type-checks with tsc --strict on Node 20',
        () => consumeOn(NODE20),
        15 * MINUTES,
    );

    test(
        'installs from the tarball in a fresh folder, imports and type-checks with tsc --strict on Node 22',
        () => consumeOn(NODE22),
        15 * MINUTES,
    );
});
