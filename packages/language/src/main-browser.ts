/** The language server as a web worker, for web editors (Monaco, vscode.dev). */
import { EmptyFileSystem } from 'langium';
import { startLanguageServer } from 'langium/lsp';
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { createOjServices } from './oj-module.js';

// The worker's global scope; typed through the reader's constructor to avoid the WebWorker lib in a Node package.
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

const messageReader = new BrowserMessageReader(self);
const messageWriter = new BrowserMessageWriter(self);
const connection = createConnection(messageReader, messageWriter);
const { shared } = createOjServices({ connection, ...EmptyFileSystem });
startLanguageServer(shared);
