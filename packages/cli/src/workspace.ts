/** Loading a model for a command: the language services over the files and folders named. */
import * as path from 'node:path';
import { NodeFileSystem } from 'langium/node';
import { createOjServices, loadWorkspace, type LoadedWorkspace, type Model, type OjServices } from '@oj/language';
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
