/**
 * The kommun register as data (SCB's kommunkoder and länskoder, src/register-2019.json) and the
 * checking of the unit codes a survey export identifies its respondents by: a kommun is its
 * four-digit kommunkod ("0180"), a stadsdel its city's kommunkod, a hyphen and two digits
 * ("0180-01"). Which stadsdelar exist is the survey's to declare, not the register's.
 * No file system access: the register is bundled, so the web-worker language server can use it.
 */
import register from './register-2019.json' with { type: 'json' };

export interface Kommun {
    /** Four digits, e.g. "0180"; the first two are the län. */
    kod: string;
    namn: string;
    /** Two digits, e.g. "01". */
    lanskod: string;
    lansnamn: string;
}

export interface Lan {
    kod: string;
    namn: string;
}

/** The year the register describes, and the years the same division holds (no kommun has changed since Knivsta, 2003). */
export const REGISTER_YEAR = register.year;
export const REGISTER_VALID_FROM = 2003;
export const REGISTER_VALID_THROUGH = 2025;
export const REGISTER_SOURCE = register.source;

const LAN: readonly Lan[] = register.lan.map((l) => Object.freeze({ kod: l.kod, namn: l.namn }));
const LAN_BY_CODE = new Map(LAN.map((l) => [l.kod, l]));
const KOMMUNER: readonly Kommun[] = register.kommuner.map((k) =>
    Object.freeze({ kod: k.kod, namn: k.namn, lanskod: k.lan, lansnamn: LAN_BY_CODE.get(k.lan)!.namn }),
);
const KOMMUN_BY_CODE = new Map(KOMMUNER.map((k) => [k.kod, k]));

/** The storstäder published as a level of their own. */
export const STORSTADER: Readonly<Record<string, string>> = Object.freeze({
    '0180': 'Stockholm',
    '1480': 'Göteborg',
    '1280': 'Malmö',
});

/** Whether the register holds for a survey year. */
export function registerHolds(year: number): boolean {
    return Number.isInteger(year) && year >= REGISTER_VALID_FROM && year <= REGISTER_VALID_THROUGH;
}

/** The 290 kommuner in kommunkod order. Throws for a year the register does not hold for. */
export function kommuner(year: number = REGISTER_YEAR): readonly Kommun[] {
    if (!registerHolds(year)) {
        throw new RangeError(`Kommunregistret gäller åren ${REGISTER_VALID_FROM}–${REGISTER_VALID_THROUGH}, inte ${year}.`);
    }
    return KOMMUNER;
}

/** The 21 län in länskod order. */
export function lanList(): readonly Lan[] {
    return LAN;
}

export function kommun(kod: string): Kommun | undefined {
    return KOMMUN_BY_CODE.get(kod);
}

export function lan(kod: string): Lan | undefined {
    return LAN_BY_CODE.get(kod);
}

export type UnitCode = { kind: 'kommun'; kommunkod: string } | { kind: 'stadsdel'; kommunkod: string; stadsdel: string };

/** Why a text is not a unit code, in Swedish, for a diagnostic that names the row. */
export interface UnitCodeError {
    error: string;
}

export function isUnitCodeError(value: UnitCode | UnitCodeError): value is UnitCodeError {
    return 'error' in value;
}

const KOMMUN_PATTERN = /^\d{4}$/;
const STADSDEL_PATTERN = /^(\d{4})-(\d{2})$/;
const SHAPE =
    'en kommunkod har fyra siffror (t.ex. 0180), en stadsdel kommunkoden, ett bindestreck och två siffror (t.ex. 0180-01)';

/** A code quoted in a message: control characters shown, at most 40 characters. */
function quoted(text: string): string {
    const shown = [...text].map((c) =>
        /[\p{Cc}\p{Cf}]/u.test(c) ? `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : c,
    );
    return `"${shown.length > 40 ? `${shown.slice(0, 40).join('')}…` : shown.join('')}"`;
}

/**
 * Parses and checks a unit code: its shape, and that its kommunkod is in the register. A stadsdel
 * is checked against the survey's stadsdelar when they are given (any stadsdel not among them is an
 * error); without them only its shape and kommun are checked.
 */
export function parseUnitCode(
    text: string,
    stadsdelar?: ReadonlySet<string> | ReadonlyMap<string, unknown>,
): UnitCode | UnitCodeError {
    if (text === '') return { error: 'Enhetskoden är tom.' };
    const district = STADSDEL_PATTERN.exec(text);
    const kod = district ? district[1] : KOMMUN_PATTERN.test(text) ? text : undefined;
    if (kod === undefined) {
        // A spreadsheet that stored the code as a number drops the leading zero: say so.
        const hint =
            /^\d{3}$/.test(text) && kommun(`0${text}`)
                ? ` Har den inledande nollan fallit bort (0${text}, ${kommun(`0${text}`)!.namn})? Spara kolumnen som text.`
                : '';
        return { error: `${quoted(text)} är ingen enhetskod: ${SHAPE}.${hint}` };
    }
    if (!kommun(kod))
        return {
            error: `Det finns ingen kommun med kommunkoden ${kod} (kommunregistret ${REGISTER_YEAR}, ${KOMMUNER.length} kommuner).`,
        };
    if (!district) return { kind: 'kommun', kommunkod: kod };
    if (stadsdelar && !stadsdelar.has(text)) {
        const declared = [...stadsdelar.keys()].filter((s) => s.startsWith(`${kod}-`));
        const known =
            declared.length > 0
                ? `enkäten anger ${declared.length} i ${kommun(kod)!.namn}: ${declared[0]}–${declared[declared.length - 1]}`
                : `enkäten anger inga stadsdelar i ${kommun(kod)!.namn}`;
        return { error: `Stadsdelen ${text} finns inte bland enkätens stadsdelar (${known}).` };
    }
    return { kind: 'stadsdel', kommunkod: kod, stadsdel: text };
}
