/**
 * A register's declaration: its unit column, the types and codes of its columns, its groupings of a
 * number column (age groups) and its small-count suppression.
 */
import type { ValidationAcceptor } from 'langium';
import type { Column, Register, RegisterGrouping, Suppression } from '../generated/ast.js';
import { columnTypeOf, parseIsoDate, REGISTER_COLUMN_TYPES } from '../semantics/register-lower.js';
import { joinSwedish } from '../semantics/rule-text.js';
import { issue } from './common.js';
import { closestNames, didYouMean } from './message-hints.js';

export const RegisterIssueCodes = {
    RegisterUnitMissing: 'register-unit-missing',
    RegisterUnitType: 'register-unit-type',
    RegisterColumnType: 'register-column-type',
    RegisterColumnDuplicate: 'register-column-duplicate',
    RegisterCodes: 'register-codes',
    RegisterGroupingColumn: 'register-grouping-column',
    RegisterGroupRange: 'register-group-range',
    RegisterGroupGap: 'register-group-gap',
    RegisterMeasurementDate: 'register-measurement-date',
    SuppressionMinimum: 'suppression-minimum',
    SuppressionMark: 'suppression-mark',
} as const;

/** A register counts per kommun: it must say which column holds the kommunkod. */
export function registerMustHaveUnit(register: Register, accept: ValidationAcceptor): void {
    if (!register.unitColumn) {
        issue(
            accept,
            'error',
            RegisterIssueCodes.RegisterUnitMissing,
            `Registret ${register.name} saknar enhet: skriv "enhet <kolumn>" med kolumnen som anger kommunkoden.`,
            register,
            'name',
        );
        return;
    }
    const column = register.unitColumn.ref;
    if (column && columnTypeOf(column) !== 'kommunkod') {
        issue(
            accept,
            'error',
            RegisterIssueCodes.RegisterUnitType,
            `Enhetskolumnen ${column.name} är av typen ${column.type}; enheten måste vara en kolumn av typen kommunkod.`,
            register,
            'unitColumn',
        );
    }
    if (register.measurementDate !== undefined && !parseIsoDate(register.measurementDate)) {
        issue(
            accept,
            'error',
            RegisterIssueCodes.RegisterMeasurementDate,
            `Mätdatum "${register.measurementDate}" är inget datum; skriv det som ÅÅÅÅ-MM-DD, till exempel "2019-02-01".`,
            register,
            'measurementDate',
        );
    }
    const seen = new Set<string>();
    for (const node of [...register.columns, ...register.groupings]) {
        if (seen.has(node.name)) {
            issue(
                accept,
                'error',
                RegisterIssueCodes.RegisterColumnDuplicate,
                `Registret ${register.name} har redan en kolumn eller indelning som heter ${node.name}.`,
                node,
                'name',
            );
        }
        seen.add(node.name);
    }
}

/** A column's type is one of the five; kod columns list their codes, other types have none (kön may). */
export function columnMustBeTyped(column: Column, accept: ValidationAcceptor): void {
    // A type the parser could not read has the syntax error instead.
    if (column.type === undefined) return;
    const type = columnTypeOf(column);
    if (!type) {
        issue(
            accept,
            'error',
            RegisterIssueCodes.RegisterColumnType,
            `Kolumntypen ${column.type} finns inte (typerna är ${joinSwedish([...REGISTER_COLUMN_TYPES], 'och')}).` +
                didYouMean(closestNames(column.type, REGISTER_COLUMN_TYPES)),
            column,
            'type',
        );
        return;
    }
    if (type === 'kod' && column.codes.length === 0) {
        issue(
            accept,
            'error',
            RegisterIssueCodes.RegisterCodes,
            `Kolumnen ${column.name} av typen kod saknar koder: skriv dem inom { }, till exempel { HT "Hemtjänst", SABO "Särskilt boende" }.`,
            column,
            'type',
        );
    }
    if (type !== 'kod' && type !== 'kön' && column.codes.length > 0) {
        issue(
            accept,
            'error',
            RegisterIssueCodes.RegisterCodes,
            `Kolumnen ${column.name} av typen ${type} kan inte ha koder; bara kolumner av typen kod och kön har det.`,
            column,
            'codes',
            0,
        );
    }
    const seen = new Set<string>();
    column.codes.forEach((code, index) => {
        const name = String(code.name);
        if (seen.has(name))
            issue(
                accept,
                'error',
                RegisterIssueCodes.RegisterCodes,
                `Koden ${name} står två gånger i kolumnen ${column.name}.`,
                column,
                'codes',
                index,
            );
        seen.add(name);
    });
}

