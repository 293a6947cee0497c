/**
 * Last year's workspace, loaded as `oj diff` and `oj check --previous` load a model: every .oj file
 * under the folder, parsed, linked and validated in services of its own (so that last year's names
 * never resolve in this year's workspace). The editor's language server loads it the same way.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NodeFileSystem } from 'langium/node';
import { collectModelFiles, createOjServices, loadWorkspace, type Model, surveyOfModel } from '@oj/language';

export interface YearWorkspace {
    /** The folder (or file) as given, resolved. */
    folder: string;
    files: string[];
    models: Model[];
    /** The survey's name and year, from the first file that declares one. */
    survey?: string;
    year?: number;
    /** The model's errors, in file order: last year's model is compared only without them. */
    errors: Array<{ file: string; line: number; message: string }>;
}

/** Why last year's workspace cannot be read, in Swedish. */
export class YearWorkspaceError extends Error {}

export async function loadYearWorkspace(folder: string): Promise<YearWorkspace> {
    const resolved = path.resolve(folder);
    if (!fs.existsSync(resolved)) throw new YearWorkspaceError(`Hittar inte ${folder}.`);
    let files: string[];
    try {
        files = collectModelFiles([resolved]);
    } catch (error) {
        throw new YearWorkspaceError(`Kan inte läsa ${folder}: ${(error as Error).message}.`);
    }
    if (files.length === 0) throw new YearWorkspaceError(`Inga modellfiler (.oj) i ${folder}.`);
    const { shared } = createOjServices(NodeFileSystem);
    const loaded = await loadWorkspace(shared, [resolved]);
    const errors: YearWorkspace['errors'] = [];
    for (const [document, diagnostics] of loaded.diagnostics)
        for (const d of diagnostics)
            if ((d.severity ?? 1) === 1)
                errors.push({
                    file: document.uri.fsPath,
                    line: d.range.start.line + 1,
                    message: typeof d.message === 'string' ? d.message : String(d.message),
                });
    const models = loaded.documents.map((d) => d.parseResult.value);
    const survey = models.map(surveyOfModel).find((s) => s);
    return { folder: resolved, files, models, survey: survey?.name, year: survey?.year, errors };
}
