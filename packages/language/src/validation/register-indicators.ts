/**
 * Register indicators: one names its register and has a population and a numerator condition, and
 * no survey rule; each condition fits the type of the columns it reads (a date is not compared with
 * a number, "är" names codes of a kod or kön column); strata are of kön or kod columns or groupings.
 */
import { AstUtils, type ValidationAcceptor } from 'langium';
import type { ColumnCondition, Indicator, RegisterExample } from '../generated/ast.js';
import { isColumn, isIndicator } from '../generated/ast.js';
import {
    codesOfColumn,
    columnTypeOf,
    isRegisterIndicator,
    lowerRegisterIndicator,
    parseIsoDate,
    registerMeasurementDate,
    registerOf,
} from '../semantics/register-lower.js';
import { joinSwedish } from '../semantics/rule-text.js';
import { checkRegisterExample, REGISTER_OUTCOME_WORDS } from '../semantics/register-examples.js';
import { issue } from './common.js';
import { closestNames, didYouMean } from './message-hints.js';

export const RegisterIndicatorIssueCodes = {
    RegisterMissing: 'register-missing',
    RegisterRuleMixed: 'register-rule-mixed',
    RegisterPopulationMissing: 'register-population-missing',
    RegisterNumeratorMissing: 'register-numerator-missing',
    RegisterConditionType: 'register-condition-type',
    RegisterCodeUnknown: 'register-code-unknown',
    RegisterStratifierType: 'register-stratifier-type',
    RegisterStratumCodeDuplicate: 'register-stratum-code-duplicate',
    RegisterPeriod: 'register-period',
    RegisterExampleFails: 'register-example-fails',
    RegisterExampleOutside: 'register-example-outside',
} as const;

/** What an indicator has only when it is a register indicator, and what it must then not have. */
export function registerIndicatorMustBeComplete(indicator: Indicator, accept: ValidationAcceptor): void {
    if (!isRegisterIndicator(indicator)) {
        const part = indicator.population
            ? 'population'
            : indicator.counted
              ? 'counted'
              : indicator.stratifiers.length > 0
                ? 'stratifiers'
                : undefined;
        if (part) {
            issue(
                accept,
                'error',
                RegisterIndicatorIssueCodes.RegisterMissing,
                `Indikator ${indicator.number} har villkor på registerkolumner men anger inget register: skriv "register <namn>".`,
                indicator,
                part,
                part === 'stratifiers' ? 0 : undefined,
            );
        }
        return;
    }
    const mixed: Array<[keyof Indicator, string]> = [
        ['requirements', 'krävs'],
        ['ratio', 'andel'],
        ['measure', 'mått'],
        ['exclusion', 'utesluts'],
        ['exception', 'undantas'],
        ['questions', 'fråga'],
    ];
    for (const [property, keyword] of mixed) {
        const value = indicator[property];
        if (Array.isArray(value) ? value.length === 0 : value === undefined) continue;
        issue(
            accept,
            'error',
            RegisterIndicatorIssueCodes.RegisterRuleMixed,
            `Indikator ${indicator.number} räknas ur registret ${indicator.register?.$refText}; "${keyword}" hör till enkätindikatorer. Skriv vilka rader som räknas med "population:" och "räknas:".`,
            indicator,
            property as never,
            Array.isArray(value) ? 0 : undefined,
        );
    }
    if (!indicator.population)
        issue(
            accept,
            'error',
            RegisterIndicatorIssueCodes.RegisterPopulationMissing,
            `Indikator ${indicator.number} saknar population: skriv "population: …" med villkoren för raderna i nämnaren.`,
            indicator,
            'register',
        );
    if (!indicator.counted)
        issue(
            accept,
            'error',
            RegisterIndicatorIssueCodes.RegisterNumeratorMissing,
            `Indikator ${indicator.number} saknar täljare: skriv "räknas: …" med villkoret för raderna i täljaren.`,
            indicator,
            'register',
        );
    // Results name a stratum by its code: two splits with the same code ("K" for kvinnor and for korttidsvård) would collide.
    const codes = new Map<string, string>();
    const plan = lowerRegisterIndicator(indicator);
    plan.stratifications.forEach((stratification, index) => {
        for (const stratum of stratification.strata) {
            const other = codes.get(stratum.code);
            if (other !== undefined && other !== stratification.name)
                issue(
                    accept,
                    'error',
                    RegisterIndicatorIssueCodes.RegisterStratumCodeDuplicate,
                    `Koden ${stratum.code} finns både i ${other} och i ${stratification.name}; resultatens grupper måste ha olika koder.`,
                    indicator,
                    'stratifiers',
                    index,
                );
            else codes.set(stratum.code, stratification.name);
        }
        if (stratification.strata.some((s) => s.code === plan.totalCode))
            issue(
                accept,
                'error',
                RegisterIndicatorIssueCodes.RegisterStratumCodeDuplicate,
                `Koden ${plan.totalCode} i ${stratification.name} är resultatens kod för totalen; ge gruppen en annan kod.`,
                indicator,
                'stratifiers',
                index,
            );
    });
    indicator.stratifiers.forEach((reference, index) => {
        const target = reference.ref;
        if (!isColumn(target)) return;
        const type = columnTypeOf(target);
        if (type === 'kön' || type === 'kod') return;
        issue(
            accept,
            'error',
            RegisterIndicatorIssueCodes.RegisterStratifierType,
            `Indikatorn kan inte delas efter kolumnen ${target.name} av typen ${target.type}; bara efter kolumner av typen kön eller kod` +
                (type === 'heltal'
                    ? ` eller efter en indelning av den i registret ("indelning … efter ${target.name} { … }").`
                    : '.'),
            indicator,
            'stratifiers',
            index,
        );
    });
}

