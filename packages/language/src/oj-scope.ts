/**
 * Scoping: what one file exports to the workspace, and where a name in a rule is looked up.
 * Only what other files need is exported (survey, parts, answer sets, areas, groups, shared
 * questions, terms, indicators); answer options and items are looked up through the question a
 * condition is about, so "Ja" always means the Ja of that question's answer set.
 */
import {
    AstUtils, DefaultScopeComputation, DefaultScopeProvider, EMPTY_SCOPE, type AstNode, type AstNodeDescription,
    type LangiumDocument, type ReferenceInfo, type Scope, stream
} from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import {
    type AnswerOption, AnswerCondition, ExampleAnswer, type Model, QuestionTarget,
    isAnswerCondition, isExampleAnswer, isIndicator, isModel, isNumericCondition, isQuestionTarget
} from './generated/ast.js';
import { optionsOf, questionOf } from './model-utils.js';

export class OjScopeComputation extends DefaultScopeComputation {
    override async collectExportedSymbols(document: LangiumDocument, _cancelToken?: CancellationToken): Promise<AstNodeDescription[]> {
        const model = document.parseResult.value as Model;
        const exports: AstNodeDescription[] = [];
        const add = (node: AstNode) => this.addExportedSymbol(node, exports, document);
        const survey = model.header?.survey;
        if (survey) {
            add(survey);
            survey.parts.forEach(add);
        }
        for (const element of model.elements) {
            add(element);
            if (element.$type === 'Area') element.groups.forEach(add);
        }
        return exports;
    }
}

export class OjScopeProvider extends DefaultScopeProvider {
    override getScope(context: ReferenceInfo): Scope {
        const container = context.container;
        if (context.property === 'options' && (isAnswerCondition(container))) {
            return this.optionScope(container);
        }
        if (context.property === 'option' && isExampleAnswer(container)) {
            return this.optionScope(container);
        }
        if (context.property === 'items' && isQuestionTarget(container)) {
            const question = questionOf(container.question.ref);
            return question ? this.createScopeForNodes(question.items) : EMPTY_SCOPE;
        }
        return super.getScope(context);
    }

    /**
     * The options of the question the condition is about. While the question is not yet written
     * (completion right after typing an option), every option of the indicator's questions.
     */
    protected optionScope(container: AnswerCondition | ExampleAnswer): Scope {
        const slot = container.target?.question?.ref;
        if (slot) return this.createScopeForNodes(optionsOf(questionOf(slot)));
        const indicator = AstUtils.getContainerOfType(container, isIndicator);
        if (!indicator) return EMPTY_SCOPE;
        const seen = new Set<AnswerOption>();
        const options = indicator.questions.flatMap(s => optionsOf(questionOf(s))).filter(o => !seen.has(o) && seen.add(o));
        return this.createScopeForNodes(stream(options));
    }
}

/** The target a condition or example answer is about. */
export function targetOf(node: AstNode): QuestionTarget | undefined {
    if (isAnswerCondition(node) || isNumericCondition(node) || isExampleAnswer(node)) return node.target;
    return undefined;
}

export function modelOf(node: AstNode): Model | undefined {
    return AstUtils.getContainerOfType(node, isModel);
}

export type { AnswerCondition as AnswerConditionNode, ExampleAnswer as ExampleAnswerNode, QuestionTarget as QuestionTargetNode };
