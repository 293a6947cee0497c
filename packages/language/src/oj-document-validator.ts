/**
 * Turns unresolved references into messages a methodologist understands, each with its own code
 * (unknown-option, unknown-area, …) so that quick fixes can offer the right repair.
 */
import {
    type AstReflection, DefaultDocumentValidator, DocumentValidator, type LangiumCoreServices, type LangiumDocument, type ValidationOptions
} from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { isAnswerCondition, isExampleAnswer, isQuestionTarget } from './generated/ast.js';
import { IssueCodes } from './oj-validator.js';
import { indicatorOf, optionsOf, questionOf } from './model-utils.js';
import { joinSwedish } from './semantics/rule-text.js';

/**
 * What a reference names, by the type it must resolve to, with the negation that agrees with it
 * ("det finns ingen enkät", "inget begrepp", "inga svarsalternativ").
 */
const TARGET_WORDS: Record<string, string> = {
    AnswerOption: 'inget svarsalternativ', AnswerSet: 'inga svarsalternativ', ReportingUnit: 'inget område eller någon grupp',
    Area: 'inget område', IndicatorQuestion: 'ingen fråga', Question: 'ingen fråga', QuestionItem: 'inget alternativ',
    Term: 'inget begrepp', Survey: 'ingen enkät', SurveyPart: 'ingen enkätdel'
};

/** " (bara fråga i)", " (frågorna är i och ii)", or nothing when there are none. */
function listed(names: string[], singular: string, plural: string): string {
    if (names.length === 0) return '';
    return names.length === 1 ? ` (bara ${singular} ${names[0]})` : ` (${plural} är ${joinSwedish(names)})`;
}

export class OjDocumentValidator extends DefaultDocumentValidator {
    protected readonly reflection: AstReflection;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.reflection = services.shared.AstReflection;
    }

    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[], _options: ValidationOptions): void {
        for (const reference of document.references) {
            const error = reference.error;
            if (!error) continue;
            const info = error.info;
            const container = info.container;
            const refText = info.reference.$refText;
            const targetType = this.reflection.getReferenceType(info);
            let code: string = IssueCodes.UnknownReference;
            let message = `Det finns ${TARGET_WORDS[targetType] ?? targetType} som heter ${refText}.`;
            const extra: Record<string, unknown> = {};
            if (targetType === 'AnswerOption' && (isAnswerCondition(container) || isExampleAnswer(container))) {
                code = IssueCodes.UnknownOption;
                const slot = container.target?.question?.ref;
                const question = questionOf(slot);
                const options = optionsOf(question);
                const set = question?.answerSet?.ref;
                message = set
                    ? `${refText} är inget svarsalternativ på fråga ${slot!.name} (${set.name}: ${options.map(o => o.name).join(', ')}).`
                    : `Det finns inget svarsalternativ som heter ${refText}.`;
                extra.options = options.map(o => o.name);
            } else if (targetType === 'ReportingUnit' || targetType === 'Area') {
                code = IssueCodes.UnknownArea;
                message = `Det finns ${TARGET_WORDS[targetType]} som heter ${refText}.`;
            } else if (targetType === 'IndicatorQuestion' || targetType === 'Question') {
                code = IssueCodes.UnknownQuestion;
                const indicator = indicatorOf(container);
                const numerals = indicator?.questions.map(q => q.name) ?? [];
                message = targetType === 'IndicatorQuestion'
                    ? `${indicator ? `Indikator ${indicator.number}` : 'Indikatorn'} har ingen fråga ${refText}${listed(numerals, 'fråga', 'frågorna')}.`
                    : `Det finns ingen fråga med id ${refText}.`;
            } else if (targetType === 'QuestionItem') {
                code = IssueCodes.UnknownItem;
                const slot = isQuestionTarget(container) ? container.question.ref : undefined;
                const items = questionOf(slot)?.items.map(i => i.name) ?? [];
                message = slot
                    ? `Fråga ${slot.name} har inget alternativ ${refText}${listed(items, 'alternativ', 'alternativen')}.`
                    : `Frågan har inget alternativ ${refText}.`;
            }
            diagnostics.push(this.toDiagnostic('error', message, {
                node: container,
                range: reference.$refNode?.range,
                property: info.property,
                index: info.index,
                code,
                data: { code, linkingError: DocumentValidator.LinkingError, containerType: container.$type, property: info.property, refText, ...extra }
            } as never));
        }
    }
}
