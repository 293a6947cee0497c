/**
 * The generated package's src/schema.ts: a zod schema of one respondent's row of the survey export.
 * Strict: a column that is no variable of the model is reported by name (with the variable it
 * probably meant), not dropped, since a misspelt column would otherwise count as unanswered. An
 * invalid answer names the valid codes of its answer set, and a unit code that names no kommun of
 * the register or stadsdel of the survey (src/units.ts) is refused naming the code.
 */
import { expandToNode, joinToNode, toString } from 'langium/generate';
import { codebookRows, type Model } from '@oj/language';

const q = (text: string) => JSON.stringify(text);

export function schemaModule(models: Model[]): string {
    const rows = codebookRows(models);
    const fields = rows.map((r) =>
        r.numeric
            ? `${q(r.variable)}: count,`
            : `${q(r.variable)}: code([${r.codes.map((c) => q(String(c))).join(', ')}], ${q(r.answerSet)}),`,
    );
    return toString(expandToNode`
        // Generated from the indicator model by oj generate. Do not edit: change the model and regenerate.
        import { z } from 'zod';
        import { unitCodeProblem } from './units.js';

        /** A cell as an export holds it: text, a number, or blank (null, undefined). */
        const cell = z.union([z.string(), z.number(), z.null(), z.undefined()], { error: () => 'Förväntade en kod eller ett antal, som text eller tal, eller en tom cell' });

        /** One of the answer codes of the variable's answer set, as text or number, or blank (routed past, or left empty). */
        function code<const T extends readonly [string, ...string[]]>(codes: T, answerSet: string) {
            const valid: ReadonlySet<string> = new Set(codes);
            return cell.transform((value, ctx): T[number] | number | '' | null | undefined => {
                if (value === null || value === undefined) return value;
                const text = typeof value === 'number' ? String(value) : value.trim();
                if (text === '' || valid.has(text)) return typeof value === 'number' ? value : text as T[number] | '';
                ctx.issues.push({ code: 'custom', input: value, message: \`"\${text}" är ingen kod i \${answerSet}; giltiga koder: \${codes.join(', ')}\` });
                return z.NEVER;
            }).optional();
        }

        /** A count: a non-negative whole number, as text or number, or blank. */
        const count = cell.transform((value, ctx): number | string | null | undefined => {
            if (value === null || value === undefined) return value;
            if (typeof value === 'number' ? Number.isInteger(value) && value >= 0 : /^\\s*\\d*\\s*$/.test(value)) return typeof value === 'number' ? value : value.trim();
            ctx.issues.push({ code: 'custom', input: value, message: \`"\${String(value).trim()}" är inget antal; förväntade ett heltal 0 eller större\` });
            return z.NEVER;
        }).optional();

        /** The survey variables, in codebook order. */
        export const variables = [${rows.map((r) => q(r.variable)).join(', ')}] as const;
        export type Variable = typeof variables[number];

        /** A variable name with leading zeros and case ignored: I01_01 and i1_1 both read i1_1. */
        const loose = (name: string) => name.toLowerCase().replace(/\\d+/g, digits => String(Number(digits)));
        const looseVariables = new Map<string, string>(variables.map(v => [loose(v), v]));

        function unknownColumns(keys: readonly PropertyKey[]): string {
            const named = keys.map(key => {
                const name = String(key);
                const meant = looseVariables.get(loose(name));
                return meant ? \`\${name} (menade du \${meant}?)\` : name;
            });
            return \`\${named.length === 1 ? 'Okänd kolumn' : 'Okända kolumner'}, ingen variabel i modellen: \${named.join(', ')}\`;
        }

        const shape = {
            unit: z.string({ error: 'Kolumnen unit (kommunkod eller stadsdelskod) saknas' }).trim().min(1, 'Kolumnen unit (kommunkod eller stadsdelskod) är tom').superRefine((unit, ctx) => {
                // A kommun of the register or a stadsdel the survey declares; anything else would count in a made-up kommun or län.
                const problem = unitCodeProblem(unit);
                if (problem !== undefined) ctx.addIssue({ code: 'custom', input: unit, message: problem });
            }),
            name: z.string().optional(),
            ${joinToNode(fields, { appendNewLineIfNotEmpty: true })}
        };

        /** One respondent's row of the survey export; a column that is no variable of the model is an error. */
        export const responseRow = z.strictObject(shape, { error: issue => (issue.code === 'unrecognized_keys' ? unknownColumns(issue.keys) : undefined) });

        /** The same row with columns outside the model (comments, the tool's own) dropped instead of reported. */
        export const responseRowIgnoringExtraColumns = z.object(shape);

        export type ResponseRowInput = z.input<typeof responseRow>;
        export type ValidResponseRow = z.output<typeof responseRow>;
    `);
}
