/**
 * The `oj` command line. Each command lives in its own module under commands/ and registers
 * itself here; a command sets the exit code rather than calling process.exit, so output is flushed.
 * Exit codes (frame.ts): 0 success, 1 the input has errors, 2 usage or file problems.
 */
import * as fs from 'node:fs';
import { CommanderError } from 'commander';
import { OutputWriteError } from '@oj/evaluator';
import { registerCheck } from './commands/check.js';
import { registerCodebook } from './commands/codebook.js';
import { registerCoverage } from './commands/coverage.js';
import { registerGenerate } from './commands/generate.js';
import { registerEvaluate } from './commands/evaluate.js';
import { registerDocs } from './commands/docs.js';
import { registerReport } from './commands/report.js';
import { registerExport } from './commands/export.js';
import { registerTemplate } from './commands/template.js';
import { registerNewYear } from './commands/new-year.js';
import { registerDiff } from './commands/diff.js';
import { registerSql } from './commands/sql.js';
import { CliError, commanderExitCode, EXIT_CODE_HELP, EXIT_USAGE, OjCommand } from './frame.js';

function version(): string {
    const manifest = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf-8')) as { version: string };
    return manifest.version;
}

export async function main(argv: string[]): Promise<number> {
    let exitCode = 0;
    const setExitCode = (code: number) => {
        exitCode = code;
    };
    const program = new OjCommand('oj')
        .description('Öppna jämförelser: kontrollera, utvärdera och publicera indikatorer')
        .version(version(), '-V, --version', 'visa versionsnumret')
        .helpOption('-h, --help', 'visa hjälp')
        .helpCommand('help [kommando]', 'Visa hjälp för ett kommando')
        .exitOverride()
        .addHelpText('after', `\nExempel:\n  $ oj check examples/oj2019\n  $ oj check --help\n\n${EXIT_CODE_HELP}\n`);
    registerCheck(program, setExitCode);
    registerCodebook(program, setExitCode);
    registerCoverage(program, setExitCode);
    registerGenerate(program, setExitCode);
    registerEvaluate(program, setExitCode);
    registerDocs(program, setExitCode);
    registerNewYear(program, setExitCode);
    registerDiff(program, setExitCode);
    registerReport(program, setExitCode);
    registerExport(program, setExitCode);
    registerTemplate(program, setExitCode);
    registerSql(program, setExitCode);
    try {
        await program.parseAsync(argv);
    } catch (error) {
        if (error instanceof CommanderError) return commanderExitCode(error);
        if (error instanceof CliError) {
            process.stderr.write(`${error.message}\n`);
            return error.exitCode;
        }
        if (error instanceof OutputWriteError) {
            process.stderr.write(`${error.message}.\n`);
            return EXIT_USAGE;
        }
        throw error;
    }
    return exitCode;
}
