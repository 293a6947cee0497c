/**
 * How the editor's documents and the files on disk become the workspace the server builds, for any
 * client's ordinary sequence of notifications (VS Code, Neovim, a raw JSON-RPC client):
 *
 * - closing a document goes back to the file on disk; a document that only ever existed in the
 *   editor (a new file never saved, `untitled:`) leaves the workspace, its diagnostics cleared;
 * - a didOpen followed at once by didClose of a file that is not on disk never ends the server
 *   (the update then finds neither an editor text nor a file);
 * - the workspace's diagnostics are published when it opens, not only after the first didOpen;
 * - published diagnostics carry the version of the text they were computed from.
 */
import {
    DefaultLangiumDocumentFactory,
    DefaultWorkspaceManager,
    type FileSystemProvider,
    type LangiumDocument,
    type LangiumDocuments,
    URI,
} from 'langium';
import { DefaultDocumentUpdateHandler, type LangiumSharedServices } from 'langium/lsp';
import { type CancellationToken, ErrorCodes, ResponseError, type TextDocumentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/** The editor version of the text each document was last parsed from (absent for text read from disk). */
const parsedVersions = new WeakMap<LangiumDocument, number>();

export function parsedVersionOf(document: LangiumDocument): number | undefined {
    return parsedVersions.get(document);
}

/** Whether a URI names a file that exists (false without a file system, as in the web worker). */
export async function existsOnDisk(fileSystem: FileSystemProvider, uri: URI): Promise<boolean> {
    if (uri.scheme !== 'file') return false;
    try {
        return (await fileSystem.stat(uri)).isFile;
    } catch {
        return false;
    }
}

export class OjLangiumDocumentFactory extends DefaultLangiumDocumentFactory {
    /**
     * The editor's text when the document is open, else the file. The editor may close a document
     * between the update that wanted it and its parse (didOpen at once followed by didClose): when
     * there is no file either, the text is empty; the update the close starts removes the document.
     */
    protected override async getUpdatedText(
        document: LangiumDocument,
        textDocument: TextDocument | undefined,
        _cancellationToken: CancellationToken,
    ): Promise<string> {
        if (textDocument) {
            parsedVersions.set(document, textDocument.version);
            return textDocument.getText();
        }
        parsedVersions.delete(document);
        try {
            return await this.fileSystemProvider.readFile(document.uri);
        } catch (error) {
            if (await existsOnDisk(this.fileSystemProvider, document.uri)) throw error;
            return '';
        }
    }
}

export class OjDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    /**
     * After a close the file on disk counts again: the update re-reads it (or, when there is none,
     * the builder removes the document; see OjDocumentBuilder.update).
     */
    didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        this.fireDocumentUpdate([URI.parse(event.document.uri)], []);
    }

    /** As Langium's, except that a failed update is logged instead of ending the server with an unhandled rejection. */
    protected override fireDocumentUpdate(changed: URI[], deleted: URI[]): void {
        this.workspaceManager.ready
            .then(() => this.workspaceLock.write((token) => this.documentBuilder.update(changed, deleted, token)))
            .catch((error) => console.error('Kunde inte uppdatera arbetsytan:', error));
    }
}

export class OjWorkspaceManager extends DefaultWorkspaceManager {
    constructor(services: LangiumSharedServices) {
        super(services);
        // Every file is validated when the workspace opens, so its errors show before anything is opened.
        this.initialBuildOptions = { validation: true };
    }
}

/**
 * Adds the text version to every publishDiagnostics (LSP's `version`), so that a client can drop
 * diagnostics computed from a text it has already changed. Wraps the connection's sender, which
 * Langium's diagnostics handler calls.
 */
export function addDiagnosticVersions(shared: LangiumSharedServices): void {
    const connection = shared.lsp.Connection;
    if (!connection) return;
    const documents: LangiumDocuments = shared.workspace.LangiumDocuments;
    const send = connection.sendDiagnostics.bind(connection);
    connection.sendDiagnostics = (params) => {
        if (params.version !== undefined) return send(params);
        const uri = URI.parse(params.uri);
        const document = documents.hasDocument(uri) ? documents.getDocument(uri) : undefined;
        const version = document ? parsedVersionOf(document) : undefined;
        return send(version === undefined ? params : { ...params, version });
    };
}

/** The requests at a position in a document, by the connection method Langium registers each with. */
const POSITION_REQUESTS = [
    'onHover',
    'onCompletion',
    'onDefinition',
    'onDeclaration',
    'onTypeDefinition',
    'onImplementation',
    'onReferences',
    'onDocumentHighlight',
    'onRenameRequest',
    'onPrepareRename',
    'onSignatureHelp',
] as const;

const isPosition = (value: unknown): boolean =>
    typeof value === 'object' &&
    value !== null &&
    Number.isInteger((value as { line?: unknown }).line) &&
    Number.isInteger((value as { character?: unknown }).character);

/**
 * A request at a position that names no document or no position is the client's mistake: it is
 * answered with InvalidParams (-32602), not with the internal error (-32603) the handler's
 * TypeError would give. Wraps the connection's registration methods before Langium calls them.
 */
export function requirePositionParams(shared: LangiumSharedServices): void {
    const connection = shared.lsp.Connection as unknown as
        Record<string, (handler: (...args: unknown[]) => unknown) => unknown> | undefined;
    if (!connection) return;
    for (const method of POSITION_REQUESTS) {
        const register = connection[method]?.bind(connection);
        if (!register) continue;
        connection[method] = (handler) =>
            register((params: unknown, ...rest: unknown[]) => {
                const p = params as { textDocument?: { uri?: unknown }; position?: unknown } | undefined;
                if (typeof p?.textDocument?.uri !== 'string' || !isPosition(p.position)) {
                    return new ResponseError(
                        ErrorCodes.InvalidParams,
                        'The request needs textDocument.uri and a position { line, character }.',
                    );
                }
                return handler(params, ...rest);
            });
    }
}
