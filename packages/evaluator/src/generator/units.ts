/**
 * The generated package's src/units.ts: the unit codes that exist, emitted into the package so it
 * stays self-contained — the kommuner of the register (@oj/regions) and the stadsdelar the survey
 * declares — and the check the schema and `aggregate` apply: a code that names no known unit is
 * an error naming it, never a respondent of a made-up kommun or län.
 */
import { expandToNode, joinToNode, toString } from 'langium/generate';
import type { Model } from '@oj/language';
import { kommuner, REGISTER_YEAR } from '@oj/regions';
import { unitRegisterOf } from '../responses.js';

const q = (text: string) => JSON.stringify(text);

export function unitsModule(models: Model[]): string {
    const register = unitRegisterOf(models);
    const list = kommuner();
    const districts = [...register.stadsdelar].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return (
        toString(expandToNode`
        // Generated from the indicator model by oj generate. Do not edit: change the model and regenerate.

        /** The kommuner of the kommun register (SCB, ${REGISTER_YEAR}): kommunkod → namn. */
        export const KOMMUNER: ReadonlyMap<string, string> = new Map([
            ${joinToNode(
                list.map((k) => `[${q(k.kod)}, ${q(k.namn)}]`),
                { separator: ',', appendNewLineIfNotEmpty: true },
            )}
        ]);

        /** The stadsdelar the survey declares: code (kommunkod-NN) → name. */
        export const STADSDELAR: ReadonlyMap<string, string> = new Map<string, string>([
            ${joinToNode(
                districts.map(([code, name]) => `[${q(code)}, ${q(name)}]`),
                { separator: ',', appendNewLineIfNotEmpty: true },
            )}
        ]);

        const SHAPE = 'en kommunkod har fyra siffror (t.ex. 0180), en stadsdel kommunkoden, ett bindestreck och två siffror (t.ex. 0180-01)';

        /** A code quoted in a message: control characters shown as U+XXXX, at most 40 characters. */
        function quoted(text: string): string {
            const shown = [...text].map(c => (/[\\p{Cc}\\p{Cf}]/u.test(c) ? \`U+\${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}\` : c));
            return \`"\${shown.length > 40 ? \`\${shown.slice(0, 40).join('')}…\` : shown.join('')}"\`;
        }

        /**
         * Why a unit code names no known unit (a message naming the code), or undefined when it is a
         * kommun of the register or a stadsdel the survey declares.
         */
        export function unitCodeProblem(unit: string): string | undefined {
            const district = /^(\\d{4})-\\d{2}$/.exec(unit);
            const kod = district ? district[1] : /^\\d{4}$/.test(unit) ? unit : undefined;
            if (kod === undefined) {
                const restored = /^\\d{3}$/.test(unit) ? KOMMUNER.get(\`0\${unit}\`) : undefined;
                return \`\${quoted(unit)} är ingen enhetskod: \${SHAPE}.\${restored ? \` Har den inledande nollan fallit bort (0\${unit}, \${restored})? Spara kolumnen som text.\` : ''}\`;
            }
            const kommun = KOMMUNER.get(kod);
            if (kommun === undefined) return \`Det finns ingen kommun med kommunkoden \${kod} (enhetskod \${quoted(unit)}; kommunregistret ${REGISTER_YEAR}, \${KOMMUNER.size} kommuner).\`;
            if (district && !STADSDELAR.has(unit)) {
                const declared = [...STADSDELAR.keys()].filter(code => code.startsWith(\`\${kod}-\`));
                const known = declared.length > 0 ? \`enkäten anger \${declared.length} i \${kommun}: \${declared[0]}–\${declared[declared.length - 1]}\` : \`enkäten anger inga stadsdelar i \${kommun}\`;
                return \`Stadsdelen \${unit} finns inte bland enkätens stadsdelar (\${known}).\`;
            }
            return undefined;
        }
    `) + '\n'
    );
}