/**
 * A grouping is of a heltal column, each group a range with min ≤ max; ranges neither overlap
 * (a row would count in two groups) nor leave a gap between them (a row would count in none).
 */
export function groupingMustCoverRanges(grouping: RegisterGrouping, accept: ValidationAcceptor): void {
    const column = grouping.column?.ref;
    if (column && columnTypeOf(column) !== 'heltal') {
        issue(
            accept,
            'error',
            RegisterIssueCodes.RegisterGroupingColumn,
            `Indelningen ${grouping.name} delar kolumnen ${column.name} av typen ${column.type} i intervall; det går bara med en kolumn av typen heltal` +
                (columnTypeOf(column) === 'kön' || columnTypeOf(column) === 'kod'
                    ? `. En kolumn av typen ${column.type} delar en indikator i sina koder direkt: skriv "indelning ${column.name}" i indikatorn.`
                    : '.'),
            grouping,
            'column',
        );
    }
    const ranges = grouping.groups.map((g, index) => ({ g, index, min: g.min ?? -Infinity, max: g.max ?? Infinity }));
    for (const r of ranges) {
        if (r.min > r.max)
            issue(
                accept,
                'error',
                RegisterIssueCodes.RegisterGroupRange,
                `Gruppen ${r.g.name} börjar vid ${r.min} men slutar vid ${r.max}.`,
                grouping,
                'groups',
                r.index,
            );
    }
    const sorted = ranges.filter((r) => r.min <= r.max).sort((a, b) => a.min - b.min);
    for (let i = 1; i < sorted.length; i++) {
        const [before, after] = [sorted[i - 1], sorted[i]];
        if (after.min <= before.max) {
            issue(
                accept,
                'error',
                RegisterIssueCodes.RegisterGroupRange,
                `Grupperna ${before.g.name} och ${after.g.name} överlappar (${after.min}${before.max === Infinity ? ' och uppåt' : `–${Math.min(before.max, after.max)}`} ingår i båda).`,
                grouping,
                'groups',
                after.index,
            );
        } else if (after.min > before.max + 1) {
            const gap = after.min - 1 === before.max + 1 ? `${before.max + 1}` : `${before.max + 1}–${after.min - 1}`;
            issue(
                accept,
                'warning',
                RegisterIssueCodes.RegisterGroupGap,
                `Mellan grupperna ${before.g.name} och ${after.g.name} ingår ${gap} i ingen grupp; de raderna räknas bara i totalen.`,
                grouping,
                'groups',
                after.index,
            );
        }
    }
}

/** Suppression hides cells of fewer than at least one individual. */
export function suppressionMustBePositive(suppression: Suppression, accept: ValidationAcceptor): void {
    if (suppression.minimum < 1) {
        issue(
            accept,
            'error',
            RegisterIssueCodes.SuppressionMinimum,
            `Röjandekontrollen måste gälla färre än minst 1 individ; med ${suppression.minimum} döljs ingenting.`,
            suppression,
            'minimum',
        );
    }
    if (!/\S/.test(suppression.mark)) {
        issue(
            accept,
            'error',
            RegisterIssueCodes.SuppressionMark,
            'Röjandekontrollens markering är tom; skriv tecknet som visas i stället för värdet, till exempel "..".',
            suppression,
            'mark',
        );
    }
}
