/** Numbers a methodologist writes (option codes, indicator numbers, years) within what every output can hold. */
import type { ValidationAcceptor } from 'langium';
import type { AnswerOption, EarlierName, Indicator, Survey } from '../generated/ast.js';
import { issue, shorten, sourceText } from './common.js';

export const NumberIssueCodes = {
    NumberOutOfRange: 'number-out-of-range',
} as const;

const MAX_INDICATOR_NUMBER = 99_999;
const MAX_OPTION_CODE = 999_999;
const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

export function optionCodeMustBeInRange(option: AnswerOption, accept: ValidationAcceptor): void {
    if (!Number.isSafeInteger(option.code) || option.code > MAX_OPTION_CODE) {
        issue(
            accept,
            'error',
            NumberIssueCodes.NumberOutOfRange,
            `Svarskoden ${sourceText(option, 'code') ?? option.code} är för stor; en kod är ett heltal från 0 till ${MAX_OPTION_CODE}.`,
            option,
            'code',
        );
    }
}

export function indicatorNumberMustBeInRange(indicator: Indicator, accept: ValidationAcceptor): void {
    if (indicator.number === undefined) return;
    if (!Number.isSafeInteger(indicator.number) || indicator.number < 1 || indicator.number > MAX_INDICATOR_NUMBER) {
        issue(
            accept,
            'error',
            NumberIssueCodes.NumberOutOfRange,
            `Indikatornummer ${shorten(sourceText(indicator, 'number') ?? String(indicator.number))} är orimligt; ett indikatornummer är ett heltal från 1 till ${MAX_INDICATOR_NUMBER}.`,
            indicator,
            'number',
        );
    }
}

export function yearMustBeInRange(node: Survey | EarlierName, accept: ValidationAcceptor): void {
    if (node.year === undefined) return;
    if (!Number.isSafeInteger(node.year) || node.year < MIN_YEAR || node.year > MAX_YEAR) {
        issue(
            accept,
            'error',
            NumberIssueCodes.NumberOutOfRange,
            `Året ${shorten(sourceText(node, 'year') ?? String(node.year))} är orimligt; ange ett år mellan ${MIN_YEAR} och ${MAX_YEAR}.`,
            node,
            'year',
        );
    }
}
