/**
 * Survey variables: every answer has a variable name, a column of the export, a key of the
 * generated schema and a cell of the codebook. Names must be complete (one per area, item and
 * stratum), unique in the survey and carried unchanged by every output.
 */
import type { AstNode, Properties, ValidationAcceptor } from 'langium';
import { type Indicator, type Question, type Survey, isIndicatorQuestion } from '../generated/ast.js';
import {
    type SurveyVariable,
    isPerArea,
    isVariablePattern,
    patternPlaceholders,
    variableSpecOf,
    variablesOfIndicator,
    variablesOfQuestion,
} from '../model/model-utils.js';
import { joinSwedish } from '../semantics/rule-text.js';
import { surveyKeyOf, type OjWorkspaceIndex } from '../workspace/oj-workspace-index.js';
import { issue, shorten } from './common.js';
import { describeCharacter } from './text.js';

export const VariableIssueCodes = {
    DuplicateVariable: 'duplicate-variable',
    VariableMissing: 'variable-missing',
    VariablePatternIncomplete: 'variable-pattern-incomplete',
    ReservedVariable: 'reserved-variable',
    InvalidVariableName: 'invalid-variable-name',
} as const;
type VariableIssueCode = (typeof VariableIssueCodes)[keyof typeof VariableIssueCodes];

/** Where a variable comes from, as a reader finds it: "fråga ii (indikator 3)" or "frågan Delad". */
function describeOwner(variable: SurveyVariable): string {
    return variable.slot?.declared
        ? `fråga ${variable.slot.name} (indikator ${variable.slot.$container.number})`
        : `frågan ${variable.question.name}`;
}

/** Each survey variable names one column of the export: another question with the same name would overwrite it. */
export function variableNamesMustBeUnique<N extends AstNode>(
    workspace: OjWorkspaceIndex,
    variables: SurveyVariable[],
    question: Question,
    key: string,
    accept: ValidationAcceptor,
    node: N,
    property: Properties<N>,
): void {
    const reported = new Set<string>();
    for (const variable of variables) {
        if (reported.has(variable.name)) continue;
        const others = workspace
            .facts()
            .variables.get(`${key}#${variable.name}`)
            .filter((v) => v.question !== question);
        if (others.length === 0) continue;
        reported.add(variable.name);
        const owners = [...new Set(others.map(describeOwner))];
        issue(
            accept,
            'error',
            VariableIssueCodes.DuplicateVariable,
            `Variabeln ${variable.name} används också av ${joinSwedish(owners)}; varje enkätvariabel måste vara unik.`,
            node,
            property,
        );
    }
}

/** Every answer of the question has a variable name, one per area, item and stratum. */
export function questionVariablesMustBeComplete(question: Question, shared: boolean, accept: ValidationAcceptor): void {
    const items = question.items.length > 0 ? question.items : [undefined];
    // One message per place the name is written: items that share the question's pattern share its message.
    const reported = new Set<string>();
    const report = (code: VariableIssueCode, message: string, node: AstNode, property: string) => {
        const key = `${code}\u0000${message}\u0000${property}`;
        if (reported.has(key) && node === question) return;
        reported.add(key);
        issue(accept, 'error', code, message, node, property as never);
    };
    for (const item of items) {
        const spec = variableSpecOf(question, item);
        if (!spec) {
            report(
                VariableIssueCodes.VariableMissing,
                `Frågan ${question.name}${item ? ` alternativ ${item.name}` : ''} har inget variabelnamn: ange "variabel" eller ett variabelmönster i enkäten.`,
                item ?? question,
                'name',
            );
            continue;
        }
        // The name is written on the item, on the question, or (a survey pattern) nowhere near: then point at the question.
        const [node, property] = item?.variable
            ? [item, 'variable']
            : question.variable
              ? [question, 'variable']
              : [question, 'name'];
        const placeholders = isVariablePattern(spec) ? patternPlaceholders(spec) : [];
        const missing: string[] = [];
        if (isPerArea(question) && !placeholders.includes('grupp')) missing.push('{grupp}');
        if (question.items.length > 1 && !item?.variable && !placeholders.includes('del')) missing.push('{del}');
        if (question.stratification && !placeholders.includes('indelning')) missing.push('{indelning}');
        if (missing.length > 0) {
            const what = missing.includes('{grupp}')
                ? 'områden'
                : missing.includes('{del}')
                  ? 'alternativ'
                  : 'delar av indelningen (t.ex. kvinnor och män)';
            report(
                VariableIssueCodes.VariablePatternIncomplete,
                `Variabelnamnet ${shorten(spec)} ger samma variabel för flera ${what}; lägg till ${missing.join(' och ')}.`,
                node,
                property,
            );
        }
        if (shared && (placeholders.includes('indikator') || placeholders.includes('fråga'))) {
            report(
                VariableIssueCodes.VariablePatternIncomplete,
                `Frågan ${question.name} delas mellan indikatorer och kan inte namnges med {indikator} eller {fråga}; ge den ett eget variabelnamn.`,
                node,
                property,
            );
        }
    }
}

