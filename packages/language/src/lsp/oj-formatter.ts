/**
 * Formatting: one part per line inside braces, indented by four spaces, alternatives ("ELLER")
 * on lines of their own, and commas and colons spaced as in ordinary Swedish text.
 */
import { AbstractFormatter, Formatting } from 'langium/lsp';
import type { AstNode } from 'langium';
import {
    isAnswerSet, isArea, isExample, isIndicator, isModel, isRequirement, isSurvey
} from '../generated/ast.js';

/** Child node types that each start a part of their own line inside a block. */
const LINE_NODES = new Set([
    'SurveyPart', 'AnswerOption', 'Group', 'EarlierName', 'Reference', 'Definition', 'IndicatorQuestion', 'Requirement',
    'Exclusion', 'Exception', 'Ratio', 'Example', 'ExampleAnswer'
]);

/** Keywords that start a part written directly in a block (not in a child node). */
const PART_KEYWORDS = [
    'år', 'mätdatum', 'period', 'målpopulation', 'redovisningsnivåer', 'variabelmönster', 'datakälla', 'felkällor', 'nämnare',
    'rubrik', 'områden', 'redovisas', 'beskrivning', 'syfte', 'önskad', 'typ', 'kvalitetsområde', 'begrepp', 'kommentar', 'ger'
];

export class OjFormatter extends AbstractFormatter {
    protected format(node: AstNode): void {
        const formatter = this.getNodeFormatter(node);
        if (isModel(node)) {
            for (const element of node.elements) formatter.node(element).prepend(Formatting.newLines(2, { allowMore: false }));
            return;
        }
        if (isSurvey(node) || isAnswerSet(node) || isArea(node) || isIndicator(node) || isExample(node)) {
            const open = formatter.keyword('{');
            const close = formatter.keyword('}');
            open.prepend(Formatting.oneSpace());
            formatter.interior(open, close).prepend(Formatting.indent());
            close.prepend(Formatting.newLine());
            formatter.keywords(...PART_KEYWORDS).prepend(Formatting.indent());
        }
        if (LINE_NODES.has(node.$type) && node.$container && !isModel(node.$container)) {
            formatter.node(node).prepend(Formatting.indent());
        }
        if (isRequirement(node)) {
            formatter.keyword(':').prepend(Formatting.noSpace()).append(Formatting.oneSpace());
            formatter.keywords('ELLER').prepend(Formatting.indent({ allowMore: true })).append(Formatting.oneSpace());
        }
        formatter.keywords(',').prepend(Formatting.noSpace()).append(Formatting.oneSpace());
    }
}
