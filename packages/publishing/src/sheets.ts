/**
 * How results are grouped for publishing: one part per area or group (LSS split into LSS barn and
 * LSS vuxen), each with the indicators reported for it. The workbook makes a sheet of each part, a
 * report a section.
 */
import { type Indicator, type Model, type ReportingUnit, unitsOfIndicator } from '@oj/language';
import { indicatorsOf } from './results.js';

export interface PartEntry {
    indicator: Indicator;
    /** The group or area code the results carry; undefined for an indicator evaluated once. */
    group?: string;
}

export interface Part {
    /** The area or group code, '' for indicators without areas. */
    code: string;
    title: string;
    entries: PartEntry[];
}

/** Grouped indicators under their groups, the others under their areas; parts in Swedish order. */
export function partsOf(models: Model[]): Part[] {
    const parts = new Map<string, Part>();
    const add = (code: string, title: string, entry: PartEntry) => {
        if (!parts.has(code)) parts.set(code, { code, title, entries: [] });
        parts.get(code)!.entries.push(entry);
    };
    for (const indicator of indicatorsOf(models)) {
        const units: ReportingUnit[] = unitsOfIndicator(indicator);
        if (units.length > 0) units.forEach((u) => add(u.name, u.label, { indicator, group: u.name }));
        else if (indicator.areas.length > 0)
            indicator.areas.forEach((a) => add(a.$refText, a.ref?.label ?? a.$refText, { indicator }));
        else add('', 'Övriga', { indicator });
    }
    return [...parts.values()].sort((a, b) => a.title.localeCompare(b.title, 'sv'));
}

/** "2. Aktuell rutin för att inte röja skyddade personuppgifter" */
export function indicatorTitle(indicator: Indicator): string {
    return `${indicator.number}. ${indicator.name}`;
}

export function isRatio(indicator: Indicator): boolean {
    return indicator.ratio !== undefined;
}
