/**
 * The extension's requests on the server side: the preview, the exports and the generators, each
 * on the model set of the file it was started from (see model-set.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Model } from '@oj/language';
import { examplesOfDocument } from './examples.js';
import { explore } from './explorer.js';
import { type Connection, ErrorCodes, ResponseError } from 'vscode-languageserver';
import { buildDescriptionDocument, renderDocx, renderPdf } from '@oj/documents';
import { codebookCsv as modelCodebookCsv, generateEvaluatorPackage, ResponseFileError } from '@oj/evaluator';
// The workbook alone: the reports' chart libraries stay out of the bundled server.
import { evaluateAndPublish } from '@oj/publishing/workbook';
import {
    DiffRequest,
    type DocumentParams,
    EvaluateResponsesRequest,
    ExamplesRequest,
    type ExamplesParams,
    ExploreRequest,
    ExportCodebookRequest,
    ExportDescriptionRequest,
    type ExportFormat,
    GenerateEvaluatorRequest,
    OjErrorCodes,
    type OjRequest,
    PreviewRequest,
    type PreviewResult,
    SurveyInfoRequest,
} from '../protocol.js';
import { assertNoErrors, filesOf, type ModelSet, modelSetOf } from './model-set.js';
import { PreviewRenderer } from './preview.js';
import type { PreviousYear } from './previous-year.js';

/** The codebook of a model set, as `oj codebook` writes it (a test compares the two byte for byte). */
export function codebookCsv(set: ModelSet): { csv: string; variables: number } {
    return modelCodebookCsv(set.models);
}

/**
 * The preview of a file: the description of its own indicators, with the survey, areas and answer
 * sets of the other files as context; a file without indicators (the survey, the areas) shows them all.
 * An indicator being typed is shown as it last was when complete (see preview.ts).
 */
export function previewOf(set: ModelSet, renderer = new PreviewRenderer()): PreviewResult {
    return renderer.render(set);
}

async function renderDescription(set: ModelSet, format: ExportFormat): Promise<string | Buffer> {
    const description = buildDescriptionDocument(set.models);
    switch (format) {
        case 'docx':
            return renderDocx(description);
        case 'pdf':
            return renderPdf(description);
        default:
            throw new ResponseError(ErrorCodes.InvalidParams, `Unknown format: ${String(format)}`);
    }
}

export function registerOjRequests(connection: Connection, shared: LangiumSharedServices, previous?: PreviousYear): void {
    /**
     * Runs a handler as a reader of the workspace: after the edits already received are built and
     * validated, and with no rebuild replacing the model while it is read.
     */
    const onModelRequest = <P extends DocumentParams, R>(
        type: OjRequest<P, R>,
        handler: (set: ModelSet, params: P) => R | Promise<R>,
    ) => {
        connection.onRequest(type.method, async (params: P) => {
            await shared.workspace.WorkspaceManager.ready;
            return shared.workspace.WorkspaceLock.read(() => handler(modelSetOf(shared, params.textDocument.uri), params));
        });
    };

    connection.onRequest(ExamplesRequest.method, async (params: ExamplesParams) => {
        await shared.workspace.WorkspaceManager.ready;
        return shared.workspace.WorkspaceLock.read(() => {
            const documents = params.textDocument
                ? [modelSetOf(shared, params.textDocument.uri).document]
                : shared.workspace.LangiumDocuments.all.toArray();
            const files = (documents as Array<LangiumDocument<Model>>)
                .map(examplesOfDocument)
                .filter((f) => f.indicators.length > 0);
            files.sort((a, b) => a.uri.localeCompare(b.uri));
            return { files };
        });
    });

    onModelRequest(SurveyInfoRequest, (set) => {
        let errors = 0;
        for (const document of set.documents)
            errors += (document.diagnostics ?? []).filter((d) => (d.severity ?? 1) === 1).length;
        return { survey: set.survey, files: filesOf(set), errors };
    });

    const previews = new PreviewRenderer();
    onModelRequest(PreviewRequest, (set) => previewOf(set, previews));

    onModelRequest(ExploreRequest, (set, params) => explore(set, params) ?? null);

    connection.onRequest(DiffRequest.method, async (params: DocumentParams) => {
        if (!previous) return { configured: false };
        await previous.ready();
        await shared.workspace.WorkspaceManager.ready;
        return shared.workspace.WorkspaceLock.read(() => previous.diffResult(modelSetOf(shared, params.textDocument.uri)));
    });

    onModelRequest(ExportDescriptionRequest, async (set, params) => {
        assertNoErrors(set);
        const content = await renderDescription(set, params.format);
        fs.mkdirSync(path.dirname(params.outFile), { recursive: true });
        fs.writeFileSync(params.outFile, content);
        return { files: [params.outFile] };
    });

    onModelRequest(ExportCodebookRequest, (set, params) => {
        assertNoErrors(set);
        const { csv, variables } = codebookCsv(set);
        fs.mkdirSync(path.dirname(params.outFile), { recursive: true });
        fs.writeFileSync(params.outFile, csv);
        return { files: [params.outFile], variables };
    });

    onModelRequest(GenerateEvaluatorRequest, (set, params) => {
        assertNoErrors(set);
        const files = generateEvaluatorPackage(set.models, params.outDir);
        return { files: files.map((f) => path.join(params.outDir, f.path)) };
    });

    onModelRequest(EvaluateResponsesRequest, async (set, params) => {
        assertNoErrors(set);
        try {
            const summary = await evaluateAndPublish(set.models, params.responsesFile, params.outDir);
            return {
                files: summary.files,
                respondentsRead: summary.respondentsRead,
                respondentsEvaluated: summary.respondentsEvaluated,
                statuses: summary.statuses,
                warnings: summary.warnings,
            };
        } catch (error) {
            if (error instanceof ResponseFileError) {
                throw new ResponseError(OjErrorCodes.InvalidResponses, error.message, { problems: error.problems });
            }
            throw error;
        }
    });
}
