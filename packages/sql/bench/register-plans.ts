/** The register indicators the register benchmark counts: one with two stratifications, one reading two dates. */
import type { RegisterIndicatorPlan } from '@oj/language';
import { BY_AGE, BY_SEX, OLD, registerPlan } from '../../evaluator/test/conformance/register-cases.js';

export const BENCH_PLANS: RegisterIndicatorPlan[] = [
    registerPlan({ number: 1, stratifications: [BY_SEX, BY_AGE], suppression: { minimum: 5, mark: '..' } }),
    registerPlan({
        number: 2,
        name: 'Verkställt inom 90 dagar',
        population: {
            kind: 'and',
            operands: [
                { kind: 'codeIn', column: 'insats', codes: ['SÄBO'] },
                OLD,
                { kind: 'dateBetween', column: 'beslut', from: '2018-03-01', to: '2019-02-28' },
            ],
        },
        numerator: { kind: 'daysBetween', from: 'beslut', to: 'start', operator: '<=', days: 90 },
        stratifications: [BY_SEX],
    }),
];
