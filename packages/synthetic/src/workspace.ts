/**
 * A seeded generator of realistic indicator models: a survey file, shared answer-set, area, term
 * and shared-question files, and N indicators spread over M files the way the published
 * description is sectioned (indicators measured in several areas, then one section per area).
 *
 * Indicators are drawn from the shapes of "Indikatorer – öppna jämförelser 2019" (indicators
 * 1–10): a routine and its follow-up, a routine with lettered parts and alternatives (ELLER), a
 * plan with multiple-choice forms and an area variant (`för BU krävs:`), agreements accepting
 * "Nej, behövs inte", all parts of an agreement, standardised methods, and also counts, shares
 * (`andel`), denominator exceptions (`undantas`) and questions shared between indicators. Every
 * indicator has the printed parts, and most have worked examples whose outcomes follow from the
 * rule by construction, so a generated workspace checks with no errors and no warnings.
 *
 * The output is a pure function of the options: the same seed gives byte-identical files.
 */
import { STADSDELAR } from './responses.js';
import { Random } from './random.js';
import {
    COMMENTS,
    COUNTS,
    DEFINITIONS,
    ERROR_SOURCES,
    FORM_LISTS,
    KNOWLEDGE_SUPPORT,
    LEGISLATION,
    METHODS,
    PURPOSE_SENTENCES,
    ROUTINE_PARTS,
    TERMS,
    TOPICS,
    type Count,
    type Method,
    type Topic,
} from './vocabulary.js';

export interface WorkspaceOptions {
    seed: number;
    /** Number of indicators. */
    indicators: number;
    /** Number of indicator files; the survey, answer sets, areas, terms and shared questions come in files of their own. */
    files: number;
    /** The survey year (default 2024). */
    year?: number;
}

export interface GeneratedFile {
    /** Relative path, with forward slashes. */
    path: string;
    text: string;
}

/** The sizes the benchmarks use. */
export const WORKSPACE_SIZES = {
    /** One year's description: 314 indicators in 2019 (seed document 002, Tabell 1). */
    realYear: { indicators: 314, files: 8 },
    /** Ten times a real year. */
    tenfold: { indicators: 3000, files: 50 },
} as const;

// ------------------------------------------------------------------ areas and answer sets

interface AreaSpec {
    code: string;
    label: string;
    title: string;
    slug: string;
    groups?: ReadonlyArray<readonly [string, string]>;
}

const AREAS: readonly AreaSpec[] = [
    { code: 'EB', label: 'Ekonomiskt bistånd', title: 'Ekonomiskt bistånd', slug: 'ekonomiskt-bistand' },
    { code: 'MB', label: 'Missbruk', title: 'Missbruks- och beroendevård', slug: 'missbruk' },
    {
        code: 'SP',
        label: 'Socialpsykiatri',
        title: 'Stöd till personer med psykisk funktionsnedsättning Socialpsykiatri',
        slug: 'socialpsykiatri',
    },
    { code: 'VNR', label: 'Våld i nära relationer vuxen', title: 'Våld i nära relation', slug: 'vald-i-nara-relationer' },
    { code: 'BU', label: 'Barn och unga', title: 'Sociala barn- och ungdomsvården', slug: 'barn-och-unga' },
    {
        code: 'LSS',
        label: 'LSS',
        title: 'Stöd till personer med funktionsnedsättning LSS',
        slug: 'lss',
        groups: [
            ['LSSB', 'LSS barn'],
            ['LSSV', 'LSS vuxen'],
        ],
    },
    { code: 'AO', label: 'Äldreomsorg', title: 'Äldreomsorg', slug: 'aldreomsorg' },
];

/** The units a matrix question is asked for, in survey order (LSS split into children and adults). */
const ALL_UNITS = ['EB', 'MB', 'SP', 'VNR', 'BU', 'LSSB', 'LSSV', 'AO'] as const;

const AREA_OF_UNIT: Record<string, string> = { LSSB: 'LSS', LSSV: 'LSS' };

const AREA_MISSING = '"Ej aktuellt, området finns inte i vår socialtjänst/kommun" kort "Ej aktuellt" området saknas';

const BASE_ANSWER_SETS: Record<string, readonly string[]> = {
    JN: ['Ja = 1 "Ja"', 'Nej = 2 "Nej"'],
    JNE_OMR: ['Ja = 1 "Ja"', 'Nej = 2 "Nej"', `EjAktuellt = 3 ${AREA_MISSING}`],
    JNE_NY: ['Ja = 1 "Ja"', 'Nej = 2 "Nej"', 'EjAktuellt = 3 "Ej aktuellt, då det upprättades nyligen" kort "Ej aktuellt"'],
    JNBE: ['Ja = 1 "Ja"', 'Nej = 2 "Nej"', 'NejBehövsInte = 3 "Nej, behövs inte"', `EjAktuellt = 4 ${AREA_MISSING}`],
    VAL: ['Vald = 1 "Vald" kort "Ja"', 'EjVald = 0 "Ej vald"'],
};

function methodAnswerSet(method: Method): readonly string[] {
    return [`Ja = 1 "Ja, ${method.name}" kort "Ja"`, 'Nej = 2 "Nej"', `EjAktuellt = 3 ${AREA_MISSING}`];
}

const LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'];

// ------------------------------------------------------------------ indicator drafts

/** Where an indicator is measured: its areas, and the units it is reported for when it is a matrix. */
interface Context {
    number: number;
    areas: string[];
    /** Reported units; empty when the indicator is evaluated once. */
    units: string[];
    random: Random;
    ids: Set<string>;
}

interface ExampleDraft {
    title: string;
    answers: string[];
    outcome: string;
}

