/**
 * Loads .oj files and folders into one Langium workspace and builds it (parse, link, validate):
 * what the CLI, the generators and the tests do before they read a model.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Model } from '../generated/ast.js';

export const FILE_EXTENSION = '.oj';

/** Every .oj file under the given files and folders, sorted so that runs are reproducible. */
export function collectModelFiles(inputs: string[]): string[] {
    const files = new Set<string>();
    const visit = (entry: string) => {
        const stat = fs.statSync(entry);
        if (stat.isDirectory()) {
            for (const child of fs.readdirSync(entry).sort()) {
                if (child === 'node_modules' || child.startsWith('.')) continue;
                visit(path.join(entry, child));
            }
        } else if (entry.endsWith(FILE_EXTENSION)) {
            files.add(path.resolve(entry));
        }
    };
    for (const input of inputs) {
        if (!fs.existsSync(input)) throw new Error(`Hittar inte ${input}`);
        const stat = fs.statSync(input);
        if (stat.isFile() && !input.endsWith(FILE_EXTENSION)) throw new Error(`${input} är ingen ${FILE_EXTENSION}-fil`);
        visit(input);
    }
    return [...files].sort();
}

export interface LoadedWorkspace {
    documents: Array<LangiumDocument<Model>>;
    diagnostics: Map<LangiumDocument<Model>, Diagnostic[]>;
}

/** Loads and builds the files with validation; documents come back in file-name order. */
export async function loadWorkspace(
    shared: LangiumSharedServices,
    inputs: string[],
    options: { validation?: boolean } = {},
): Promise<LoadedWorkspace> {
    const files = collectModelFiles(inputs);
    const documents = files.map((file) =>
        shared.workspace.LangiumDocumentFactory.fromString<Model>(fs.readFileSync(file, 'utf-8'), URI.file(file)),
    );
    for (const document of documents) shared.workspace.LangiumDocuments.addDocument(document);
    await shared.workspace.DocumentBuilder.build(documents, { validation: options.validation ?? true });
    return { documents, diagnostics: new Map(documents.map((d) => [d, d.diagnostics ?? []])) };
}
