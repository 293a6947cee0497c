/** The codebook as a CSV file: one row per survey variable, as `oj codebook` and the editor's export write it. */
import { codebookRows, type Model } from '@oj/language';
import { formatCsv } from './csv.js';

// "stratum" last, so that readers of the earlier columns by position are not disturbed.
export const CODEBOOK_COLUMNS = [
    'variable',
    'indicator',
    'question',
    'item',
    'group',
    'answer_set',
    'codes',
    'text',
    'stratum',
] as const;

export function codebookCsv(models: Model[]): { csv: string; variables: number } {
    const rows = codebookRows(models);
    const csv = formatCsv(
        CODEBOOK_COLUMNS,
        rows.map((r) => [
            r.variable,
            r.indicators.join('|'),
            r.question,
            r.item,
            r.group,
            r.answerSet,
            r.numeric ? 'antal' : r.codes.join('|'),
            r.text,
            r.stratum,
        ]),
    );
    return { csv, variables: rows.length };
}