interface Draft {
    name: string;
    description: string;
    subject: string;
    kind: 'struktur' | 'process' | 'resultat';
    quality: string;
    direction?: 'positiv' | 'negativ';
    terms: string[];
    /** Question lines, already indented within the indicator (items one step further). */
    questions: string[];
    /** Rule lines: krävs, area variants, utesluts, undantas or andel. */
    rules: string[];
    examples: ExampleDraft[];
    answerSets: string[];
}

const perArea = (ctx: Context) => ctx.units.length > 0;
const areaPhrase = (ctx: Context) => (perArea(ctx) ? ', i nedanstående områden inom socialtjänsten' : '');

/** A question id not yet taken in the workspace: the topic's stem and the question's role. */
function questionId(ctx: Context, stem: string, role: string): string {
    let id = `${stem}${role}`;
    if (ctx.ids.has(id)) id = `${stem}${role}${ctx.number}`;
    for (let n = 2; ctx.ids.has(id); n++) id = `${stem}${role}${ctx.number}_${n}`;
    ctx.ids.add(id);
    return id;
}

/** "fråga ii Id: "text" svar X per område …" with its items on the lines below. */
function questionLines(
    ctx: Context,
    numeral: string,
    id: string,
    text: string,
    answer: string,
    items: readonly string[] = [],
): string[] {
    const per = perArea(ctx) ? ` per område ${ctx.units.join(', ')}` : '';
    return [
        `fråga ${numeral} ${id}: "${text}" ${answer}${per}`,
        ...items.map((item, index) => `    alternativ ${LETTERS[index]} "${item}"`),
    ];
}

function requirementLine(ctx: Context, rule: string): string {
    const qualifier = ctx.random.chance(0.3)
        ? ` "${ctx.random.pick(['på kommunnivå', 'på kommun-/stadsdelsnivå', 'för respektive område'])}"`
        : '';
    return `krävs${qualifier}: ${rule}`;
}

/** "Ja på fråga ii" or, now and then, the question-first form "fråga ii är Ja". */
function condition(ctx: Context, options: string, numeral: string): string {
    return ctx.random.chance(0.25) ? `fråga ${numeral} är ${options}` : `${options} på fråga ${numeral}`;
}

function routine(ctx: Context, topic: Topic): Draft {
    const setI = perArea(ctx) || ctx.random.chance(0.5) ? 'JNE_OMR' : 'JN';
    const strict = ctx.random.chance(0.3);
    const followUp = strict ? 'Ja' : 'Ja eller EjAktuellt';
    const examples: ExampleDraft[] = [
        { title: 'Rutin som följts upp', answers: ['fråga i = Ja', 'fråga ii = Ja'], outcome: 'uppnådd' },
        {
            title: 'Rutinen upprättades nyligen',
            answers: ['fråga i = Ja', 'fråga ii = EjAktuellt'],
            outcome: strict ? 'ej uppnådd' : 'uppnådd',
        },
        { title: 'Ingen rutin', answers: ['fråga i = Nej'], outcome: 'ej uppnådd' },
        ...(setI === 'JNE_OMR'
            ? [{ title: 'Området finns inte i kommunen', answers: ['fråga i = EjAktuellt'], outcome: 'utesluten' }]
            : []),
        { title: 'Uppföljningen obesvarad', answers: ['fråga i = Ja'], outcome: 'saknas' },
    ];
    return {
        name: `Aktuell rutin för ${topic.routine}`,
        description: `Kommunen/stadsdelen har en aktuell, skriftlig och på ledningsnivå beslutad rutin för ${topic.routine}.`,
        subject: topic.subject,
        kind: 'struktur',
        quality: topic.quality,
        terms: ctx.random.sample(['ledningsnivå', 'rutin', 'följtUpp'], ctx.random.int(0, 3)),
        questions: [
            ...questionLines(
                ctx,
                'i',
                questionId(ctx, topic.stem, 'Rutin'),
                `Har ni (mätdatum) en skriftlig och på ledningsnivå beslutad rutin för ${topic.routine}${areaPhrase(ctx)}?`,
                `svar ${setI}`,
            ),
            ...questionLines(
                ctx,
                'ii',
                questionId(ctx, topic.stem, 'Uppföljning'),
                `Har ni någon gång under perioden (12 mån) följt upp rutinen${areaPhrase(ctx)}?`,
                'svar JNE_NY',
            ),
        ],
        rules: [
            requirementLine(ctx, `${condition(ctx, 'Ja', 'i')} och ${condition(ctx, followUp, 'ii')}`),
            ...(setI === 'JNE_OMR' ? ['utesluts: EjAktuellt på fråga i'] : []),
        ],
        examples,
        answerSets: [setI, 'JNE_NY'],
    };
}

