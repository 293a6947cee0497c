/** Test support: load a model, and load generated TypeScript as a module. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { EmptyFileSystem, URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createOjServices, loadWorkspace, type Model } from '@oj/language';
import { generateEvaluatorFiles } from '../src/generator.js';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export async function loadExample(): Promise<Model[]> {
    const { shared } = createOjServices(NodeFileSystem);
    const workspace = await loadWorkspace(shared, [path.join(root, 'examples/oj2019')]);
    return workspace.documents.map(d => d.parseResult.value);
}

export async function loadText(texts: string[]): Promise<Model[]> {
    const { shared } = createOjServices(EmptyFileSystem);
    const documents = texts.map((t, i) => shared.workspace.LangiumDocumentFactory.fromString<Model>(t, URI.file(`/mem/m${i}.oj`)));
    documents.forEach(d => shared.workspace.LangiumDocuments.addDocument(d));
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    const errors = documents.flatMap(d => (d.diagnostics ?? []).filter(x => x.severity === 1));
    if (errors.length > 0) throw new Error(`model has errors: ${errors.map(e => e.message).join('; ')}`);
    return documents.map(d => d.parseResult.value);
}

export interface GeneratedEvaluator {
    evaluate(row: Record<string, unknown>): Array<{ indicator: number; group?: string; status: string; trace: unknown[] }>;
}

/** Transpiles the generated runtime and evaluator to JavaScript in a temp folder and imports them. */
export async function importGenerated(models: Model[]): Promise<GeneratedEvaluator> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oj-generated-'));
    fs.writeFileSync(path.join(dir, 'package.json'), '{"type":"module"}');
    for (const file of generateEvaluatorFiles(models).filter(f => f.path === 'src/runtime.ts' || f.path === 'src/evaluate.ts')) {
        const js = ts.transpileModule(file.content, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
        fs.writeFileSync(path.join(dir, path.basename(file.path).replace(/\.ts$/, '.js')), js);
    }
    return import(pathToFileURL(path.join(dir, 'evaluate.js')).href) as Promise<GeneratedEvaluator>;
}
