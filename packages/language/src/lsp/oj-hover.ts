/**
 * Hover: what a methodologist needs to know about the thing under the cursor without leaving the
 * rule: a question's text, options with codes and variable names; an option's label and code; an
 * indicator's rule in the Swedish of the published document; a term's definition.
 */
import { AstNodeHoverProvider } from 'langium/lsp';
import { AstUtils, CstUtils, GrammarAST, GrammarUtils, type AstNode, type LangiumDocument } from 'langium';
import type { Hover, HoverParams } from 'vscode-languageserver';
import {
    type And,
    type AnswerCondition,
    type AnswerOption,
    type ArithmeticCondition,
    type AtLeastCondition,
    type CountTerm,
    type AnswerSet,
    type Area,
    type Exception,
    type Exclusion,
    type Group,
    type Indicator,
    type IndicatorQuestion,
    type Not,
    type NumericCondition,
    type Or,
    type Question,
    type QuestionItem,
    type Measure,
    type MeasureTerm,
    type Ratio,
    type Requirement,
    type Term,
    isAnswerOption,
    isAnswerSet,
    isArea,
    isGroup,
    isIndicator,
    isIndicatorQuestion,
    isQuestion,
    isQuestionItem,
    isRequirement,
    isTerm,
    type Column,
    type ColumnCondition,
    type RegisterAnd,
    type RegisterNot,
    type RegisterOr,
    type Register,
    type RegisterGrouping,
    isColumn,
    isRegister,
    isRegisterGrouping,
} from '../generated/ast.js';
import {
    codesOfColumn,
    isRegisterIndicator,
    lowerRegisterIndicator,
    registerMeasurementDate,
    registerOf,
} from '../semantics/register-lower.js';
import { registerRuleText, suppressionSentence } from '../semantics/register-rule-text.js';
import { optionsOf, questionOf, slotOfInlineQuestion, unitsOfIndicator, variablesOfQuestion } from '../model/model-utils.js';
import { exclusionSentence, ratioText, requirementSentence } from '../semantics/rule-text.js';
import { excludesByDefault } from '../semantics/lower.js';
import { statusCountsText } from '../semantics/status.js';
import { printedOptionLabel } from '../semantics/rule-text-print.js';
import { analyseRequirement, decisionTableMarkdown } from '../semantics/analysis.js';
import { escapeMarkdown as md } from './markdown.js';
import { comparabilitySentence } from '../semantics/comparability.js';
import { measureText } from '../semantics/measure.js';
import { lowerIndicator } from '../semantics/lower.js';
import { reportingLevelSentence, respondentsText } from '../semantics/population.js';

export class OjHoverProvider extends AstNodeHoverProvider {
    /**
     * Also on what is neither a name nor a reference: an indicator's number and its keyword
     * "indikator" give the indicator's hover, the keyword "krävs" that rule's sentence and decision
     * table. Everything else as Langium finds it (names, references).
     */
    override async getHoverContent(document: LangiumDocument, params: HoverParams): Promise<Hover | undefined> {
        const root = document.parseResult.value.$cstNode;
        const offset = document.textDocument.offsetAt(params.position);
        const leaf = root ? CstUtils.findLeafNodeAtOffset(root, offset) : undefined;
        const node = leaf && leaf.offset + leaf.length > offset ? leaf.astNode : undefined;
        const keyword = leaf && GrammarAST.isKeyword(leaf.grammarSource) ? leaf.grammarSource.value : undefined;
        const markdown = (value: string): Hover => ({ contents: { kind: 'markdown', value } });
        if (isIndicator(node) && (keyword === 'indikator' || GrammarUtils.findAssignment(leaf!)?.feature === 'number')) {
            return markdown(this.indicatorHover(node));
        }
        if (isRequirement(node) && keyword === 'krävs' && isComplete(node)) {
            const indicator = AstUtils.getContainerOfType(node, isIndicator);
            const tables = indicator
                ? this.decisionTables({ ...indicator, ratio: undefined, requirements: [node] } as Indicator)
                : [];
            return markdown([md(requirementSentence(node)), ...tables].join('\n'));
        }
        return super.getHoverContent(document, params);
    }

