/**
 * The Kolada-shaped export (`oj export kolada`): KPI metadata per indicator and group, and values per
 * kommun (and stadsdel, län, riket) and period, in the shape of Kolada's KPI and data resources, so
 * results can be loaded where municipalities already look. Both files are validated against the
 * zod schemas below before they are written, as JSON and as CSV.
 *
 * Values are percentages throughout, so that a region's value is the mean of its kommuners' values:
 * a kommun that meets the indicator has 100, one that does not 0; a ratio indicator has the
 * respondent's own share. Excluded and missing results have no value (null) and say why in status.
 * Gender: an indicator split per kön (the model's stratification with strata K and M and a total)
 * is divided by gender and has a value per gender, K, M and T (the total); every other has T only.
 * Background measures are not exported: their values are no percentages.
 */
import { z } from 'zod';
import { formatCsv } from '@oj/evaluator';
import {
    exclusionSentence,
    type Indicator,
    lowerIndicator,
    type Model,
    ratioText,
    requirementFor,
    requirementSentence,
    unitLabel,
    unitsOfIndicator,
} from '@oj/language';
import { publishedStatus } from './labels.js';
import { type EvaluatedResults, ownShare, publishedRegions, ResultIndex, stratumTotals, surveyOf } from './results.js';
import { isRatio, partsOf } from './sheets.js';

export const KoladaKpiSchema = z
    .object({
        id: z.string().regex(/^[A-Za-z0-9_]+$/),
        title: z.string().min(1),
        description: z.string(),
        definition: z.string().min(1),
        operating_area: z.string().min(1),
        perspective: z.string(),
        is_divided_by_gender: z.boolean(),
        municipality_type: z.enum(['K', 'L', 'A']),
        publ_period: z.string().regex(/^\d{4}$/),
        /** What the values are: always percent here. */
        unit: z.literal('procent'),
    })
    .strict();

export const KoladaValueSchema = z
    .object({
        kpi: z.string(),
        /** Kolada's municipality id: the kommunkod, "00" + länskod for a län, "0000" for riket. */
        municipality: z.string().regex(/^\d{4}$/),
        municipality_type: z.enum(['K', 'L', 'R']),
        /** A stadsdel's unit code ("0180-01") when the value is a stadsdel's own; Kolada's organisational unit. */
        ou: z
            .string()
            .regex(/^\d{4}-\d{2}$/)
            .optional(),
        period: z.number().int().min(1900).max(2100),
        gender: z.enum(['T', 'K', 'M']),
        value: z.number().min(0).max(100).nullable(),
        /** Respondents behind the value: 1 for a kommun, the denominator for a region. */
        count: z.number().int().min(0),
        status: z.string(),
    })
    .strict();

export type KoladaKpi = z.infer<typeof KoladaKpiSchema>;
export type KoladaValue = z.infer<typeof KoladaValueSchema>;

export interface KoladaExport {
    kpis: KoladaKpi[];
    values: KoladaValue[];
}

/** "OJ2019_02_EB": the survey, the indicator's number and the group. */
export function kpiId(surveyName: string, indicator: Indicator, group: string | undefined): string {
    return [
        surveyName.replace(/[^A-Za-z0-9]/g, ''),
        String(indicator.number).padStart(2, '0'),
        ...(group ? [group.replace(/[^A-Za-z0-9]/g, '')] : []),
    ].join('_');
}

function definitionOf(indicator: Indicator, group: string | undefined): string {
    const unit = group ? unitsOfIndicator(indicator).find((u) => u.name === group) : undefined;
    const requirement = requirementFor(indicator, unit);
    const parts = [
        isRatio(indicator) ? `${ratioText(indicator)}.` : requirement ? requirementSentence(requirement) : '',
        exclusionSentence(indicator) ?? '',
    ];
    return parts.filter(Boolean).join(' ') || indicator.name;
}

const round = (value: number) => Math.round(value * 10_000) / 100;

type Gender = 'T' | 'K' | 'M';

/**
 * The genders an indicator's values are given for, each with the stratum code its results carry
 * (undefined: the indicator's only or total result). Divided by gender only when the stratification
 * is kön's: strata K and M and a total; another stratification is published as its total.
 */
export function gendersOf(indicator: Indicator): { divided: boolean; genders: Array<{ gender: Gender; stratum?: string }> } {
    const strata = lowerIndicator(indicator).units.flatMap((u) => (u.stratum ? [u.stratum] : []));
    const codes = new Set(strata.filter((s) => !s.total).map((s) => s.code));
    const total = strata.find((s) => s.total);
    if (!total || codes.size !== 2 || !codes.has('K') || !codes.has('M')) return { divided: false, genders: [{ gender: 'T' }] };
    return {
        divided: true,
        genders: [
            { gender: 'T', stratum: total.code },
            { gender: 'K', stratum: 'K' },
            { gender: 'M', stratum: 'M' },
        ],
    };
}

