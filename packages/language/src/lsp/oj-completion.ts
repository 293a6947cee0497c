/**
 * Completion: references come from the scope provider (so after "fråga ii är" only the options of
 * question ii are offered); this adds what a methodologist needs to choose: the option's label and
 * code, the question's text. Options are usually written before the question they are about
 * ("<Ja> på fråga ii"): there the question is read from the text after the cursor.
 */
import { DefaultCompletionProvider, type CompletionContext, type CompletionValueItem, type LangiumServices } from 'langium/lsp';
import { AstUtils, stream, type AstNodeDescription, type AstNodeDescriptionProvider, type ReferenceInfo, type Stream } from 'langium';
import { isAnswerCondition, isAnswerOption, isArea, isGroup, isIndicator, isIndicatorQuestion, isQuestion, isQuestionItem } from '../generated/ast.js';
import { optionsOf, questionOf } from '../model-utils.js';

/**
 * From the cursor to the numeral of the condition's question: the rest of the option being typed,
 * further options ("eller Nej"), then "på [samtliga|något alternativ av] [fråga] <numeral>".
 */
const QUESTION_AFTER_OPTIONS = /^[\p{L}\p{N}_]*(?:\s+eller\s+[\p{L}\p{N}_]+)*\s+på\s+(?:(?:samtliga|något)\s+alternativ\s+av\s+)?(?:fråga\s+)?([\p{L}_][\p{L}\p{N}_]*)/u;

export class OjCompletionProvider extends DefaultCompletionProvider {
    protected readonly descriptions: AstNodeDescriptionProvider;

    constructor(services: LangiumServices) {
        super(services);
        this.descriptions = services.workspace.AstNodeDescriptionProvider;
    }

    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext): Stream<AstNodeDescription> {
        if (refInfo.property === 'options' && isAnswerCondition(refInfo.container) && !refInfo.container.target?.question?.ref) {
            const numeral = QUESTION_AFTER_OPTIONS.exec(context.textDocument.getText().slice(context.offset))?.[1];
            const indicator = context.node && AstUtils.getContainerOfType(context.node, isIndicator);
            const slot = numeral ? indicator?.questions.find(q => q.name === numeral) : undefined;
            if (slot) return stream(optionsOf(questionOf(slot))).map(option => this.descriptions.createDescription(option, option.name));
        }
        return super.getReferenceCandidates(refInfo, context);
    }

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