    protected getAstNodeHoverContent(node: AstNode): string | undefined {
        if (isIndicatorQuestion(node)) return this.questionHover(questionOf(node), node);
        if (isQuestion(node)) return this.questionHover(node, slotOfInlineQuestion(node));
        if (isAnswerOption(node)) return this.optionHover(node);
        if (isIndicator(node)) return this.indicatorHover(node);
        if (isTerm(node)) return this.termHover(node);
        if (isAnswerSet(node)) return this.answerSetHover(node);
        if (isQuestionItem(node)) return this.itemHover(node);
        if (isArea(node) || isGroup(node)) return this.unitHover(node);
        if (isRegister(node)) return this.registerHover(node);
        if (isColumn(node)) return this.columnHover(node);
        if (isRegisterGrouping(node)) return this.groupingHover(node);
        return undefined;
    }

    protected registerHover(register: Register): string {
        const lines = [`**Register ${md(register.name)}** – ${md(register.title)}`];
        const unit = register.unitColumn?.ref;
        if (unit) lines.push('', `Enhet: kolumnen \`${unit.name}\` (kommunkod)`);
        const date = registerMeasurementDate(register, register);
        if (date) lines.push('', `Mätdatum: ${md(date)}${register.measurementDate ? '' : ' (enkätens)'}`);
        if (register.columns.length > 0) {
            lines.push('', '| Kolumn | Typ | Beskrivning |', '| --- | --- | --- |');
            lines.push(...register.columns.map((c) => `| \`${c.name}\` | ${md(c.type)} | ${md(c.label ?? '')} |`));
        }
        const suppression = suppressionSentence(
            register.suppression && { minimum: register.suppression.minimum, mark: register.suppression.mark },
        );
        if (suppression) lines.push('', md(suppression));
        return lines.join('\n');
    }

    protected columnHover(column: Column): string {
        const lines = [
            `**Kolumn \`${column.name}\`**${column.label ? ` – ${md(column.label)}` : ''}`,
            '',
            `Typ: ${md(column.type)}`,
        ];
        const codes = codesOfColumn(column);
        if (codes.length > 0) lines.push('', `Koder: ${codes.map((c) => `${md(c.code)} = ${md(c.label)}`).join(' · ')}`);
        const register = column.$container;
        if (register) lines.push('', `I registret ${md(register.name)} (${md(register.title)})`);
        return lines.join('\n');
    }

    protected groupingHover(grouping: RegisterGrouping): string {
        const column = grouping.column?.ref;
        const lines = [`**Indelning ${md(grouping.name)}** – ${md(grouping.label)}`];
        if (column) lines.push('', `Efter kolumnen \`${column.name}\`${column.label ? ` (${md(column.label)})` : ''}`);
        const range = (min?: number, max?: number) =>
            min !== undefined && max !== undefined
                ? `${min}–${max}`
                : min !== undefined
                  ? `${min} och uppåt`
                  : `till och med ${max}`;
        lines.push('', ...grouping.groups.map((g) => `- ${md(g.name)}: ${md(g.label)} (${range(g.min, g.max)})`));
        return lines.join('\n');
    }

    /** A register indicator's rule: where it is counted from and its sentences, from the plan. */
    protected registerIndicatorLines(indicator: Indicator): string[] {
        const register = registerOf(indicator);
        const lines: string[] = [];
        if (register) lines.push('', `Räknas ur registret ${md(register.name)} (${md(register.title)})`);
        if (!isComplete(indicator.population) || !isComplete(indicator.counted) || !indicator.population || !indicator.counted) {
            lines.push('', 'Regeln visas när population och täljare är färdigskrivna.');
            return lines;
        }
        const text = registerRuleText(indicator);
        lines.push('', md(`Täljare: ${text.numerator}`), '', md(`Nämnare: ${text.denominator}`), '', md(text.missing));
        if (text.strata) lines.push('', md(text.strata));
        const plan = lowerRegisterIndicator(indicator);
        lines.push('', `Redovisningsnivåer: ${md(plan.levels.join(', '))}`);
        if (text.suppression) lines.push('', md(text.suppression));
        return lines;
    }