function routineWithParts(ctx: Context, topic: Topic): Draft {
    const setI = perArea(ctx) ? 'JNE_OMR' : 'JN';
    const parts = ctx.random.pick(ROUTINE_PARTS).slice(0, ctx.random.int(2, 4));
    const letters = parts.map((_p, i) => LETTERS[i]);
    const all = letters.join(', ');
    const quantified = ctx.random.chance(0.3);
    const rule = quantified
        ? requirementLine(ctx, 'Ja på fråga i och Ja på samtliga alternativ av fråga ii och Ja eller EjAktuellt på fråga iii')
        : `${requirementLine(ctx, `Ja på fråga i och Ja på fråga ii ${all} och Ja på fråga iii`)}\n        ELLER Ja på fråga i och Ja på fråga ii ${all} och EjAktuellt på fråga iii`;
    const examples: ExampleDraft[] = [
        {
            title: 'Rutin med alla delar, uppföljd',
            answers: ['fråga i = Ja', `fråga ii ${all} = Ja`, 'fråga iii = Ja'],
            outcome: 'uppnådd',
        },
        {
            title: 'Rutinen upprättades nyligen och har inte hunnit följas upp',
            answers: ['fråga i = Ja', `fråga ii ${all} = Ja`, 'fråga iii = EjAktuellt'],
            outcome: 'uppnådd',
        },
        {
            title: 'En del saknas i rutinen',
            answers: [
                'fråga i = Ja',
                `fråga ii ${letters.slice(0, -1).join(', ')} = Ja`,
                `fråga ii ${letters[letters.length - 1]} = Nej`,
                'fråga iii = Ja',
            ],
            outcome: 'ej uppnådd',
        },
        { title: 'Ingen rutin: följdfrågorna besvaras inte', answers: ['fråga i = Nej'], outcome: 'ej uppnådd' },
        ...(setI === 'JNE_OMR'
            ? [{ title: 'Området finns inte i kommunen', answers: ['fråga i = EjAktuellt'], outcome: 'utesluten' }]
            : []),
        { title: 'Rutinens delar obesvarade', answers: ['fråga i = Ja', 'fråga iii = Ja'], outcome: 'saknas' },
    ];
    return {
        name: `Aktuell och fullständig rutin för ${topic.routine}`,
        description: `Kommunen/stadsdelen har en aktuell, skriftlig och på ledningsnivå beslutad rutin för ${topic.routine} som innehåller de delar som anges i den tekniska beskrivningen.`,
        subject: topic.subject,
        kind: 'struktur',
        quality: topic.quality,
        terms: ctx.random.sample(['ledningsnivå', 'följtUpp'], ctx.random.int(0, 2)),
        questions: [
            ...questionLines(
                ctx,
                'i',
                questionId(ctx, topic.stem, 'Rutin'),
                `Har ni (mätdatum) en skriftlig och på ledningsnivå beslutad rutin för ${topic.routine}${areaPhrase(ctx)}?`,
                `svar ${setI}`,
            ),
            ...questionLines(
                ctx,
                'ii',
                questionId(ctx, topic.stem, 'Delar'),
                'Innehåller rutinen nedanstående delar',
                'svar JN',
                parts,
            ),
            ...questionLines(
                ctx,
                'iii',
                questionId(ctx, topic.stem, 'Uppföljning'),
                `Har ni någon gång under perioden (12 mån) följt upp rutinen${areaPhrase(ctx)}?`,
                'svar JNE_NY',
            ),
        ],
        rules: [rule, ...(setI === 'JNE_OMR' ? ['utesluts: EjAktuellt på fråga i'] : [])],
        examples,
        answerSets: [setI, 'JN', 'JNE_NY'],
    };
}

/** A plan with multiple-choice forms, where one area must tick one form more (indicator 6). */
function planWithVariant(ctx: Context, topic: Topic): Draft {
    const forms = ctx.random.pick(FORM_LISTS);
    const variant = ctx.units.includes('BU') ? 'BU' : ctx.random.pick(ctx.units);
    const other = ctx.units.find((u) => u !== variant)!;
    return {
        name: `Aktuell samlad plan för ${forms.what} i arbetet med ${topic.subject}`,
        description: `Kommunen/stadsdelen har en aktuell samlad plan för ${forms.what} i arbetet med ${topic.subject}.`,
        subject: topic.subject,
        kind: 'struktur',
        quality: 'Kunskapsbaserad',
        terms: ctx.random.sample(['följtUpp'], ctx.random.int(0, 1)),
        questions: [
            ...questionLines(
                ctx,
                'i',
                questionId(ctx, topic.stem, 'Plan'),
                `Har ni en samlad plan för ${forms.what} i arbetet med ${topic.subject}${areaPhrase(ctx)}?`,
                'svar JNE_OMR',
            ),
            ...questionLines(
                ctx,
                'ii',
                questionId(ctx, topic.stem, 'Former'),
                `Vilka former av ${forms.what} innehåller den samlade planen${areaPhrase(ctx)}?`,
                'svar VAL flerval',
                forms.forms,
            ),
            ...questionLines(
                ctx,
                'iii',
                questionId(ctx, topic.stem, 'Uppföljning'),
                `Har ni någon gång under perioden (12 månader) följt upp den samlade planen${areaPhrase(ctx)}?`,
                'svar JNE_NY',
            ),
        ],
        rules: [
            requirementLine(ctx, 'Ja på fråga i och Vald på fråga ii A, B och Ja eller EjAktuellt på fråga iii'),
            `för ${variant} krävs: Ja på fråga i och Vald på fråga ii A, B, C och Ja eller EjAktuellt på fråga iii`,
            'utesluts: EjAktuellt på fråga i',
        ],
        examples: [
            {
                title: `${forms.forms[0]} och ${forms.forms[1].toLowerCase()} men inte ${forms.forms[2].toLowerCase()}: räcker utom för ${variant}`,
                answers: ['fråga i = Ja', 'fråga ii A, B = Vald', 'fråga ii C, D = EjVald', 'fråga iii = Ja'],
                outcome: `${other}: uppnådd, ${variant}: ej uppnådd`,
            },
            {
                title: 'Alla tre formerna, planen nyligen upprättad',
                answers: ['fråga i = Ja', 'fråga ii A, B, C = Vald', 'fråga ii D = EjVald', 'fråga iii = EjAktuellt'],
                outcome: 'uppnådd',
            },
            { title: 'Ingen samlad plan', answers: ['fråga i = Nej'], outcome: 'ej uppnådd' },
            { title: 'Området finns inte i kommunen', answers: ['fråga i = EjAktuellt'], outcome: 'utesluten' },
            { title: 'Planens former obesvarade', answers: ['fråga i = Ja', 'fråga iii = Ja'], outcome: 'saknas' },
        ],
        answerSets: ['JNE_OMR', 'VAL', 'JNE_NY'],
    };
}

