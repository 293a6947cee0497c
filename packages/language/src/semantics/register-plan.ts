/**
 * The plan of a register indicator: a share (or count) computed from an individual-level register
 * (one row per person or decision), not from one survey answer per municipality. Like every plan
 * it is plain, fully resolved data written by lowering (register-lower.ts) and read by every
 * engine: the reference interpreter (register.ts, row by row, streaming), the SQL engine
 * (packages/sql) and the documents' rule text. Dates relative to mätdatum are resolved to ISO
 * dates at lowering, so engines never compute calendars differently.
 *
 * How every engine decides one register row for an indicator:
 *   1. the unit: the unit column's value, trimmed; blank or not a known unit code → the row is
 *      outside, counted as `unknownUnit` (never dropped silently);
 *   2. the population condition (Kleene): false → outside (not counted); unknown (a column it reads
 *      is blank or does not parse as its type) → counted as `missing`; true → in the population;
 *   3. the numerator condition, for rows in the population: true → numerator and denominator;
 *      false → denominator only; unknown → `missing`, not in the denominator;
 *   4. strata: a row counts in the total ("T") and, per stratification of the indicator, in the
 *      stratum its column value falls in; a blank or unknown stratum value counts in the total
 *      only (and in `unstratified` of that stratification).
 * Per unit × stratum: value = numerator / denominator, none when the denominator is 0. Levels
 * (län, riket) add the counts of their units before dividing. Small-count suppression
 * (`SuppressionPolicy`) is applied last, on the counts of each published cell.
 */
import type { ComparisonOperator, ReportingLevel } from '../generated/ast.js';
import type { ComparabilityStatement } from './comparability.js';

/** The type of a register column, as declared in the model. */
export type RegisterColumnType = 'kommunkod' | 'kön' | 'heltal' | 'datum' | 'kod';

export interface RegisterColumn {
    /** The column's name in the file (header), also its name in the model. */
    name: string;
    type: RegisterColumnType;
    /** "Ålder vid mätdatum" */
    label?: string;
    /** For 'kod' and 'kön': the codes the column may hold, with labels (kön: K Kvinnor, M Män). */
    codes?: { code: string; label: string }[];
}

export interface RegisterSourcePlan {
    /** The register's name in the model (SOL). */
    name: string;
    /** "Registret över insatser enligt socialtjänstlagen" */
    title: string;
    columns: RegisterColumn[];
    /** The column holding the unit's code (kommunkod, four digits with the leading zero). */
    unitColumn: string;
    /** ISO date every relative period is measured from. */
    measurementDate: string;
}

/** A condition on one register row, in Kleene logic: unknown when a column it reads is blank or does not parse. */
export type RegisterCondition =
    | { kind: 'and'; operands: RegisterCondition[] }
    | { kind: 'or'; operands: RegisterCondition[] }
    | { kind: 'not'; operand: RegisterCondition }
    /** A 'kod' or 'kön' column holds one of `codes`. */
    | { kind: 'codeIn'; column: string; codes: string[] }
    /** A 'heltal' column compared with a constant. */
    | { kind: 'numberCompare'; column: string; operator: ComparisonOperator; value: number }
    /** A 'datum' column lies in [from, to], both ISO dates, both inclusive (resolved from "inom 12 månader före mätdatum"). */
    | {
          kind: 'dateBetween';
          column: string;
          from: string;
          to: string;
          /** How the period was written ("12 månader"), for the rule text only; engines read from/to. */
          period?: { count: number; unit: 'månader' | 'dagar' | 'år' };
      }
    /** Whole days from column `from` to column `to` (to − from) compared with a constant ("högst 90 dagar efter beslutsdatum"). */
    | { kind: 'daysBetween'; from: string; to: string; operator: ComparisonOperator; days: number }
    /** The column is blank ("saknas"); never unknown. */
    | { kind: 'blank'; column: string };

/** One stratification of a register indicator: by a 'kön' column's codes, or by ranges of a 'heltal' column. */
export interface RegisterStratificationPlan {
    /** "kön", "åldersgrupp" */
    name: string;
    label: string;
    column: string;
    strata: RegisterStratumPlan[];
}

export interface RegisterStratumPlan {
    /** The code in the results (K, M; "65-79"). */
    code: string;
    label: string;
    /** For a 'kön' or 'kod' column: the codes of this stratum. */
    codes?: string[];
    /** For a 'heltal' column: the inclusive range; `max` undefined for "och äldre". */
    min?: number;
    max?: number;
}

/**
 * Small-count suppression as the model declares it: a cell whose denominator is below `minimum`
 * (and above 0) is not published; where exactly one cell of a stratification within a unit is
 * suppressed, the smallest other cell of it is suppressed too, so that it cannot be worked out
 * from the total. Suppressed cells show `mark`.
 */
export interface SuppressionPolicy {
    minimum: number;
    mark: string;
}

export interface RegisterIndicatorPlan {
    kind: 'register';
    survey?: string;
    number: number;
    name: string;
    source: RegisterSourcePlan;
    population: RegisterCondition;
    numerator: RegisterCondition;
    stratifications: RegisterStratificationPlan[];
    /** The code results use for the total over all strata ("T"). */
    totalCode: string;
    levels: ReportingLevel[];
    suppression?: SuppressionPolicy;
    comparability?: ComparabilityStatement;
}

/** Counts of one unit × stratum (or of one level × stratum after adding its units). */
export interface RegisterCell {
    numerator: number;
    denominator: number;
    /** Rows in the population whose numerator (or population) condition was unknown. */
    missing: number;
}