    protected questionHover(question: Question | undefined, slot: IndicatorQuestion | undefined): string | undefined {
        if (!question) return undefined;
        const title = slot ? `**Fråga ${md(slot.name)}** (${md(question.name)})` : `**Fråga ${md(question.name)}**`;
        const lines = [title, '', md(question.text)];
        if (question.items.length > 0) {
            lines.push('', ...question.items.map((item) => `- ${md(item.name)}. ${md(item.text)}`));
        }
        const answerSet = question.answerSet?.ref;
        if (question.numeric) {
            lines.push('', question.countUnit ? `Svar: ett antal ${md(question.countUnit)}` : 'Svar: ett antal');
        } else if (answerSet) {
            // The labels as this question prints them (its own "etikett" where it has one).
            lines.push(
                '',
                `Svarsalternativ (${md(answerSet.name)}): ${optionsOf(question)
                    .map((o) => `${md(printedOptionLabel(question, o))} = ${o.code}`)
                    .join(' · ')}`,
            );
        }
        const units = question.units.map((u) => u.$refText);
        if (units.length > 0) lines.push('', `Ställs per område: ${md(units.join(', '))}`);
        const variables = variablesOfQuestion(question, slot ? { slot, indicator: slot.$container } : {}).map((v) => v.name);
        if (variables.length > 0) lines.push('', `Variabler: ${variables.map((v) => `\`${v}\``).join(', ')}`);
        return lines.join('\n');
    }

    protected optionHover(option: AnswerOption): string {
        const set = option.$container;
        const lines = [`**${md(option.label)}**`, '', `Kod ${option.code} i svarsalternativen ${md(set?.name)}`];
        if (option.shortLabel) lines.push('', `I regeltext: ${md(option.shortLabel)}`);
        if (excludesByDefault(option)) lines.push('', 'Betyder att området saknas: utesluts ur nämnaren om inget annat anges.');
        return lines.join('\n');
    }

    protected indicatorHover(indicator: Indicator): string {
        const lines = [`**${indicator.number}. ${md(indicator.name)}**`];
        const areas = indicator.areas.map((a) => a.ref?.title ?? a.ref?.label ?? a.$refText);
        if (areas.length > 0) lines.push('', md(areas.join(', ')));
        if (indicator.description) lines.push('', md(indicator.description));
        if (isRegisterIndicator(indicator)) {
            lines.push(...this.registerIndicatorLines(indicator));
            const comparability = comparabilitySentence(indicator);
            if (comparability) lines.push('', md(comparability));
            return lines.join('\n');
        }
        // While a rule is being typed it has holes ("… och" with nothing after): say so rather than render half a rule.
        const complete = [
            ...indicator.requirements,
            indicator.ratio,
            indicator.measure,
            indicator.exclusion,
            indicator.exception,
        ].every(isComplete);
        if (complete) {
            if (indicator.measure) lines.push('', md(`Bakgrundsmått: ${measureText(indicator.measure)}.`));
            for (const requirement of indicator.requirements) lines.push('', md(requirementSentence(requirement)));
            const ratio = ratioText(indicator);
            if (ratio) lines.push('', md(`Andel: ${ratio}.`));
            const exclusion = exclusionSentence(indicator);
            if (exclusion) lines.push('', md(exclusion));
        } else {
            lines.push('', 'Regeln visas när den är färdigskriven.');
        }
        const units = unitsOfIndicator(indicator);
        if (units.length > 0) lines.push('', `Redovisas för: ${md(units.map((u) => u.label).join(', '))}`);
        // Who is evaluated and where it is published, as the evaluator applies it (from the plan):
        // shown when a population is declared, since only then does it decide who is counted.
        const plan = lowerIndicator(indicator);
        if (plan.population) {
            lines.push('', `Utvärderas för: ${md(respondentsText(plan.population))} (övriga svarande räknas inte)`);
            const levels = reportingLevelSentence(indicator);
            if (levels) lines.push('', `Redovisningsnivå: ${md(levels)}`);
        }
        const comparability = comparabilitySentence(indicator);
        if (comparability) lines.push('', md(comparability));
        if (complete) lines.push(...this.decisionTables(indicator));
        return lines.join('\n');
    }

    /** Which answer combinations give which outcome, from the exact analysis of each rule. */
    protected decisionTables(indicator: Indicator): string[] {
        if (indicator.ratio) return [];
        return indicator.requirements.flatMap((requirement) => {
            if (requirement.alternatives.length === 0) return [];
            const analysis = analyseRequirement(indicator, requirement);
            const title =
                requirement.units.length > 0
                    ? `Beslutstabell för ${md(requirement.units.map((u) => u.$refText).join(', '))}`
                    : 'Beslutstabell';
            const counts = `${statusCountsText(analysis.counts)} av ${analysis.total} svarskombinationer`;
            return ['', `**${title}** (${counts})`, '', decisionTableMarkdown(analysis, 12, md)];
        });
    }

    protected termHover(term: Term): string {
        return `**${md(term.term)}**\n\nMed ${md(term.term)} avses ${md(term.definition)}`;
    }

    protected answerSetHover(answerSet: AnswerSet): string {
        const lines = [`**Svarsalternativ ${md(answerSet.name)}**${answerSet.title ? ` – ${md(answerSet.title)}` : ''}`, ''];
        lines.push('| Kod | Svar |', '| ---: | --- |', ...answerSet.options.map((o) => `| ${o.code} | ${md(o.label)} |`));
        const blank = answerSet.blankRule?.option?.ref;
        if (blank)
            lines.push(
                '',
                `En tom ruta räknas som ${md(blank.label)} när någon annan ruta i frågan är ikryssad; är alla rutor tomma är frågan obesvarad.`,
            );
        return lines.join('\n');
    }

    protected itemHover(item: QuestionItem): string {
        const question = item.$container;
        const variables = variablesOfQuestion(question)
            .filter((v) => v.item === item)
            .map((v) => `\`${v.name}\``);
        const lines = [`**Alternativ ${md(item.name)}**`, '', md(item.text)];
        if (variables.length > 0) lines.push('', `Variabler: ${variables.join(', ')}`);
        return lines.join('\n');
    }

    protected unitHover(unit: Area | Group): string {
        if (isGroup(unit))
            return `**Grupp ${md(unit.name)}**: ${md(unit.label)} (inom ${md(unit.$container?.title ?? unit.$container?.label)})`;
        const lines = [`**Område ${md(unit.name)}**: ${md(unit.label)}`];
        if (unit.title) lines.push('', md(unit.title));
        if (unit.groups.length > 0)
            lines.push('', `Grupper: ${unit.groups.map((g) => `${md(g.name)} (${md(g.label)})`).join(', ')}`);
        return lines.join('\n');
    }
}

