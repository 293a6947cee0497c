/**
 * The preview of a file, rendered so that a reviewer never sees an internal error: an indicator
 * whose text is half typed (a syntax error or an unresolved name inside it) is shown as it last
 * was when complete, and only if even that fails is it left out, with a note in Swedish.
 */
import { AstUtils, type LangiumDocument } from 'langium';
import { type Indicator, isIndicator, type Model } from '@oj/language';
import { buildDescriptionDocument, DOCUMENT_CSS, indicatorId, renderHtml } from '@oj/documents';
import type { IndicatorAnchor, PreviewResult } from '../protocol.js';
import { indicatorsOfDocument, type ModelSet } from './model-set.js';

/** Indicators of a document with a syntax error or an unresolved name inside them. */
export function incompleteIndicators(document: LangiumDocument<Model>): Set<Indicator> {
    const incomplete = new Set<Indicator>();
    const indicators = indicatorsOfDocument(document);
    const offsets = [
        ...document.parseResult.parserErrors.map((e) => e.token.startOffset),
        ...document.parseResult.lexerErrors.map((e) => e.offset),
    ].filter((offset) => Number.isFinite(offset));
    for (const indicator of indicators) {
        const cst = indicator.$cstNode;
        if (!cst || !cst.text.endsWith('}') || offsets.some((o) => o >= cst.offset && o <= cst.end)) incomplete.add(indicator);
    }
    for (const reference of document.references) {
        if (reference.error === undefined) continue;
        const holder = reference.$refNode?.astNode;
        const indicator = holder && AstUtils.getContainerOfType(holder, isIndicator);
        if (indicator) incomplete.add(indicator);
    }
    return incomplete;
}

export class PreviewRenderer {
    /** The last complete text of each indicator shown, by file and number. */
    protected readonly lastGood = new Map<string, Indicator>();

    render(set: ModelSet): PreviewResult {
        const uri = set.document.uri.toString();
        const own = indicatorsOfDocument(set.document);
        const incomplete = incompleteIndicators(set.document);
        const key = (indicator: Indicator) => `${uri}#${indicator.number}`;
        const notes: string[] = [];
        const choose = (check: boolean): Indicator[] =>
            own.flatMap((indicator) => {
                if (!incomplete.has(indicator) && (!check || this.renders(set, indicator))) return [indicator];
                const previous = this.lastGood.get(key(indicator));
                const number = Number.isFinite(indicator.number) ? ` ${indicator.number}` : '';
                if (previous && (!check || this.renders(set, previous))) {
                    notes.push(`Indikator${number} visas som den senast var komplett, medan den skrivs.`);
                    return [previous];
                }
                notes.push(`Indikator${number} visas när den är komplett.`);
                return [];
            });
        const modelsWith = (shown: Indicator[]): Model[] =>
            own.length === 0
                ? set.models
                : [
                      ...set.documents
                          .filter((d) => d !== set.document && indicatorsOfDocument(d).length === 0)
                          .map((d) => d.parseResult.value),
                      withIndicators(set.document.parseResult.value, shown),
                  ];
        let shown = choose(false);
        let description;
        try {
            description = buildDescriptionDocument(modelsWith(shown));
        } catch {
            // The renderer met a shape it does not expect: find the indicators it cannot show, one by one.
            notes.length = 0;
            shown = choose(true);
            description = buildDescriptionDocument(modelsWith(shown));
        }
        for (const indicator of shown) if (own.includes(indicator)) this.lastGood.set(key(indicator), indicator);
        // Anchors point at the current source lines, also for an indicator shown from its last complete text.
        const anchors: IndicatorAnchor[] = own
            .filter((i) => typeof i.number === 'number' && i.$cstNode)
            .map((i) => ({
                id: indicatorId(i),
                number: i.number,
                startLine: i.$cstNode!.range.start.line,
                endLine: i.$cstNode!.range.end.line,
            }));
        return {
            body: renderHtml(description, { standalone: false }),
            css: DOCUMENT_CSS,
            title: description.title,
            anchors,
            notes,
        };
    }

    /** Whether the description can be built with this indicator (the renderer may meet a shape it does not expect). */
    protected renders(set: ModelSet, indicator: Indicator): boolean {
        try {
            const context = set.documents.filter((d) => indicatorsOfDocument(d).length === 0).map((d) => d.parseResult.value);
            buildDescriptionDocument([...context, withIndicators(set.document.parseResult.value, [indicator])]);
            return true;
        } catch {
            return false;
        }
    }
}

/** The model with only the given indicators among its elements (the other declarations kept). */
function withIndicators(model: Model, indicators: Indicator[]): Model {
    const elements = model.elements.filter((e) => !isIndicator(e));
    return { ...model, elements: [...elements, ...indicators] } as Model;
}
