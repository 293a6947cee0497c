/**
 * The validation cases of registers and register indicators (validation/registers.ts and
 * validation/register-indicators.ts), in the shape of validation.test.ts' cases, which runs them:
 * a triggering workspace with «…» around the text the diagnostic covers, and a near-identical
 * clean one.
 */
import { IssueCodes, type IssueCode } from '../src/index.js';

interface RegisterCase {
    name: string;
    code: IssueCode;
    severity: 'error' | 'warning';
    trigger: string[];
    message: RegExp;
    clean: string[][];
}

const SURVEY = `enkät T2019 "Test 2019" {
    år 2019
    mätdatum "2019-02-01"
    variabelmönster "T{indikator}_{fråga}{del}[_{grupp}]"
    datakälla "Enkät." redovisningsnivåer kommun, riket
}
svarsalternativ JN { Ja = 1 "Ja" Nej = 2 "Nej" }
område AO "Äldreomsorg"
`;

const COLUMNS = `    kolumn kommun kommunkod "Kommun"
    kolumn kon kön "Kön" { K "Kvinnor", M "Män" }
    kolumn alder heltal "Ålder"
    kolumn insats kod "Insats" { HT "Hemtjänst", SABO "Särskilt boende" }
    kolumn beslut datum "Beslutsdatum"
    kolumn verkstalld datum "Verkställighetsdatum"`;

const GROUPS = `    indelning åldersgrupp "Åldersgrupp" efter alder { A65 "65–79 år" 65 till 79, A80 "80 år och äldre" från 80 }`;

const SUPPRESSION = `    röjandekontroll färre än 5 individer markeras ".."`;

const register = (
    parts = { unit: '    enhet kommun', name: 'SOL', columns: COLUMNS, groups: GROUPS, suppression: SUPPRESSION, date: '' },
) =>
    `register ${parts.name} "Registret över insatser enligt socialtjänstlagen" {\n${parts.unit}\n${parts.date}\n${parts.columns}\n${parts.groups}\n${parts.suppression}\n    datakälla "Socialstyrelsens register."\n}\n`;

const BASE = { unit: '    enhet kommun', name: 'SOL', columns: COLUMNS, groups: GROUPS, suppression: SUPPRESSION, date: '' };
const REGISTER = register();
const withRegister = (change: Partial<typeof BASE>) => register({ ...BASE, ...change });

const PARTS = `beskrivning "B." syfte "S." önskad riktning positiv typ resultat kvalitetsområde "Tillgänglig" områden AO`;

const POPULATION = 'insats är SABO och alder minst 65 och beslut inom 12 månader före mätdatum';
const COUNTED = 'verkstalld högst 90 dagar efter beslut';

/** A register indicator; each part replaceable. */
const indicator = (parts: { head?: string; population?: string; counted?: string; strata?: string; extra?: string } = {}) =>
    `indikator 30 "Väntetid" {\n    ${PARTS}\n    ${parts.head ?? 'register SOL'}\n` +
    `${parts.population === '' ? '' : `    population: ${parts.population ?? POPULATION}\n`}` +
    `${parts.counted === '' ? '' : `    räknas: ${parts.counted ?? COUNTED}\n`}` +
    `    ${parts.strata ?? 'indelning kon, åldersgrupp'}\n${parts.extra ?? ''}}\n`;

const CLEAN = [[SURVEY + REGISTER + indicator()]];

