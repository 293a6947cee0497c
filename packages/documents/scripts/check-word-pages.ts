/**
 * Checks the Word contents' page numbers (docx-pages.ts) against LibreOffice's layout of the same
 * file: the synthetic real-year workspace (120 indicators) is written as .docx, converted with
 * `soffice --headless --convert-to pdf`, and the page each indicator table starts on is compared
 * with the page laid out from the model. Needs libreoffice-writer and fonts-liberation (Liberation
 * Sans has Arial's metrics; without it LibreOffice sets a wider font and every page moves).
 *
 *     npx tsx packages/documents/scripts/check-word-pages.ts
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateWorkspace } from '@oj/synthetic';
import { createOjServices, loadWorkspace, type Model } from '@oj/language';
import { NodeFileSystem } from 'langium/node';
import { buildDescriptionDocument, indicatorsOf, renderDocx } from '../src/index.js';
import { wordFormat } from '../src/docx.js';
import { layOutPages } from '../src/docx-pages.js';
import { withContinuedRows } from '../src/docx-continued.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oj-word-pages-'));
for (const file of generateWorkspace({ seed: 2019, indicators: 120, files: 8, year: 2019 })) {
    fs.mkdirSync(path.dirname(path.join(dir, 'model', file.path)), { recursive: true });
    fs.writeFileSync(path.join(dir, 'model', file.path), file.text);
}
const { shared } = createOjServices(NodeFileSystem);
const workspace = await loadWorkspace(shared, [path.join(dir, 'model')]);
const doc = buildDescriptionDocument(workspace.documents.map((d) => d.parseResult.value as Model));
const docx = path.join(dir, 'synthetic.docx');
fs.writeFileSync(docx, await renderDocx(doc));
execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { stdio: 'pipe' });
const pdf = path.join(dir, 'synthetic.pdf');
const count = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
const texts = Array.from({ length: count }, (_v, i) =>
    execFileSync('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), pdf, '-'], { encoding: 'utf8' }),
);
// The file's layout: rows a page breaks are split there (docx-continued.ts), as renderDocx writes them.
const { pages, pageCount, splits } = layOutPages(withContinuedRows(doc, wordFormat()), wordFormat());
const continued = (texts.join('\n').match(/\(forts\.\)/g) ?? []).length;
// The first page after the contents on which a line begins with the indicator's heading.
const libreOffice = indicatorsOf(doc).map(
    (i) => texts.findIndex((t, p) => p > 2 && t.split('\n').some((l) => l.trim().startsWith(i.heading.slice(0, 40)))) + 1,
);
const model = indicatorsOf(doc).map((i) => pages.get(i.id));
const differ = model.flatMap((m, i) =>
    m === libreOffice[i] ? [] : [`${indicatorsOf(doc)[i].heading.slice(0, 30)}: ${m} / ${libreOffice[i]}`],
);
process.stdout.write(
    `Sidor: modellen ${pageCount}, LibreOffice ${count}. Indikatorer på olika sidor: ${differ.length} av ${model.length}. Rader som fortsätter: ${continued} (rader som sidbrytningen ännu delar i modellen: ${splits.length}).\n${differ.join('\n')}\n`,
);
fs.rmSync(dir, { recursive: true, force: true });
process.exitCode = differ.length === 0 && pageCount === count ? 0 : 1;
