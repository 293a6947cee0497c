/**
 * Diagnostics from the exact rule analysis (semantics/analysis.ts) and from the worked examples.
 * They tell a methodologist what a rule really does: never or always met, exclusions that swallow
 * fulfilment, alternatives that add nothing, answers that never matter, examples that fail.
 */
import { AstUtils, type LangiumDocument, type ValidationAcceptor, type ValidationChecks } from 'langium';
import {
    type AnswerOption,
    type Example,
    type Indicator,
    type IndicatorQuestion,
    type OjAstType,
    type ReportingUnit,
    type Requirement,
    isAtLeastCondition,
    isCountTerm,
    isIndicator,
    isModel,
} from '../generated/ast.js';
import { atLeastCount, itemsOfAtLeast, ruleContexts } from '../semantics/lower.js';
import type { OjServices } from '../oj-module.js';
import { analyseRequirement, type RuleAnalysis, variantEqualsBase } from '../semantics/analysis.js';
import { checkExample, expectedStatus, type ExampleResult } from '../semantics/examples.js';
import type { Reading } from '../semantics/interpreter.js';
import { joinSwedish } from '../semantics/rule-text.js';
import { baseRequirement, isPerArea, questionOf, shortLabel, unitsOfIndicator } from '../model/model-utils.js';

export const AnalysisCodes = {
    NeverMet: 'rule-never-met',
    AlwaysMet: 'rule-always-met',
    ExclusionOverlap: 'exclusion-overlaps-requirement',
    AlternativeSubsumed: 'alternative-subsumed',
    IrrelevantQuestion: 'answer-never-matters',
    IrrelevantOption: 'option-never-matters',
    UnmentionedOptions: 'options-not-mentioned',
    VariantEqualsBase: 'variant-equals-base',
    ExampleFailed: 'example-failed',
    ExampleInvalid: 'example-invalid',
} as const;

import { STATUS_LABELS } from '../semantics/status.js';

/** Answer spaces larger than this are not analysed while typing (reported once as a hint). */
export const MAX_ANALYSED_COMBINATIONS = 5_000_000;

export function registerAnalysisChecks(services: OjServices): void {
    const validator = services.validation.OjAnalysisValidator;
    const checks: ValidationChecks<OjAstType> = {
        Indicator: [validator.checkRules, validator.checkExamples],
    };
    services.validation.ValidationRegistry.register(checks, validator);
}

/** Indicators of one linking of a document that are left alone, keyed by the document's references (new at every linking). */
const notAnalysableByLinking = new WeakMap<object, Set<Indicator>>();

/**
 * An indicator is not analysed when a name in it is unresolved (it has its own error) or when the
 * parser had to recover inside it (a rule or example being typed, a file cut short): analysing
 * around either would only add noise. Found once per document and linking, from the document's
 * references and syntax errors, rather than by walking each indicator.
 */
function notAnalysable(indicator: Indicator): boolean {
    const document = AstUtils.getDocument(indicator);
    let skipped = notAnalysableByLinking.get(document.references);
    if (!skipped) {
        skipped = findNotAnalysable(document);
        notAnalysableByLinking.set(document.references, skipped);
    }
    return skipped.has(indicator);
}

function findNotAnalysable(document: LangiumDocument): Set<Indicator> {
    const skipped = new Set<Indicator>();
    const model = document.parseResult.value;
    for (const reference of document.references) {
        if (!('ref' in reference) || reference.ref !== undefined) continue;
        const holder = reference.$refNode?.astNode;
        const indicator = holder && AstUtils.getContainerOfType(holder, isIndicator);
        if (indicator) skipped.add(indicator);
    }
    const indicators = isModel(model) ? model.elements.filter(isIndicator) : [];
    const offsets = [
        ...document.parseResult.parserErrors.map((e) => e.token.startOffset),
        ...document.parseResult.lexerErrors.map((e) => e.offset),
    ];
    for (const indicator of indicators) {
        const cst = indicator.$cstNode;
        const closed = cst !== undefined && cst.text.endsWith('}');
        // An error at the end of the input (offset NaN) belongs to whatever is left open there.
        if (!closed || offsets.some((offset) => cst.offset <= offset && offset < cst.end)) skipped.add(indicator);
    }
    return skipped;
}

/**
 * A "minst … av" that asks for more items than it counts (or has its range reversed), or
 * arithmetic on an answer with options, has its own error; that the rule can then never be met is
 * the same mistake, said again.
 */
function hasImpossibleCount(indicator: Indicator): boolean {
    return AstUtils.streamAst(indicator).some((node) => {
        // Arithmetic on an answer with options has its own error too.
        if (isCountTerm(node)) return questionOf(node.target?.question?.ref)?.numeric === false;
        if (!isAtLeastCondition(node)) return false;
        const count = atLeastCount(node);
        return count !== undefined && (count === 0 || count > itemsOfAtLeast(node).length);
    });
}

/** A reading as the rule names it, the same in every area: "fråga ii A". */
function questionOfReading(reading: Reading): string {
    return `fråga ${reading.question}${reading.item ? ` ${reading.item}` : ''}`;
}

