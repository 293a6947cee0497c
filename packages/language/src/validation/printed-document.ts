/** The printed document (dokument): every indicator it places exists and is placed once; a real publication date. */
import { AstUtils, type ValidationAcceptor } from 'langium';
import { type PrintedDocument, isIndicatorsBlock } from '../generated/ast.js';
import { surveyKeyOf, type OjWorkspaceIndex } from '../workspace/oj-workspace-index.js';
import { CommonIssueCodes, isIsoDate, issue, partsMustBeWrittenOnce } from './common.js';

export const PrintedDocumentIssueCodes = {
    UnknownIndicatorNumber: 'unknown-indicator-number',
    IndicatorPlacedTwice: 'indicator-placed-twice',
} as const;

export const printedDocumentMustPlaceEachIndicatorOnce =
    (workspace: OjWorkspaceIndex) =>
    (document: PrintedDocument, accept: ValidationAcceptor): void => {
        partsMustBeWrittenOnce(document, accept);
        if (document.published !== undefined && !isIsoDate(document.published) && !isIsoDate(`${document.published}-01`)) {
            issue(
                accept,
                'error',
                CommonIssueCodes.InvalidDate,
                `Publiceringsdatum "${document.published}" är inte en månad (ÅÅÅÅ-MM) eller ett datum (ÅÅÅÅ-MM-DD).`,
                document,
                'published',
            );
        }
        const facts = workspace.facts();
        const key = surveyKeyOf(document);
        const placed = new Set<number>();
        for (const block of AstUtils.streamAllContents(document)) {
            if (!isIndicatorsBlock(block)) continue;
            block.numbers.forEach((number, index) => {
                if (facts.indicatorsByNumber.get(`${key}#${number}`).length === 0) {
                    issue(
                        accept,
                        'error',
                        PrintedDocumentIssueCodes.UnknownIndicatorNumber,
                        `Det finns ingen indikator ${number} att placera i dokumentet.`,
                        block,
                        'numbers',
                        index,
                    );
                } else if (placed.has(number)) {
                    issue(
                        accept,
                        'error',
                        PrintedDocumentIssueCodes.IndicatorPlacedTwice,
                        `Indikator ${number} placeras redan tidigare i dokumentet; den beskrivs bara en gång.`,
                        block,
                        'numbers',
                        index,
                    );
                }
                placed.add(number);
            });
        }
    };
