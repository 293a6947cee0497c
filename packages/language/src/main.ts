/** The language server for Node (started by the VS Code extension over IPC, or over stdio). */
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createOjServices } from './oj-module.js';

const connection = createConnection(ProposedFeatures.all);
const { shared } = createOjServices({ connection, ...NodeFileSystem });
startLanguageServer(shared);