/** The options each question of the indicator is given in its worked examples. */
function exemplifiedAnswers(indicator: Indicator): Map<IndicatorQuestion, Set<AnswerOption>> {
    const shown = new Map<IndicatorQuestion, Set<AnswerOption>>();
    for (const example of indicator.examples) {
        for (const answer of example.answers) {
            const slot = answer.target?.question?.ref;
            const option = answer.option?.ref;
            if (!slot || !option) continue;
            const options = shown.get(slot) ?? new Set<AnswerOption>();
            options.add(option);
            shown.set(slot, options);
        }
    }
    return shown;
}

export class OjAnalysisValidator {
    checkRules = (indicator: Indicator, accept: ValidationAcceptor): void => {
        if (indicator.ratio || notAnalysable(indicator) || hasImpossibleCount(indicator)) return;
        const base = baseRequirement(indicator);
        for (const requirement of indicator.requirements) {
            if (requirement.alternatives.length === 0) continue;
            // Areas with an exclusion or exception of their own ("för AO utesluts: …") are analysed with it.
            ruleContexts(indicator, requirement).forEach((context, index) => {
                const analysis = analyseRequirement(indicator, requirement, context.variantsOf);
                this.report(indicator, requirement, analysis, accept, context, index === 0);
            });
            if (base && requirement !== base && variantEqualsBase(indicator, requirement, base)) {
                accept(
                    'hint',
                    `Varianten för ${requirement.units.map((u) => u.$refText).join(', ')} avgör alla svar precis som grundregeln och kan tas bort.`,
                    {
                        node: requirement,
                        property: 'units',
                        code: AnalysisCodes.VariantEqualsBase,
                        data: { code: AnalysisCodes.VariantEqualsBase },
                    },
                );
            }
        }
    };

    /**
     * The findings of one analysis of a requirement: for the areas in `context` (those with an
     * exclusion or exception of their own, when `variantsOf` is set). What does not depend on the
     * exclusion is said once, for the first analysis of the requirement.
     */
    protected report(
        indicator: Indicator,
        requirement: Requirement,
        analysis: RuleAnalysis,
        accept: ValidationAcceptor,
        context: { variantsOf?: ReportingUnit; units: ReportingUnit[] } = { units: [] },
        first = true,
    ): void {
        const named = context.variantsOf ? context.units.map((u) => u.name) : requirement.units.map((u) => u.$refText);
        const where = named.length > 0 ? ` för ${named.join(', ')}` : '';
        const ownExclusion =
            context.variantsOf && indicator.areaExclusions.find((e) => e.units.some((u) => u.ref === context.variantsOf));
        const issue = (severity: 'error' | 'warning' | 'info', code: string, message: string, info: Record<string, unknown>) =>
            accept(severity, message, { ...info, code, data: { code } } as never);
        if (analysis.neverMet) {
            issue(
                'error',
                AnalysisCodes.NeverMet,
                `Indikator ${indicator.number}${where} kan aldrig uppnås: inga svar uppfyller regeln.`,
                { node: requirement, property: 'alternatives' },
            );
        } else if (analysis.alwaysMet) {
            issue(
                'warning',
                AnalysisCodes.AlwaysMet,
                `Indikator ${indicator.number}${where} uppnås av alla som besvarat frågorna: regeln skiljer inte mellan kommunerna.`,
                { node: requirement, property: 'alternatives' },
            );
        }
        if (analysis.exclusionOverlap && (requirement === baseRequirement(indicator) || ownExclusion)) {
            const example = (analysis.overlapExample ?? []).map(({ variable, value }) =>
                value.code === undefined && value.number === undefined
                    ? `${variable.label} blank`
                    : `${value.label} på ${variable.label}`,
            );
            const answers = example.length > 0 ? `t.ex. svaren ${joinSwedish(example)}` : 'vissa svar';
            issue(
                'error',
                AnalysisCodes.ExclusionOverlap,
                `Uteslutningen och regeln överlappar: ${answers} både utesluts och uppfyller regeln${where}; uteslutningen avgörs först, så regeln gäller aldrig för dem.`,
                ownExclusion
                    ? { node: ownExclusion, property: 'condition' }
                    : indicator.exclusion
                      ? { node: indicator.exclusion, property: 'condition' }
                      : { node: requirement, property: 'alternatives' },
            );
        }
        if (!first) return;
        for (const { index, by } of analysis.subsumedAlternatives) {
            issue(
                'warning',
                AnalysisCodes.AlternativeSubsumed,
                `Alternativ ${index + 1} täcks redan av alternativ ${by + 1} (alternativen skiljs åt av ELLER): det ändrar inget utfall.`,
                { node: requirement, property: 'alternatives', index },
            );
        }
        for (const variable of analysis.irrelevantVariables) {
            issue('warning', AnalysisCodes.IrrelevantQuestion, `Svaret på ${variable.label} ändrar aldrig utfallet${where}.`, {
                node: variable.slot,
                property: 'name',
            });
        }
        for (const { condition, option, index } of analysis.irrelevantOptions) {
            issue(
                'warning',
                AnalysisCodes.IrrelevantOption,
                `${shortLabel(option)} ändrar aldrig utfallet här: villkoret ger samma resultat utan det.`,
                { node: condition, property: 'options', index },
            );
        }
        if (requirement === baseRequirement(indicator)) {
            // The rule names what meets it: one answer it is silent about is its plain "no". Two or
            // more are treated alike, and whether they should be (Nej and Ej aktuellt, say) is a
            // decision; a worked example with the answer shows it was taken.
            const shown = exemplifiedAnswers(indicator);
            for (const { slot, options } of analysis.unmentionedOptions) {
                const question = questionOf(slot);
                const silent = options.filter((option) => !shown.get(slot)?.has(option));
                if (!question || options.length < 2 || silent.length === 0) continue;
                const last = silent[silent.length - 1];
                issue(
                    'info',
                    AnalysisCodes.UnmentionedOptions,
                    `${joinSwedish(options.map(shortLabel))} på fråga ${slot.name} nämns varken i regeln eller uteslutningen${isPerArea(question) ? ' i något område' : ''} och avgörs därför lika. Ska de skiljas åt, nämn ett av dem i regeln eller uteslutningen; annars visa med ett exempel vad de ger (fråga ${slot.name} = ${last.name}).`,
                    { node: slot, property: 'name' },
                );
            }
        }
    }

