/**
 * The conformance cases: small models, answers and what every engine must decide, in the spirit
 * of ehrQL's spec tests. Each case is a model (after the common PRELUDE) whose first indicator
 * the rows are about; each row is its answers and the expected outcome.
 *
 * Answers: `i=Ja` (an option of the question's answer set), `i=3` (a number, given as a number),
 * `i="7"` (a cell exactly as written), `i=blankt`; `i.A=` for an item, `i@BU=` for one area or
 * group, `i#K=` for one stratum of a question asked per kön. A question with items without `.X`
 * sets every item; a per-area question without `@X` every unit of the indicator; a question per
 * kön without `#X` every stratum. Answers not given are blank.
 * Outcomes: `uppnådd`, `ej uppnådd`, `utesluten`, `saknas`; a ratio's met as `uppnådd 3/6`;
 * `av i, ii A` names the answers that decided (the trace), in order. One outcome for every unit,
 * or one per unit as `{ EB: …, BU: … }`; for an indicator split per kön the units are the strata
 * and the total, `{ K: …, M: …, T: … }` (with areas, `EB/K`).
 */

export const PRELUDE = `enkät K "Konformitet" {
    år 2019
    variabelmönster "K{indikator}_{fråga}{del}[_{grupp}][_{indelning}]"
    datakälla "E." målpopulation "A." nämnare "S." redovisningsnivåer kommun
    indelning kön "Kön" { kvinnor "K" "Kvinnor" män "M" "Män" totalt "T" "Totalt" }
}
svarsalternativ JN { Ja = 1 "Ja" Nej = 2 "Nej" }
svarsalternativ JNE_OMR { Ja = 1 "Ja" Nej = 2 "Nej" EjAktuellt = 3 "Ej aktuellt, området finns inte" kort "Ej aktuellt" området saknas }
svarsalternativ JNE_NY { Ja = 1 "Ja" Nej = 2 "Nej" EjAktuellt = 3 "Ej aktuellt, då rutinen upprättades nyligen" kort "Ej aktuellt" }
svarsalternativ VAL { Vald = 1 "Vald" EjVald = 0 "Ej vald" }
område EB "Ekonomiskt bistånd"
område BU "Barn och unga"
område LSS "LSS" { grupp LSSB "LSS barn" grupp LSSV "LSS vuxen" }
`;

export type Expected = string | Readonly<Record<string, string>>;

export interface ConformanceCase {
    name: string;
    model: string;
    /**
     * Error codes the model is meant to have: the case pins down what the engines do with a rule
     * the editor flags (an exclusion overlapping the requirement still decides first).
     */
    allow?: readonly string[];
    rows: ReadonlyArray<readonly [answers: string, expected: Expected]>;
}

const TWO_JN = `fråga i A: "?" svar JN  fråga ii B: "?" svar JN`;
const THREE_JN = `fråga i A: "?" svar JN  fråga ii B: "?" svar JN  fråga iii C: "?" svar JN`;
const ITEMS_JN = `fråga i F: "?" svar JN alternativ A "a" alternativ B "b" alternativ C "c"`;

