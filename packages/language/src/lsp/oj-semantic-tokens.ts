/**
 * Semantic tokens: colour what a name stands for (an answer option, a question, an item, an area),
 * which the TextMate grammar alone cannot know.
 */
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import type { AstNode } from 'langium';
import { SemanticTokenTypes, SemanticTokenModifiers } from 'vscode-languageserver';
import {
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

export class OjSemanticTokenProvider extends AbstractSemanticTokenProvider {
    protected highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        const declaration = [SemanticTokenModifiers.declaration];
        if (isAnswerCondition(node)) {
            acceptor({ node, property: 'options', type: SemanticTokenTypes.enumMember });
        } else if (isExampleAnswer(node)) {
            if (node.option) acceptor({ node, property: 'option', type: SemanticTokenTypes.enumMember });
            if (node.unit) acceptor({ node, property: 'unit', type: SemanticTokenTypes.namespace });
        } else if (isExampleOutcome(node)) {
            if (node.unit) acceptor({ node, property: 'unit', type: SemanticTokenTypes.namespace });
        } else if (isQuestionTarget(node)) {
            acceptor({ node, property: 'question', type: SemanticTokenTypes.variable });
            acceptor({ node, property: 'items', type: SemanticTokenTypes.property });
        } else if (isAnswerOption(node)) {
            acceptor({ node, property: 'name', type: SemanticTokenTypes.enumMember, modifier: declaration });
        } else if (isAnswerSet(node)) {
            acceptor({ node, property: 'name', type: SemanticTokenTypes.enum, modifier: declaration });
        } else if (isArea(node) || isGroup(node)) {
            acceptor({ node, property: 'name', type: SemanticTokenTypes.namespace, modifier: declaration });
        } else if (isIndicatorQuestion(node)) {
            acceptor({ node, property: 'name', type: SemanticTokenTypes.variable, modifier: declaration });
            if (node.shared) acceptor({ node, property: 'shared', type: SemanticTokenTypes.function });
        } else if (isQuestion(node)) {
            acceptor({ node, property: 'name', type: SemanticTokenTypes.function, modifier: declaration });
            acceptor({ node, property: 'answerSet', type: SemanticTokenTypes.enum });
            acceptor({ node, property: 'units', type: SemanticTokenTypes.namespace });
        } else if (isQuestionItem(node)) {
            acceptor({ node, property: 'name', type: SemanticTokenTypes.property, modifier: declaration });
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
