/**
 * Turns unresolved references into messages a methodologist understands, each with its own code
 * (unknown-option, unknown-area, …) so that quick fixes can offer the right repair.
 */
import {
    type AstReflection, DefaultDocumentValidator, DocumentValidator, type LangiumCoreServices, type LangiumDocument, type ValidationOptions
} from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { isAnswerCondition, isExampleAnswer } from './generated/ast.js';
import { IssueCodes } from './oj-validator.js';
import { optionsOf, questionOf } from './model-utils.js';

/** What a reference names, in Swedish, by the type it must resolve to. */
const TARGET_WORDS: Record<string, string> = {
    AnswerOption: 'svarsalternativ', AnswerSet: 'svarsalternativen', ReportingUnit: 'område eller grupp', Area: 'område',
    IndicatorQuestion: 'fråga', Question: 'fråga', QuestionItem: 'alternativ', Term: 'begrepp', Survey: 'enkät', SurveyPart: 'enkätdel'
};

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
            let message = `Okänt ${TARGET_WORDS[targetType] ?? targetType}: ${refText}.`;
            const extra: Record<string, unknown> = {};
            if (targetType === 'AnswerOption' && (isAnswerCondition(container) || isExampleAnswer(container))) {
                code = IssueCodes.UnknownOption;
                const slot = container.target?.question?.ref;
                const question = questionOf(slot);
                const options = optionsOf(question);
                const set = question?.answerSet?.ref;
                message = set
                    ? `${refText} är inget svarsalternativ på fråga ${slot!.name} (${set.name}: ${options.map(o => o.name).join(', ')}).`
                    : `Okänt svarsalternativ: ${refText}.`;
                extra.options = options.map(o => o.name);
            } else if (targetType === 'ReportingUnit' || targetType === 'Area') {
                code = IssueCodes.UnknownArea;
                message = `Området eller gruppen ${refText} är inte deklarerad.`;
            } else if (targetType === 'IndicatorQuestion' || targetType === 'Question') {
                code = IssueCodes.UnknownQuestion;
                message = targetType === 'IndicatorQuestion'
                    ? `Indikatorn har ingen fråga ${refText}.`
                    : `Det finns ingen fråga med id ${refText}.`;
            } else if (targetType === 'QuestionItem') {
                code = IssueCodes.UnknownItem;
                message = `Frågan har inget alternativ ${refText}.`;
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