export function patternPlaceholdersMustBeKnown(
    spec: string,
    accept: ValidationAcceptor,
    node: Survey,
    property: 'variablePattern',
): void {
    const unknown = [...spec.matchAll(/\{([^}]*)\}/g)]
        .map((m) => m[1])
        .filter((p) => !/^(indikator|fråga|del|grupp|indelning)(:\d+)?$/.test(p));
    if (unknown.length > 0) {
        issue(
            accept,
            'error',
            VariableIssueCodes.VariablePatternIncomplete,
            `Okänd platshållare ${unknown.map((u) => `{${u}}`).join(', ')}; tillåtna är {indikator}, {indikator:02}, {fråga}, {del}, {grupp} och {indelning}.`,
            node,
            property,
        );
    }
}

/** The variables of questions declared in the indicator; shared questions are checked where they are declared. */
export const indicatorVariablesMustBeUnique =
    (workspace: OjWorkspaceIndex) =>
    (indicator: Indicator, accept: ValidationAcceptor): void => {
        const key = surveyKeyOf(indicator);
        const variables = variablesOfIndicator(indicator);
        for (const slot of indicator.questions) {
            if (!slot.declared) continue;
            variableNamesMustBeUnique(
                workspace,
                variables.filter((v) => v.slot === slot),
                slot.declared,
                key,
                accept,
                slot,
                'name',
            );
        }
    };

/** The variables of the questions declared in an indicator; shared questions are checked where declared. */
export function indicatorVariablesMustBeWritable(indicator: Indicator, accept: ValidationAcceptor): void {
    const variables = variablesOfIndicator(indicator).filter((v) => v.slot?.declared);
    variableSpellingsMustBeWritable(variables, accept);
}

export function sharedQuestionVariablesMustBeWritable(question: Question, accept: ValidationAcceptor): void {
    if (isIndicatorQuestion(question.$container)) return;
    variableSpellingsMustBeWritable(variablesOfQuestion(question), accept);
}

/**
 * A variable name is a column header of the export, a key of the generated schema and a cell of
 * the codebook: it must be matched by a trimmed header, must not collide with the id columns
 * and must survive every one of those outputs unchanged.
 */
function variableSpellingsMustBeWritable(variables: SurveyVariable[], accept: ValidationAcceptor): void {
    const reported = new Set<string>();
    for (const variable of variables) {
        const problem = variableNameProblem(variable.name);
        if (!problem || reported.has(problem.message)) continue;
        reported.add(problem.message);
        const { item, question } = variable;
        const [node, property] = item?.variable
            ? ([item, 'variable'] as const)
            : question.variable
              ? ([question, 'variable'] as const)
              : ([question, 'name'] as const);
        issue(accept, 'error', problem.code, problem.message, node as AstNode, property as never);
    }
}

/** Reserved by the export: the respondent's code and name. */
const ID_COLUMNS = ['unit', 'name'];

/** Why a variable name cannot be carried by every output, or undefined. */
export function variableNameProblem(name: string): { code: VariableIssueCode; message: string } | undefined {
    const shown = shorten(name);
    if (name.trim() === '') return { code: VariableIssueCodes.InvalidVariableName, message: 'Variabelnamnet är tomt.' };
    if (ID_COLUMNS.includes(name.trim().toLowerCase())) {
        return {
            code: VariableIssueCodes.ReservedVariable,
            message: `Variabelnamnet ${shown} är upptaget: kolumnerna unit och name anger den svarande; välj ett annat namn.`,
        };
    }
    if (name !== name.trim())
        return {
            code: VariableIssueCodes.InvalidVariableName,
            message: `Variabelnamnet ${shown} börjar eller slutar med blanksteg; rubrikerna i svarsfilen läses utan dem, så kolumnen skulle aldrig hittas.`,
        };
    const bad = [...name].find((c) => /[\p{C}\s]/u.test(c));
    if (bad)
        return {
            code: VariableIssueCodes.InvalidVariableName,
            message: `Variabelnamnet ${shown} innehåller ${describeCharacter(bad)}; ett variabelnamn får inte innehålla blanksteg eller styrtecken.`,
        };
    if (/^[=+\-@]/.test(name))
        return {
            code: VariableIssueCodes.InvalidVariableName,
            message: `Variabelnamnet ${shown} börjar med ${name[0]}, som kalkylprogram läser som en formel; börja med en bokstav.`,
        };
    if (name === '__proto__')
        return {
            code: VariableIssueCodes.InvalidVariableName,
            message: 'Variabelnamnet __proto__ är reserverat i JavaScript och kan inte användas; välj ett annat namn.',
        };
    return undefined;
}
