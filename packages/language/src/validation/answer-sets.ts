/** Answer sets (svarsalternativ): not empty, each option's name and code once, used by a question. */
import type { ValidationAcceptor } from 'langium';
import type { AnswerSet } from '../generated/ast.js';
import type { OjWorkspaceIndex } from '../workspace/oj-workspace-index.js';
import { declarationNameMustBeUnique, issue } from './common.js';

export const AnswerSetIssueCodes = {
    DuplicateOption: 'duplicate-option',
    UnusedAnswerSet: 'unused-answer-set',
    EmptyAnswerSet: 'empty-answer-set',
} as const;

export const answerSetMustBeWellFormed =
    (workspace: OjWorkspaceIndex) =>
    (answerSet: AnswerSet, accept: ValidationAcceptor): void => {
        declarationNameMustBeUnique(workspace, answerSet, accept);
        if (answerSet.options.length === 0) {
            issue(
                accept,
                'error',
                AnswerSetIssueCodes.EmptyAnswerSet,
                `Svarsalternativen ${answerSet.name} har inga alternativ.`,
                answerSet,
                'name',
            );
        }
        const names = new Map<string, number>();
        const codes = new Map<number, number>();
        answerSet.options.forEach((option, index) => {
            if (names.has(option.name)) {
                issue(
                    accept,
                    'error',
                    AnswerSetIssueCodes.DuplicateOption,
                    `Svarsalternativet ${option.name} finns redan i ${answerSet.name}.`,
                    option,
                    'name',
                );
            }
            if (codes.has(option.code)) {
                issue(
                    accept,
                    'error',
                    AnswerSetIssueCodes.DuplicateOption,
                    `Koden ${option.code} används redan av ${answerSet.options[codes.get(option.code)!].name} i ${answerSet.name}.`,
                    option,
                    'code',
                );
            }
            names.set(option.name, index);
            codes.set(option.code, index);
        });
        if (!workspace.facts().usedAnswerSets.has(answerSet)) {
            issue(
                accept,
                'warning',
                AnswerSetIssueCodes.UnusedAnswerSet,
                `Svarsalternativen ${answerSet.name} används inte av någon fråga.`,
                answerSet,
                'name',
            );
        }
    };