/** An agreement where "Nej, behövs inte" also meets the indicator (indicator 7). */
function agreement(ctx: Context, topic: Topic): Draft {
    const accepted = condition(ctx, 'Ja eller NejBehövsInte', 'i');
    return {
        name: `Aktuell överenskommelse om samverkan kring ${topic.subject}`,
        description: `Kommunen/stadsdelen har aktuella, skriftliga och på ledningsnivå beslutade överenskommelser med externa aktörer om samverkan kring ${topic.subject}.`,
        subject: topic.subject,
        kind: 'struktur',
        quality: 'Helhetssyn och samordning',
        terms: ctx.random.sample(['ledningsnivåÖverenskommelser', 'överenskommelse', 'samverkan'], ctx.random.int(0, 2)),
        questions: [
            ...questionLines(
                ctx,
                'i',
                questionId(ctx, topic.stem, 'Överenskommelse'),
                `Har ni (mätdatum) skriftliga och på ledningsnivå beslutade överenskommelser för samverkan kring ${topic.subject}${areaPhrase(ctx)}?`,
                'svar JNBE',
            ),
            ...questionLines(
                ctx,
                'ii',
                questionId(ctx, topic.stem, 'ÖverenskommelseUppföljd'),
                `Har ni någon gång under perioden (12 mån) följt upp överenskommelserna${areaPhrase(ctx)}?`,
                'svar JNE_NY',
            ),
        ],
        rules: [
            requirementLine(ctx, `${accepted} och ${condition(ctx, 'Ja eller EjAktuellt', 'ii')}`),
            'utesluts: EjAktuellt på fråga i',
        ],
        examples: [
            {
                title: 'Samverkan sker genom samma ansvariga chef',
                answers: ['fråga i = NejBehövsInte', 'fråga ii = EjAktuellt'],
                outcome: 'uppnådd',
            },
            { title: 'Överenskommelser som inte följts upp', answers: ['fråga i = Ja', 'fråga ii = Nej'], outcome: 'ej uppnådd' },
            { title: 'Området finns inte i kommunen', answers: ['fråga i = EjAktuellt'], outcome: 'utesluten' },
            { title: 'Uppföljningen obesvarad', answers: ['fråga i = Ja'], outcome: 'saknas' },
        ],
        answerSets: ['JNBE', 'JNE_NY'],
    };
}

/** An agreement that must contain every lettered part (indicator 8). */
function agreementWithAllParts(ctx: Context, topic: Topic): Draft {
    const parts = ROUTINE_PARTS[2].slice(0, ctx.random.int(2, 4));
    const letters = parts.map((_p, i) => LETTERS[i]);
    return {
        name: `Aktuell överenskommelse med regionen om ${topic.subject}`,
        description: `Kommunen/stadsdelen har en aktuell på ledningsnivå beslutad överenskommelse med regionen om ${topic.subject} som innehåller samtliga delar i den tekniska beskrivningen.`,
        subject: topic.subject,
        kind: 'struktur',
        quality: 'Helhetssyn och samordning',
        terms: ctx.random.sample(['ledningsnivåÖverenskommelser', 'överenskommelse'], ctx.random.int(0, 1)),
        questions: [
            ...questionLines(
                ctx,
                'i',
                questionId(ctx, topic.stem, 'Region'),
                `Har ni en skriftlig och på ledningsnivå beslutad överenskommelse med regionen om ${topic.subject} som innehåller följande delar?`,
                'svar JN',
                parts,
            ),
            ...questionLines(
                ctx,
                'ii',
                questionId(ctx, topic.stem, 'RegionUppföljning'),
                'Har ni någon gång under perioden (12 mån) följt upp överenskommelsen med regionen?',
                'svar JNE_NY',
            ),
        ],
        rules: [requirementLine(ctx, 'Ja på samtliga alternativ av fråga i och Ja eller EjAktuellt på fråga ii')],
        examples: [
            {
                title: 'Överenskommelse med alla delar, uppföljd',
                answers: [`fråga i ${letters.join(', ')} = Ja`, 'fråga ii = Ja'],
                outcome: 'uppnådd',
            },
            {
                title: 'En del saknas',
                answers: [
                    `fråga i ${letters.slice(0, -1).join(', ')} = Ja`,
                    `fråga i ${letters[letters.length - 1]} = Nej`,
                    'fråga ii = Ja',
                ],
                outcome: 'ej uppnådd',
            },
            {
                title: 'En del obesvarad',
                answers: [`fråga i ${letters.slice(0, -1).join(', ')} = Ja`, 'fråga ii = Ja'],
                outcome: 'saknas',
            },
        ],
        answerSets: ['JN', 'JNE_NY'],
    };
}

/** A standardised assessment method in use (indicators 9 and 10). */
function methodInUse(ctx: Context, method: Method, topic: Topic): Draft {
    const set = `METOD_${method.name}`;
    return {
        name: `Använder ${method.name} för att ${method.purpose}`,
        description: `Kommunen/stadsdelen använder den standardiserade bedömningsmetoden ${method.name} för att ${method.purpose}.`,
        subject: topic.subject,
        kind: 'process',
        quality: method.quality,
        terms: ctx.random.sample(['standardiseradBedömningsmetod'], ctx.random.int(0, 1)),
        questions: questionLines(
            ctx,
            'i',
            questionId(ctx, method.name, 'Används'),
            `Använder ni (mätdatum) den standardiserade bedömningsmetoden ${method.name} för att ${method.purpose}${areaPhrase(ctx)}?`,
            `svar ${set}`,
        ),
        rules: [requirementLine(ctx, 'Ja på fråga i'), 'utesluts: EjAktuellt på fråga i'],
        examples: [
            { title: `Använder ${method.name}`, answers: ['fråga i = Ja'], outcome: 'uppnådd' },
            { title: `Använder inte ${method.name}`, answers: ['fråga i = Nej'], outcome: 'ej uppnådd' },
            { title: 'Området finns inte i kommunen', answers: ['fråga i = EjAktuellt'], outcome: 'utesluten' },
            { title: 'Obesvarad', answers: ['fråga i = blankt'], outcome: 'saknas' },
        ],
        answerSets: [set],
    };
}

