import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { generateWorkspace } from '@oj/synthetic';
import { createOjServices, loadWorkspace, type Model } from '@oj/language';
import { NodeFileSystem } from 'langium/node';
import { buildDescriptionDocument, indicatorsOf, renderDocx } from './src/index.js';
import { wordFormat } from './src/docx.js';
import { layOutPages } from './src/docx-pages.js';

const dir = '/tmp/h17/synth';
fs.rmSync(dir, { recursive: true, force: true });
for (const file of generateWorkspace({ seed: 2019, indicators: 120, files: 8, year: 2019 })) {
    fs.mkdirSync(path.dirname(path.join(dir, file.path)), { recursive: true });
    fs.writeFileSync(path.join(dir, file.path), file.text);
}
const { shared } = createOjServices(NodeFileSystem);
const ws = await loadWorkspace(shared, [dir]);
const doc = buildDescriptionDocument(ws.documents.map(d => d.parseResult.value as Model));
fs.writeFileSync('/tmp/h17/s.docx', await renderDocx(doc));
const { pages, pageCount } = layOutPages(doc, wordFormat());
execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', '/tmp/h17/lo', '/tmp/h17/s.docx'], { stdio: 'pipe' });
const loPages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', ['/tmp/h17/lo/s.pdf'], { encoding: 'utf8' }))![1]);
const texts = Array.from({ length: loPages }, (_v, i) => execFileSync('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), '/tmp/h17/lo/s.pdf', '-'], { encoding: 'utf8' }));
const mine = indicatorsOf(doc).map(i => pages.get(i.id));
// LibreOffice: the first page (after the contents) whose text starts a line with the heading.
const lo = indicatorsOf(doc).map(i => { const h = i.heading.slice(0, 40); return texts.findIndex((t, p) => p > 2 && t.split('\n').some(l => l.trim().startsWith(h))) + 1; });
console.log('pageCount', pageCount, 'lo', loPages);
console.log('mine', JSON.stringify(mine));
console.log('lo  ', JSON.stringify(lo));
console.log('diff', mine.map((m, i) => (m !== lo[i] ? `${i}:${m}/${lo[i]}` : '')).filter(Boolean).join(' '));
const secs = doc.sections.flatMap(s => [s, ...s.subsections]);
console.log('sections mine', JSON.stringify(secs.map(s => pages.get(s.id))));
