/**
 * Lowering (semantics/lower.ts): the plan of an indicator states what every engine must do,
 * with the language's defaults made explicit: the default exclusion as an 'areaMissing'
 * condition, the requirement that applies to each unit, items read one by one, parts that cannot
 * be read as unknown. And the default exclusion is decided in one source file only.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import {
    type Condition,
    type Indicator,
    lowerIndicator,
    lowerRule,
    lowerUnit,
    type Model,
    readsOf,
    type UnitPlan,
    withoutAst,
} from '../src/index.js';
import { buildText } from './kit/index.js';

const SURVEY = `enkät P "Plan" {
    år 2019
    variabelmönster "P{indikator}_{fråga}{del}[_{grupp}]"
    datakälla "E." målpopulation "A." nämnare "S." redovisningsnivåer kommun
}
svarsalternativ JN { Ja = 1 "Ja" Nej = 2 "Nej" }
svarsalternativ JNE_OMR { Ja = 1 "Ja" Nej = 2 "Nej" EjAktuellt = 3 "Ej aktuellt, området finns inte" kort "Ej aktuellt" området saknas }
område EB "Ekonomiskt bistånd"
område BU "Barn och unga"
`;

async function indicators(text: string): Promise<Indicator[]> {
    const { models } = await buildText(SURVEY + text);
    return models.flatMap((m: Model) => m.elements.filter((e): e is Indicator => e.$type === 'Indicator'));
}

/** A condition in a compact notation: and(…), or(…), not(…), in(var: codes), areaMissing(…), const(…). */
function show(condition: Condition | undefined): string {
    if (!condition) return '–';
    switch (condition.kind) {
        case 'and':
        case 'or':
            return `${condition.kind}(${condition.operands.map(show).join(', ')})`;
        case 'not':
            return `not(${show(condition.operand)})`;
        case 'in':
            return `${condition.read.variable} in ${condition.codes.join('|')}`;
        case 'compare':
            return `${condition.read.variable} ${condition.operator} ${condition.value}`;
        case 'areaMissing':
            return `areaMissing(${condition.parts.map(show).join(', ')})`;
        case 'const':
            return String(condition.value);
    }
}

const summary = (plan: UnitPlan) => ({
    unit: plan.unit,
    exclusion: show(plan.exclusion),
    requirement: show(plan.requirement),
    exception: plan.exception && show(plan.exception),
    variables: plan.variables.map((r) => r.variable),
});

