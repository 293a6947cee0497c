/**
 * A web editor as a page embeds the language: Monaco with monaco-languageclient talking to the
 * language server's web worker (out/server/worker.js), the extension's TextMate grammar and language
 * configuration registered as a VS Code extension would register them. The test page loads the
 * 2019 set into models and opens one file; the browser test drives it like a person.
 */
import * as monaco from '@codingame/monaco-vscode-editor-api';
import { EditorApp } from 'monaco-languageclient/editorApp';
import { LanguageClientWrapper } from 'monaco-languageclient/lcwrapper';
import { MonacoVscodeApiWrapper } from 'monaco-languageclient/vscodeApiWrapper';
import { useWorkerFactory, Worker as WorkerLoader } from 'monaco-languageclient/workerFactory';

interface WorkspaceFiles {
    open: string;
    files: Record<string, string>;
}

declare global {
    interface Window {
        ojTest: {
            ready?: boolean;
            error?: string;
            editor?: monaco.editor.IStandaloneCodeEditor;
            monaco: typeof monaco;
        };
    }
}

window.ojTest = { monaco };

async function start(): Promise<void> {
    const workspace = (await (await fetch('/workspace.json')).json()) as WorkspaceFiles;
    const extensionFiles = new Map<string, string | URL>([
        ['/language-configuration.json', new URL('/extension/language-configuration.json', location.href)],
        ['/oj.tmLanguage.json', new URL('/extension/oj.tmLanguage.json', location.href)],
    ]);
    const manifest = (await (await fetch('/extension/package.json')).json()) as {
        contributes: { languages: Array<Record<string, unknown>> };
    };
    const language = { ...manifest.contributes.languages[0], configuration: './language-configuration.json', icon: undefined };

    const api = new MonacoVscodeApiWrapper({
        $type: 'extended',
        viewsConfig: { $type: 'EditorService' },
        monacoWorkerFactory: () =>
            useWorkerFactory({
                workerLoaders: {
                    editorWorkerService: () => new WorkerLoader('/editor.worker.js', { type: 'module' }),
                    TextMateWorker: () => new WorkerLoader('/textmate.worker.js', { type: 'module' }),
                },
            }),
        userConfiguration: {
            json: JSON.stringify({
                'workbench.colorTheme': 'Default Light Modern',
                'editor.wordBasedSuggestions': 'off',
                'editor.semanticHighlighting.enabled': true,
                'editor.hover.delay': 100,
            }),
        },
        extensions: [
            {
                config: {
                    name: 'oj-indicators',
                    publisher: 'oj-indicators',
                    version: '0.0.0',
                    engines: { vscode: '*' },
                    contributes: {
                        languages: [language],
                        grammars: [{ language: 'oj', scopeName: 'source.oj', path: './oj.tmLanguage.json' }],
                    },
                },
                filesOrContents: extensionFiles,
            },
        ],
    });
    await api.start();

    // Every file of the survey is open, so that names resolve across files (the worker has no file system).
    for (const [name, text] of Object.entries(workspace.files)) {
        if (name !== workspace.open) monaco.editor.createModel(text, 'oj', monaco.Uri.file(`/workspace/${name}`));
    }
    const client = new LanguageClientWrapper({
        languageId: 'oj',
        clientOptions: { documentSelector: ['oj'] },
        connection: {
            options: { $type: 'WorkerDirect', worker: new Worker('/server/worker.js', { name: 'oj-language-server' }) },
        },
    });
    await client.start();

    const app = new EditorApp({
        codeResources: { modified: { text: workspace.files[workspace.open], uri: `/workspace/${workspace.open}` } },
        editorOptions: { minimap: { enabled: false }, fontSize: 14 },
    });
    await app.start(document.getElementById('editor')!);
    window.ojTest.editor = app.getEditor();
    window.ojTest.ready = true;
}

start().catch((error) => {
    console.error(error);
    window.ojTest.error = String(error?.stack ?? error);
});
