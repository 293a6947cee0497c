/**
 * Which files a command works on: the file it was started from and every other file of the same
 * survey in the workspace (the same set the linker resolves names in, see OjScopeProvider), like
 * `oj check examples/oj2019` on the command line. Last year's survey may sit in the same workspace;
 * its files are left out.
 */
import * as path from 'node:path';
import { type LangiumDocument, URI, UriUtils } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { type Indicator, type Model, isIndicator, surveyKeyOfModel } from '@oj/language';
import { ResponseError } from 'vscode-languageserver';
import { type ModelErrorData, OjErrorCodes } from '../protocol.js';

export interface ModelSet {
    document: LangiumDocument<Model>;
    documents: Array<LangiumDocument<Model>>;
    models: Model[];
    /** The survey's name, or '' for a file that names none. */
    survey: string;
}

export function modelSetOf(shared: LangiumSharedServices, uri: string): ModelSet {
    const documents = shared.workspace.LangiumDocuments;
    const parsed = URI.parse(uri);
    if (!documents.hasDocument(parsed)) {
        throw new ResponseError(OjErrorCodes.UnknownDocument, `Unknown document: ${uri}`);
    }
    const document = documents.getDocument(parsed) as LangiumDocument<Model>;
    const survey = surveyKeyOfModel(document.parseResult.value);
    const members = documents.all
        .filter((d) => survey === '' || [survey, ''].includes(surveyKeyOfModel(d.parseResult.value as Model)))
        .toArray() as Array<LangiumDocument<Model>>;
    // File-name order, as the command line loads them, so outputs do not depend on opening order.
    members.sort((a, b) => a.uri.toString().localeCompare(b.uri.toString()));
    return { document, documents: members, models: members.map((d) => d.parseResult.value), survey };
}

/** Refuses to generate from a model with errors, naming the first few as the Problems view would. */
export function assertNoErrors(set: ModelSet): void {
    const errors: ModelErrorData['errors'] = [];
    for (const document of set.documents) {
        for (const diagnostic of document.diagnostics ?? []) {
            if ((diagnostic.severity ?? 1) !== 1) continue;
            errors.push({
                file: UriUtils.basename(document.uri),
                line: diagnostic.range.start.line + 1,
                message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
            });
        }
    }
    if (errors.length > 0) {
        errors.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
        const data: ModelErrorData = { errors: errors.slice(0, 5), total: errors.length };
        throw new ResponseError(OjErrorCodes.ModelHasErrors, `${errors.length} errors in the model`, data);
    }
}

/** The indicators declared in one document, in source order. */
export function indicatorsOfDocument(document: LangiumDocument<Model>): Indicator[] {
    return document.parseResult.value.elements.filter(isIndicator);
}

export function filesOf(set: ModelSet): string[] {
    return set.documents.map((d) => path.basename(d.uri.fsPath));
}