/** Some of several forms ticked, and the results used (a quantifier over items). */
function anyForm(ctx: Context, topic: Topic): Draft {
    const forms = ctx.random.pick(FORM_LISTS);
    const what = forms.what[0].toUpperCase() + forms.what.slice(1);
    return {
        name: `${what} i arbetet med ${topic.subject}`,
        description: `Kommunen/stadsdelen har under perioden arbetat med ${forms.what} i arbetet med ${topic.subject} och använt resultaten i verksamhetsutvecklingen.`,
        subject: topic.subject,
        kind: 'process',
        quality: 'Individanpassad',
        terms: [],
        questions: [
            ...questionLines(
                ctx,
                'i',
                questionId(ctx, topic.stem, 'Former'),
                `Vilka former av ${forms.what} har ni använt under perioden (12 mån)${areaPhrase(ctx)}?`,
                'svar VAL flerval',
                forms.forms,
            ),
            ...questionLines(
                ctx,
                'ii',
                questionId(ctx, topic.stem, 'Resultat'),
                `Har resultaten använts i verksamhetsutvecklingen${areaPhrase(ctx)}?`,
                'svar JN',
            ),
        ],
        rules: [requirementLine(ctx, 'Vald på något alternativ av fråga i och Ja på fråga ii')],
        examples: [
            {
                title: 'En form använd, resultaten använda',
                answers: [
                    'fråga i A = Vald',
                    `fråga i ${LETTERS.slice(1, forms.forms.length).join(', ')} = EjVald`,
                    'fråga ii = Ja',
                ],
                outcome: 'uppnådd',
            },
            { title: 'Ingen form använd', answers: ['fråga i = EjVald', 'fråga ii = Ja'], outcome: 'ej uppnådd' },
            { title: 'Resultaten inte använda', answers: ['fråga i B = Vald', 'fråga ii = Nej'], outcome: 'ej uppnådd' },
        ],
        answerSets: ['VAL', 'JN'],
    };
}

/** A count compared with a threshold, and the results compiled (a numeric condition). */
function countAtLeast(ctx: Context, count: Count): Draft {
    const [operator, value] = ctx.random.pick([
        ['>', 0],
        ['>', 1],
        ['>=', 2],
        ['>=', 5],
    ] as const);
    return {
        name: `Följer upp hur många ${count.count}`,
        description: `Kommunen/stadsdelen följer upp hur många ${count.count} under perioden och sammanställer resultatet.`,
        subject: count.share,
        kind: 'process',
        quality: 'Effektiv',
        terms: [],
        questions: [
            ...questionLines(
                ctx,
                'i',
                questionId(ctx, count.stem, 'Antal'),
                `Hur många ${count.count} under perioden (12 mån)${areaPhrase(ctx)}?`,
                'antal',
            ),
            ...questionLines(
                ctx,
                'ii',
                questionId(ctx, count.stem, 'Sammanställd'),
                `Har resultatet sammanställts på gruppnivå${areaPhrase(ctx)}?`,
                'svar JN',
            ),
        ],
        rules: [requirementLine(ctx, `antal på fråga i ${operator} ${value} och Ja på fråga ii`)],
        examples: [
            { title: 'Uppföljt och sammanställt', answers: [`fråga i = ${value + 3}`, 'fråga ii = Ja'], outcome: 'uppnådd' },
            { title: 'Inga under perioden', answers: ['fråga i = 0', 'fråga ii = Ja'], outcome: 'ej uppnådd' },
            { title: 'Antalet obesvarat', answers: ['fråga ii = Ja'], outcome: 'saknas' },
        ],
        answerSets: ['JN'],
    };
}

/** A share of summed counts (`andel`). */
function share(ctx: Context, count: Count): Draft {
    return {
        name: `Andel ${count.share}`,
        description: `Andel ${count.share} under perioden.`,
        subject: count.share,
        kind: 'resultat',
        quality: 'Effektiv',
        direction: 'positiv',
        terms: [],
        questions: [
            ...questionLines(
                ctx,
                'i',
                questionId(ctx, count.stem, 'Antal'),
                `Hur många ${count.count} under perioden (12 mån)${areaPhrase(ctx)}?`,
                'antal',
            ),
            ...questionLines(
                ctx,
                'ii',
                questionId(ctx, count.stem, 'Totalt'),
                `Hur många ${count.total} under perioden (12 mån)${areaPhrase(ctx)}?`,
                'antal',
            ),
        ],
        rules: [`andel: fråga i / fråga ii`],
        examples: [
            { title: 'Tolv av fyrtio', answers: ['fråga i = 12', 'fråga ii = 40'], outcome: 'uppnådd' },
            { title: 'Inga under perioden', answers: ['fråga i = 0', 'fråga ii = 0'], outcome: 'utesluten' },
            { title: 'Totalen obesvarad', answers: ['fråga i = 5'], outcome: 'saknas' },
        ],
        answerSets: [],
    };
}

const PEOPLE = /^(personer|barn|anhöriga|föräldrar|unga|våldsutsatta|ensamkommande|placerade|nyanställda)\b/;