export const registerCases: RegisterCase[] = [
    {
        name: 'a register without a unit column',
        code: IssueCodes.RegisterUnitMissing,
        severity: 'error',
        trigger: [SURVEY + withRegister({ unit: '', name: '«SOL»' }) + indicator()],
        message: /^Registret SOL saknar enhet: skriv "enhet <kolumn>"/,
        clean: CLEAN,
    },
    {
        name: 'a unit column that holds no kommunkod',
        code: IssueCodes.RegisterUnitType,
        severity: 'error',
        trigger: [SURVEY + withRegister({ unit: '    enhet «kon»' }) + indicator()],
        message: /^Enhetskolumnen kon är av typen kön; enheten måste vara en kolumn av typen kommunkod\.$/,
        clean: CLEAN,
    },
    {
        name: 'a column of a type that does not exist',
        code: IssueCodes.RegisterColumnType,
        severity: 'error',
        trigger: [SURVEY + withRegister({ columns: COLUMNS.replace('alder heltal', 'alder «heltall»') }) + indicator()],
        message: /^Kolumntypen heltall finns inte \(typerna är kommunkod, kön, heltal, datum och kod\)\. Menade du heltal\?$/,
        clean: CLEAN,
    },
    {
        name: 'a column declared twice',
        code: IssueCodes.RegisterColumnDuplicate,
        severity: 'error',
        trigger: [SURVEY + withRegister({ columns: `${COLUMNS}\n    kolumn «alder» heltal "Ålder igen"` }) + indicator()],
        message: /^Registret SOL har redan en kolumn eller indelning som heter alder\.$/,
        clean: CLEAN,
    },
    {
        name: 'a kod column without codes',
        code: IssueCodes.RegisterCodes,
        severity: 'error',
        trigger: [SURVEY + withRegister({ columns: `${COLUMNS}\n    kolumn regi «kod» "Regiform"` }) + indicator()],
        message: /^Kolumnen regi av typen kod saknar koder/,
        clean: [
            [
                SURVEY +
                    withRegister({ columns: `${COLUMNS}\n    kolumn regi kod "Regiform" { O "Offentlig", E "Enskild" }` }) +
                    indicator(),
            ],
        ],
    },
    {
        name: 'a grouping of a column that is no number',
        code: IssueCodes.RegisterGroupingColumn,
        severity: 'error',
        trigger: [
            SURVEY +
                withRegister({ groups: GROUPS.replace('efter alder', 'efter «insats»') }) +
                indicator({ strata: 'indelning kon' }),
        ],
        message:
            /^Indelningen åldersgrupp delar kolumnen insats av typen kod i intervall; det går bara med en kolumn av typen heltal\. En kolumn av typen kod delar en indikator i sina koder direkt: skriv "indelning insats" i indikatorn\.$/,
        clean: CLEAN,
    },
    {
        name: 'age groups that overlap',
        code: IssueCodes.RegisterGroupRange,
        severity: 'error',
        trigger: [
            SURVEY +
                withRegister({
                    groups: GROUPS.replace(
                        '65 till 79, A80 "80 år och äldre" från 80',
                        '65 till 80, «A80 "80 år och äldre" från 80»',
                    ),
                }) +
                indicator(),
        ],
        message: /^Grupperna A65 och A80 överlappar \(80–80 ingår i båda\)\.$/,
        clean: CLEAN,
    },
    {
        name: 'age groups with a gap between them',
        code: IssueCodes.RegisterGroupGap,
        severity: 'warning',
        trigger: [
            SURVEY +
                withRegister({
                    groups: GROUPS.replace(
                        '65 till 79, A80 "80 år och äldre" från 80',
                        '65 till 78, «A80 "80 år och äldre" från 80»',
                    ),
                }) +
                indicator(),
        ],
        message: /^Mellan grupperna A65 och A80 ingår 79 i ingen grupp; de raderna räknas bara i totalen\.$/,
        clean: CLEAN,
    },
    {
        name: "a register's mätdatum that is no date",
        code: IssueCodes.RegisterMeasurementDate,
        severity: 'error',
        trigger: [SURVEY + withRegister({ date: '    mätdatum «"2019-02-30"»' }) + indicator()],
        message: /^Mätdatum "2019-02-30" är inget datum/,
        clean: [[SURVEY + withRegister({ date: '    mätdatum "2019-02-28"' }) + indicator()]],
    },
    {
        name: 'suppression of fewer than 0 individuals',
        code: IssueCodes.SuppressionMinimum,
        severity: 'error',
        trigger: [
            SURVEY + withRegister({ suppression: '    röjandekontroll färre än «0» individer markeras ".."' }) + indicator(),
        ],
        message: /^Röjandekontrollen måste gälla färre än minst 1 individ; med 0 döljs ingenting\.$/,
        clean: [[SURVEY + withRegister({ suppression: '    röjandekontroll färre än 1 individer markeras ".."' }) + indicator()]],
    },
    {
        name: 'suppression with an empty mark',
        code: IssueCodes.SuppressionMark,
        severity: 'error',
        trigger: [
            SURVEY + withRegister({ suppression: '    röjandekontroll färre än 5 individer markeras «" "»' }) + indicator(),
        ],
        message: /^Röjandekontrollens markering är tom/,
        clean: CLEAN,
    },
    {
        name: 'register conditions in an indicator that names no register',
        code: IssueCodes.RegisterMissing,
        severity: 'error',
        trigger: [SURVEY + REGISTER + indicator({ head: '', population: `«${POPULATION}»`, counted: '', strata: '' })],
        message: /^Indikator 30 har villkor på registerkolumner men anger inget register: skriv "register <namn>"\.$/,
        clean: CLEAN,
    },
    {
        name: 'a register indicator with a survey question',
        code: IssueCodes.RegisterRuleMixed,
        severity: 'error',
        trigger: [SURVEY + REGISTER + indicator({ extra: '    «fråga i Rutin: "Har ni en rutin?" svar JN»\n' })],
        message: /^Indikator 30 räknas ur registret SOL; "fråga" hör till enkätindikatorer\./,
        clean: CLEAN,
    },
    {
        name: 'a register indicator without population',
        code: IssueCodes.RegisterPopulationMissing,
        severity: 'error',
        trigger: [SURVEY + REGISTER + indicator({ head: 'register «SOL»', population: '' })],
        message: /^Indikator 30 saknar population: skriv "population: …"/,
        clean: CLEAN,
    },
    {
        name: 'a register indicator without numerator',
        code: IssueCodes.RegisterNumeratorMissing,
        severity: 'error',
        trigger: [SURVEY + REGISTER + indicator({ head: 'register «SOL»', counted: '' })],
        message: /^Indikator 30 saknar täljare: skriv "räknas: …"/,
        clean: CLEAN,
    },
    {
        name: 'a date compared with a number',
        code: IssueCodes.RegisterConditionType,
        severity: 'error',
        trigger: [SURVEY + REGISTER + indicator({ population: 'insats är SABO och «beslut» minst 65' })],
        message:
            /^Kolumnen beslut är ett datum; den kan inte jämföras med ett tal\. Skriv till exempel "beslut inom 12 månader före mätdatum"/,
        clean: CLEAN,
    },
    {
        name: '"är" on a number column',
        code: IssueCodes.RegisterConditionType,
        severity: 'error',
        trigger: [SURVEY + REGISTER + indicator({ population: 'insats är SABO och «alder» är K' })],
        message: /^Kolumnen alder är ett heltal; "är" jämför med koder.*Skriv till exempel "alder minst 65"/,
        clean: CLEAN,
    },
    {
        name: 'a code the column does not have',
        code: IssueCodes.RegisterCodeUnknown,
        severity: 'error',
        trigger: [SURVEY + REGISTER + indicator({ population: 'insats är HT eller «SABOO» och alder minst 65' })],
        message: /^SABOO är ingen kod i kolumnen insats \(koderna är HT och SABO\)\. Menade du SABO\?$/,
        clean: CLEAN,
    },
    {
        name: 'strata by a number column',
        code: IssueCodes.RegisterStratifierType,
        severity: 'error',
        trigger: [SURVEY + REGISTER + indicator({ strata: 'indelning kon, «alder»' })],
        message:
            /^Indikatorn kan inte delas efter kolumnen alder av typen heltal; bara efter kolumner av typen kön eller kod eller efter en indelning av den i registret/,
        clean: CLEAN,
    },
    {
        name: 'a period of 0 months',
        code: IssueCodes.RegisterPeriod,
        severity: 'error',
        trigger: [SURVEY + REGISTER + indicator({ population: 'insats är SABO och beslut inom «0» månader före mätdatum' })],
        message: /^Perioden före mätdatum måste vara minst 1\.$/,
        clean: CLEAN,
    },
    {
        name: 'a code condition followed by "eller" and a new condition',
        code: IssueCodes.CodesThenCondition,
        severity: 'error',
        trigger: [SURVEY + REGISTER + indicator({ population: '«insats är SABO» eller alder minst 65' })],
        message:
            /^Efter "insats är SABO eller" läses alder som en kod till\. Skriv kodvillkoret inom parentes när ett nytt villkor följer: "\(insats är SABO\) eller alder …"\.$/,
        clean: [[SURVEY + REGISTER + indicator({ population: '(insats är SABO) eller alder minst 65' })]],
    },
    {
        name: 'a worked example whose row counts otherwise',
        code: IssueCodes.RegisterExampleFails,
        severity: 'error',
        trigger: [
            SURVEY +
                REGISTER +
                indicator({
                    extra: '    exempel "x" { rad kommun = "0114" insats = SABO alder = 70 beslut = "2019-01-10" verkstalld = "2019-01-20" ger «nämnare» }\n',
                }),
        ],
        message: /^Exemplet stämmer inte: raden ger täljare, inte nämnare\.$/,
        clean: [
            [
                SURVEY +
                    REGISTER +
                    indicator({
                        extra: '    exempel "x" { rad kommun = "0114" insats = SABO alder = 70 beslut = "2019-01-10" verkstalld = "2019-01-20" ger täljare för A65 }\n',
                    }),
            ],
        ],
    },
    {
        name: 'a register row as the worked example of a survey indicator',
        code: IssueCodes.RegisterExampleOutside,
        severity: 'error',
        trigger: [
            SURVEY +
                REGISTER +
                indicator({
                    head: '',
                    population: '',
                    counted: '',
                    strata: '',
                    extra: '    exempel "x" { rad «kommun = "0114"» ger bortfall }\n',
                }),
        ],
        message: /^Ett exempel med "rad" visar en registerrad; indikator 30 räknas inte ur något register\.$/,
        clean: [[SURVEY + REGISTER + indicator({ extra: '    exempel "x" { rad kommun = "0114" ger bortfall }\n' })]],
    },
    {
        name: 'a register indicator with two numerators',
        code: IssueCodes.DuplicatePart,
        severity: 'error',
        trigger: [SURVEY + REGISTER + indicator({ extra: '    «räknas»: verkstalld saknas\n' })],
        message: /^"räknas" anges mer än en gång; bara den sista skulle gälla\.$/,
        clean: CLEAN,
    },
    {
        name: 'a register with two unit columns',
        code: IssueCodes.DuplicatePart,
        severity: 'error',
        trigger: [SURVEY + withRegister({ unit: '    enhet kommun\n    «enhet» kommun' }) + indicator()],
        message: /^"enhet" anges mer än en gång/,
        clean: CLEAN,
    },
    {
        name: 'two splits of an indicator with the same stratum code',
        code: IssueCodes.RegisterStratumCodeDuplicate,
        severity: 'error',
        trigger: [
            SURVEY +
                withRegister({
                    columns: COLUMNS.replace('SABO "Särskilt boende" }', 'SABO "Särskilt boende", K "Korttidsvård" }'),
                }) +
                indicator({ strata: 'indelning kon, «insats»' }),
        ],
        message: /^Koden K finns både i kon och i insats; resultatens grupper måste ha olika koder\.$/,
        clean: [[SURVEY + REGISTER + indicator({ strata: 'indelning kon, insats' })]],
    },
    {
        name: 'a column the register does not have',
        code: IssueCodes.UnknownReference,
        severity: 'error',
        trigger: [SURVEY + REGISTER + indicator({ population: 'insats är SABO och «alderr» minst 65' })],
        message: /^Det finns ingen kolumn som heter alderr\. Menade du alder\?$/,
        clean: CLEAN,
    },
];
