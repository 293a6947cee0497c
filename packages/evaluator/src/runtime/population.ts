/**
 * Who an indicator is evaluated for, decided from the respondent's code alone: a kommun has its
 * four-digit kommunkod, a stadsdel its city's kommunkod plus a suffix ("1480-01"). Copied verbatim
 * into generated packages (no imports).
 *
 * A respondent outside an indicator's population is not evaluated and not counted: it gets no
 * result at all for that indicator (no status, no row in units.csv, nothing in any aggregate).
 */

export type PopulationKind = 'kommun' | 'stadsdel';

/** The cities whose stadsdelar answer the surveys instead of the city as a whole. */
export const CITIES_WITH_STADSDELAR: Readonly<Record<string, string>> = { '0180': 'Stockholm', '1480': 'Göteborg' };

/** A kommun ("0180") or a stadsdel ("0180-03": kommunkod and suffix); undefined for a code that is neither. */
export function respondentKind(unit: string): PopulationKind | undefined {
    const code = unit.trim();
    if (/^\d{4}$/.test(code)) return 'kommun';
    return /^\d{4}./.test(code) ? 'stadsdel' : undefined;
}

/**
 * Whether a respondent belongs to a population of the given kinds (everyone when no kinds are
 * declared). Where stadsdelar are in the population, a kommun that answers by its stadsdelar
 * (`divided`: the survey's, by default Stockholm and Göteborg) is represented by them: the city's
 * own row (answering, say, only a part for kommuner) is outside, so that the city is not counted
 * twice nor reported as missing.
 */
export function inPopulation(
    unit: string,
    kinds: readonly PopulationKind[] | undefined,
    divided: readonly string[] = Object.keys(CITIES_WITH_STADSDELAR),
): boolean {
    if (kinds === undefined) return true;
    const kind = respondentKind(unit);
    if (kind === undefined || !kinds.includes(kind)) return false;
    return !(kind === 'kommun' && kinds.includes('stadsdel') && divided.includes(unit.trim()));
}
