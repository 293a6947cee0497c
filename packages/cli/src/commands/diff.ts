/** `oj diff`: what changed between last year's model and next year's, behaviour included. */
import { Option, type Command } from 'commander';
import { diffDocument, diffModels, renderTerminal, type ModelDiff } from '@oj/changes';
import { renderDocx, renderHtml } from '@oj/documents';
import { writeFilesAtomically } from '@oj/evaluator';
import { useColor } from '../color.js';
import { inputError, usageError, withExamples } from '../frame.js';
import { errorCount, openModel, openPreviousYear } from '../workspace.js';

export async function diffWorkspaces(before: string, after: string): Promise<{ diff: ModelDiff; errors: number }> {
    const old = await openPreviousYear(before);
    const now = await openModel([after]);
    return { diff: diffModels(old.models, now.models), errors: old.errors.length + errorCount(now) };
}

export function registerDiff(program: Command, setExitCode: (code: number) => void): void {
    const command = program
        .command('diff')
        .description(
            'Jämför två års modeller: indikatorer, texter, frågor och exakt vilka svarskombinationer som får ett annat utfall',
        )
        .argument('<före>', 'förra årets modell (fil eller mapp)')
        .argument('<efter>', 'nästa års modell (fil eller mapp)')
        .option('--json', 'skriv jämförelsen som JSON')
        .addOption(new Option('-f, --format <format>', 'skriv jämförelsen som dokument för granskare').choices(['html', 'docx']))
        .option('-o, --out <fil>', 'fil att skriva dokumentet till (HTML kan skrivas till standard ut)')
        .option('--date <ÅÅÅÅ-MM-DD>', 'dokumentets datum (annars dagens)')
        .action(
            async (
                before: string,
                after: string,
                options: { json?: boolean; format?: 'html' | 'docx'; out?: string; date?: string },
            ) => {
                if (options.format === 'docx' && !options.out) throw usageError('--out krävs för docx.');
                if (options.date && !/^\d{4}-\d{2}-\d{2}$/.test(options.date))
                    throw usageError(`Ogiltigt datum "${options.date}": ange ÅÅÅÅ-MM-DD.`);
                const { diff, errors } = await diffWorkspaces(before, after);
                if (errors > 0) throw inputError(`Modellerna har ${errors} fel; kör "oj check" för att se dem.`);
                if (options.format) {
                    const date = options.date ? new Date(`${options.date}T00:00:00Z`) : new Date();
                    const doc = diffDocument(diff, date);
                    const bytes =
                        options.format === 'docx'
                            ? await renderDocx(doc)
                            : Buffer.from(renderHtml(doc, { standalone: true }), 'utf8');
                    if (options.out) {
                        writeFilesAtomically([{ path: options.out, content: bytes }]);
                        process.stderr.write(`Jämförelsen (${options.format}) skriven till ${options.out}.\n`);
                    } else process.stdout.write(bytes);
                } else if (options.json) {
                    process.stdout.write(JSON.stringify(diff, null, 2) + '\n');
                } else {
                    process.stdout.write(renderTerminal(diff, { color: useColor(process.stdout) }));
                }
                setExitCode(0);
            },
        );
    withExamples(command, [
        'oj diff examples/oj2019 examples/oj2020',
        'oj diff examples/oj2019 examples/oj2020 --format html --out andringar.html',
    ]);
}
