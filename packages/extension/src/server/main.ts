/**
 * The extension's language server (Node, started by the client over IPC): the language's own
 * server (packages/language/src/main.ts) plus the requests for the preview, the exports and the
 * generators, which need the documents and evaluator packages that the language must not depend on,
 * and last year's workspace (hover, comparability warning, diff), which needs the changes package.
 */
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createOjServices } from '@oj/language';
import { registerOjRequests } from './requests.js';
import { PreviousYear } from './previous-year.js';

const connection = createConnection(ProposedFeatures.all);
const { shared, Oj } = createOjServices({ connection, ...NodeFileSystem });
const previousYear = new PreviousYear(connection, shared);
previousYear.register(Oj);
registerOjRequests(connection, shared, previousYear);
startLanguageServer(shared);