/** A service offered, where "Nej, behövs inte" is removed from the denominator (`undantas`). */
function offered(ctx: Context, topic: Topic): Draft {
    return {
        name: `Erbjuder särskilt stöd till ${topic.subject}`,
        description: `Kommunen/stadsdelen erbjuder särskilt stöd till ${topic.subject} och har följt upp stödet.`,
        subject: topic.subject,
        kind: 'process',
        quality: 'Individanpassad',
        terms: [],
        questions: [
            ...questionLines(
                ctx,
                'i',
                questionId(ctx, topic.stem, 'Stöd'),
                `Erbjuder ni (mätdatum) särskilt stöd till ${topic.subject}${areaPhrase(ctx)}?`,
                'svar JNBE',
            ),
            ...questionLines(
                ctx,
                'ii',
                questionId(ctx, topic.stem, 'StödUppföljt'),
                `Har ni någon gång under perioden (12 mån) följt upp stödet${areaPhrase(ctx)}?`,
                'svar JNE_NY',
            ),
        ],
        rules: [
            requirementLine(ctx, 'Ja på fråga i och Ja eller EjAktuellt på fråga ii'),
            'utesluts: EjAktuellt på fråga i',
            'undantas: NejBehövsInte på fråga i',
        ],
        examples: [
            { title: 'Stöd som följts upp', answers: ['fråga i = Ja', 'fråga ii = Ja'], outcome: 'uppnådd' },
            { title: 'Stödet behövs inte i kommunen', answers: ['fråga i = NejBehövsInte'], outcome: 'utesluten' },
            { title: 'Inget stöd', answers: ['fråga i = Nej'], outcome: 'ej uppnådd' },
            { title: 'Uppföljningen obesvarad', answers: ['fråga i = Ja'], outcome: 'saknas' },
        ],
        answerSets: ['JNBE', 'JNE_NY'],
    };
}

/** A question from the common part, shared by several indicators. */
interface SharedQuestion {
    id: string;
    topic: Topic;
    users: number;
}

function withSharedQuestion(ctx: Context, shared: SharedQuestion): Draft {
    const topic = shared.topic;
    const usedInPlanning = shared.users % 2 === 1;
    return {
        name: usedInPlanning
            ? `Kartläggning av ${topic.subject} som används i planeringen`
            : `Aktuell kartläggning av ${topic.subject}`,
        description: usedInPlanning
            ? `Kommunen/stadsdelen har en aktuell kartläggning av ${topic.subject} och använder den i verksamhetsplaneringen.`
            : `Kommunen/stadsdelen har en aktuell kartläggning av ${topic.subject} som har följts upp.`,
        subject: topic.subject,
        kind: 'struktur',
        quality: topic.quality,
        terms: [],
        questions: [
            `fråga i = ${shared.id}`,
            ...(usedInPlanning
                ? questionLines(
                      ctx,
                      'ii',
                      questionId(ctx, topic.stem, 'Planering'),
                      `Används kartläggningen i verksamhetsplaneringen${areaPhrase(ctx)}?`,
                      'svar JN',
                  )
                : questionLines(
                      ctx,
                      'ii',
                      questionId(ctx, topic.stem, 'KartläggningUppföljd'),
                      `Har ni någon gång under perioden (12 mån) följt upp kartläggningen${areaPhrase(ctx)}?`,
                      'svar JNE_NY',
                  )),
        ],
        rules: [
            requirementLine(
                ctx,
                usedInPlanning ? 'Ja på fråga i och Ja på fråga ii' : 'Ja på fråga i och Ja eller EjAktuellt på fråga ii',
            ),
            'utesluts: EjAktuellt på fråga i',
        ],
        examples: [
            { title: 'Kartläggning finns', answers: ['fråga i = Ja', 'fråga ii = Ja'], outcome: 'uppnådd' },
            { title: 'Ingen kartläggning', answers: ['fråga i = Nej'], outcome: 'ej uppnådd' },
            { title: 'Området finns inte i kommunen', answers: ['fråga i = EjAktuellt'], outcome: 'utesluten' },
        ],
        answerSets: usedInPlanning ? ['JN'] : ['JNE_NY'],
    };
}

// ------------------------------------------------------------------ the workspace

type Shape =
    | 'routine'
    | 'routineWithParts'
    | 'planWithVariant'
    | 'agreement'
    | 'agreementWithAllParts'
    | 'method'
    | 'anyForm'
    | 'count'
    | 'share'
    | 'offered'
    | 'shared';

const SHAPE_WEIGHTS: Record<Shape, number> = {
    routine: 20,
    routineWithParts: 10,
    planWithVariant: 6,
    agreement: 10,
    agreementWithAllParts: 6,
    method: 10,
    anyForm: 6,
    count: 6,
    share: 8,
    offered: 5,
    shared: 8,
};

function quoted(text: string): string {
    if (text.includes('"') || text.includes('\\'))
        throw new Error(`text for a model string contains a quote or backslash: ${text}`);
    return `"${text}"`;
}

/** Splits `total` into `parts` positive counts of uneven size (a file per section is not equally long). */
function unevenSplit(random: Random, total: number, parts: number): number[] {
    const weights = Array.from({ length: parts }, () => random.int(50, 150));
    const sum = weights.reduce((a, b) => a + b, 0);
    const counts = weights.map((w) => Math.max(1, Math.floor((total * w) / sum)));
    let assigned = counts.reduce((a, b) => a + b, 0);
    for (let i = 0; assigned < total; i = (i + 1) % parts) {
        counts[i]++;
        assigned++;
    }
    for (let i = parts - 1; assigned > total; i = (i - 1 + parts) % parts) {
        if (counts[i] > 1) {
            counts[i]--;
            assigned--;
        }
    }
    return counts;
}

