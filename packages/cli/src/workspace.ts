/** Loading a model for a command: the language services over the files and folders named. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NodeFileSystem } from 'langium/node';
import {
    collectModelFiles,
    createOjServices,
    loadWorkspace,
    selectSurvey,
    surveyListText,
    type LoadedWorkspace,
    type Model,
    type OjServices,
    type Survey,
} from '@oj/language';
import { describeFileError } from '@oj/evaluator';
import { loadYearWorkspace, type YearWorkspace, YearWorkspaceError } from '@oj/changes';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Diagnostic } from 'vscode-languageserver-types';
import { URI } from 'langium';
import { inputError, usageError } from './frame.js';

export interface CommandWorkspace extends LoadedWorkspace {
    shared: LangiumSharedServices;
    services: OjServices;
    models: Model[];
}

export async function openWorkspace(inputs: string[]): Promise<CommandWorkspace> {
    const { shared, Oj } = createOjServices(NodeFileSystem);
    const loaded = await loadWorkspace(shared, inputs);
    return { ...loaded, shared, services: Oj, models: loaded.documents.map((d) => d.parseResult.value) };
}

/**
 * The workspace a command works on, or a CliError: a path that does not exist or cannot be read,
 * or no .oj file at all, is a file problem (exit 2); a model without indicators has an error (exit 1).
 */
export async function openModel(inputs: string[]): Promise<CommandWorkspace> {
    for (const input of inputs) {
        try {
            fs.accessSync(input, fs.constants.R_OK);
        } catch (error) {
            throw usageError(`Kan inte läsa ${input}: ${describeFileError(error)}.`);
        }
    }
    let files: string[];
    try {
        files = collectModelFiles(inputs);
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw usageError(code ? `Kan inte läsa modellen: ${describeFileError(error)}.` : `${(error as Error).message}.`);
    }
    if (files.length === 0) {
        throw usageError(`Inga modellfiler (.oj) i ${inputs.join(', ')}.`);
    }
    let workspace: CommandWorkspace;
    try {
        workspace = await openWorkspace(inputs);
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code) throw usageError(`Kan inte läsa modellen: ${describeFileError(error)}.`);
        throw error;
    }
    if (indicatorCount(workspace.models) === 0 && errorCount(workspace) === 0) {
        throw inputError(`Modellen i ${inputs.join(', ')} har inga indikatorer.`);
    }
    return workspace;
}

/**
 * Last year's model for `oj diff` and `oj check --previous`, loaded as the editor loads it
 * (`loadYearWorkspace` of @oj/changes); a path that cannot be read is a usage error (exit 2).
 */
export async function openPreviousYear(input: string): Promise<YearWorkspace> {
    try {
        fs.accessSync(input, fs.constants.R_OK);
    } catch (error) {
        throw usageError(`Kan inte läsa ${input}: ${describeFileError(error)}.`);
    }
    let last: YearWorkspace;
    try {
        last = await loadYearWorkspace(input);
    } catch (error) {
        if (error instanceof YearWorkspaceError) throw usageError(error.message);
        throw error;
    }
    if (indicatorCount(last.models) === 0 && last.errors.length === 0) {
        throw inputError(`Modellen i ${input} har inga indikatorer.`);
    }
    return last;
}

export function indicatorCount(models: Model[]): number {
    return models.reduce((n, m) => n + m.elements.filter((e) => e.$type === 'Indicator').length, 0);
}

export interface SurveyWorkspace extends CommandWorkspace {
    /** The survey the command works on; undefined only when the files declare none. */
    survey: Survey | undefined;
}

/**
 * The workspace narrowed to one survey's files: `requested` (the --enkät option) picks it; without
 * it the paths must hold at most one survey. Diagnostics and models are those of the survey's files,
 * so another survey's errors do not stop a command and its indicators and defaults never mix in.
 * Not one survey to choose is a usage error (exit 2) naming the surveys found.
 */
export function narrowToSurvey(workspace: CommandWorkspace, requested?: string): SurveyWorkspace {
    const selection = selectSurvey(workspace.models, requested);
    if (!selection.ok) {
        const found =
            selection.surveys.length === 0
                ? 'ingen enkät'
                : `${selection.surveys.length === 1 ? 'enkäten' : `${selection.surveys.length} enkäter:`} ${surveyListText(selection.surveys)}`;
        const name = (selection.requested ?? '').replace(/[\u0000-\u001F\u007F-\u009F]+/g, ' ');
        throw usageError(
            selection.reason === 'ambiguous'
                ? `Sökvägarna innehåller ${found}. Välj en med --enkät <namn>.`
                : `Enkäten "${name}" finns inte; sökvägarna innehåller ${found}.`,
        );
    }
    const kept = new Set<Model>(selection.models);
    const documents = workspace.documents.filter((d) => kept.has(d.parseResult.value));
    return {
        ...workspace,
        survey: selection.survey,
        documents,
        models: selection.models,
        diagnostics: new Map(documents.map((d) => [d, workspace.diagnostics.get(d) ?? []])),
    };
}

/** Opens the model (see openModel) and narrows it to one survey (see narrowToSurvey). */
export async function openSurveyModel(inputs: string[], requested?: string): Promise<SurveyWorkspace> {
    return narrowToSurvey(await openModel(inputs), requested);
}

/** The --enkät option every command that works on one survey has. */
export const SURVEY_OPTION = ['--enkät <namn>', 'enkäten att arbeta med, när sökvägarna innehåller flera'] as const;

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
    for (const diagnostics of workspace.diagnostics.values())
        errors += diagnostics.filter((d) => severityName(d) === 'error').length;
    return errors;
}
