/**
 * Seeded survey responses: one row per respondent (kommun or stadsdel), one column per variable,
 * holding an answer code, a count or a blank, as a survey export looks. The variables come from a
 * model's codebook (`codebookRows` in @oj/language), so responses fit any generated workspace.
 */
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

/** The län codes of Sweden's 21 counties. */
const COUNTIES = ['01', '03', '04', '05', '06', '07', '08', '09', '10', '12', '13', '14', '17', '18', '19', '20', '21', '22', '23', '24', '25'];

/** The storstäder with stadsdelar answering on their own (Stockholm 13, Göteborg 10). */
const DISTRICTS: ReadonlyArray<readonly [string, string, number]> = [['0180', 'Stockholm', 13], ['1480', 'Göteborg', 10]];

/**
 * Respondent codes and names: the storstäder's stadsdelar ("0180-03"), then kommuner with
 * four-digit kommunkoder whose first two digits are a real län (Malmö 1280 among them).
 */
export function respondents(count: number): Array<{ unit: string; name: string }> {
    const result: Array<{ unit: string; name: string }> = [];
    for (const [code, city, districts] of DISTRICTS) {
        for (let d = 1; d <= districts && result.length < count; d++) {
            result.push({ unit: `${code}-${String(d).padStart(2, '0')}`, name: `${city} stadsdel ${d}` });
        }
    }
    const taken = new Set(['0180', '1480']);
    for (let n = 0; result.length < count; n++) {
        if (n >= COUNTIES.length * 98) throw new Error(`at most ${COUNTIES.length * 98 + 23} respondents can be generated`);
        const county = COUNTIES[n % COUNTIES.length];
        const code = n === 0 ? '1280' : `${county}${String(Math.floor(n / COUNTIES.length) + 1).padStart(2, '0')}`;
        if (taken.has(code)) continue;
        taken.add(code);
        result.push({ unit: code, name: code === '1280' ? 'Malmö' : `Kommun ${code}` });
    }
    return result;
}

export function generateResponses(options: ResponseOptions): Responses {
    const random = new Random(options.seed);
    const blankShare = options.blankShare ?? 0.08;
    const rows = respondents(options.respondents).map(({ unit, name }) => [
        unit, name,
        ...options.variables.map(variable => {
            if (random.chance(blankShare)) return '';
            if (variable.numeric) return String(random.chance(0.1) ? 0 : random.int(1, 60));
            if (variable.codes.length === 0) return '';
            // The first option (usually Ja) is the most common answer.
            return String(random.chance(0.55) ? variable.codes[0] : random.pick(variable.codes));
        })
    ]);
    return { columns: ['unit', 'name', ...options.variables.map(v => v.variable)], rows };
}

/** The responses as CSV. Every cell is a code, a count, a kommunkod or a generated name, none needing quotes. */
export function responsesCsv(responses: Responses): string {
    const lines = [responses.columns, ...responses.rows].map(cells => {
        for (const cell of cells) {
            if (/[",\r\n]/.test(cell)) throw new Error(`cell needs quoting: ${cell}`);
        }
        return cells.join(',');
    });
    return lines.join('\n') + '\n';
}