export function generateWorkspace(options: WorkspaceOptions): GeneratedFile[] {
    const { seed, indicators } = options;
    if (!Number.isInteger(indicators) || indicators < 1) throw new Error('indicators must be a positive integer');
    if (!Number.isInteger(options.files) || options.files < 1) throw new Error('files must be a positive integer');
    const files = Math.min(options.files, indicators);
    const year = options.year ?? 2024;
    const surveyName = `OJ${year}`;
    const random = new Random(seed);
    const ids = new Set<string>();
    const names = new Set<string>();
    const usedAnswerSets = new Set<string>();
    const usedTerms = new Set<string>();
    const sharedQuestions: SharedQuestion[] = [];
    const digits = Math.max(2, String(indicators).length);
    const header = `// Synthetic model (seed ${seed}, ${indicators} indicators): generated by @oj/synthetic for benchmarks and tests.\ntillhör ${surveyName}\n`;

    // Sections as in the published description: indicators measured in several areas, then one per area.
    const sections = ['flera', ...AREAS.map((a) => a.code)];
    const counts = unevenSplit(random, indicators, files);
    const output: GeneratedFile[] = [];
    let number = 0;

    for (let f = 0; f < files; f++) {
        const section = sections[f % sections.length];
        const area = AREAS.find((a) => a.code === section);
        const lines: string[] = [header];
        for (let k = 0; k < counts[f]; k++) {
            number++;
            const ctx = contextFor(random, number, area, ids);
            const draft = drawIndicator(ctx, sharedQuestions);
            draft.answerSets.forEach((s) => usedAnswerSets.add(s));
            draft.terms.forEach((t) => usedTerms.add(t));
            lines.push(renderIndicator(ctx, draft, uniqueName(draft.name, ctx, names), year), '');
        }
        const slug = area ? area.slug : 'flera-omraden';
        output.push({ path: `indikatorer-${String(f + 1).padStart(2, '0')}-${slug}.oj`, text: lines.join('\n') });
    }

    // Written after the indicators, so that they declare exactly the answer sets, terms and shared questions in use.
    const shared =
        sharedQuestions.length > 0
            ? [{ path: 'fragor-gemensamma.oj', text: sharedQuestionFile(header, sharedQuestions, usedAnswerSets) }]
            : [];
    const prefix: GeneratedFile[] = [
        { path: 'enkat.oj', text: surveyFile(seed, surveyName, year, digits) },
        { path: 'svarsalternativ.oj', text: answerSetFile(header, usedAnswerSets) },
        { path: 'omraden.oj', text: areaFile(header) },
        ...(usedTerms.size > 0 ? [{ path: 'begrepp.oj', text: termFile(header, usedTerms) }] : []),
        ...shared,
    ];
    return [...prefix, ...output];
}

function contextFor(random: Random, number: number, area: AreaSpec | undefined, ids: Set<string>): Context {
    if (area) {
        // An area's own section; LSS is usually reported for children and adults separately.
        if (area.groups && random.chance(0.6))
            return { number, areas: [area.code], units: area.groups.map((g) => g[0]), random, ids };
        return { number, areas: [area.code], units: [], random, ids };
    }
    let units: string[] = random.sample(ALL_UNITS, random.int(2, ALL_UNITS.length));
    if (units.some((u) => u.startsWith('LSS')) && random.chance(0.3)) {
        // Reported for LSS as a whole (indicators 9 and 10).
        const at = units.findIndex((u) => u.startsWith('LSS'));
        units = units.filter((u) => !u.startsWith('LSS'));
        units.splice(at, 0, 'LSS');
    }
    const areas = [...new Set(units.map((u) => AREA_OF_UNIT[u] ?? u))];
    return { number, areas, units, random, ids };
}

function drawIndicator(ctx: Context, sharedQuestions: SharedQuestion[]): Draft {
    const { random } = ctx;
    const weights = { ...SHAPE_WEIGHTS };
    if (ctx.units.length < 2) weights.planWithVariant = 0;
    // A shared question is asked for every unit but LSS as a whole, so only matrix indicators without it can use one.
    if (!perArea(ctx) || ctx.units.includes('LSS')) weights.shared = 0;
    const topic = random.pick(TOPICS);
    switch (random.weighted(weights)) {
        case 'routine':
            return routine(ctx, topic);
        case 'routineWithParts':
            return routineWithParts(ctx, topic);
        case 'planWithVariant':
            return planWithVariant(ctx, topic);
        case 'agreement':
            return agreement(ctx, topic);
        case 'agreementWithAllParts':
            return agreementWithAllParts(ctx, topic);
        case 'method':
            return methodInUse(ctx, random.pick(METHODS), topic);
        case 'anyForm':
            return anyForm(ctx, topic);
        case 'count':
            return countAtLeast(ctx, random.pick(COUNTS));
        case 'share':
            return share(ctx, random.pick(COUNTS));
        // Support is offered to people, so the topic is drawn among those about a group of people.
        case 'offered':
            return offered(ctx, random.pick(TOPICS.filter((t) => PEOPLE.test(t.subject))));
        case 'shared': {
            const reuse = sharedQuestions.length > 0 && random.chance(0.4);
            const shared = reuse
                ? random.pick(sharedQuestions)
                : { id: questionId(ctx, topic.stem, 'Kartläggning'), topic, users: 0 };
            if (!reuse) sharedQuestions.push(shared);
            shared.users++;
            return withSharedQuestion(ctx, shared);
        }
    }
}

/** Indicator names are unique within a survey: a repeated name gets its area, then its number. */
function uniqueName(name: string, ctx: Context, names: Set<string>): string {
    const areaLabels = ctx.areas.map((code) => AREAS.find((a) => a.code === code)!.label);
    const candidates = [
        name,
        ctx.areas.length === 1 ? `${name} inom ${areaLabels[0].toLowerCase()}` : `${name} inom flera områden`,
    ];
    // The number is unique, so the last resort always is.
    const chosen = candidates.find((c) => !names.has(c)) ?? `${name} (${ctx.number})`;
    names.add(chosen);
    return chosen;
}

/** Last year's name: the same indicator without "Aktuell", as names were often sharpened. */
function earlierName(name: string): string {
    const shorter = name.replace(/^Aktuell (och )?/, '');
    return shorter[0].toUpperCase() + shorter.slice(1);
}

function purpose(random: Random, subject: string): string {
    const sentences = [PURPOSE_SENTENCES[0], ...random.sample(PURPOSE_SENTENCES.slice(1), random.int(1, 4))];
    return sentences.map((s) => s.replace('{subject}', subject)).join(' ');
}