    checkExamples = (indicator: Indicator, accept: ValidationAcceptor): void => {
        if (notAnalysable(indicator)) return;
        const units = new Set(unitsOfIndicator(indicator));
        for (const example of indicator.examples) {
            if (!this.validExample(indicator, example, units, accept)) continue;
            // An outcome written once ("ger ej uppnådd") is checked in every area; failing alike in
            // several (same status, decided by the same answers), it is one mistake, said once with the areas.
            const failures = new Map<string, ExampleResult[]>();
            for (const result of checkExample(indicator, example)) {
                if (result.passed || !result.expected) continue;
                const decidedBy = result.actual.trace.map((r) => `${questionOfReading(r)}=${r.value ?? 'blankt'}`).join(', ');
                const key = [example.outcomes.indexOf(result.outcome), result.actual.status, result.expected, decidedBy].join(
                    '\u0000',
                );
                failures.set(key, [...(failures.get(key) ?? []), result]);
            }
            for (const group of failures.values()) {
                const [first] = group;
                const units = group.flatMap((r) => (r.unit ? [r.unit.name] : []));
                const unitText = units.length > 0 ? ` för ${joinSwedish(units)}` : '';
                // One area: the variables that decided, as the export names them; several: the questions.
                const trace = first.actual.trace
                    .map((r) => `${group.length === 1 ? r.variable : questionOfReading(r)}=${r.value ?? 'blankt'}`)
                    .join(', ');
                accept(
                    'error',
                    `Exemplet ger "${STATUS_LABELS[first.actual.status]}"${unitText}, inte "${STATUS_LABELS[first.expected!]}"${trace ? ` (avgjort av ${trace})` : ''}.`,
                    { node: first.outcome, code: AnalysisCodes.ExampleFailed, data: { code: AnalysisCodes.ExampleFailed } },
                );
            }
        }
    };

    protected validExample(indicator: Indicator, example: Example, units: Set<unknown>, accept: ValidationAcceptor): boolean {
        let valid = true;
        const invalid = (message: string, info: Record<string, unknown>) => {
            valid = false;
            accept('error', message, {
                ...info,
                code: AnalysisCodes.ExampleInvalid,
                data: { code: AnalysisCodes.ExampleInvalid },
            } as never);
        };
        for (const outcome of example.outcomes) {
            if (expectedStatus(outcome) === undefined)
                invalid(`"ej" kan bara stå före "uppnådd".`, { node: outcome, property: 'negated' });
            if (outcome.unit?.ref && !units.has(outcome.unit.ref))
                invalid(`Indikator ${indicator.number} redovisas inte för ${outcome.unit.$refText}.`, {
                    node: outcome,
                    property: 'unit',
                });
            if (!outcome.unit && units.size === 0 && indicator.requirements.some((r) => r.units.length > 0))
                invalid('Ange område för utfallet.', { node: outcome });
        }
        for (const answer of example.answers) {
            const question = questionOf(answer.target.question.ref);
            if (!question) continue;
            if (question.numeric && answer.option)
                invalid(`Fråga ${answer.target.question.$refText} besvaras med ett antal, inte ett svarsalternativ.`, {
                    node: answer,
                    property: 'option',
                });
            if (!question.numeric && answer.value !== undefined)
                invalid(`Fråga ${answer.target.question.$refText} besvaras med ett svarsalternativ, inte ett tal.`, {
                    node: answer,
                    property: 'value',
                });
            if (answer.unit?.ref && !isPerArea(question))
                invalid(`Fråga ${answer.target.question.$refText} ställs inte per område.`, { node: answer, property: 'unit' });
        }
        return valid;
    }
}