export function koladaExport(models: Model[], results: EvaluatedResults): KoladaExport {
    const survey = surveyOf(models);
    const year = survey?.year ?? 0;
    const surveyName = survey?.name ?? 'OJ';
    const index = new ResultIndex(results, stratumTotals(models));
    const kpis: KoladaKpi[] = [];
    const values: KoladaValue[] = [];
    const seen = new Set<string>();
    for (const part of partsOf(models)) {
        for (const entry of part.entries) {
            if (lowerIndicator(entry.indicator).kind === 'measure') continue;
            const { divided, genders } = gendersOf(entry.indicator);
            const id = kpiId(surveyName, entry.indicator, entry.group);
            if (seen.has(id)) continue;
            seen.add(id);
            const unit = entry.group ? unitsOfIndicator(entry.indicator).find((u) => u.name === entry.group) : undefined;
            kpis.push(
                KoladaKpiSchema.parse({
                    id,
                    title: unit ? `${entry.indicator.name}, ${unitLabel(unit)}` : entry.indicator.name,
                    description: entry.indicator.description ?? '',
                    definition: definitionOf(entry.indicator, entry.group),
                    operating_area: unit ? unitLabel(unit) : part.title,
                    perspective: entry.indicator.qualityAreas.join(', '),
                    is_divided_by_gender: divided,
                    municipality_type: 'K',
                    publ_period: String(year),
                    unit: 'procent',
                }),
            );
            for (const r of results.respondents) {
                for (const { gender, stratum } of genders) {
                    const result = index.result(r.unit, entry.indicator.number, entry.group, stratum);
                    if (!result) continue;
                    const own = isRatio(entry.indicator) ? ownShare(result) : undefined;
                    const value =
                        result.status === 'met' ? (own !== undefined ? round(own) : 100) : result.status === 'not_met' ? 0 : null;
                    values.push(
                        KoladaValueSchema.parse({
                            kpi: id,
                            municipality: r.kommunkod,
                            municipality_type: 'K',
                            ...(r.stadsdel ? { ou: r.unit } : {}),
                            period: year,
                            gender,
                            value,
                            count: value === null ? 0 : 1,
                            status: publishedStatus(result.status),
                        }),
                    );
                }
            }
            for (const region of publishedRegions()) {
                if (region.level === 'storstad') continue;
                for (const { gender, stratum } of genders) {
                    const cell = index.cell(entry.indicator.number, entry.group, region.level, region.code, stratum);
                    values.push(
                        KoladaValueSchema.parse({
                            kpi: id,
                            municipality: region.level === 'riket' ? '0000' : `00${region.code}`,
                            municipality_type: region.level === 'riket' ? 'R' : 'L',
                            period: year,
                            gender,
                            value: cell?.share === undefined ? null : round(cell.share),
                            count: cell?.denominator ?? 0,
                            status: cell?.share === undefined ? 'Ingen bedömd' : '',
                        }),
                    );
                }
            }
        }
    }
    return { kpis, values };
}

const KPI_COLUMNS = [
    'id',
    'title',
    'description',
    'definition',
    'operating_area',
    'perspective',
    'is_divided_by_gender',
    'municipality_type',
    'publ_period',
    'unit',
] as const;
const VALUE_COLUMNS = ['kpi', 'municipality', 'municipality_type', 'ou', 'period', 'gender', 'value', 'count', 'status'] as const;

/** kpi.json, kpi.csv, values.json, values.csv. */
export function koladaFiles(data: KoladaExport): Array<{ name: string; content: string }> {
    const csv = <T extends Record<string, unknown>>(columns: readonly string[], rows: T[]) =>
        formatCsv(
            [...columns],
            rows.map((row) =>
                columns.map((c) => {
                    const v = row[c];
                    return v === undefined || v === null ? '' : typeof v === 'boolean' ? (v ? '1' : '0') : (v as string | number);
                }),
            ),
        );
    return [
        { name: 'kpi.json', content: JSON.stringify(data.kpis, null, 2) + '\n' },
        { name: 'kpi.csv', content: csv(KPI_COLUMNS, data.kpis) },
        { name: 'values.json', content: JSON.stringify(data.values, null, 2) + '\n' },
        { name: 'values.csv', content: csv(VALUE_COLUMNS, data.values) },
    ];
}
