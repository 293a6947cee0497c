/**
 * Whether what the model says about comparability agrees with what changed: an indicator whose
 * behaviour or questions changed against its linked year cannot say it is comparable, and one that
 * says nothing should say so. Read by `oj diff`, `oj check --previous` and the editor.
 */
import { comparabilityOf, type Indicator } from '@oj/language';
import type { IndicatorDiff, ModelDiff } from './diff.js';

export interface ComparabilityFinding {
    /** The new year's indicator. */
    indicator: number;
    severity: 'warning' | 'info';
    code: 'comparable-but-changed' | 'comparability-missing' | 'not-comparable-but-unchanged';
    message: string;
}

/** The findings for one matched indicator; `after` is the new year's indicator node. */
export function comparabilityFinding(diff: IndicatorDiff, after: Indicator): ComparabilityFinding | undefined {
    if (!diff.before || !diff.after || diff.status === 'added' || diff.status === 'removed') return undefined;
    const stated = comparabilityOf(after);
    const year = stated?.year ?? after.earlier?.year;
    const why = diff.reasons.join(' ');
    if (!diff.comparable && stated?.comparable === true) {
        return {
            indicator: diff.after.number,
            severity: 'warning',
            code: 'comparable-but-changed',
            message: `Indikator ${diff.after.number} anges som jämförbar med ${year}, men den har ändrats: ${why}`,
        };
    }
    if (!diff.comparable && stated?.comparable === undefined) {
        return {
            indicator: diff.after.number,
            severity: 'warning',
            code: 'comparability-missing',
            message: `Indikator ${diff.after.number} har ändrats sedan ${year ?? 'förra året'} men säger inte om den är jämförbar (skriv "ej jämförbar" med skälet): ${why}`,
        };
    }
    if (diff.comparable && stated?.comparable === false) {
        return {
            indicator: diff.after.number,
            severity: 'info',
            code: 'not-comparable-but-unchanged',
            message: `Indikator ${diff.after.number} anges som ej jämförbar med ${year}, men dess frågor och utfall är oförändrade.`,
        };
    }
    return undefined;
}

/** Every finding of a diff, given the new year's indicators. */
export function comparabilityFindings(diff: ModelDiff, after: readonly Indicator[]): ComparabilityFinding[] {
    const byNumber = new Map(after.map((i) => [i.number, i]));
    return diff.indicators.flatMap((d) => {
        const node = d.after ? byNumber.get(d.after.number) : undefined;
        const finding = node ? comparabilityFinding(d, node) : undefined;
        return finding ? [finding] : [];
    });
}
