/**
 * The Swedish sentences of a register indicator, written from its plan (so the text says what the
 * engines do), as the published description words them: Täljare, Nämnare, what happens to rows
 * whose data cannot decide, the strata, the data source and the suppression rule. Columns are named
 * by their labels ("beslutsdatum"), codes by theirs ("särskilt boende").
 */
import type { ComparisonOperator, Indicator } from '../generated/ast.js';
import { registerOf, lowerRegisterIndicator } from './register-lower.js';
import type { RegisterColumn, RegisterCondition, RegisterIndicatorPlan, SuppressionPolicy } from './register-plan.js';
import { joinSwedish } from './rule-text.js';

/** A label as it reads inside a sentence: "Ålder vid mätdatum" → "ålder vid mätdatum"; "LSS" stays. */
export function inSentence(label: string): string {
    return /^\p{Lu}\p{Ll}/u.test(label) ? label[0].toLocaleLowerCase('sv') + label.slice(1) : label;
}

const NUMBER_WORDS: Record<ComparisonOperator, string> = {
    '>=': 'minst',
    '<=': 'högst',
    '>': 'större än',
    '<': 'mindre än',
    '=': 'lika med',
    '<>': 'skild från',
};

const NEGATED: Record<ComparisonOperator, ComparisonOperator> = {
    '>=': '<',
    '<=': '>',
    '>': '<=',
    '<': '>=',
    '=': '<>',
    '<>': '=',
};

const DAY_WORDS: Record<ComparisonOperator, string> = {
    '>=': 'minst',
    '<=': 'högst',
    '>': 'mer än',
    '<': 'mindre än',
    '=': 'exakt',
    '<>': 'inte exakt',
};

function days(n: number): string {
    return `${n} ${n === 1 ? 'dag' : 'dagar'}`;
}

/** Per unit: the singular with its article, and the plural. */
const PERIOD_WORDS: Record<string, [string, string]> = {
    månader: ['den månad', 'månader'],
    dagar: ['den dag', 'dagar'],
    år: ['det år', 'år'],
};

/** Words for the conditions of one plan, reading its columns' labels and codes. */
class ConditionText {
    constructor(private readonly plan: RegisterIndicatorPlan) {}

    private column(name: string): RegisterColumn | undefined {
        return this.plan.source.columns.find((c) => c.name === name);
    }

    private label(name: string): string {
        const column = this.column(name);
        return column?.label ? inSentence(column.label) : name;
    }

    private codes(name: string, codes: string[]): string {
        const declared = this.column(name)?.codes ?? [];
        return joinSwedish(
            codes.map((code) => {
                const label = declared.find((c) => c.code === code)?.label;
                return label ? inSentence(label) : code;
            }),
            'eller',
        );
    }

    /** The condition as a clause after "vars" (or "där"), negated when `negated`. */
    clause(condition: RegisterCondition, negated = false): string {
        switch (condition.kind) {
            case 'not':
                return this.clause(condition.operand, !negated);
            case 'and':
            case 'or': {
                // "inte (a och b)" is written as "inte a eller inte b" (De Morgan), which reads after "vars".
                const kind = negated ? (condition.kind === 'and' ? 'or' : 'and') : condition.kind;
                const parts = condition.operands.map((o) => {
                    const text = this.clause(o, negated);
                    const compound = (o.kind === 'and' || o.kind === 'or') && o.operands.length > 1;
                    return compound ? `(${text})` : text;
                });
                return joinSwedish(parts, kind === 'and' ? 'och' : 'eller');
            }
            case 'codeIn':
                if (!condition.column) return 'en uppgift som inte kan avgöras';
                return `${this.label(condition.column)} ${negated ? 'inte är' : 'är'} ${this.codes(condition.column, condition.codes)}`;
            case 'numberCompare': {
                const operator = negated ? NEGATED[condition.operator] : condition.operator;
                return `${this.label(condition.column)} är ${NUMBER_WORDS[operator]} ${condition.value}`;
            }
            case 'dateBetween': {
                const range = `${condition.from}–${condition.to}`;
                const p = condition.period;
                const within = p
                    ? `under ${p.count === 1 ? PERIOD_WORDS[p.unit][0] : `de ${p.count} ${PERIOD_WORDS[p.unit][1]}`} som föregår mätdatum (${range})`
                    : `mellan ${condition.from} och ${condition.to}`;
                return `${this.label(condition.column)} ${negated ? 'inte ' : ''}ligger ${within}`;
            }
            case 'daysBetween': {
                const operator = negated ? NEGATED[condition.operator] : condition.operator;
                return `${this.label(condition.to)} är ${DAY_WORDS[operator]} ${days(condition.days)} efter ${this.label(condition.from)}`;
            }
            case 'blank':
                return `${this.label(condition.column)} ${negated ? 'är ifyllt' : 'saknas'}`;
        }
    }
}