/** Whether a rule part has every operand the grammar requires (a syntax error leaves holes in the AST). */
function isComplete(root: AstNode | undefined): boolean {
    if (!root) return true;
    return AstUtils.streamAst(root).every((node) => {
        switch (node.$type) {
            case 'Requirement':
                return (node as Requirement).alternatives.length > 0;
            case 'And':
            case 'Or':
                return (node as And | Or).left !== undefined && (node as And | Or).right !== undefined;
            case 'Not':
                return (node as Not).operand !== undefined;
            case 'AnswerCondition':
                return (node as AnswerCondition).target !== undefined && (node as AnswerCondition).options.length > 0;
            case 'NumericCondition':
                return (node as NumericCondition).target !== undefined;
            case 'ArithmeticCondition':
                return (
                    (node as ArithmeticCondition).left !== undefined &&
                    ((node as ArithmeticCondition).right !== undefined || (node as ArithmeticCondition).value !== undefined)
                );
            case 'CountTerm':
                return (node as CountTerm).target !== undefined || (node as CountTerm).sum !== undefined;
            case 'AtLeastCondition':
                return (node as AtLeastCondition).question !== undefined;
            case 'Exclusion':
            case 'Exception':
                return (node as Exclusion | Exception).condition !== undefined;
            case 'Ratio':
                return (node as Ratio).numerator !== undefined && (node as Ratio).denominator !== undefined;
            case 'Measure':
                return (node as Measure).numerator !== undefined;
            case 'MeasureTerm':
                return (node as MeasureTerm).target !== undefined;
            case 'RegisterAnd':
            case 'RegisterOr':
                return (
                    (node as RegisterAnd | RegisterOr).left !== undefined &&
                    (node as RegisterAnd | RegisterOr).right !== undefined
                );
            case 'RegisterNot':
                return (node as RegisterNot).operand !== undefined;
            case 'ColumnCondition':
                return (node as ColumnCondition).column?.ref !== undefined;
            default:
                return true;
        }
    });
}
