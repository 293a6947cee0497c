/**
 * The reference index is built from the linker's list of each file's references
 * (OjReferenceDescriptionProvider): it must hold exactly what Langium's walk of every node gives.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DefaultReferenceDescriptionProvider, EmptyFileSystem, URI, type ReferenceDescription } from 'langium';
import { describe, expect, test } from 'vitest';
import { generateWorkspace } from '@oj/synthetic';
import { createOjServices } from '../src/index.js';

const EXAMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../examples/oj2019');

const key = (d: ReferenceDescription) =>
    `${d.sourceUri.toString()} ${d.sourcePath} ${d.segment.offset}-${d.segment.end} → ${d.targetUri.toString()} ${d.targetPath} ${d.local}`;

describe('the reference index', () => {
    test.each([
        [
            'examples/oj2019',
            fs
                .readdirSync(EXAMPLES)
                .filter((f) => f.endsWith('.oj'))
                .map((f) => ({ path: f, text: fs.readFileSync(path.join(EXAMPLES, f), 'utf-8') })),
        ],
        // Shared questions, items, variants, exclusions, exceptions, ratios; and a file with an unknown name.
        [
            'a synthetic workspace with a broken reference',
            [
                ...generateWorkspace({ seed: 3, indicators: 40, files: 3 }),
                {
                    path: 'broken.oj',
                    text: 'tillhör OJ\nbegrepp x: med "x" avses "y"\nindikator 99 "Trasig" { områden Saknas }\n',
                },
            ],
        ],
    ])("%s: the same descriptions as Langium's walk of every node", async (_name, files) => {
        const { shared, Oj } = createOjServices(EmptyFileSystem);
        const documents = files.map((f) => shared.workspace.LangiumDocumentFactory.fromString(f.text, URI.file(`/ws/${f.path}`)));
        documents.forEach((d) => shared.workspace.LangiumDocuments.addDocument(d));
        await shared.workspace.DocumentBuilder.build(documents, { validation: false });
        const langiums = new DefaultReferenceDescriptionProvider(Oj);
        let total = 0;
        for (const document of documents) {
            const ours = (await Oj.workspace.ReferenceDescriptionProvider.createDescriptions(document)).map(key).sort();
            const expected = (await langiums.createDescriptions(document)).map(key).sort();
            expect(ours).toEqual(expected);
            total += ours.length;
        }
        expect(total).toBeGreaterThan(100);
    });
});
