/** Runs the `oj` bin as a user does: through the shell's PATH (Node 22 from node_modules/.bin), in a folder. */
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const root = path.resolve(__dirname, '../../..');
const bin = path.join(root, 'node_modules/.bin/oj');

export interface OjRun { code: number; stdout: string; stderr: string }

export async function runOj(args: string[], cwd: string): Promise<OjRun> {
    try {
        const { stdout, stderr } = await run(bin, args, { cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, PATH: `${path.join(root, 'node_modules/.bin')}:${process.env.PATH}` } });
        return { code: 0, stdout, stderr };
    } catch (error) {
        const e = error as { code: number; stdout: string; stderr: string };
        return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
}
