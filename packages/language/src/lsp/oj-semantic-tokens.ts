/**
 * Semantic tokens: colour what a name stands for (an answer option, a question, an item, an area),
 * which the TextMate grammar alone cannot know. A question reference in a rule ("på fråga ii A, B")
 * has a token type of its own, `question` (items with the modifier `item`): as a variable it looked
 * like plain text in light themes, and its "fråga" like any keyword. The extension declares the
 * type with `function` as its super type, so that every theme colours it.
 */
import {
    AbstractSemanticTokenProvider,
    AllSemanticTokenModifiers,
    AllSemanticTokenTypes,
    type SemanticTokenAcceptor,
} from 'langium/lsp';
import type { AstNode } from 'langium';
import { SemanticTokenTypes, SemanticTokenModifiers } from 'vscode-languageserver';
import {
    isAtLeastCondition,
    isCountTerm,
    isMeasureTerm,
    isNumericCondition,
    isRatio,
    isAnswerCondition,
    isAnswerOption,
    isAnswerSet,
    isArea,
    isExampleAnswer,
    isExampleOutcome,
    isGroup,
    isIndicator,
    isIndicatorQuestion,
    isQuestion,
    isQuestionItem,
    isQuestionTarget,
    isRequirement,
    isTerm,
    isSurvey,
} from '../generated/ast.js';

/** The token type of a question: a numeral, a shared question's name, and "fråga" before a numeral in a rule. */
export const QUESTION_TOKEN_TYPE = 'question';
/** The modifier of a question's item ("A" in "på fråga ii A"), with the type {@link QUESTION_TOKEN_TYPE}. */
export const ITEM_TOKEN_MODIFIER = 'item';

const OJ_TOKEN_TYPES: Record<string, number> = {
    ...AllSemanticTokenTypes,
    [QUESTION_TOKEN_TYPE]: Math.max(...Object.values(AllSemanticTokenTypes)) + 1,
};
const OJ_TOKEN_MODIFIERS: Record<string, number> = {
    ...AllSemanticTokenModifiers,
    [ITEM_TOKEN_MODIFIER]: Math.max(...Object.values(AllSemanticTokenModifiers)) << 1,
};

export class OjSemanticTokenProvider extends AbstractSemanticTokenProvider {
    override get tokenTypes(): Record<string, number> {
        return OJ_TOKEN_TYPES;
    }

    override get tokenModifiers(): Record<string, number> {
        return OJ_TOKEN_MODIFIERS;
    }

    protected highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        const declaration = [SemanticTokenModifiers.declaration];
        const question = QUESTION_TOKEN_TYPE;
        const item = [ITEM_TOKEN_MODIFIER];
        // "fråga" before a numeral in a rule, an example, a count, a share or a measure is part of the reference.
        if (
            isAnswerCondition(node) ||
            isAtLeastCondition(node) ||
            isCountTerm(node) ||
            isNumericCondition(node) ||
            isRatio(node) ||
            isMeasureTerm(node) ||
            isExampleAnswer(node)
        )
            acceptor({ node, keyword: 'fråga', type: question });
        if (isAtLeastCondition(node)) {
            acceptor({ node, property: 'options', type: SemanticTokenTypes.enumMember });
            acceptor({ node, property: 'question', type: question });
            acceptor({ node, property: 'items', type: question, modifier: item });
            acceptor({ node, property: 'last', type: question, modifier: item });
        } else if (isAnswerCondition(node)) {
            acceptor({ node, property: 'options', type: SemanticTokenTypes.enumMember });
        } else if (isExampleAnswer(node)) {
            if (node.option) acceptor({ node, property: 'option', type: SemanticTokenTypes.enumMember });
            if (node.unit) acceptor({ node, property: 'unit', type: SemanticTokenTypes.namespace });
        } else if (isExampleOutcome(node)) {
            if (node.unit) acceptor({ node, property: 'unit', type: SemanticTokenTypes.namespace });
        } else if (isQuestionTarget(node)) {
            acceptor({ node, property: 'question', type: question });
            acceptor({ node, property: 'items', type: question, modifier: item });
        } else if (isAnswerOption(node)) {
            acceptor({ node, property: 'name', type: SemanticTokenTypes.enumMember, modifier: declaration });
        } else if (isAnswerSet(node)) {
            acceptor({ node, property: 'name', type: SemanticTokenTypes.enum, modifier: declaration });
        } else if (isArea(node) || isGroup(node)) {
            acceptor({ node, property: 'name', type: SemanticTokenTypes.namespace, modifier: declaration });
        } else if (isIndicatorQuestion(node)) {
            acceptor({ node, property: 'name', type: question, modifier: declaration });
            if (node.shared) acceptor({ node, property: 'shared', type: question });
        } else if (isQuestion(node)) {
            acceptor({ node, property: 'name', type: question, modifier: declaration });
            acceptor({ node, property: 'answerSet', type: SemanticTokenTypes.enum });
            acceptor({ node, property: 'units', type: SemanticTokenTypes.namespace });
        } else if (isQuestionItem(node)) {
            acceptor({
                node,
                property: 'name',
                type: question,
                modifier: [ITEM_TOKEN_MODIFIER, SemanticTokenModifiers.declaration],
            });
        } else if (isIndicator(node)) {
            acceptor({ node, property: 'number', type: SemanticTokenTypes.number });
            acceptor({ node, property: 'areas', type: SemanticTokenTypes.namespace });
            acceptor({ node, property: 'groups', type: SemanticTokenTypes.namespace });
            acceptor({ node, property: 'terms', type: SemanticTokenTypes.type });
        } else if (isRequirement(node)) {
            acceptor({ node, property: 'units', type: SemanticTokenTypes.namespace });
        } else if (isTerm(node)) {
            acceptor({ node, property: 'name', type: SemanticTokenTypes.type, modifier: declaration });
        } else if (isSurvey(node)) {
            acceptor({ node, property: 'name', type: SemanticTokenTypes.namespace, modifier: declaration });
        }
    }
}
