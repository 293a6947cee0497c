/** Loading a model for a command: the language services over the files and folders named. */
import * as path from 'node:path';
import { NodeFileSystem } from 'langium/node';
import {
    createOjServices, loadWorkspace, selectSurvey, surveyListText, type LoadedWorkspace, type Model, type OjServices, type Survey
} from '@oj/language';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Diagnostic } from 'vscode-languageserver-types';
import { URI } from 'langium';

export interface CommandWorkspace extends LoadedWorkspace {
    shared: LangiumSharedServices;
    services: OjServices;
    models: Model[];
}

export async function openWorkspace(inputs: string[]): Promise<CommandWorkspace> {
    const { shared, Oj } = createOjServices(NodeFileSystem);
    const loaded = await loadWorkspace(shared, inputs);
    return { ...loaded, shared, services: Oj, models: loaded.documents.map(d => d.parseResult.value) };
}

/** The survey could not be chosen (several and none named, or an unknown name): a usage error, exit code 2. */
export class SurveyChoiceError extends Error {
    readonly exitCode = 2;
}

export interface SurveyWorkspace extends CommandWorkspace {
    /** The survey the command works on; undefined only when the files declare none. */
    survey: Survey | undefined;
}

/**
 * The workspace narrowed to one survey's files: `requested` (the --enkät option) picks it; without
 * it the paths must hold at most one survey. Diagnostics and models are those of the survey's files,
 * so another survey's errors do not stop a command and its indicators and defaults never mix in.
 * Throws SurveyChoiceError naming the surveys found.
 */
export function narrowToSurvey(workspace: CommandWorkspace, requested?: string): SurveyWorkspace {
    const selection = selectSurvey(workspace.models, requested);
    if (!selection.ok) {
        const found = selection.surveys.length === 0 ? 'ingen enkät' : `${selection.surveys.length === 1 ? 'enkäten' : `${selection.surveys.length} enkäter:`} ${surveyListText(selection.surveys)}`;
        const name = (selection.requested ?? '').replace(/[\u0000-\u001F\u007F-\u009F]+/g, ' ');
        throw new SurveyChoiceError(selection.reason === 'ambiguous'
            ? `Sökvägarna innehåller ${found}. Välj en med --enkät <namn>.`
            : `Enkäten "${name}" finns inte; sökvägarna innehåller ${found}.`);
    }
    const kept = new Set<Model>(selection.models);
    const documents = workspace.documents.filter(d => kept.has(d.parseResult.value));
    return {
        ...workspace, survey: selection.survey, documents, models: selection.models,
        diagnostics: new Map(documents.map(d => [d, workspace.diagnostics.get(d) ?? []]))
    };
}

/** Opens the files and folders and narrows them to one survey (see narrowToSurvey). */
export async function openSurveyWorkspace(inputs: string[], requested?: string): Promise<SurveyWorkspace> {
    return narrowToSurvey(await openWorkspace(inputs), requested);
}

/** The --enkät option every command that works on one survey has. */
export const SURVEY_OPTION = ['--enkät <namn>', 'enkäten att arbeta med, när sökvägarna innehåller flera'] as const;

/** Writes a SurveyChoiceError and sets exit code 2; false for other errors (rethrow them). */
export function reportSurveyChoice(error: unknown, setExitCode: (code: number) => void): boolean {
    if (!(error instanceof SurveyChoiceError)) return false;
    process.stderr.write(`${error.message}\n`);
    setExitCode(error.exitCode);
    return true;
}

const SEVERITY = ['', 'error', 'warning', 'info', 'hint'] as const;

export function severityName(diagnostic: Diagnostic): 'error' | 'warning' | 'info' | 'hint' {
    return SEVERITY[diagnostic.severity ?? 1] || 'error';
}

/** A path as the user would type it: relative to the working directory when inside it. */
export function displayPath(uri: URI): string {
    const relative = path.relative(process.cwd(), uri.fsPath);
    return relative.startsWith('..') ? uri.fsPath : relative;
}

export function errorCount(workspace: LoadedWorkspace): number {
    let errors = 0;
    for (const diagnostics of workspace.diagnostics.values()) errors += diagnostics.filter(d => severityName(d) === 'error').length;
    return errors;
}
