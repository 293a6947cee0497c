/**
 * Completion: references come from the scope provider (so after "fråga ii är" only the options of
 * question ii are offered); this adds what a methodologist needs to choose: the option's label and
 * code, the question's text.
 */
import { DefaultCompletionProvider, type CompletionContext, type CompletionValueItem } from 'langium/lsp';
import type { AstNodeDescription, ReferenceInfo } from 'langium';
import { isAnswerOption, isArea, isGroup, isIndicatorQuestion, isQuestion, isQuestionItem } from '../generated/ast.js';
import { questionOf } from '../model-utils.js';

export class OjCompletionProvider extends DefaultCompletionProvider {
    protected override createReferenceCompletionItem(description: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        const item = super.createReferenceCompletionItem(description, refInfo, context);
        const node = description.node;
        if (isAnswerOption(node)) return { ...item, detail: `${node.code} – ${node.label}`, sortText: String(node.code).padStart(4, '0') };
        if (isIndicatorQuestion(node)) return { ...item, detail: questionOf(node)?.text };
        if (isQuestion(node)) return { ...item, detail: node.text };
        if (isQuestionItem(node)) return { ...item, detail: node.text };
        if (isArea(node) || isGroup(node)) return { ...item, detail: node.label };
        return item;
    }
}
