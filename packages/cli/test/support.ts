/** Runs the `oj` bin as a user does: through the shell's PATH (Node 22 from node_modules/.bin), in a folder. */
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const root = path.resolve(__dirname, '../../..');
const bin = path.join(root, 'node_modules/.bin/oj');

export interface OjRun {
    code: number;
    stdout: string;
    stderr: string;
}

/** Runs `oj args` in `cwd`; `env` adds to (or, with undefined, removes from) the environment. */
export async function runOj(args: string[], cwd: string, env: Record<string, string | undefined> = {}): Promise<OjRun> {
    const environment: NodeJS.ProcessEnv = {
        ...process.env,
        PATH: `${path.join(root, 'node_modules/.bin')}:${process.env.PATH}`,
    };
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

/**
 * The environment of a fresh shell on this machine: the system's node and npm, not this checkout's
 * node_modules/.bin (Node 22), and none of the npm_* settings of the npm run that started the tests.
 */
export function systemEnv(): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {
        ...process.env,
        npm_config_audit: 'false',
        npm_config_fund: 'false',
        npm_config_update_notifier: 'false',
    };
    for (const key of Object.keys(env)) {
        if (
            /^npm_/i.test(key) &&
            !['npm_config_audit', 'npm_config_fund', 'npm_config_update_notifier', 'npm_config_cache'].includes(key)
        )
            delete env[key];
    }
    env.PATH = (process.env.PATH ?? '')
        .split(path.delimiter)
        .filter((entry) => !path.resolve(entry).startsWith(root + path.sep))
        .join(path.delimiter);
    return env;
}

/** Whether the npm registry answers (tests that install from it are skipped, saying so, when not). */
export async function npmRegistryReachable(): Promise<boolean> {
    try {
        const { stdout } = await run('npm', ['config', 'get', 'registry'], { cwd: root, env: systemEnv() });
        const registry = stdout.trim().replace(/\/$/, '') || 'https://registry.npmjs.org';
        const response = await fetch(`${registry}/-/ping`, { signal: AbortSignal.timeout(15_000) });
        return response.ok;
    } catch {
        return false;
    }
}

/** The survey, answer set and area the small CLI test models share (one indicator follows). */
export function testSurvey(year = 2019): string {
    return `enkät T${year} "Test" {
    år ${year}
    variabelmönster "T{indikator}_{fråga}"
    datakälla "Enkät."
    målpopulation "Alla kommuner."
    nämnare "De som svarat."
    redovisningsnivåer kommun, län, riket
}

svarsalternativ JN {
    Ja = 1 "Ja"
    Nej = 2 "Nej"
}

område EB "Ekonomiskt bistånd"
`;
}