function renderIndicator(ctx: Context, draft: Draft, name: string, year: number): string {
    const { random } = ctx;
    const lines: string[] = [];
    const part = (line: string) => lines.push(`    ${line}`);
    part(`områden ${ctx.areas.join(', ')}`);
    if (perArea(ctx)) part(`redovisas för ${ctx.units.join(', ')}`);
    if (random.chance(0.15)) part(`tidigare ${year - 1} ${quoted(earlierName(draft.name))}`);
    part(`beskrivning ${quoted(draft.description)}`);
    part(`syfte ${quoted(purpose(random, draft.subject))}`);
    for (const text of random.sample(KNOWLEDGE_SUPPORT, random.int(0, 3))) part(`kunskapsstöd ${quoted(text)}`);
    for (const text of random.sample(LEGISLATION, random.int(0, 2))) part(`lagstiftning ${quoted(text)}`);
    part(`önskad riktning ${draft.direction ?? 'positiv'} ${quoted('På kommunnivå är positivt resultat önskvärt.')}`);
    part(`typ ${draft.kind}`);
    part(`kvalitetsområde ${quoted(draft.quality)}`);
    if (random.chance(0.1)) part(`felkällor ${quoted(random.pick(ERROR_SOURCES))}`);
    if (draft.terms.length > 0) part(`begrepp ${draft.terms.join(', ')}`);
    for (const definition of random.sample(DEFINITIONS, random.int(0, 2)))
        part(`med ${quoted(definition.term)} avses ${quoted(definition.text)}`);
    if (random.chance(0.05)) part('redovisningsnivåer kommun, län, riket');
    if (random.chance(0.2)) part(`kommentar ${quoted(random.pick(COMMENTS))}`);
    draft.questions.forEach(part);
    draft.rules.forEach(part);
    const exampleCount = Math.min(draft.examples.length, random.pick([0, 1, 2, 2, 3, 3, 4]));
    for (const example of random.sample(draft.examples, exampleCount)) {
        part(`exempel ${quoted(example.title)} {`);
        example.answers.forEach((answer) => part(`    ${answer}`));
        part(`    ger ${example.outcome}`);
        part('}');
    }
    return [`indikator ${ctx.number} ${quoted(name)} {`, ...lines, '}'].join('\n');
}

function surveyFile(seed: number, surveyName: string, year: number, digits: number): string {
    return `// Synthetic model (seed ${seed}): the survey and the defaults every indicator shares.
enkät ${surveyName} "Öppna jämförelser socialtjänst ${year}" {
    år ${year}
    mätdatum "${year}-02-01"
    period "12 månader fram till mätdatum"
    målpopulation "Alla Sveriges kommuner samt stadsdelar i Göteborg och Stockholm."
    redovisningsnivåer stadsdel, kommun, storstad, län, riket
    variabelmönster "I{indikator:${String(digits).padStart(2, '0')}}_{fråga}{del}[_{grupp}]"
    datakälla "Indikatorn baseras på enkätdata."
    felkällor "I samband med datainsamlingen kan olika fel uppstå. Felen kan bl.a. bero på mätinstrumentets utformning, hur frågorna är ställda och hur respondenten har tolkat frågorna samt på databearbetningen."
    nämnare "De kommuner och stadsdelar som har svarat."
    del G "Gemensam - flera områden inklusive Krisberedskap (G-del)"
    del D2 "Ekonomiskt bistånd (del 2)"
    del D3 "Missbruks- och beroendevården (del 3)"
    del D4 "Stöd till personer med psykisk funktionsnedsättning, Socialpsykiatri (del 4)"
    del D5 "Våld i nära relationer (del 5)"
    del D6 "Sociala barn- och ungdomsvården (del 6)"
    del D7 "Stöd och service till personer med funktionsnedsättning, LSS (del 7)"
    del D8 "Äldreomsorgen (del 8)"
    stadsdelar {
${STADSDELAR.map((d) => `        ${d.code} ${quoted(d.name)}`).join('\n')}
    }
}
`;
}

function answerSetFile(header: string, used: Set<string>): string {
    const blocks: string[] = [];
    for (const [name, options] of Object.entries(BASE_ANSWER_SETS)) {
        if (used.has(name)) blocks.push(answerSetBlock(name, options));
    }
    for (const method of METHODS) {
        const name = `METOD_${method.name}`;
        if (used.has(name)) blocks.push(answerSetBlock(name, methodAnswerSet(method)));
    }
    return `${header}\n${blocks.join('\n\n')}\n`;
}

function answerSetBlock(name: string, options: readonly string[]): string {
    return `svarsalternativ ${name} {\n${options.map((o) => `    ${o}`).join('\n')}\n}`;
}

function areaFile(header: string): string {
    const blocks = AREAS.map((area) => {
        const body = [
            `    rubrik ${quoted(area.title)}`,
            ...(area.groups ?? []).map(([code, label]) => `    grupp ${code} ${quoted(label)}`),
        ];
        return `område ${area.code} ${quoted(area.label)} {\n${body.join('\n')}\n}`;
    });
    return `${header}\n${blocks.join('\n\n')}\n`;
}

function termFile(header: string, used: Set<string>): string {
    const lines = TERMS.filter((t) => used.has(t.name)).map(
        (t) => `begrepp ${t.name}: med ${quoted(t.term)} avses ${quoted(t.definition)}`,
    );
    return `${header}\n${lines.join('\n\n')}\n`;
}

function sharedQuestionFile(header: string, questions: SharedQuestion[], usedAnswerSets: Set<string>): string {
    usedAnswerSets.add('JNE_OMR');
    const lines = questions.map(
        (q, index) =>
            `fråga ${q.id}: ${quoted(`Har ni (mätdatum) en aktuell kartläggning av ${q.topic.subject}, i nedanstående områden inom socialtjänsten?`)} svar JNE_OMR per område ${ALL_UNITS.join(', ')} del av enkäten G variabel "G${String(index + 1).padStart(3, '0')}_{grupp}"`,
    );
    return `${header}\n// Questions of the common part (G), each used by one or more indicators.\n${lines.join('\n\n')}\n`;
}