/** "Antal personer i nämnaren vars verkställighetsdatum är högst 90 dagar efter beslutsdatum." */
export function registerNumeratorSentence(plan: RegisterIndicatorPlan): string {
    return `Antal personer i nämnaren vars ${new ConditionText(plan).clause(plan.numerator)}.`;
}

/** "Antal personer vars insats är särskilt boende, ålder vid mätdatum är minst 65 och beslutsdatum ligger under …" */
export function registerDenominatorSentence(plan: RegisterIndicatorPlan): string {
    return `Antal personer vars ${new ConditionText(plan).clause(plan.population)}.`;
}

/** The printed Målpopulation: "Personer vars insats är särskilt boende, …" */
export function registerPopulationSentence(plan: RegisterIndicatorPlan): string {
    return `Personer vars ${new ConditionText(plan).clause(plan.population)}.`;
}

/** What happens to a row the data cannot decide, as register-plan.ts says (unknown → missing, in neither count). */
export const REGISTER_MISSING_SENTENCE =
    'Personer vars uppgifter inte räcker för att avgöra villkoren (en tom eller felaktig uppgift) ingår varken i täljaren eller nämnaren utan redovisas som bortfall.';

/** "Redovisas totalt och uppdelat på kön (kvinnor, män) och åldersgrupp (65–79 år, 80 år och äldre)." or "" without strata. */
export function registerStrataSentence(plan: RegisterIndicatorPlan): string {
    if (plan.stratifications.length === 0) return '';
    const parts = plan.stratifications.map(
        (s) => `${inSentence(s.label)} (${s.strata.map((st) => inSentence(st.label)).join(', ')})`,
    );
    return `Redovisas totalt och uppdelat på ${joinSwedish(parts)}.`;
}

/** "Värden som bygger på färre än 5 individer redovisas inte och markeras med ”..”; …" */
export function suppressionSentence(policy: SuppressionPolicy | undefined): string {
    if (!policy) return '';
    const few = policy.minimum === 1 ? 'färre än 1 individ' : `färre än ${policy.minimum} individer`;
    return (
        `Värden som bygger på ${few} redovisas inte och markeras med ”${policy.mark}”; ` +
        'när bara ett värde i en uppdelning döljs, döljs också det minsta av de övriga, så att det inte kan räknas fram ur totalen.'
    );
}

/** The data source printed: the indicator's own text, else its register's, else the register's title and name. */
export function registerDataSource(indicator: Indicator): string {
    if (indicator.dataSource && /\S/.test(indicator.dataSource)) return indicator.dataSource;
    const register = registerOf(indicator);
    if (register?.dataSource && /\S/.test(register.dataSource)) return register.dataSource;
    return register ? `${register.title} (${register.name}).` : '';
}

/** Every sentence of a register indicator's rule, in the order hover and the description print them. */
export interface RegisterRuleText {
    /** "Indikatorn beräknas ur Registret över … (SOL), med uppgifter per person och mätdatum 2019-02-01." */
    source: string;
    population: string;
    numerator: string;
    denominator: string;
    missing: string;
    strata: string;
    suppression: string;
    dataSource: string;
}

export function registerRuleText(indicator: Indicator): RegisterRuleText {
    const plan = lowerRegisterIndicator(indicator);
    const register = registerOf(indicator);
    const date = plan.source.measurementDate ? ` och mätdatum ${plan.source.measurementDate}` : '';
    return {
        source: register
            ? `Indikatorn beräknas ur ${inSentence(register.title)} (${register.name}) med uppgifter per person${date}.`
            : '',
        population: registerPopulationSentence(plan),
        numerator: registerNumeratorSentence(plan),
        denominator: registerDenominatorSentence(plan),
        missing: REGISTER_MISSING_SENTENCE,
        strata: registerStrataSentence(plan),
        suppression: suppressionSentence(plan.suppression),
        dataSource: registerDataSource(indicator),
    };
}
