/**
 * The semantic diff of two years' models: indicators matched across years (by the new year's link
 * to its predecessor, else by shared survey variables, else by number), then per pair what changed
 * in identity, areas, printed parts, questions and, exactly, behaviour. An indicator whose
 * behaviour or questions changed is not comparable with the previous year, and the diff says why.
 */
import { comparabilityOf, type Indicator, type Model, surveyOfModel, variablesOfIndicator } from '@oj/language';
import { comparabilityFinding, type ComparabilityFinding } from './comparability.js';
import { groupUnits, indicatorBehaviour, unitsText, type UnitBehaviour } from './behaviour.js';
import { areaChanges, partChanges, questionChanges, type PartChange, type QuestionChange } from './structure.js';

export type MatchReason = 'link' | 'variables' | 'number';

export interface IndicatorRef {
    number: number;
    name: string;
}

export interface IndicatorDiff {
    status: 'added' | 'removed' | 'changed' | 'unchanged';
    before?: IndicatorRef;
    after?: IndicatorRef;
    matchedBy?: MatchReason;
    renamed: boolean;
    renumbered: boolean;
    areas: { added: string[]; removed: string[]; reportedAdded: string[]; reportedRemoved: string[] };
    parts: PartChange[];
    questions: QuestionChange[];
    behaviour: UnitBehaviour[];
    /** Whether results can be compared with the previous year, and why not. */
    comparable: boolean;
    reasons: string[];
    /** What the new year's model says (`tidigare … jämförbar` / `ej jämförbar`), undefined when it says nothing. */
    stated?: boolean;
    /** Where the statement and the change disagree. */
    finding?: ComparabilityFinding;
}

export interface ModelDiff {
    before: { survey?: string; year?: number; indicators: number };
    after: { survey?: string; year?: number; indicators: number };
    indicators: IndicatorDiff[];
    summary: {
        added: number;
        removed: number;
        changed: number;
        unchanged: number;
        behaviourChanged: number;
        notComparable: number;
    };
}

function indicatorsOf(models: Model[]): Indicator[] {
    return models
        .flatMap((m) => m.elements.filter((e): e is Indicator => e.$type === 'Indicator'))
        .sort((a, b) => a.number - b.number);
}

function surveyInfo(models: Model[]) {
    const survey = models.map(surveyOfModel).find((s) => s);
    return { survey: survey?.name, year: survey?.year };
}

const norm = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/** Pairs each new indicator with its predecessor. */
export function matchIndicators(
    before: Indicator[],
    after: Indicator[],
    beforeYear: number | undefined,
): Array<{ before?: Indicator; after?: Indicator; by?: MatchReason }> {
    const pairs: Array<{ before?: Indicator; after?: Indicator; by?: MatchReason }> = [];
    const free = new Set(before);
    // By name, in last year's order: the editor matches a whole year on every change.
    const byName = new Map<string, Indicator[]>();
    for (const b of before) {
        const key = norm(b.name);
        const list = byName.get(key) ?? [];
        byName.set(key, list);
        list.push(b);
    }
    const unmatched: Indicator[] = [];
    for (const a of after) {
        const link = a.earlier && (beforeYear === undefined || a.earlier.year === beforeYear) ? norm(a.earlier.name) : undefined;
        const match = link !== undefined ? byName.get(link)?.find((b) => free.has(b)) : undefined;
        if (match) {
            free.delete(match);
            pairs.push({ before: match, after: a, by: 'link' });
        } else unmatched.push(a);
    }
    const memo = new Map<Indicator, Set<string>>();
    const variables = {
        get(i: Indicator): Set<string> {
            let set = memo.get(i);
            if (!set) memo.set(i, (set = new Set(variablesOfIndicator(i).map((v) => v.name))));
            return set;
        },
    };
    const rest: Indicator[] = [];
    for (const a of unmatched) {
        const own = variables.get(a)!;
        let best: Indicator | undefined,
            score = 0;
        for (const b of free) {
            const other = variables.get(b)!;
            const shared = [...own].filter((v) => other.has(v)).length;
            const jaccard = shared / (own.size + other.size - shared || 1);
            if (jaccard > score) {
                score = jaccard;
                best = b;
            }
        }
        if (best && score >= 0.5) {
            free.delete(best);
            pairs.push({ before: best, after: a, by: 'variables' });
        } else rest.push(a);
    }
    for (const a of rest) {
        const match = [...free].find((b) => b.number === a.number);
        if (match) {
            free.delete(match);
            pairs.push({ before: match, after: a, by: 'number' });
        } else pairs.push({ after: a });
    }
    for (const b of free) pairs.push({ before: b });
    return pairs.sort(
        (x, y) =>
            (x.after?.number ?? x.before!.number) - (y.after?.number ?? y.before!.number) ||
            (x.after ? 0 : 1) - (y.after ? 0 : 1),
    );
}

