import * as fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import { TextDocument, URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createOjServices, collectModelFiles } from '@oj/language';
import { syntheticWorkspaceDir, median, percentile } from './support.js';
const dir = syntheticWorkspaceDir('tenfold');
const { shared } = createOjServices(NodeFileSystem);
const docs = collectModelFiles([dir]).map(f => shared.workspace.LangiumDocumentFactory.fromString(fs.readFileSync(f, 'utf-8'), URI.file(f)));
docs.forEach(d => shared.workspace.LangiumDocuments.addDocument(d));
await shared.workspace.DocumentBuilder.build(docs, { validation: true });
const target = docs.find(d => d.uri.fsPath.endsWith('indikatorer-04-socialpsykiatri.oj'))!;
const original = target.textDocument.getText();
const at = original.indexOf('\n    exempel "', Math.floor(original.length * 0.8));
const at2 = original.indexOf('{\n', at) + 2;
const text = '        fråga i = Nej\n';
let v = 1;
const session = new Session(); session.connect();
await session.post('Profiler.enable'); await session.post('Profiler.start');
const times: number[] = [];
for (let rep = 0; rep < 3; rep++) for (let i = 1; i <= text.length; i++) {
    shared.workspace.TextDocuments!.set(TextDocument.create(target.uri.toString(), 'oj', v++, original.slice(0, at2) + text.slice(0, i) + original.slice(at2)));
    const t = performance.now();
    await shared.workspace.DocumentBuilder.update([target.uri], []);
    times.push(performance.now() - t);
}
const { profile } = await session.post('Profiler.stop');
fs.writeFileSync('/tmp/edit.cpuprofile', JSON.stringify(profile));
console.log('median', median(times).toFixed(1), 'p95', percentile(times, 95).toFixed(1));
