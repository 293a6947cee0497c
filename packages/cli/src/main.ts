/**
 * The `oj` command line. Each command lives in its own module under commands/ and registers
 * itself here; a command sets the exit code rather than calling process.exit, so output is flushed.
 */
import { Command } from 'commander';
import { registerCheck } from './commands/check.js';
import { registerCodebook } from './commands/codebook.js';
import { registerCoverage } from './commands/coverage.js';
import { registerGenerate } from './commands/generate.js';
import { registerEvaluate } from './commands/evaluate.js';
import { registerDocs } from './commands/docs.js';
import { registerReport } from './commands/report.js';
import { registerExport } from './commands/export.js';
import { registerTemplate } from './commands/template.js';

export async function main(argv: string[]): Promise<number> {
    let exitCode = 0;
    const setExitCode = (code: number) => { exitCode = code; };
    const program = new Command('oj')
        .description('Öppna jämförelser: kontrollera, utvärdera och publicera indikatorer')
        .showHelpAfterError();
    registerCheck(program, setExitCode);
    registerCodebook(program, setExitCode);
    registerCoverage(program, setExitCode);
    registerGenerate(program, setExitCode);
    registerEvaluate(program, setExitCode);
    registerDocs(program, setExitCode);
    registerReport(program, setExitCode);
    registerExport(program, setExitCode);
    registerTemplate(program, setExitCode);
    await program.parseAsync(argv);
    return exitCode;
}
