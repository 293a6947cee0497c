/** Runs the `oj` bin as a user does: through the shell's PATH (Node 22 from node_modules/.bin), in a folder. */
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const root = path.resolve(__dirname, '../../..');
const bin = path.join(root, 'node_modules/.bin/oj');

export interface OjRun { code: number; stdout: string; stderr: string }

/** Runs `oj args` in `cwd`; `env` adds to (or, with undefined, removes from) the environment. */
export async function runOj(args: string[], cwd: string, env: Record<string, string | undefined> = {}): Promise<OjRun> {
    const environment: NodeJS.ProcessEnv = { ...process.env, PATH: `${path.join(root, 'node_modules/.bin')}:${process.env.PATH}` };
    for (const [key, value] of Object.entries(env)) {
        if (value === undefined) delete environment[key];
        else environment[key] = value;
    }
    try {
        const { stdout, stderr } = await run(bin, args, { cwd, maxBuffer: 64 * 1024 * 1024, env: environment });
        return { code: 0, stdout, stderr };
    } catch (error) {
        const e = error as { code: number; stdout: string; stderr: string };
        return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
}
