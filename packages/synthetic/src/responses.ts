/**
 * Seeded survey responses: one row per respondent (kommun or stadsdel), one column per variable,
 * holding an answer code, a count or a blank, as a survey export looks. The variables come from a
 * model's codebook (`codebookRows` in @oj/language), so responses fit any generated workspace.
 */
import { kommuner } from '@oj/regions';
import { Random } from './random.js';

/** What a response needs to know about a variable; @oj/language's CodebookRow has these fields. */
export interface ResponseVariable {
    variable: string;
    /** Answer codes; empty for a numeric question. */
    codes: readonly number[];
    numeric: boolean;
}

export interface ResponseOptions {
    seed: number;
    respondents: number;
    variables: readonly ResponseVariable[];
    /** Share of blank cells (default 0.08): routing past follow-up questions and unanswered questions. */
    blankShare?: number;
}

export interface Responses {
    /** `unit`, `name`, then the variables. */
    columns: string[];
    rows: string[][];
}

/**
 * The stadsdelar that answer on their own, as a survey declares them: Stockholm's 14
 * stadsdelsområden and Göteborg's 10 stadsdelsnämnder of 2019. The synthetic survey declares these.
 */
export const STADSDELAR: ReadonlyArray<{ code: string; name: string }> = [
    ...[
        'Rinkeby-Kista',
        'Spånga-Tensta',
        'Hässelby-Vällingby',
        'Bromma',
        'Kungsholmen',
        'Norrmalm',
        'Östermalm',
        'Södermalm',
        'Enskede-Årsta-Vantör',
        'Skarpnäck',
        'Farsta',
        'Älvsjö',
        'Hägersten-Liljeholmen',
        'Skärholmen',
    ].map((name, i) => ({ code: `0180-${String(i + 1).padStart(2, '0')}`, name })),
    ...[
        'Angered',
        'Östra Göteborg',
        'Örgryte-Härlanda',
        'Centrum',
        'Majorna-Linné',
        'Askim-Frölunda-Högsbo',
        'Västra Göteborg',
        'Västra Hisingen',
        'Lundby',
        'Norra Hisingen',
    ].map((name, i) => ({ code: `1480-${String(i + 1).padStart(2, '0')}`, name })),
];

/**
 * Respondent codes and names, every one valid against the kommun register and the stadsdelar
 * above: the stadsdelar first ("0180-03"), then the kommuner (Malmö first, Stockholm and Göteborg,
 * whose stadsdelar answer, last). At most 314, as in the real survey.
 */
export function respondents(count: number): Array<{ unit: string; name: string }> {
    const cities = new Set(['0180', '1480']);
    const all = [
        ...STADSDELAR.map((s) => ({ unit: s.code, name: s.name })),
        ...[...kommuner()]
            .sort(
                (a, b) =>
                    Number(b.kod === '1280') - Number(a.kod === '1280') || Number(cities.has(a.kod)) - Number(cities.has(b.kod)),
            )
            .map((k) => ({ unit: k.kod, name: k.namn })),
    ];
    if (count > all.length)
        throw new Error(
            `at most ${all.length} respondents can be generated (${STADSDELAR.length} stadsdelar and the register's kommuner)`,
        );
    return all.slice(0, count);
}

export function generateResponses(options: ResponseOptions): Responses {
    const random = new Random(options.seed);
    const blankShare = options.blankShare ?? 0.08;
    const rows = respondents(options.respondents).map(({ unit, name }) => [
        unit,
        name,
        ...options.variables.map((variable) => {
            if (random.chance(blankShare)) return '';
            if (variable.numeric) return String(random.chance(0.1) ? 0 : random.int(1, 60));
            if (variable.codes.length === 0) return '';
            // The first option (usually Ja) is the most common answer.
            return String(random.chance(0.55) ? variable.codes[0] : random.pick(variable.codes));
        }),
    ]);
    return { columns: ['unit', 'name', ...options.variables.map((v) => v.variable)], rows };
}

/** The responses as CSV. Every cell is a code, a count, a kommunkod or a generated name, none needing quotes. */
export function responsesCsv(responses: Responses): string {
    const lines = [responses.columns, ...responses.rows].map((cells) => {
        for (const cell of cells) {
            if (/[",\r\n]/.test(cell)) throw new Error(`cell needs quoting: ${cell}`);
        }
        return cells.join(',');
    });
    return lines.join('\n') + '\n';
}