const ref = (i: Indicator): IndicatorRef => ({ number: i.number, name: i.name });

/** The diff of one matched pair: what `diffModels` reports for it. */
export function diffIndicatorPair(before: Indicator, after: Indicator, by: MatchReason): IndicatorDiff {
    const areas = areaChanges(before, after);
    const parts = partChanges(before, after).filter((p) => p.part !== 'Namn');
    const questions = questionChanges(before, after);
    const { units, unitsAdded, unitsRemoved } = indicatorBehaviour(before, after);
    const behaviour = units.filter((u) => u.changed > 0 || u.tooLarge);
    const renamed = norm(before.name) !== norm(after.name);
    const renumbered = before.number !== after.number;
    const reasons: string[] = [];
    for (const group of groupUnits(behaviour)) {
        const u = group[0];
        const where = u.unit ? ` för ${unitsText(group, false)}` : '';
        reasons.push(
            u.tooLarge
                ? `Beteendet${where} kunde inte jämföras fullständigt (${u.combinations} kombinationer).`
                : `Utfallet${where} ändras för ${u.changed} av ${u.combinations} svarskombinationer.`,
        );
    }
    for (const q of questions) for (const reason of q.reasons) reasons.push(`Fråga ${q.question}: ${reason}`);
    if (unitsAdded.length > 0) reasons.push(`Redovisas nu även för ${unitsAdded.join(', ')}.`);
    if (unitsRemoved.length > 0) reasons.push(`Redovisas inte längre för ${unitsRemoved.join(', ')}.`);
    const changed =
        renamed ||
        renumbered ||
        parts.length > 0 ||
        questions.length > 0 ||
        behaviour.length > 0 ||
        areas.added.length + areas.removed.length + areas.reportedAdded.length + areas.reportedRemoved.length > 0;
    const diff: IndicatorDiff = {
        status: changed ? 'changed' : 'unchanged',
        before: ref(before),
        after: ref(after),
        matchedBy: by,
        renamed,
        renumbered,
        areas,
        parts,
        questions,
        behaviour,
        comparable: reasons.length === 0,
        reasons,
    };
    const stated = comparabilityOf(after)?.comparable;
    if (stated !== undefined) diff.stated = stated;
    const finding = comparabilityFinding(diff, after);
    if (finding) diff.finding = finding;
    return diff;
}

const NO_AREAS = { added: [], removed: [], reportedAdded: [], reportedRemoved: [] };

/** An indicator without a counterpart: added this year (`after`) or removed (`before`). */
export function unmatchedDiff(before: Indicator | undefined, after: Indicator | undefined): IndicatorDiff {
    const base = {
        renamed: false,
        renumbered: false,
        areas: NO_AREAS,
        parts: [],
        questions: [],
        behaviour: [],
        comparable: false,
    };
    return after
        ? { ...base, status: 'added', after: ref(after), reasons: ['Ny indikator.'] }
        : { ...base, status: 'removed', before: ref(before!), reasons: ['Indikatorn har tagits bort.'] };
}

/**
 * The semantic diff of last year's models and next year's. `pair` computes a matched pair's diff
 * (by default `diffIndicatorPair`); the editor passes its cache.
 */
export function diffModels(
    before: Model[],
    after: Model[],
    pair: (before: Indicator, after: Indicator, by: MatchReason) => IndicatorDiff = diffIndicatorPair,
): ModelDiff {
    const old = indicatorsOf(before),
        now = indicatorsOf(after);
    const infoBefore = surveyInfo(before),
        infoAfter = surveyInfo(after);
    const indicators = matchIndicators(old, now, infoBefore.year).map(({ before: b, after: a, by }): IndicatorDiff =>
        b && a && by ? pair(b, a, by) : unmatchedDiff(b, a),
    );
    return {
        before: { ...infoBefore, indicators: old.length },
        after: { ...infoAfter, indicators: now.length },
        indicators,
        summary: {
            added: indicators.filter((i) => i.status === 'added').length,
            removed: indicators.filter((i) => i.status === 'removed').length,
            changed: indicators.filter((i) => i.status === 'changed').length,
            unchanged: indicators.filter((i) => i.status === 'unchanged').length,
            behaviourChanged: indicators.filter((i) => i.behaviour.length > 0).length,
            notComparable: indicators.filter((i) => (i.status === 'changed' || i.status === 'unchanged') && !i.comparable).length,
        },
    };
}
