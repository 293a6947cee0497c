/**
 * The extension's language server (Node, started by the client over IPC): the language's own
 * server (packages/language/src/main.ts) plus the requests for the preview, the exports and the
 * generators, which need the documents and evaluator packages that the language must not depend on.
 */
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createOjServices } from '@oj/language';
import { registerOjRequests } from './requests.js';

const connection = createConnection(ProposedFeatures.all);
const { shared } = createOjServices({ connection, ...NodeFileSystem });
registerOjRequests(connection, shared);
startLanguageServer(shared);
