/**
 * The frame every `oj` command shares: Swedish help and usage errors (commander's own text is
 * English), one exit-code rule, and the errors a command raises to end with a message.
 *
 * Exit codes: 0 success, 1 the input (model or response file) has errors, 2 usage or file problems.
 */
import { Command, CommanderError, Help, type Argument, type Option } from 'commander';

export const EXIT_OK = 0;
export const EXIT_INPUT_ERRORS = 1;
export const EXIT_USAGE = 2;

/** Ends a command with a message on stderr and an exit code (the rule above). */
export class CliError extends Error {
    constructor(
        message: string,
        readonly exitCode: number,
    ) {
        super(message);
    }
}

/** A usage or file problem: exit 2. */
export const usageError = (message: string) => new CliError(message, EXIT_USAGE);
/** The input has errors: exit 1. */
export const inputError = (message: string) => new CliError(message, EXIT_INPUT_ERRORS);

export const EXIT_CODE_HELP = `Slutkoder:
  0  klart utan fel
  1  indata (modellen eller svarsfilen) har fel
  2  felaktigt anrop eller problem med en fil (saknas, kan inte läsas eller skrivas)`;

const TITLES: Record<string, string> = {
    'Usage:': 'Användning:',
    'Arguments:': 'Argument:',
    'Options:': 'Flaggor:',
    'Commands:': 'Kommandon:',
    'Global Options:': 'Globala flaggor:',
};

const quoted = (values: readonly string[]) => values.map((v) => `"${v}"`).join(', ');

/** Commander's help layout with Swedish headings, usage words and option notes. */
export class SwedishHelp extends Help {
    override styleTitle(title: string): string {
        return TITLES[title] ?? title;
    }

    override commandUsage(cmd: Command): string {
        const usage = super.commandUsage(cmd);
        return usage.replace(/\[options\]/g, '[flaggor]').replace(/\[command\]/g, '[kommando]');
    }

    override subcommandTerm(cmd: Command): string {
        return super.subcommandTerm(cmd).replace(/\[options\]/g, '[flaggor]');
    }

    override optionDescription(option: Option): string {
        const notes: string[] = [];
        if (option.argChoices) notes.push(`val: ${quoted(option.argChoices)}`);
        if (option.defaultValue !== undefined && (option.required || option.optional)) {
            notes.push(`standard: ${option.defaultValueDescription ?? JSON.stringify(option.defaultValue)}`);
        }
        return notes.length > 0 ? `${option.description} (${notes.join(', ')})`.trim() : option.description;
    }

    override argumentDescription(argument: Argument): string {
        const notes: string[] = [];
        if (argument.argChoices) notes.push(`val: ${quoted(argument.argChoices)}`);
        if (argument.defaultValue !== undefined)
            notes.push(`standard: ${argument.defaultValueDescription ?? JSON.stringify(argument.defaultValue)}`);
        return notes.length > 0 ? `${argument.description} (${notes.join(', ')})`.trim() : argument.description;
    }
}

/** Commander's usage messages in Swedish, by the error code commander gives them. */
function swedishUsageMessage(message: string, code: string): string {
    const text = message.replace(/^error: /, '');
    const suggestion = (rest: string) =>
        rest
            .replace(/\n\(Did you mean one of (.*)\?\)/, '\n(Menade du någon av $1?)')
            .replace(/\n\(Did you mean (.*)\?\)/, '\n(Menade du $1?)');
    let m: RegExpExecArray | null;
    switch (code) {
        case 'commander.invalidArgument':
            if ((m = /^option '(.+?)' argument '(.*?)' is invalid\.\s*(.*)$/s.exec(text))) {
                return `ogiltigt värde "${m[2]}" för ${m[1]}. ${m[3].replace(/^Allowed choices are (.*)\.$/s, 'Tillåtna värden: $1.')}`.trim();
            }
            if ((m = /^command-argument value '(.*?)' is invalid for argument '(.+?)'\.\s*(.*)$/s.exec(text))) {
                return `ogiltigt värde "${m[1]}" för argumentet ${m[2]}. ${m[3].replace(/^Allowed choices are (.*)\.$/s, 'Tillåtna värden: $1.')}`.trim();
            }
            return text;
        case 'commander.unknownOption':
            if ((m = /^unknown option '(.+?)'(.*)$/s.exec(text))) return `okänd flagga ${m[1]}${suggestion(m[2])}`;
            return text;
        case 'commander.unknownCommand':
            if ((m = /^unknown command '(.+?)'(.*)$/s.exec(text))) return `okänt kommando ${m[1]}${suggestion(m[2])}`;
            return text;
        case 'commander.excessArguments':
            if ((m = /Expected (\d+) arguments? but got (\d+)/.exec(text))) {
                const expected = Number(m[1]);
                return `för många argument: ${expected === 0 ? 'inga' : expected} väntades men ${m[2]} gavs.`;
            }
            return text;
        default:
            return text;
    }
}

/**
 * A commander command that speaks Swedish and exits 2 on every usage error. Subcommands made
 * with `.command()` are of the same class and inherit the help and output settings.
 */
export class OjCommand extends Command {
    override createCommand(name?: string): OjCommand {
        return new OjCommand(name);
    }

    override createHelp(): Help {
        return Object.assign(new SwedishHelp(), this.configureHelp());
    }

    missingArgument(name: string): never {
        return this.usageFailure(`argumentet <${name}> saknas.`, 'commander.missingArgument');
    }

    optionMissingArgument(option: Option): never {
        return this.usageFailure(`flaggan ${option.flags} behöver ett värde.`, 'commander.optionMissingArgument');
    }

    missingMandatoryOptionValue(option: Option): never {
        return this.usageFailure(`flaggan ${option.flags} krävs.`, 'commander.missingMandatoryOptionValue');
    }

    override error(message: string, options: { code?: string; exitCode?: number } = {}): never {
        const code = options.code ?? 'commander.error';
        return super.error(`fel: ${swedishUsageMessage(message, code)}\n${this.helpHint()}`, { code, exitCode: EXIT_USAGE });
    }

    protected usageFailure(message: string, code: string): never {
        return super.error(`fel: ${message}\n${this.helpHint()}`, { code, exitCode: EXIT_USAGE });
    }

    protected helpHint(): string {
        const names = (command: Command | null): string[] => (command ? [...names(command.parent), command.name()] : []);
        return `Skriv "${names(this).join(' ')} --help" för hjälp.`;
    }
}

/** The exit code for a commander exit (help and version are successes). */
export function commanderExitCode(error: CommanderError): number {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help')
        return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    return EXIT_USAGE;
}

/** Adds an example section (and the exit-code rule) to a command's help. */
export function withExamples(command: Command, examples: string[]): Command {
    return command.addHelpText('after', `\nExempel:\n${examples.map((e) => `  $ ${e}`).join('\n')}\n\n${EXIT_CODE_HELP}\n`);
}
