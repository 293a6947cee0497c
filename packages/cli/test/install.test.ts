/**
 * A newcomer's first two commands, on a fresh clone: `npm ci` (which builds what `oj` needs) and then
 * the main job, without `npm test` first. The clone is of the committed HEAD; nothing is copied in
 * by hand (no node_modules, no build output). Slow (a real `npm ci`); skipped only when the npm
 * registry cannot be reached.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import { npmRegistryReachable, root, systemEnv } from './support.js';

const run = promisify(execFile);
const MINUTES = 60_000;

const reachable = await npmRegistryReachable();
if (!reachable) console.warn('install.test.ts: npm-registret nås inte; testet av npm ci på en ny klon hoppas över.');

let dir: string | undefined;
// A whole node_modules: removed asynchronously, so the worker keeps answering vitest meanwhile.
afterAll(async () => {
    if (dir) await fs.promises.rm(dir, { recursive: true, force: true });
}, 10 * MINUTES);

describe('a fresh clone', () => {
    test.skipIf(!reachable)(
        'npm ci, then npx oj check examples/oj2019, exits 0',
        async () => {
            dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oj-clone-'));
            const clone = path.join(dir, 'oj');
            await run('git', ['clone', '--quiet', '--no-hardlinks', root, clone]);
            // As on a fresh machine: the system's node and npm (Node 20 is enough to start, as the README says).
            const env = systemEnv();
            await run('npm', ['ci'], { cwd: clone, env, maxBuffer: 64 * 1024 * 1024, timeout: 20 * MINUTES });
            expect(fs.existsSync(path.join(clone, 'packages/cli/out/main.js'))).toBe(true);
            const { stdout, stderr } = await run('npx', ['oj', 'check', 'examples/oj2019'], {
                cwd: clone,
                env,
                timeout: 5 * MINUTES,
            });
            expect(stdout).toBe('');
            expect(stderr).toMatch(/^\d+ filer kontrollerade: 0 fel, 0 varningar\.\n$/);
        },
        30 * MINUTES,
    );
});