const TYPE_WORDS: Record<string, string> = {
    kommunkod: 'en kommunkod',
    kön: 'ett kön',
    heltal: 'ett heltal',
    datum: 'ett datum',
    kod: 'en kod',
};

/** A condition reads its columns as their types allow. */
export function columnConditionMustFitType(condition: ColumnCondition, accept: ValidationAcceptor): void {
    const column = condition.column?.ref;
    const type = columnTypeOf(column);
    if (!column || !type) return;
    const wrong = (what: string, hint = '') =>
        issue(
            accept,
            'error',
            RegisterIndicatorIssueCodes.RegisterConditionType,
            `Kolumnen ${column.name} är ${TYPE_WORDS[type]}; ${what}.${hint}`,
            condition,
            'column',
        );
    if (condition.codes.length > 0) {
        if (type !== 'kod' && type !== 'kön') {
            wrong(
                `"är" jämför med koder, och det går bara med kolumner av typen kod eller kön`,
                type === 'heltal' ? ` Skriv till exempel "${column.name} minst 65" eller "${column.name} lika med 65".` : '',
            );
            return;
        }
        const codes = codesOfColumn(column).map((c) => c.code);
        condition.codes.forEach((code, index) => {
            const name = String(code);
            if (codes.includes(name)) return;
            issue(
                accept,
                'error',
                RegisterIndicatorIssueCodes.RegisterCodeUnknown,
                `${name} är ingen kod i kolumnen ${column.name} (koderna är ${joinSwedish(codes)}).` +
                    didYouMean(closestNames(name, codes)),
                condition,
                'codes',
                index,
            );
        });
        return;
    }
    if (condition.period !== undefined) {
        if (type !== 'datum') {
            wrong('"inom … före mätdatum" gäller bara kolumner av typen datum');
            return;
        }
        if ((condition.value ?? 0) < 1)
            issue(
                accept,
                'error',
                RegisterIndicatorIssueCodes.RegisterPeriod,
                'Perioden före mätdatum måste vara minst 1.',
                condition,
                'value',
            );
        const indicator = AstUtils.getContainerOfType(condition, isIndicator);
        const date = indicator ? registerMeasurementDate(registerOf(indicator), indicator) : undefined;
        if (!parseIsoDate(date))
            issue(
                accept,
                'error',
                RegisterIndicatorIssueCodes.RegisterPeriod,
                'Perioden räknas från mätdatum, men varken registret eller enkäten anger något giltigt mätdatum (mätdatum "ÅÅÅÅ-MM-DD").',
                condition,
                'period',
            );
        return;
    }
    if (condition.dayUnit !== undefined) {
        const other = condition.other?.ref;
        if (type !== 'datum') wrong(`"… dagar efter ${condition.other?.$refText ?? '…'}" jämför två datum`);
        else if (other && columnTypeOf(other) !== 'datum')
            issue(
                accept,
                'error',
                RegisterIndicatorIssueCodes.RegisterConditionType,
                `Kolumnen ${other.name} är ${TYPE_WORDS[columnTypeOf(other) ?? ''] ?? other.type}; "… dagar efter" jämför två datum.`,
                condition,
                'other',
            );
        return;
    }
    if ((condition.word !== undefined || condition.operator !== undefined || condition.more) && type !== 'heltal') {
        wrong(
            'den kan inte jämföras med ett tal',
            type === 'datum'
                ? ` Skriv till exempel "${column.name} inom 12 månader före mätdatum" eller "${column.name} högst 90 dagar efter <kolumn>".`
                : type === 'kod' || type === 'kön'
                  ? ` Skriv "${column.name} är <kod>".`
                  : '',
        );
    }
}

/** A worked example of a register indicator holds: the row counts as the example says (and in the strata it names). */
export function registerExampleMustHold(example: RegisterExample, accept: ValidationAcceptor): void {
    const indicator = example.$container;
    if (!isRegisterIndicator(indicator)) {
        issue(
            accept,
            'error',
            RegisterIndicatorIssueCodes.RegisterExampleOutside,
            `Ett exempel med "rad" visar en registerrad; indikator ${indicator.number} räknas inte ur något register.`,
            example,
            'cells',
            0,
        );
        return;
    }
    // An unresolved column or a half-written rule has its own error; the example is checked once they are right.
    if (!indicator.population || !indicator.counted || !registerOf(indicator)) return;
    if (example.cells.some((c) => !c.column?.ref)) return;
    const result = checkRegisterExample(indicator, example);
    if (result.holds || result.expected === undefined) return;
    const got = REGISTER_OUTCOME_WORDS[result.actual];
    const strata = result.strata.length > 0 ? ` för ${result.strata.join(', ')}` : '';
    const message =
        result.expected !== result.actual
            ? `Exemplet stämmer inte: raden ger ${got}, inte ${REGISTER_OUTCOME_WORDS[result.expected]}.`
            : `Exemplet stämmer inte: raden räknas${strata || ' bara i totalen'}, inte för ${result.expectedStrata!.join(', ')}.`;
    issue(accept, 'error', RegisterIndicatorIssueCodes.RegisterExampleFails, message, example, 'outcome');
}
