/**
 * Generation times for the description document of a synthetic year (~300 indicators, seeded):
 * PDF and Word from the document model (Word with and without the contents' page numbers, which
 * docx works out by laying the pages out), and LibreOffice's docx→PDF of the same Word file for
 * comparison. Prints the numbers and writes them to bench/results.json. The machine is shared:
 * the load average is printed with the numbers.
 *
 *   cd /work/main && npx tsx packages/documents/bench/docs-bench.ts [--indicators 314] [--seed 2019] [--runs 3]
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NodeFileSystem } from 'langium/node';
import { createOjServices, loadWorkspace, type Model } from '@oj/language';
import { generateWorkspace } from '@oj/synthetic';
import { buildDescriptionDocument, renderDocx, renderPdf } from '../src/index.js';

function option(name: string, fallback: number): number {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const indicators = option('indicators', 314);
const seed = option('seed', 2019);
const runs = option('runs', 3);

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
}

async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
    const start = performance.now();
    const value = await fn();
    return { ms: performance.now() - start, value };
}

function findSoffice(): string | undefined {
    for (const candidate of ['soffice', 'libreoffice']) {
        try {
            execFileSync('which', [candidate], { stdio: 'pipe' });
            return candidate;
        } catch {
            /* not installed */
        }
    }
    return undefined;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oj-docs-bench-'));
try {
    for (const file of generateWorkspace({ seed, indicators, files: 8, year: 2019 })) {
        fs.mkdirSync(path.dirname(path.join(dir, file.path)), { recursive: true });
        fs.writeFileSync(path.join(dir, file.path), file.text);
    }
    const { shared } = createOjServices(NodeFileSystem);
    const workspace = await loadWorkspace(shared, [dir]);
    const models = workspace.documents.map((d) => d.parseResult.value as Model);
    const build = await time(async () => buildDescriptionDocument(models));
    const doc = build.value;

    const pdfTimes: number[] = [];
    const docxTimes: number[] = [];
    const docxPlainTimes: number[] = [];
    let pdf: Buffer = Buffer.alloc(0);
    let docx: Buffer = Buffer.alloc(0);
    for (let run = 0; run < runs; run++) {
        const p = await time(() => renderPdf(doc));
        pdfTimes.push(p.ms);
        pdf = p.value;
        const d = await time(() => renderDocx(doc));
        docxTimes.push(d.ms);
        docx = d.value;
        docxPlainTimes.push((await time(() => renderDocx(doc, { pageNumbers: false }))).ms);
    }
    const pdfPath = path.join(dir, 'indikatorer.pdf');
    const docxPath = path.join(dir, 'indikatorer.docx');
    fs.writeFileSync(pdfPath, pdf);
    fs.writeFileSync(docxPath, docx);

    let libreofficePdfMs: number | null = null;
    const soffice = findSoffice();
    if (soffice) {
        const out = path.join(dir, 'libreoffice');
        const profile = path.join(dir, 'lo-profile');
        const convert = () =>
            execFileSync(
                soffice,
                [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, docxPath],
                { stdio: 'pipe' },
            );
        convert(); // the first start creates the profile; time the second
        const start = performance.now();
        convert();
        libreofficePdfMs = performance.now() - start;
    }

    const pages = (file: string) => {
        try {
            return /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1] ?? '?';
        } catch {
            return '?';
        }
    };
    const results = {
        docs: {
            indicators: models.flatMap((m) => m.elements).filter((e) => e.$type === 'Indicator').length,
            seed,
            runs,
            buildMs: Math.round(build.ms),
            pdfMs: Math.round(median(pdfTimes)),
            docxMs: Math.round(median(docxTimes)),
            docxWithoutPageNumbersMs: Math.round(median(docxPlainTimes)),
            libreofficePdfMs: libreofficePdfMs === null ? null : Math.round(libreofficePdfMs),
            pdfBytes: pdf.length,
            docxBytes: docx.length,
            pdfPages: Number(pages(pdfPath)) || null,
            libreofficePages:
                libreofficePdfMs === null ? null : Number(pages(path.join(dir, 'libreoffice', 'indikatorer.pdf'))) || null,
        },
    };
    console.log(
        `indikatorer: ${results.docs.indicators} (seed ${seed}), dokumentmodell ${results.docs.buildMs} ms, belastning ${os
            .loadavg()
            .map((l) => l.toFixed(1))
            .join(' ')} på ${os.cpus().length} kärnor`,
    );
    console.log(
        `PDF (pdfkit, taggad): ${results.docs.pdfMs} ms median av ${runs} [${pdfTimes.map(Math.round).join(', ')}], ${results.docs.pdfPages} sidor, ${pdf.length} byte`,
    );
    console.log(
        `Word (docx): ${results.docs.docxMs} ms median av ${runs} [${docxTimes.map(Math.round).join(', ')}], ${docx.length} byte; ` +
            `utan sidnummer i innehållsförteckningen ${results.docs.docxWithoutPageNumbersMs} ms [${docxPlainTimes.map(Math.round).join(', ')}]`,
    );
    console.log(
        libreofficePdfMs === null
            ? 'LibreOffice docx→PDF: soffice saknas, inte mätt'
            : `LibreOffice docx→PDF: ${results.docs.libreofficePdfMs} ms, ${results.docs.libreofficePages} sidor`,
    );
    const resultsPath = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results.json');
    fs.writeFileSync(resultsPath, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`skrivet: ${resultsPath}`);
} finally {
    fs.rmSync(dir, { recursive: true, force: true });
}
