/**
 * The 2019 example set and a synthetic response file made the way a user makes one: the template
 * (`templateRows`, `templateColumns`) filled with seeded answers, some kommuner left out as
 * non-respondents.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { NodeFileSystem } from 'langium/node';
import { formatCsv } from '@oj/evaluator';
import { codebookRows, createOjServices, loadWorkspace, type Model } from '@oj/language';
import { kommuner } from '@oj/regions';
import { Random } from '@oj/synthetic';
import { templateColumns, templateRows } from '../src/template.js';

export const root = path.resolve(__dirname, '../../..');
export const example = path.join(root, 'examples/oj2019');

export async function loadModels(inputs: string[] = [example]): Promise<Model[]> {
    const { shared } = createOjServices(NodeFileSystem);
    const loaded = await loadWorkspace(shared, inputs);
    return loaded.documents.map((d) => d.parseResult.value);
}

export function tempDir(prefix: string): string {
    return fs.mkdtempSync(path.join(os.tmpdir(), `oj-publishing-${prefix}-`));
}

/** Kommuner the synthetic file leaves out (with their stadsdelar): every seventh of the register, never Stockholm (0180). */
export function isNonRespondent(unit: string): boolean {
    const kod = unit.slice(0, 4);
    return kod !== '0180' && kommuner().findIndex((k) => k.kod === kod) % 7 === 3;
}

/** The rows of the template that the synthetic file answers. */
export function respondingRows(models: Model[]) {
    return templateRows(models).filter((row) => !isNonRespondent(row.unit));
}

/**
 * The respondents with results: the answered rows but Stockholm's own, which is outside every
 * indicator's population in 2019 (målpopulation kommuner, stadsdelar: the city answers by its stadsdelar).
 */
export function evaluatedRows(models: Model[]) {
    return respondingRows(models).filter((row) => row.unit !== '0180');
}

/** The template's rows filled with seeded answer codes (blank now and then, as routing leaves them). */
export function syntheticResponses(models: Model[], seed = 2019): { csv: string; rows: string[][]; columns: string[] } {
    const random = new Random(seed);
    const codebook = codebookRows(models);
    const columns = templateColumns(models);
    const rows = templateRows(models)
        .filter((row) => !isNonRespondent(row.unit))
        .map((row) => [
            row.unit,
            row.name,
            ...codebook.map((variable) => {
                if (random.chance(0.1)) return '';
                if (variable.numeric) return String(random.int(0, 40));
                return String(random.chance(0.55) ? variable.codes[0] : random.pick(variable.codes));
            }),
        ]);
    return { csv: formatCsv(columns, rows), rows, columns };
}