export const CASES: readonly ConformanceCase[] = [
    {
        name: 'och: Kleene conjunction, blank = unknown (full truth table)',
        model: `indikator 1 "Och" { områden EB ${TWO_JN} krävs: Ja på fråga i och Ja på fråga ii }`,
        rows: [
            ['i=Ja ii=Ja', 'uppnådd av i, ii'],
            ['i=Ja ii=Nej', 'ej uppnådd av ii'],
            ['i=Ja ii=blankt', 'saknas av ii'],
            ['i=Nej ii=Ja', 'ej uppnådd av i'],
            ['i=Nej ii=Nej', 'ej uppnådd av i'],
            ['i=Nej ii=blankt', 'ej uppnådd av i'],
            ['i=blankt ii=Ja', 'saknas av i'],
            ['i=blankt ii=Nej', 'ej uppnådd av ii'],
            ['i=blankt ii=blankt', 'saknas av i, ii'],
        ],
    },
    {
        name: 'eller: Kleene disjunction (full truth table)',
        model: `indikator 1 "Eller" { områden EB ${TWO_JN} krävs: Ja på fråga i eller Ja på fråga ii }`,
        rows: [
            ['i=Ja ii=Ja', 'uppnådd av i'],
            ['i=Ja ii=Nej', 'uppnådd av i'],
            ['i=Ja ii=blankt', 'uppnådd av i'],
            ['i=Nej ii=Ja', 'uppnådd av ii'],
            ['i=Nej ii=Nej', 'ej uppnådd av i, ii'],
            ['i=Nej ii=blankt', 'saknas av ii'],
            ['i=blankt ii=Ja', 'uppnådd av ii'],
            ['i=blankt ii=Nej', 'saknas av i'],
            ['i=blankt ii=blankt', 'saknas av i, ii'],
        ],
    },
    {
        name: 'inte: Kleene negation (full truth table)',
        model: `indikator 1 "Inte" { områden EB fråga i A: "?" svar JN krävs: inte Ja på fråga i }`,
        rows: [
            ['i=Ja', 'ej uppnådd av i'],
            ['i=Nej', 'uppnådd av i'],
            ['i=blankt', 'saknas av i'],
        ],
    },
    {
        name: 'och binds tighter than eller',
        model: `indikator 1 "Företräde" { områden EB ${THREE_JN} krävs: Ja på fråga i eller Ja på fråga ii och Ja på fråga iii }`,
        rows: [
            ['i=Nej ii=Ja iii=Nej', 'ej uppnådd av i, iii'],
            ['i=Ja ii=Nej iii=Nej', 'uppnådd av i'],
            ['i=Nej ii=Ja iii=Ja', 'uppnådd av ii, iii'],
            ['i=Nej ii=blankt iii=Ja', 'saknas av ii'],
        ],
    },
    {
        name: 'parentheses',
        model: `indikator 1 "Parentes" { områden EB ${THREE_JN} krävs: (Ja på fråga i eller Ja på fråga ii) och Ja på fråga iii }`,
        rows: [
            ['i=Ja ii=Nej iii=Nej', 'ej uppnådd av iii'],
            ['i=Ja ii=blankt iii=Ja', 'uppnådd av i, iii'],
            ['i=blankt ii=Nej iii=Ja', 'saknas av i'],
        ],
    },
    {
        name: 'alternatives (ELLER)',
        model: `indikator 1 "Alternativ" { områden EB ${THREE_JN} krävs: Ja på fråga i och Ja på fråga ii ELLER Ja på fråga iii }`,
        rows: [
            ['i=Ja ii=Nej iii=Ja', 'uppnådd av iii'],
            ['i=Ja ii=Ja iii=Nej', 'uppnådd av i, ii'],
            ['i=Ja ii=blankt iii=Nej', 'saknas av ii'],
            ['i=Nej iii=Nej', 'ej uppnådd av i, iii'],
        ],
    },
    {
        name: 'the exclusion is decided first',
        allow: ['exclusion-overlaps-requirement'],
        model: `indikator 1 "Uteslutning först" { områden EB ${TWO_JN} krävs: Ja på fråga i utesluts: Ja på fråga ii }`,
        rows: [
            ['i=Ja ii=Ja', 'utesluten av ii'],
            ['i=Ja ii=Nej', 'uppnådd av i'],
            ['i=blankt ii=Ja', 'utesluten av ii'],
            ['i=Nej ii=Nej', 'ej uppnådd av i'],
        ],
    },
    {
        name: 'an undecidable exclusion gives missing, whatever the requirement',
        model: `indikator 1 "Oavgjord uteslutning" { områden EB ${TWO_JN} krävs: Ja på fråga i utesluts: Nej på fråga i och Nej på fråga ii }`,
        rows: [
            ['i=Nej ii=blankt', 'saknas av ii'],
            ['i=Ja ii=blankt', 'uppnådd av i'],
            ['i=Nej ii=Nej', 'utesluten av i, ii'],
            ['i=Nej ii=Ja', 'ej uppnådd av i'],
        ],
    },
    {
        name: 'an exception removes only when the requirement is not met',
        model: `indikator 1 "Undantag" { områden EB ${TWO_JN} krävs: Ja på fråga i undantas: Ja på fråga ii }`,
        rows: [
            ['i=Nej ii=Ja', 'utesluten av i, ii'],
            ['i=Nej ii=Nej', 'ej uppnådd av i, ii'],
            ['i=Nej ii=blankt', 'saknas av i, ii'],
            ['i=Ja ii=Ja', 'uppnådd av i'],
            ['i=blankt ii=Ja', 'saknas av i'],
        ],
    },
    {
        name: 'exclusion, requirement, exception in that order',
        allow: ['exclusion-overlaps-requirement'],
        model: `indikator 1 "Ordning" { områden EB ${THREE_JN} krävs: Ja på fråga i utesluts: Ja på fråga iii undantas: Ja på fråga ii }`,
        rows: [
            ['i=Nej ii=Ja iii=Ja', 'utesluten av iii'],
            ['i=Nej ii=Ja iii=Nej', 'utesluten av i, ii'],
            ['i=Nej ii=Ja iii=blankt', 'saknas av iii'],
            ['i=Ja iii=Nej', 'uppnådd av i'],
        ],
    },
    {
        name: 'default exclusion: "området saknas" excludes; a follow-up left blank by routing does not make it undecidable',
        model: `indikator 1 "Routad uppföljning" { områden EB
            fråga i R: "Har ni en rutin?" svar JNE_OMR  fråga ii U: "Har ni följt upp den?" svar JNE_NY
            krävs: Ja på fråga i och Ja eller EjAktuellt på fråga ii }`,
        rows: [
            ['i=EjAktuellt', 'utesluten av i'],
            ['i=Nej', 'ej uppnådd av i'],
            ['i=Ja', 'saknas av ii'],
            ['i=Ja ii=EjAktuellt', 'uppnådd av i, ii'],
            ['i=Ja ii=Nej', 'ej uppnådd av ii'],
            ['ii=Ja', 'saknas av i'],
            ['', 'saknas av i'],
        ],
    },
    {
        name: 'default exclusion over two questions: any answer proves the area exists',
        model: `indikator 1 "Två frågor som kan sakna område" { områden EB
            fråga i R: "?" svar JNE_OMR  fråga ii U: "?" svar JNE_OMR
            krävs: Ja på fråga i och Ja på fråga ii }`,
        rows: [
            ['ii=Nej', 'ej uppnådd av ii'],
            ['i=Ja ii=EjAktuellt', 'utesluten av ii'],
            ['i=EjAktuellt ii=Ja', 'utesluten av i'],
            ['i=Ja', 'saknas av ii'],
            ['', 'saknas av i, ii'],
        ],
    },
    {
        name: 'an exclusion of its own replaces the default',
        allow: ['exclusion-overlaps-requirement'],
        model: `indikator 1 "Egen uteslutning" { områden EB
            fråga i R: "?" svar JNE_OMR  fråga ii U: "?" svar JN
            krävs: Ja på fråga i utesluts: Nej på fråga ii }`,
        rows: [
            ['i=EjAktuellt ii=Ja', 'ej uppnådd av i'],
            ['i=Ja ii=Nej', 'utesluten av ii'],
            ['i=EjAktuellt', 'saknas av ii'],
        ],
    },
    {
        name: 'a matrix question: decided per area',
        model: `indikator 1 "Per område" { områden EB, BU  redovisas för EB, BU
            fråga i R: "?" svar JNE_OMR per område EB, BU
            krävs: Ja på fråga i }`,
        rows: [
            ['i@EB=Ja i@BU=EjAktuellt', { EB: 'uppnådd av i', BU: 'utesluten av i' }],
            ['i@EB=Nej', { EB: 'ej uppnådd av i', BU: 'saknas av i' }],
            ['i=Ja', 'uppnådd av i'],
        ],
    },
    {
        name: 'area variants of the requirement, and groups',
        model: `indikator 1 "Varianter" { områden EB, BU, LSS  redovisas för EB, BU, LSSB, LSSV
            fråga i F: "?" svar JN per område EB, BU, LSSB, LSSV alternativ A "a" alternativ B "b" alternativ C "c"
            krävs: Ja på fråga i A, B
            för BU krävs: Ja på samtliga alternativ av fråga i
            för LSSB, LSSV krävs: Ja på något alternativ av fråga i }`,
        rows: [
            [
                'i.A=Ja i.B=Ja i.C=Nej',
                { EB: 'uppnådd av i A, i B', BU: 'ej uppnådd av i C', LSSB: 'uppnådd av i A', LSSV: 'uppnådd av i A' },
            ],
            ['i.C=Ja', { EB: 'saknas av i A, i B', BU: 'saknas av i A, i B', LSSB: 'uppnådd av i C', LSSV: 'uppnådd av i C' }],
            [
                'i.A@EB=Ja i.B@EB=Ja i.A@BU=Nej',
                {
                    EB: 'uppnådd av i A, i B',
                    BU: 'ej uppnådd av i A',
                    LSSB: 'saknas av i A, i B, i C',
                    LSSV: 'saknas av i A, i B, i C',
                },
            ],
        ],
    },
    {
        name: 'samtliga alternativ: every item',
        model: `indikator 1 "Samtliga" { områden EB ${ITEMS_JN} krävs: Ja på samtliga alternativ av fråga i }`,
        rows: [
            ['i=Ja', 'uppnådd av i A, i B, i C'],
            ['i.A=Nej', 'ej uppnådd av i A'],
            ['i.A=Ja i.C=Ja', 'saknas av i B'],
            ['i.A=Ja i.B=Nej', 'ej uppnådd av i B'],
        ],
    },
    {
        name: 'något alternativ: some item (a multiple-choice question)',
        model: `indikator 1 "Något" { områden EB
            fråga i F: "?" svar VAL flerval alternativ A "a" alternativ B "b" alternativ C "c"
            krävs: Vald på något alternativ av fråga i }`,
        rows: [
            ['i.A=EjVald i.B=Vald', 'uppnådd av i B'],
            ['i=EjVald', 'ej uppnådd av i A, i B, i C'],
            ['i.A=EjVald i.C=EjVald', 'saknas av i B'],
        ],
    },
    {
        name: 'named items',
        model: `indikator 1 "Namngivna alternativ" { områden EB ${ITEMS_JN} krävs: Ja på fråga i A, B }`,
        rows: [
            ['i.A=Ja i.B=Ja i.C=Nej', 'uppnådd av i A, i B'],
            ['i.A=Ja', 'saknas av i B'],
        ],
    },
    {
        name: 'a target without items reads every item',
        allow: ['items-required'],
        model: `indikator 1 "Alla alternativ" { områden EB ${ITEMS_JN} krävs: Ja på fråga i }`,
        rows: [
            ['i.A=Ja i.B=Ja', 'saknas av i C'],
            ['i=Ja', 'uppnådd av i A, i B, i C'],
        ],
    },
    {
        name: 'inte over some item',
        model: `indikator 1 "Inte något" { områden EB fråga i F: "?" svar JN alternativ A "a" alternativ B "b" krävs: inte Ja på något alternativ av fråga i }`,
        rows: [
            ['i.A=Nej i.B=Nej', 'uppnådd av i A, i B'],
            ['i.B=Ja', 'ej uppnådd av i B'],
            ['i.A=Nej', 'saknas av i B'],
        ],
    },
    {
        name: 'question first: fråga i är …',
        model: `indikator 1 "Frågan först" { områden EB fråga i R: "?" svar JNE_NY krävs: fråga i är Ja eller EjAktuellt }`,
        rows: [
            ['i=EjAktuellt', 'uppnådd av i'],
            ['i=Nej', 'ej uppnådd av i'],
            ['i=blankt', 'saknas av i'],
        ],
    },
    {
        name: 'a count compared with a constant: decimals, a decimal comma, text that is no number',
        model: `indikator 1 "Antal" { områden EB fråga i N: "Hur många?" antal krävs: antal på fråga i >= 2.5 }`,
        rows: [
            ['i=3', 'uppnådd av i'],
            ['i=2', 'ej uppnådd av i'],
            ['i=2.5', 'uppnådd av i'],
            ['i="2,5"', 'uppnådd av i'],
            ['i=" 3 "', 'uppnådd av i'],
            ['i="x"', 'saknas av i'],
            ['i=blankt', 'saknas av i'],
        ],
    },
    {
        name: 'every comparison operator',
        model: `indikator 1 "Jämförelser" { områden EB
            fråga i N1: "?" antal  fråga ii N2: "?" antal  fråga iii N3: "?" antal  fråga iv N4: "?" antal
            krävs: antal på fråga i > 0 och antal på fråga ii <> 3 och antal på fråga iii <= 10 ELLER antal på fråga iv = 0 ELLER antal på fråga iv < 0 }`,
        rows: [
            ['i=1 ii=2 iii=10 iv=5', 'uppnådd av i, ii, iii'],
            ['i=0 ii=2 iii=10 iv=5', 'ej uppnådd av i, iv, iv'],
            ['i=1 ii=3 iii=0 iv=1', 'ej uppnådd av ii, iv, iv'],
            ['i=1 ii=4 iii=11 iv=0', 'uppnådd av iv'],
            ['i=1 ii=4 iii=11', 'saknas av iv, iv'],
        ],
    },
    {
        name: 'a count over items: every item',
        model: `indikator 1 "Antal per alternativ" { områden EB fråga i N: "?" antal alternativ A "kvinnor" alternativ B "män" krävs: antal på fråga i > 0 }`,
        rows: [
            ['i.A=1 i.B=0', 'ej uppnådd av i B'],
            ['i.A=1 i.B=2', 'uppnådd av i A, i B'],
            ['i.A=1', 'saknas av i B'],
        ],
    },
    {
        name: 'a ratio: sums of counts; a denominator of 0 excludes',
        model: `indikator 1 "Andel" { områden EB
            fråga i Med: "?" antal  fråga ii Alla: "?" antal alternativ A "kvinnor" alternativ B "män"
            andel: fråga i / fråga ii }`,
        rows: [
            ['i=3 ii.A=2 ii.B=4', 'uppnådd 3/6 av i, ii A, ii B'],
            ['i=0 ii=0', 'utesluten av i, ii A, ii B'],
            ['i=3 ii.A=2', 'saknas av i, ii A, ii B'],
            ['ii=1', 'saknas av i, ii A, ii B'],
        ],
    },
    {
        name: 'a ratio with the default exclusion',
        model: `indikator 1 "Andel där området kan saknas" { områden EB
            fråga i Finns: "Finns verksamheten?" svar JNE_OMR  fråga ii Med: "?" antal  fråga iii Alla: "?" antal
            andel: fråga ii / fråga iii }`,
        rows: [
            ['i=EjAktuellt ii=1 iii=4', 'utesluten av i'],
            ['i=Ja ii=1 iii=4', 'uppnådd 1/4 av i, ii, iii'],
            ['ii=1 iii=4', 'saknas av i'],
        ],
    },
    {
        name: 'codes as an export holds them: trimmed text or numbers; a code outside the answer set is an answer',
        model: `indikator 1 "Koder" { områden EB fråga i R: "?" svar JNE_OMR krävs: Ja på fråga i }`,
        rows: [
            ['i=" 1 "', 'uppnådd av i'],
            ['i=1', 'uppnådd av i'],
            ['i=3', 'utesluten av i'],
            ['i="9"', 'ej uppnådd av i'],
            ['i="  "', 'saknas av i'],
        ],
    },
    {
        name: 'a shared question, with its own variable name',
        model: `fråga Delad: "Har ni en delad rutin?" svar JNE_OMR variabel "DELAD"
            indikator 1 "Delad fråga" { områden EB fråga i = Delad  fråga ii U: "?" svar JN krävs: Ja på fråga i och Ja på fråga ii }`,
        rows: [
            ['i=EjAktuellt', 'utesluten av i'],
            ['i=Ja ii=Ja', 'uppnådd av i, ii'],
            ['ii=Nej', 'saknas av i'],
        ],
    },
    {
        name: 'minst två av: Kleene counting over the ticked options of a multiple-choice question',
        model: `indikator 1 "Minst två" { områden EB
            fråga ii F: "Vilka former?" svar VAL flerval alternativ A "a" alternativ B "b" alternativ C "c" alternativ D "d"
            krävs: Vald på minst två av alternativen A–D på fråga ii }`,
        rows: [
            ['ii.A=Vald ii.B=Vald', 'uppnådd av ii A, ii B'],
            ['ii=Vald', 'uppnådd av ii A, ii B'],
            ['ii.A=EjVald ii.B=Vald ii.C=Vald', 'uppnådd av ii B, ii C'],
            ['ii.A=Vald ii.B=EjVald ii.C=EjVald ii.D=EjVald', 'ej uppnådd av ii B, ii C, ii D'],
            ['ii.A=Vald ii.B=EjVald', 'saknas av ii C, ii D'],
            ['ii.A=EjVald ii.B=Vald ii.C=EjVald', 'saknas av ii D'],
            ['ii.A=EjVald ii.B=EjVald ii.C=EjVald', 'ej uppnådd av ii A, ii B, ii C'],
            ['', 'saknas av ii A, ii B, ii C, ii D'],
        ],
    },
    {
        name: 'the bare minst två av on a flerval question counts its ticked boxes (coded 1), as "Vald på minst två av" does',
        model: `indikator 1 "Minst två, utan svar" { områden EB
            fråga ii F: "Vilka former?" svar VAL flerval alternativ A "a" alternativ B "b" alternativ C "c" alternativ D "d"
            krävs: minst två av alternativen A–D på fråga ii }`,
        rows: [
            ['ii.A=Vald ii.B=Vald', 'uppnådd av ii A, ii B'],
            ['ii.A=Vald ii.B=EjVald ii.C=EjVald ii.D=EjVald', 'ej uppnådd av ii B, ii C, ii D'],
            ['ii.A=Vald ii.B=EjVald', 'saknas av ii C, ii D'],
            ['', 'saknas av ii A, ii B, ii C, ii D'],
        ],
    },
    {
        name: 'the bare minst två av over tick boxes counts the ticked option, a blank beside a ticked box as not ticked',
        model: `svarsalternativ KRYSS { Kryss = 1 "Kryssad" Tom = 0 "Ej kryssad" tom ruta räknas som Tom när någon ruta är ikryssad }
            indikator 1 "Kryssrutor, utan svar" { områden EB
            fråga i F: "Vilka former?" svar KRYSS flerval alternativ A "a" alternativ B "b" alternativ C "c"
            krävs: minst två av alternativen på fråga i }`,
        rows: [
            ['i.A=Kryss i.C=Kryss', 'uppnådd av i A, i C'],
            ['i.B=Kryss', 'ej uppnådd av i A, i B, i C, i B'],
            ['', 'saknas av i A, i B, i C'],
        ],
    },
    {
        name: 'minst … av over a list of items, inside a conjunction and under inte',
        model: `indikator 1 "Lista" { områden EB
            fråga i R: "?" svar JN
            fråga ii D: "Delar?" svar JN alternativ A "a" alternativ B "b" alternativ C "c" alternativ D "d"
            krävs: Ja på fråga i och inte Nej på minst 2 av alternativen A, B, D på fråga ii }`,
        rows: [
            ['i=Ja ii=Ja', 'uppnådd av i, ii A, ii B, ii D'],
            ['i=Ja ii.A=Nej ii.B=Nej ii.C=Ja ii.D=Ja', 'ej uppnådd av ii A, ii B'],
            ['i=Ja ii.A=Nej ii.C=Nej ii.D=Ja', 'saknas av ii B'],
            ['i=Nej ii.A=Nej ii.B=Nej', 'ej uppnådd av i'],
        ],
    },
    {
        name: "för BU utesluts: an area's own exclusion replaces the default there, the default stays for the others",
        model: `indikator 1 "Egen uteslutning" { områden EB, BU  redovisas för EB, BU
            fråga i R: "?" svar JNE_OMR per område EB, BU  fråga ii U: "?" svar JN per område EB, BU
            krävs: Ja på fråga i och Ja på fråga ii
            för BU utesluts: EjAktuellt på fråga i eller Nej på fråga ii }`,
        rows: [
            ['i=Ja ii=Nej', { EB: 'ej uppnådd av ii', BU: 'utesluten av ii' }],
            ['i=EjAktuellt', { EB: 'utesluten av i', BU: 'utesluten av i' }],
            ['i=Ja ii=Ja', { EB: 'uppnådd av i, ii', BU: 'uppnådd av i, ii' }],
            ['i=Ja', { EB: 'saknas av ii', BU: 'saknas av ii' }],
        ],
    },
    {
        name: "för LSSB undantas: a group's own exception, none for the other group",
        model: `indikator 1 "Eget undantag" { områden LSS  redovisas för LSSB, LSSV
            fråga i R: "?" svar JN per område LSSB, LSSV  fråga ii U: "?" svar JN per område LSSB, LSSV
            krävs: Ja på fråga i
            för LSSB undantas: Nej på fråga ii }`,
        rows: [
            ['i=Nej ii=Nej', { LSSB: 'utesluten av i, ii', LSSV: 'ej uppnådd av i' }],
            ['i=Nej ii=Ja', { LSSB: 'ej uppnådd av i, ii', LSSV: 'ej uppnådd av i' }],
            ['i=Nej', { LSSB: 'saknas av i, ii', LSSV: 'ej uppnådd av i' }],
        ],
    },
    {
        name: 'tick boxes: a blank box is not ticked when another box of the question is; all blank stays unanswered',
        model: `svarsalternativ KRYSS { Vald = 1 "Vald" EjVald = 0 "Ej vald" tom ruta räknas som EjVald när någon ruta är ikryssad }
            indikator 1 "Kryssrutor" { områden EB
            fråga i F: "Vilka former?" svar KRYSS flerval alternativ A "a" alternativ B "b" alternativ C "c"
            krävs: Vald på fråga i A och inte Vald på fråga i C }`,
        rows: [
            ['i.A=Vald', 'uppnådd av i A, i C, i A'],
            ['i.A=Vald i.C=Vald', 'ej uppnådd av i C'],
            ['i.B=Vald', 'ej uppnådd av i A, i B'],
            ['i.A=EjVald i.B=EjVald', 'ej uppnådd av i A'],
            ['i.B=EjVald', 'saknas av i A, i C'],
            ['', 'saknas av i A, i C'],
        ],
    },
    {
        name: 'tick boxes with minst två av: blanks beside ticked boxes count as not ticked',
        model: `svarsalternativ KRYSS { Vald = 1 "Vald" EjVald = 0 "Ej vald" tom ruta räknas som EjVald när någon ruta är ikryssad }
            indikator 1 "Kryssrutor, minst två" { områden EB
            fråga i F: "Vilka former?" svar KRYSS flerval alternativ A "a" alternativ B "b" alternativ C "c" alternativ D "d"
            krävs: Vald på minst två av alternativen A–D på fråga i }`,
        rows: [
            ['i.A=Vald', 'ej uppnådd av i B, i A, i C, i A, i D, i A'],
            ['i.A=Vald i.D=Vald', 'uppnådd av i A, i D'],
            ['', 'saknas av i A, i B, i C, i D'],
        ],
    },
    {
        name: 'arithmetic: a quotient of counts in per cent; division by zero is unknown',
        model: `indikator 1 "Kvot" { områden EB  fråga i Alla: "?" antal  fråga ii Med: "?" antal
            krävs: (antal på fråga ii) / (antal på fråga i) är minst 80 % }`,
        rows: [
            ['i=10 ii=8', 'uppnådd av ii, i'],
            ['i=5 ii=4', 'uppnådd av ii, i'],
            ['i=10 ii=7', 'ej uppnådd av ii, i'],
            ['i=0 ii=0', 'saknas av ii, i'],
            ['i=10', 'saknas av ii, i'],
        ],
    },
    {
        name: 'arithmetic: one count against another, a sum of items, "/" before "+"',
        model: `indikator 1 "Räkna" { områden EB  fråga i Alla: "?" antal  fråga ii Delar: "?" antal alternativ A "a" alternativ B "b"
            krävs: antal på fråga ii är minst antal på fråga i och antal på fråga ii A + antal på fråga ii B / antal på fråga i > 1 }`,
        rows: [
            ['i=2 ii.A=1 ii.B=2', 'uppnådd av ii A, ii B, i, ii A, ii B, i'],
            // 1 + 1/2 > 1, where (1 + 1)/2 would not be.
            ['i=2 ii.A=1 ii.B=1', 'uppnådd av ii A, ii B, i, ii A, ii B, i'],
            ['i=4 ii.A=1 ii.B=2', 'ej uppnådd av ii A, ii B, i'],
            ['i=1 ii.A=1 ii.B=0', 'ej uppnådd av ii A, ii B, i'],
            ['i=1 ii.A=1', 'saknas av ii A, ii B, i, ii A, ii B, i'],
        ],
    },
    // ------------------------------------------------------------------ strata (per kön)
    {
        name: 'a share of counts asked per kön: a share per stratum, and the total over the strata',
        model: `indikator 1 "Andel per kön" { områden EB fråga i A: "?" antal per kön fråga ii B: "?" antal per kön andel: fråga i / fråga ii }`,
        rows: [
            [
                'i#K=1 i#M=2 ii#K=4 ii#M=6',
                { K: 'uppnådd 1/4 av i, ii', M: 'uppnådd 2/6 av i, ii', T: 'uppnådd 3/10 av i, i, ii, ii' },
            ],
            ['i#K=1 ii#K=4 ii#M=6', { K: 'uppnådd 1/4 av i, ii', M: 'saknas av i, ii', T: 'saknas av i, i, ii, ii' }],
            [
                'i#K=0 i#M=2 ii#K=0 ii#M=6',
                { K: 'utesluten av i, ii', M: 'uppnådd 2/6 av i, ii', T: 'uppnådd 2/6 av i, i, ii, ii' },
            ],
        ],
    },
    {
        name: 'a background measure per kön over a count asked once: the count is read as it is in every stratum',
        model: `indikator 1 "Per boende och kön" { områden EB fråga i A: "?" antal per kön fråga ii B: "?" antal
            mått: fråga i / fråga ii aggregeras som median }`,
        rows: [
            [
                'i#K=6 i#M=2 ii=4',
                { K: 'värde 1.5 = 6/4 av i, ii', M: 'värde 0.5 = 2/4 av i, ii', T: 'värde 2 = 8/4 av i, i, ii' },
            ],
        ],
    },
    // ------------------------------------------------------------------ background measures
    {
        name: 'a background measure: a count is its value; blank is missing, 0 a value',
        model: `indikator 1 "Antal" { områden EB fråga i A: "?" antal mått: fråga i }`,
        rows: [
            ['i=12', 'värde 12 av i'],
            ['i=0', 'värde 0 av i'],
            ['i=blankt', 'saknas av i'],
            ['i="3,5"', 'värde 3.5 av i'],
        ],
    },
    {
        name: 'a background measure summing counts: every term known, else missing',
        model: `indikator 1 "Summa" { områden EB fråga i A: "?" antal fråga ii B: "?" antal alternativ X "x" alternativ Y "y" mått: fråga i + fråga ii }`,
        rows: [
            ['i=2 ii.X=3 ii.Y=4', 'värde 9 av i, ii X, ii Y'],
            ['i=2 ii.X=3', 'saknas av i, ii X, ii Y'],
        ],
    },
    {
        name: 'a quotient of sums: a value with its sums; a denominator of 0 has none (excluded)',
        model: `indikator 1 "Kvot" { områden EB fråga i A: "?" antal fråga ii B: "?" antal fråga iii C: "?" antal
            mått: (fråga i + fråga ii) / fråga iii aggregeras som median }`,
        rows: [
            ['i=3 ii=1 iii=8', 'värde 0.5 = 4/8 av i, ii, iii'],
            ['i=1 ii=0 iii=3', 'värde 0.333333333333 = 1/3 av i, ii, iii'],
            ['i=3 ii=1 iii=0', 'utesluten av i, ii, iii'],
            ['i=3 ii=1', 'saknas av i, ii, iii'],
        ],
    },
    {
        name: 'a background measure per area: the exclusion is decided first, as for every indicator',
        model: `indikator 1 "Per område" { områden EB, BU redovisas för EB, BU
            fråga i Finns: "Finns verksamheten?" svar JNE_OMR per område EB, BU  fråga ii N: "Antal?" antal per område EB, BU
            mått: fråga ii aggregeras som medelvärde }`,
        rows: [
            ['i@EB=Ja ii@EB=5 i@BU=EjAktuellt', { EB: 'värde 5 av i, ii', BU: 'utesluten av i' }],
            ['ii@EB=5 ii@BU=2', { EB: 'saknas av i', BU: 'saknas av i' }],
        ],
    },
];