describe('lowering', () => {
    test('the default exclusion is explicit: an answer saying the area does not exist, on every question that has one', async () => {
        const [indicator] = await indicators(`indikator 1 "Routad" { områden EB
            fråga i R: "?" svar JNE_OMR  fråga ii U: "?" svar JN  fråga iii V: "?" svar JNE_OMR
            krävs: Ja på fråga i och Ja på fråga ii }`);
        const plan = lowerIndicator(indicator);
        expect(plan).toMatchObject({ number: 1, name: 'Routad', kind: 'rule', survey: 'P' });
        expect(plan.units.map(summary)).toEqual([
            {
                unit: undefined,
                exclusion: 'areaMissing(P1_1 in 3, P1_3 in 3)',
                requirement: 'and(P1_1 in 1, P1_2 in 1)',
                exception: undefined,
                variables: ['P1_1', 'P1_3', 'P1_2'],
            },
        ]);
    });

    test('an exclusion of its own replaces the default; without either, the exclusion is the constant false', async () => {
        const [own, none] = await indicators(`indikator 1 "Egen" { områden EB
            fråga i R: "?" svar JNE_OMR  fråga ii U: "?" svar JN
            krävs: Ja på fråga i utesluts: Nej på fråga ii undantas: Ja på fråga ii }
            indikator 2 "Ingen" { områden EB fråga i R2: "?" svar JN krävs: inte Nej på fråga i }`);
        expect(summary(lowerUnit(own))).toMatchObject({
            exclusion: 'P1_2 in 2',
            requirement: 'P1_1 in 1',
            exception: 'P1_2 in 1',
        });
        expect(summary(lowerUnit(none))).toMatchObject({ exclusion: 'false', requirement: 'not(P2_1 in 2)' });
    });

    test('per area: each unit reads its own column, gets its variant of the requirement, and alternatives are an or', async () => {
        const [indicator] = await indicators(`indikator 1 "Per område" { områden EB, BU  redovisas för EB, BU
            fråga i R: "?" svar JNE_OMR per område EB, BU
                alternativ A "a" alternativ B "b"
            krävs: Ja på fråga i A ELLER Ja på fråga i B
            för BU krävs: Ja på samtliga alternativ av fråga i }`);
        expect(lowerIndicator(indicator).units.map(summary)).toEqual([
            {
                unit: 'EB',
                exclusion: 'areaMissing(P1_1A_EB in 3, P1_1B_EB in 3)',
                requirement: 'or(P1_1A_EB in 1, P1_1B_EB in 1)',
                exception: undefined,
                variables: ['P1_1A_EB', 'P1_1B_EB'],
            },
            {
                unit: 'BU',
                exclusion: 'areaMissing(P1_1A_BU in 3, P1_1B_BU in 3)',
                requirement: 'and(P1_1A_BU in 1, P1_1B_BU in 1)',
                exception: undefined,
                variables: ['P1_1A_BU', 'P1_1B_BU'],
            },
        ]);
        expect(lowerIndicator(indicator).units[0].unitLabel).toBe('Ekonomiskt bistånd');
    });

    test("the analysis' plan of a rule reads every question whatever the area, named without a group", async () => {
        const [indicator] = await indicators(`indikator 1 "Per område" { områden EB, BU  redovisas för EB, BU
            fråga i R: "?" svar JNE_OMR per område EB, BU
            krävs: Ja på fråga i
            för BU krävs: Ja eller Nej på fråga i }`);
        expect(summary(lowerRule(indicator, indicator.requirements[1]))).toMatchObject({
            exclusion: 'areaMissing(P1_1 in 3)',
            requirement: 'P1_1 in 1|2',
        });
    });

    test('a ratio lowers to sums; a plan is cached until the document is linked again', async () => {
        const [indicator] = await indicators(`indikator 1 "Andel" { områden EB
            fråga i Med: "?" antal  fråga ii Alla: "?" antal alternativ A "k" alternativ B "m"
            andel: fråga i / fråga ii }`);
        const plan = lowerUnit(indicator);
        expect(lowerIndicator(indicator).kind).toBe('ratio');
        expect(plan.ratio?.numerator.reads.map((r) => r.variable)).toEqual(['P1_1']);
        expect(plan.ratio?.denominator.reads.map((r) => [r.variable, r.question, r.item, r.domain.kind])).toEqual([
            ['P1_2A', 'ii', 'A', 'count'],
            ['P1_2B', 'ii', 'B', 'count'],
        ]);
        expect(lowerUnit(indicator)).toBe(plan);
    });

    test('every read names its question, item and the options of its answer set', async () => {
        const [indicator] = await indicators(
            `indikator 1 "Läsning" { områden EB fråga i R: "?" svar JNE_OMR krävs: Ja på fråga i }`,
        );
        const [read] = readsOf(lowerUnit(indicator).requirement);
        expect(read).toMatchObject({ variable: 'P1_1', question: 'i' });
        expect(read.domain).toMatchObject({
            kind: 'codes',
            options: [
                { name: 'Ja', code: '1', label: 'Ja', shortLabel: 'Ja', areaMissing: false },
                { name: 'Nej', code: '2', label: 'Nej', shortLabel: 'Nej', areaMissing: false },
                {
                    name: 'EjAktuellt',
                    code: '3',
                    label: 'Ej aktuellt, området finns inte',
                    shortLabel: 'Ej aktuellt',
                    areaMissing: true,
                },
            ],
        });
    });
});

describe('one source of the default exclusion', () => {
    test('outside generated code, only the lowering reads an option\'s "området saknas" flag', () => {
        const root = path.resolve(__dirname, '../..');
        const readers: string[] = [];
        const visit = (dir: string) => {
            for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
                const full = path.join(dir, entry.name);
                if (entry.isDirectory()) {
                    if (entry.name !== 'generated' && entry.name !== 'node_modules') visit(full);
                } else if (
                    entry.name.endsWith('.ts') &&
                    /\.areaMissing\b|areaMissingOptions\(/.test(fs.readFileSync(full, 'utf-8'))
                )
                    readers.push(path.relative(root, full));
            }
        };
        for (const pkg of fs.readdirSync(root)) {
            if (fs.existsSync(path.join(root, pkg, 'src'))) visit(path.join(root, pkg, 'src'));
        }
        expect(readers).toEqual([path.join('language', 'src', 'semantics', 'lower.ts')]);
    });
});

describe('plans as data', () => {
    test('without its back-links a plan is plain JSON, equal for equal rules', async () => {
        const [a, b] = await indicators(`indikator 1 "A" { områden EB fråga i R: "?" svar JNE_OMR krävs: Ja på fråga i }
            indikator 2 "B" { områden EB fråga i R2: "?" svar JNE_OMR krävs: fråga i är Ja }`);
        const plain = withoutAst(lowerUnit(a));
        expect(JSON.parse(JSON.stringify(plain))).toEqual(plain);
        expect(JSON.stringify(plain)).not.toContain('$container');
        const other = withoutAst(lowerUnit(b));
        // The same rule, written the other way round, for another indicator: only the names differ.
        expect(JSON.stringify(other).replace(/P2_/g, 'P1_').replace('"indicator":2', '"indicator":1')).toBe(
            JSON.stringify(plain),
        );
    });
});
