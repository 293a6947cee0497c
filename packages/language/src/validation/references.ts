/**
 * Codes of the diagnostics OjDocumentValidator gives where Langium reports an unresolved
 * reference or the parser recovered from a near miss (message-hints.ts): the checks are there,
 * the codes here so that the registration can join them without an import cycle.
 */
export const ReferenceIssueCodes = {
    UnknownReference: 'unknown-reference',
    UnknownOption: 'unknown-option',
    UnknownArea: 'unknown-area',
    UnknownQuestion: 'unknown-question',
    UnknownItem: 'unknown-item',
} as const;

export const SyntaxHintIssueCodes = {
    QuestionNumberedWithDigits: 'question-numbered-with-digits',
    ItemsJoinedWithAnd: 'items-joined-with-och',
    UnitNamedByLabel: 'unit-named-by-label',
    CodesThenCondition: 'codes-then-condition',
} as const;
