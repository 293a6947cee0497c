/**
 * Checks a methodologist sees while typing. Every issue has a stable code (IssueCodes) so that
 * quick fixes, tests and CI scripts can rely on it; messages are Swedish and name the thing in
 * the words of the indicator description.
 */
import { type AstNode, AstUtils, GrammarAST, GrammarUtils, isAstNode, isLeafCstNode, isReference, type ValidationAcceptor, type ValidationChecks, type Properties } from 'langium';
import { ownCstContent } from '../model/cst-utils.js';

const isKeyword = GrammarAST.isKeyword;
import {
    type AnswerCondition, type AnswerSet, type Area, type AreaException, type CountTerm, type AreaExclusion, type AtLeastCondition, type Exclusion, type EarlierName, type Group, type Indicator, type IndicatorQuestion,
    type Model, type NumericCondition, type OjAstType, type Question, type QuestionTarget, type Ratio,
    type PrintedDocument, type Requirement, type Survey, type SurveyPart, type Term, isAnswerCondition, isArea, isIndicatorQuestion, isIndicatorsBlock, isQuestionTarget
} from '../generated/ast.js';
import type { AnswerOption, QuestionItem } from '../generated/ast.js';
import type { OjServices } from '../oj-module.js';
import { declarationKind, surveyKeyOf, type OjWorkspaceIndex } from '../workspace/oj-workspace-index.js';
import {
    type SurveyVariable, isPerArea, isVariablePattern, patternPlaceholders, questionOf, romanValue, slotsInExpression, surveyOf,
    unitsOfIndicator, unitsOfQuestion, variableSpecOf, variablesOfIndicator, variablesOfQuestion
} from '../model/model-utils.js';
import { joinSwedish } from '../semantics/rule-text.js';
import { atLeastCount, defaultExclusionOptions, itemsOfAtLeast, lowerIndicator } from '../semantics/lower.js';
import { numberInWords } from '../semantics/rule-text.js';
import { hasSyntaxErrorInside, isRecoveredSlot } from './message-hints.js';
import { populationSentence } from '../semantics/population.js';
import {
    checkComparability, checkIndicatorPopulation, checkIndicatorStrata, checkMeasure, checkMeasureIndicator, checkSurveyPopulation, PopulationIssueCodes
} from './populations.js';
import { kommun } from '@oj/regions';

export const IssueCodes = {
    UnknownReference: 'unknown-reference',
    UnknownOption: 'unknown-option',
    UnknownArea: 'unknown-area',
    UnknownQuestion: 'unknown-question',
    UnknownItem: 'unknown-item',
    DuplicateIndicatorNumber: 'duplicate-indicator-number',
    DuplicateIndicatorName: 'duplicate-indicator-name',
    DuplicateQuestionId: 'duplicate-question-id',
    DuplicateName: 'duplicate-name',
    DuplicateNumeral: 'duplicate-numeral',
    DuplicateVariable: 'duplicate-variable',
    DuplicateOption: 'duplicate-option',
    DuplicatePart: 'duplicate-part',
    DuplicateRequirement: 'duplicate-requirement',
    PerAreaOutsideAreaContext: 'per-area-outside-area-context',
    AreaNotAsked: 'area-not-asked',
    OptionOnNumericQuestion: 'option-on-numeric-question',
    NumberOnOptionQuestion: 'number-on-option-question',
    RatioNotNumeric: 'ratio-not-numeric',
    ItemsRequired: 'items-required',
    QuantifierWithoutItems: 'quantifier-without-items',
    AnswerKindMissing: 'answer-kind-missing',
    AnswerKindConflict: 'answer-kind-conflict',
    VariableMissing: 'variable-missing',
    VariablePatternIncomplete: 'variable-pattern-incomplete',
    RequirementMissing: 'requirement-missing',
    VariantNotReported: 'variant-not-reported',
    InvalidDate: 'invalid-date',
    EarlierYearNotBefore: 'earlier-year-not-before',
    EarlierNameUnresolved: 'earlier-name-unresolved',
    MissingPrintedPart: 'missing-printed-part',
    UnusedAnswerSet: 'unused-answer-set',
    UnusedQuestion: 'unused-question',
    NumeralNotRoman: 'numeral-not-roman',
    UnknownQualityArea: 'unknown-quality-area',
    NoSurvey: 'no-survey',
    EmptyAnswerSet: 'empty-answer-set',
    UnknownKommun: 'unknown-kommun',
    DuplicateDistrict: 'duplicate-district',
    InvalidCharacter: 'invalid-character',
    VerticalTab: 'vertical-tab',
    InvalidName: 'invalid-name',
    ReservedVariable: 'reserved-variable',
    InvalidVariableName: 'invalid-variable-name',
    NumberOutOfRange: 'number-out-of-range',
    UnknownIndicatorNumber: 'unknown-indicator-number',
    IndicatorPlacedTwice: 'indicator-placed-twice',
    ...PopulationIssueCodes,
    QuestionNumberedWithDigits: 'question-numbered-with-digits',
    ItemsJoinedWithAnd: 'items-joined-with-och',
    UnitNamedByLabel: 'unit-named-by-label',
    DefaultExclusionDropped: 'default-exclusion-dropped',
    AtLeastCountOutOfRange: 'at-least-count-out-of-range',
    ItemRangeReversed: 'item-range-reversed'
} as const;
export type IssueCode = typeof IssueCodes[keyof typeof IssueCodes];

/** Quality areas of Socialstyrelsen's framework, as printed under "Kvalitetsområde". */
export const QUALITY_AREAS = [
    'Säker', 'Individanpassad', 'Kunskapsbaserad', 'Självbestämmande och integritet', 'Tillgänglig', 'Effektiv',
    'Jämlik', 'Helhetssyn och samordning', 'Trygghet', 'God kvalitet'
];

export function registerValidationChecks(services: OjServices): void {
    const registry = services.validation.ValidationRegistry;
    const validator = services.validation.OjValidator;
    const checks: ValidationChecks<OjAstType> = {
        Survey: [validator.checkSurvey, validator.checkDistricts, validator.checkYear, validator.checkName, checkSurveyPopulation],
        AnswerSet: [validator.checkAnswerSet, validator.checkName],
        AnswerOption: [validator.checkName, validator.checkOptionCode],
        Area: [validator.checkArea, validator.checkName],
        Group: validator.checkName,
        Term: [validator.checkTerm, validator.checkName],
        SurveyPart: validator.checkName,
        QuestionItem: validator.checkName,
        Question: [validator.checkQuestion, validator.checkName, validator.checkSharedVariableSpelling],
        Indicator: [
            validator.checkIndicator, validator.checkIndicatorUniqueness, validator.checkPrintedParts, validator.checkVariables,
            validator.checkIndicatorNumber, validator.checkVariableSpelling, checkIndicatorPopulation, checkMeasureIndicator, checkIndicatorStrata
        ],
        Measure: checkMeasure,
        Comparability: checkComparability,
        IndicatorQuestion: [validator.checkIndicatorQuestion, validator.checkName],
        EarlierName: [validator.checkEarlierName, validator.checkYear],
        AnswerCondition: validator.checkAnswerCondition,
        NumericCondition: validator.checkNumericCondition,
        AtLeastCondition: validator.checkAtLeastCondition,
        CountTerm: validator.checkCountTerm,
        QuestionTarget: validator.checkQuestionTarget,
        Ratio: validator.checkRatio,
        PrintedDocument: validator.checkPrintedDocument,
        Model: [validator.checkModel, validator.checkCharacters]
    };
    registry.register(checks, validator);
}

/** The properties a printed part is stored in, with the Swedish name a reader knows it by. */
const PRINTED_PARTS: Array<{ property: keyof Indicator; label: string; surveyDefault?: keyof Survey }> = [
    { property: 'areas', label: 'Område' },
    { property: 'description', label: 'Beskrivning' },
    { property: 'purpose', label: 'Syfte' },
    { property: 'direction', label: 'Önskad riktning' },
    { property: 'kinds', label: 'Typ av indikator' },
    { property: 'qualityAreas', label: 'Kvalitetsområde' },
    { property: 'dataSource', label: 'Datakälla', surveyDefault: 'dataSource' },
    { property: 'targetPopulation', label: 'Målpopulation', surveyDefault: 'targetPopulation' },
    { property: 'denominator', label: 'Nämnare', surveyDefault: 'denominator' },
    { property: 'levels', label: 'Redovisningsnivå', surveyDefault: 'levels' }
];

/** Keywords that may be written once per indicator or survey: writing one twice loses the first. */
const SINGLE_KEYWORDS: Record<string, string[]> = {
    // "kommentar" may be written several times: each is a paragraph of the printed comment.
    Indicator: ['beskrivning', 'syfte', 'önskad', 'typ', 'kvalitetsområde', 'datakälla', 'felkällor', 'målpopulation', 'nämnare', 'redovisningsnivåer', 'tidigare', 'utesluts', 'undantas', 'andel', 'mått', 'områden', 'redovisas'],
    Survey: ['år', 'mätdatum', 'period', 'målpopulation', 'redovisningsnivåer', 'variabelmönster', 'datakälla', 'felkällor', 'nämnare'],
    Question: ['svar', 'antal', 'flerval', 'per', 'variabel'],
    PrintedDocument: ['undertitel', 'utgivare', 'publicerad']
};

export class OjValidator {
    protected readonly workspace: OjWorkspaceIndex;

    constructor(services: OjServices) {
        this.workspace = services.workspace.OjWorkspaceIndex;
    }

    protected issue<N extends AstNode>(accept: ValidationAcceptor, severity: 'error' | 'warning' | 'info' | 'hint', code: IssueCode, message: string, node: N, property?: Properties<N>, index?: number, extra?: Record<string, unknown>): void {
        // A reference or child node knows its own text: its range is taken from there, because
        // Langium's search by property walks the node's CST, once per issue (a line of thousands
        // of repeated items would cost seconds).
        const value: unknown = property === undefined ? undefined : (node as Record<string, unknown>)[property as string];
        const target = index !== undefined && Array.isArray(value) ? value[index] : value;
        const range = isReference(target) ? target.$refNode?.range : isAstNode(target) ? target.$cstNode?.range : undefined;
        accept(severity, message, range
            ? { node, range, code, data: { code, ...extra } }
            : { node, property, index, code, data: { code, ...extra } });
    }

    /** A part written twice: only the last would survive, so say so at the second. */
    protected checkSingleParts(node: AstNode, accept: ValidationAcceptor): void {
        const keywords = SINGLE_KEYWORDS[node.$type];
        if (!keywords) return;
        const seen = new Set<string>();
        for (const child of ownCstContent(node)) {
            if (child.astNode !== node || !isLeafCstNode(child) || !isKeyword(child.grammarSource) || !keywords.includes(child.text)) continue;
            if (seen.has(child.text)) {
                accept('error', `"${child.text}" anges mer än en gång; bara den sista skulle gälla.`, {
                    node, range: child.range, code: IssueCodes.DuplicatePart, data: { code: IssueCodes.DuplicatePart }
                });
            }
            seen.add(child.text);
        }
    }

    checkModel = (model: Model, accept: ValidationAcceptor): void => {
        const hasIndicators = model.elements.some(e => e.$type === 'Indicator');
        if (hasIndicators && !model.header) {
            accept('warning', 'Filen säger inte vilken enkät den hör till: skriv "tillhör <enkät>" först i filen, eller deklarera enkäten.', {
                node: model, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, code: IssueCodes.NoSurvey, data: { code: IssueCodes.NoSurvey }
            });
        }
    };

    checkSurvey = (survey: Survey, accept: ValidationAcceptor): void => {
        this.checkSingleParts(survey, accept);
        this.checkDeclarationName(survey, accept);
        survey.parts.forEach(part => this.checkDeclarationName(part, accept));
        if (survey.measurementDate !== undefined && !isIsoDate(survey.measurementDate)) {
            this.issue(accept, 'error', IssueCodes.InvalidDate, `Mätdatum "${survey.measurementDate}" är inte ett datum på formen ÅÅÅÅ-MM-DD.`, survey, 'measurementDate');
        }
        if (survey.variablePattern !== undefined) {
            this.checkPatternPlaceholders(survey.variablePattern, accept, survey, 'variablePattern');
        }
    };

    checkAnswerSet = (answerSet: AnswerSet, accept: ValidationAcceptor): void => {
        this.checkDeclarationName(answerSet, accept);
        if (answerSet.options.length === 0) {
            this.issue(accept, 'error', IssueCodes.EmptyAnswerSet, `Svarsalternativen ${answerSet.name} har inga alternativ.`, answerSet, 'name');
        }
        const names = new Map<string, number>();
        const codes = new Map<number, number>();
        answerSet.options.forEach((option, index) => {
            if (names.has(option.name)) {
                this.issue(accept, 'error', IssueCodes.DuplicateOption, `Svarsalternativet ${option.name} finns redan i ${answerSet.name}.`, option, 'name');
            }
            if (codes.has(option.code)) {
                this.issue(accept, 'error', IssueCodes.DuplicateOption, `Koden ${option.code} används redan av ${answerSet.options[codes.get(option.code)!].name} i ${answerSet.name}.`, option, 'code');
            }
            names.set(option.name, index);
            codes.set(option.code, index);
        });
        if (!this.workspace.facts().usedAnswerSets.has(answerSet)) {
            this.issue(accept, 'warning', IssueCodes.UnusedAnswerSet, `Svarsalternativen ${answerSet.name} används inte av någon fråga.`, answerSet, 'name');
        }
    };

    checkArea = (area: Area, accept: ValidationAcceptor): void => {
        this.checkDeclarationName(area, accept);
        area.groups.forEach(group => this.checkDeclarationName(group, accept));
    };

    checkTerm = (term: Term, accept: ValidationAcceptor): void => {
        this.checkDeclarationName(term, accept);
    };

    /**
     * A name declared twice in one survey: references would silently pick one of them. Areas and
     * groups share a namespace (both are reporting units); surveys must be unique in the workspace.
     */
    protected checkDeclarationName(node: AnswerSet | Area | Group | Term | SurveyPart | Survey, accept: ValidationAcceptor): void {
        const kind = declarationKind(node);
        const key = kind ? `${surveyKeyOf(node)}#${kind}#${node.name}` : `#Survey#${node.name}`;
        const others = this.workspace.facts().declarations.get(key).filter(other => other !== node);
        if (others.length === 0) return;
        this.issue(accept, 'error', IssueCodes.DuplicateName,
            `Det finns redan ${DECLARATION_WORDS[others[0].$type]} som heter ${node.name}; ett namn kan bara syfta på en sak i enkäten.`, node, 'name');
    }

    checkQuestion = (question: Question, accept: ValidationAcceptor): void => {
        this.checkSingleParts(question, accept);
        const facts = this.workspace.facts();
        const key = surveyKeyOf(question);
        const sameId = facts.questionsById.get(`${key}#${question.name}`);
        if (sameId.length > 1) {
            this.issue(accept, 'error', IssueCodes.DuplicateQuestionId, `Fråge-id ${question.name} används av ${sameId.length} frågor; ett id får bara finnas en gång.`, question, 'name');
        }
        const hasAnswers = question.answerSet !== undefined;
        if (!hasAnswers && !question.numeric) {
            this.issue(accept, 'error', IssueCodes.AnswerKindMissing, `Frågan ${question.name} anger varken svarsalternativ ("svar …") eller att den besvaras med ett antal ("antal").`, question, 'name');
        }
        if (hasAnswers && question.numeric) {
            this.issue(accept, 'error', IssueCodes.AnswerKindConflict, `Frågan ${question.name} kan inte både ha svarsalternativ och besvaras med ett antal.`, question, 'numeric');
        }
        const shared = !isIndicatorQuestion(question.$container);
        if (shared && !facts.usedQuestions.has(question)) {
            this.issue(accept, 'warning', IssueCodes.UnusedQuestion, `Frågan ${question.name} används inte av någon indikator.`, question, 'name');
        }
        const items = new Set<string>();
        for (const item of question.items) {
            if (items.has(item.name)) {
                this.issue(accept, 'error', IssueCodes.DuplicatePart, `Alternativ ${item.name} finns redan i frågan ${question.name}.`, item, 'name');
            }
            items.add(item.name);
        }
        this.checkQuestionVariables(question, shared, accept);
        if (shared) this.checkVariableNames(variablesOfQuestion(question), question, key, accept, question, 'name');
    };

    /** Each survey variable names one column of the export: another question with the same name would overwrite it. */
    protected checkVariableNames<N extends AstNode>(variables: SurveyVariable[], question: Question, key: string, accept: ValidationAcceptor, node: N, property: Properties<N>): void {
        const reported = new Set<string>();
        for (const variable of variables) {
            if (reported.has(variable.name)) continue;
            const others = this.workspace.facts().variables.get(`${key}#${variable.name}`).filter(v => v.question !== question);
            if (others.length === 0) continue;
            reported.add(variable.name);
            const owners = [...new Set(others.map(describeOwner))];
            this.issue(accept, 'error', IssueCodes.DuplicateVariable,
                `Variabeln ${variable.name} används också av ${joinSwedish(owners)}; varje enkätvariabel måste vara unik.`, node, property);
        }
    }

    protected checkQuestionVariables(question: Question, shared: boolean, accept: ValidationAcceptor): void {
        const items = question.items.length > 0 ? question.items : [undefined];
        // One message per place the name is written: items that share the question's pattern share its message.
        const reported = new Set<string>();
        const report = (code: IssueCode, message: string, node: AstNode, property: string) => {
            const key = `${code}\u0000${message}\u0000${property}`;
            if (reported.has(key) && node === question) return;
            reported.add(key);
            this.issue(accept, 'error', code, message, node, property as never);
        };
        for (const item of items) {
            const spec = variableSpecOf(question, item);
            if (!spec) {
                report(IssueCodes.VariableMissing,
                    `Frågan ${question.name}${item ? ` alternativ ${item.name}` : ''} har inget variabelnamn: ange "variabel" eller ett variabelmönster i enkäten.`,
                    item ?? question, 'name');
                continue;
            }
            // The name is written on the item, on the question, or (a survey pattern) nowhere near: then point at the question.
            const [node, property] = item?.variable ? [item, 'variable'] : question.variable ? [question, 'variable'] : [question, 'name'];
            const placeholders = isVariablePattern(spec) ? patternPlaceholders(spec) : [];
            const missing: string[] = [];
            if (isPerArea(question) && !placeholders.includes('grupp')) missing.push('{grupp}');
            if (question.items.length > 1 && !item?.variable && !placeholders.includes('del')) missing.push('{del}');
            if (question.stratification && !placeholders.includes('indelning')) missing.push('{indelning}');
            if (missing.length > 0) {
                const what = missing.includes('{grupp}') ? 'områden' : missing.includes('{del}') ? 'alternativ' : 'delar av indelningen (t.ex. kvinnor och män)';
                report(IssueCodes.VariablePatternIncomplete,
                    `Variabelnamnet ${shorten(spec)} ger samma variabel för flera ${what}; lägg till ${missing.join(' och ')}.`,
                    node, property);
            }
            if (shared && (placeholders.includes('indikator') || placeholders.includes('fråga'))) {
                report(IssueCodes.VariablePatternIncomplete,
                    `Frågan ${question.name} delas mellan indikatorer och kan inte namnges med {indikator} eller {fråga}; ge den ett eget variabelnamn.`,
                    node, property);
            }
        }
    }

    protected checkPatternPlaceholders(spec: string, accept: ValidationAcceptor, node: Survey, property: 'variablePattern'): void {
        const unknown = [...spec.matchAll(/\{([^}]*)\}/g)].map(m => m[1]).filter(p => !/^(indikator|fråga|del|grupp|indelning)(:\d+)?$/.test(p));
        if (unknown.length > 0) {
            this.issue(accept, 'error', IssueCodes.VariablePatternIncomplete, `Okänd platshållare ${unknown.map(u => `{${u}}`).join(', ')}; tillåtna är {indikator}, {indikator:02}, {fråga}, {del}, {grupp} och {indelning}.`, node, property);
        }
    }

    checkIndicatorQuestion = (slot: IndicatorQuestion, accept: ValidationAcceptor): void => {
        // A numeral the parser's recovery made of a stray "fråga ii" is no question: the syntax error says so.
        if (isRecoveredSlot(slot)) return;
        const indicator = slot.$container;
        if (indicator.questions.filter(q => q.name === slot.name && !isRecoveredSlot(q)).length > 1) {
            this.issue(accept, 'error', IssueCodes.DuplicateNumeral, `Fråga ${slot.name} finns redan i indikator ${indicator.number}.`, slot, 'name');
        }
        if (romanValue(slot.name) === undefined) {
            this.issue(accept, 'warning', IssueCodes.NumeralNotRoman, `Frågor numreras i, ii, iii …; "${slot.name}" är inte en romersk siffra.`, slot, 'name');
        }
        const question = questionOf(slot);
        if (question && isPerArea(question)) {
            const units = unitsOfIndicator(indicator);
            if (units.length === 0) {
                this.issue(accept, 'error', IssueCodes.PerAreaOutsideAreaContext,
                    `Fråga ${slot.name} ställs per område, men indikator ${indicator.number} redovisas inte per område: ange "redovisas för …".`, slot, 'name');
            } else {
                const asked = new Set(unitsOfQuestion(question));
                const notAsked = units.filter(u => !asked.has(u));
                if (notAsked.length > 0) {
                    this.issue(accept, 'error', IssueCodes.AreaNotAsked,
                        `Fråga ${slot.name} ställs inte för ${notAsked.map(u => u.name).join(', ')}, som indikatorn redovisas för.`, slot, 'name');
                }
            }
        }
        const used = indicator.requirements.some(r => r.alternatives.some(a => slotsInExpression(a).includes(slot)))
            || slotsInExpression(indicator.exclusion?.condition).includes(slot)
            || slotsInExpression(indicator.exception?.condition).includes(slot)
            || [...indicator.areaExclusions, ...indicator.areaExceptions].some(v => slotsInExpression(v.condition).includes(slot))
            || indicator.ratio?.numerator?.question.ref === slot || indicator.ratio?.denominator?.question.ref === slot
            || [indicator.measure?.numerator, indicator.measure?.denominator].some(o => o?.terms.some(t => t.target?.question?.ref === slot));
        // A rule cut short by a syntax error, or naming a question that is not found, may use the question where the author wrote it.
        if (!used && !hasSyntaxErrorInside(indicator) && !hasUnresolvedQuestion(indicator)) {
            this.issue(accept, 'warning', IssueCodes.UnusedQuestion, `Fråga ${slot.name} används inte i regeln, uteslutningen eller andelen.`, slot, 'name');
        }
    };

    checkIndicator = (indicator: Indicator, accept: ValidationAcceptor): void => {
        this.checkSingleParts(indicator, accept);
        const hasRule = indicator.requirements.length > 0;
        if (!hasRule && !indicator.ratio && !indicator.measure) {
            this.issue(accept, 'error', IssueCodes.RequirementMissing, `Indikator ${indicator.number} saknar regel: skriv "krävs: …" (eller "andel: …" för en kvot, "mått: …" för ett bakgrundsmått).`, indicator, 'name');
        }
        if (hasRule && indicator.ratio) {
            this.issue(accept, 'error', IssueCodes.RequirementMissing, `Indikator ${indicator.number} har både "krävs" och "andel"; välj det ena.`, indicator, 'ratio');
        }
        const bases = indicator.requirements.filter(r => r.units.length === 0);
        if (hasRule && bases.length === 0) {
            this.issue(accept, 'error', IssueCodes.RequirementMissing, `Indikator ${indicator.number} har bara områdesvarianter; skriv också "krävs: …" för övriga områden.`, indicator, 'name');
        }
        bases.slice(1).forEach(r => this.issue(accept, 'error', IssueCodes.DuplicateRequirement, `Indikator ${indicator.number} har redan en regel; skriv alternativen med ELLER.`, r));
        const reported = new Set(unitsOfIndicator(indicator));
        const variantFor = new Map<unknown, Requirement>();
        for (const requirement of indicator.requirements) {
            requirement.units.forEach((ref, index) => {
                const unit = ref.ref;
                if (!unit) return;
                if (!reported.has(unit)) {
                    this.issue(accept, 'error', IssueCodes.VariantNotReported, `Indikator ${indicator.number} redovisas inte för ${unit.name}; lägg till det under "redovisas för" eller ta bort varianten.`, requirement, 'units', index);
                }
                if (variantFor.has(unit)) {
                    this.issue(accept, 'error', IssueCodes.DuplicateRequirement, `${unit.name} har redan en egen regel i indikator ${indicator.number}.`, requirement, 'units', index);
                }
                variantFor.set(unit, requirement);
            });
        }
        this.checkDefaultExclusionKept(indicator, accept);
        this.checkAreaVariants(indicator, [...indicator.areaExclusions], 'uteslutning', accept);
        this.checkAreaVariants(indicator, [...indicator.areaExceptions], 'undantag', accept);
        indicator.qualityAreas.forEach((area, index) => {
            if (!QUALITY_AREAS.includes(area)) {
                this.issue(accept, 'warning', IssueCodes.UnknownQualityArea, `${shorten(area)} är inget känt kvalitetsområde (${QUALITY_AREAS.join(', ')}).`, indicator, 'qualityAreas', index);
            }
        });
    };

    /** "för AO utesluts: …": for areas the indicator is reported for, each at most once; an area reported as its groups is named by them. */
    protected checkAreaVariants(indicator: Indicator, variants: Array<AreaExclusion | AreaException>, word: string, accept: ValidationAcceptor): void {
        const reported = new Set(unitsOfIndicator(indicator));
        const seen = new Set<unknown>();
        for (const variant of variants) {
            variant.units.forEach((ref, index) => {
                const unit = ref.ref;
                if (!unit) return;
                if (!reported.has(unit)) {
                    const groups = isArea(unit) ? unit.groups.filter(g => reported.has(g)).map(g => g.name) : [];
                    this.issue(accept, 'error', IssueCodes.VariantNotReported, groups.length > 0
                        ? `Indikator ${indicator.number} redovisas för ${unit.name} som grupperna ${joinSwedish(groups)}; skriv "för ${groups.join(', ')}".`
                        : `Indikator ${indicator.number} redovisas inte för ${unit.name}; lägg till det under "redovisas för" eller ta bort varianten.`, variant, 'units', index);
                }
                if (seen.has(unit)) {
                    this.issue(accept, 'error', IssueCodes.DuplicateRequirement, `${unit.name} har redan en egen ${word} i indikator ${indicator.number}.`, variant, 'units', index);
                }
                seen.add(unit);
            });
        }
    }

    /**
     * Without "utesluts", an answer saying the area does not exist excludes; an explicit exclusion
     * replaces that default. An area-missing option the indicator's rules never mention then
     * silently counts as not met, which is seldom what the author meant.
     */
    protected checkDefaultExclusionKept(indicator: Indicator, accept: ValidationAcceptor): void {
        for (const exclusion of [indicator.exclusion, ...indicator.areaExclusions]) {
            if (exclusion?.condition) this.checkExclusionKeepsDefault(indicator, exclusion, accept);
        }
    }

    protected checkExclusionKeepsDefault(indicator: Indicator, exclusion: Exclusion | AreaExclusion, accept: ValidationAcceptor): void {
        const mentioned = new Set<unknown>();
        const conditions = [exclusion.condition, indicator.exception?.condition, ...indicator.areaExceptions.map(e => e.condition), ...indicator.requirements.flatMap(r => r.alternatives)];
        for (const root of conditions) {
            if (!root) continue;
            for (const node of AstUtils.streamAst(root)) {
                if (!isAnswerCondition(node) || !node.target?.question.ref) continue;
                for (const option of node.options) if (option.ref) mentioned.add(`${node.target.question.ref.name}\u0000${option.ref.name}`);
            }
        }
        for (const { slot, options } of defaultExclusionOptions(indicator)) {
            const dropped = options.filter(option => !mentioned.has(`${slot.name}\u0000${option.name}`));
            if (dropped.length === 0) continue;
            const names = dropped.map(o => o.name);
            const words = joinSwedish(dropped.map(o => `"${o.shortLabel ?? o.label}"`), 'eller');
            this.issue(accept, 'warning', IssueCodes.DefaultExclusionDropped,
                `Med en egen uteslutning utesluts inte längre ${words} på fråga ${slot.name} (området finns inte): de som svarat så räknas i nämnaren. `
                + `Lägg till "${joinSwedish(names, 'eller')} på fråga ${slot.name}" i uteslutningen, eller nämn svaret i regeln om det ska räknas.`,
                exclusion, 'condition');
        }
    }

    /** Every indicator the document places exists, and none is placed twice; the publication date is a month or a date. */
    checkPrintedDocument = (document: PrintedDocument, accept: ValidationAcceptor): void => {
        this.checkSingleParts(document, accept);
        if (document.published !== undefined && !isIsoDate(document.published) && !isIsoDate(`${document.published}-01`)) {
            this.issue(accept, 'error', IssueCodes.InvalidDate, `Publiceringsdatum "${document.published}" är inte en månad (ÅÅÅÅ-MM) eller ett datum (ÅÅÅÅ-MM-DD).`, document, 'published');
        }
        const facts = this.workspace.facts();
        const key = surveyKeyOf(document);
        const placed = new Set<number>();
        for (const block of AstUtils.streamAllContents(document)) {
            if (!isIndicatorsBlock(block)) continue;
            block.numbers.forEach((number, index) => {
                if (facts.indicatorsByNumber.get(`${key}#${number}`).length === 0) {
                    this.issue(accept, 'error', IssueCodes.UnknownIndicatorNumber, `Det finns ingen indikator ${number} att placera i dokumentet.`, block, 'numbers', index);
                } else if (placed.has(number)) {
                    this.issue(accept, 'error', IssueCodes.IndicatorPlacedTwice, `Indikator ${number} placeras redan tidigare i dokumentet; den beskrivs bara en gång.`, block, 'numbers', index);
                }
                placed.add(number);
            });
        }
    };

    checkIndicatorUniqueness = (indicator: Indicator, accept: ValidationAcceptor): void => {
        const facts = this.workspace.facts();
        const survey = surveyOf(indicator);
        const key = surveyKeyOf(indicator);
        const sameNumber = facts.indicatorsByNumber.get(`${key}#${indicator.number}`);
        if (sameNumber.length > 1) {
            this.issue(accept, 'error', IssueCodes.DuplicateIndicatorNumber, `Indikatornummer ${indicator.number} används av ${sameNumber.length} indikatorer${survey ? ` i ${survey.name}` : ''}.`, indicator, 'number');
        }
        const sameName = facts.indicatorsByName.get(`${key}#${indicator.name}`);
        if (sameName.length > 1) {
            this.issue(accept, 'error', IssueCodes.DuplicateIndicatorName, `Namnet ${shorten(indicator.name)} används av ${sameName.length} indikatorer${survey ? ` i ${survey.name}` : ''}.`, indicator, 'name');
        }
    };

    /** The variables of questions declared in the indicator; shared questions are checked where they are declared. */
    checkVariables = (indicator: Indicator, accept: ValidationAcceptor): void => {
        const key = surveyKeyOf(indicator);
        const variables = variablesOfIndicator(indicator);
        for (const slot of indicator.questions) {
            if (!slot.declared) continue;
            this.checkVariableNames(variables.filter(v => v.slot === slot), slot.declared, key, accept, slot, 'name');
        }
    };

    checkPrintedParts = (indicator: Indicator, accept: ValidationAcceptor): void => {
        const survey = surveyOf(indicator);
        const written = (value: unknown) => (Array.isArray(value) ? value.length > 0 : value !== undefined);
        // An empty string ("beskrivning \"\"", as the quick fix writes it) is written but still has no text to print.
        const hasText = (value: unknown) => (Array.isArray(value) ? value.some(hasText) : typeof value !== 'string' || /\S/.test(value));
        const missing = PRINTED_PARTS.filter(part => {
            // A background measure has no desired direction (and must not have one); the population and
            // denominator sentences may be generated from the declared population and the share of counts.
            if (part.property === 'direction' && indicator.measure) return false;
            if (part.property === 'targetPopulation') return !/\S/.test(populationSentence(indicator));
            const value = indicator[part.property];
            if (written(value)) return !hasText(value);
            if (part.property === 'denominator' && (indicator.measure || indicator.ratio || (!survey?.denominator && lowerIndicator(indicator).population))) return false;
            if (part.surveyDefault && survey) {
                const fallback = survey[part.surveyDefault];
                return !written(fallback) || !hasText(fallback);
            }
            return true;
        });
        if (missing.length > 0) {
            // The quick fix adds only the parts that are not written at all; an empty one is filled in by hand.
            const absent = missing.filter(part => !written(indicator[part.property]));
            this.issue(accept, 'warning', IssueCodes.MissingPrintedPart, `Indikator ${indicator.number} saknar text för: ${missing.map(m => m.label).join(', ')}.`,
                indicator, 'name', undefined, { parts: absent.map(m => m.property) });
        }
    };

    checkAnswerCondition = (condition: AnswerCondition, accept: ValidationAcceptor): void => {
        // A condition cut short by a syntax error has no target; the parse error says what is missing.
        if (!condition.target) return;
        const question = questionOf(condition.target.question.ref);
        if (question?.numeric) {
            this.issue(accept, 'error', IssueCodes.OptionOnNumericQuestion,
                `Fråga ${condition.target.question.$refText} besvaras med ett antal och har inga svarsalternativ; jämför med ett tal: "antal på fråga ${condition.target.question.$refText} > 0".`, condition, 'options');
        }
        if (condition.quantifier && question && question.items.length === 0) {
            this.issue(accept, 'error', IssueCodes.QuantifierWithoutItems, `"${condition.quantifier} alternativ av" passar inte fråga ${condition.target.question.$refText}, som inte har några alternativ (A, B, …).`, condition, 'quantifier');
        }
        if (!condition.quantifier && question && question.items.length > 0 && condition.target.items.length === 0) {
            this.issue(accept, 'error', IssueCodes.ItemsRequired,
                `Fråga ${condition.target.question.$refText} har alternativen ${question.items.map(i => i.name).join(', ')}: ange vilka ("på fråga ${condition.target.question.$refText} ${question.items[0].name}") eller skriv "samtliga alternativ av"/"något alternativ av".`, condition, 'target');
        }
    };

    checkNumericCondition = (condition: NumericCondition, accept: ValidationAcceptor): void => {
        if (!condition.target) return;
        const question = questionOf(condition.target.question.ref);
        if (question && !question.numeric) {
            this.issue(accept, 'error', IssueCodes.NumberOnOptionQuestion,
                `Fråga ${condition.target.question.$refText} besvaras med svarsalternativ, inte med ett antal; skriv t.ex. "Ja på fråga ${condition.target.question.$refText}".`, condition, 'value');
        }
    };

    /** "Vald på minst två av alternativen A–D på fråga ii": a count the items can reach, over a question with items. */
    checkAtLeastCondition = (condition: AtLeastCondition, accept: ValidationAcceptor): void => {
        const question = questionOf(condition.question?.ref);
        if (!question) return;
        const numeral = condition.question.$refText;
        if (question.numeric) {
            this.issue(accept, 'error', IssueCodes.OptionOnNumericQuestion,
                `Fråga ${numeral} besvaras med ett antal och har inga svarsalternativ; jämför med ett tal: "antal på fråga ${numeral} > 0".`, condition, 'options');
            return;
        }
        if (question.items.length === 0) {
            this.issue(accept, 'error', IssueCodes.QuantifierWithoutItems, `"minst … av alternativen" passar inte fråga ${numeral}, som inte har några alternativ (A, B, …).`, condition, 'question');
            return;
        }
        const first = condition.items[0]?.ref;
        const last = condition.last?.ref;
        if (first && last && question.items.indexOf(last) < question.items.indexOf(first)) {
            this.issue(accept, 'error', IssueCodes.ItemRangeReversed,
                `Alternativen ${first.name}–${last.name} står i fel ordning: på fråga ${numeral} kommer ${last.name} före ${first.name}; skriv "${last.name}–${first.name}".`, condition, 'last');
            return;
        }
        const count = atLeastCount(condition);
        const items = itemsOfAtLeast(condition).length;
        if (count === undefined || items === 0) return;
        if (count === 0) {
            this.issue(accept, 'error', IssueCodes.AtLeastCountOutOfRange, `"minst 0 av" gäller alltid; skriv hur många alternativ som krävs.`, condition, 'count');
        } else if (count > items) {
            this.issue(accept, 'error', IssueCodes.AtLeastCountOutOfRange,
                `Minst ${numberInWords(count)} av ${numberInWords(items)} alternativ kan aldrig uppnås; det finns bara ${items} att räkna.`, condition, condition.countWord !== undefined ? 'countWord' : 'count');
        }
        const seen = new Set<string>();
        condition.items.forEach((item, index) => {
            if (seen.has(item.$refText)) this.issue(accept, 'warning', IssueCodes.DuplicatePart, `Alternativ ${item.$refText} anges två gånger.`, condition, 'items', index);
            seen.add(item.$refText);
        });
    };

    /** Arithmetic counts: "+", "-" and "/" work on answers that are numbers, not on options. */
    checkCountTerm = (term: CountTerm, accept: ValidationAcceptor): void => {
        const target = term.target;
        const question = questionOf(target?.question?.ref);
        if (!target || !question || question.numeric) return;
        const numeral = target.question.$refText;
        this.issue(accept, 'error', IssueCodes.NumberOnOptionQuestion,
            `Fråga ${numeral} besvaras med svarsalternativ, inte med ett antal, och kan inte räknas med; skriv t.ex. "Ja på fråga ${numeral}".`, term, 'target');
    };

    checkQuestionTarget = (target: QuestionTarget, accept: ValidationAcceptor): void => {
        const seen = new Set<string>();
        target.items.forEach((item, index) => {
            if (seen.has(item.$refText)) {
                this.issue(accept, 'warning', IssueCodes.DuplicatePart, `Alternativ ${item.$refText} anges två gånger.`, target, 'items', index);
            }
            seen.add(item.$refText);
        });
    };

    checkRatio = (ratio: Ratio, accept: ValidationAcceptor): void => {
        for (const property of ['numerator', 'denominator'] as const) {
            if (!ratio[property]) continue;
            const question = questionOf(ratio[property].question.ref);
            if (question && !question.numeric) {
                this.issue(accept, 'error', IssueCodes.RatioNotNumeric, `En andel räknas på antal; fråga ${ratio[property].question.$refText} besvaras med svarsalternativ.`, ratio, property);
            }
        }
    };

    checkEarlierName = (earlier: EarlierName, accept: ValidationAcceptor): void => {
        const survey = surveyOf(earlier);
        if (survey?.year !== undefined && earlier.year >= survey.year) {
            this.issue(accept, 'error', IssueCodes.EarlierYearNotBefore, `Tidigare namn ska avse ett år före ${survey.year}, inte ${earlier.year}.`, earlier, 'year');
            return;
        }
        const facts = this.workspace.facts();
        if (facts.surveysByYear.get(earlier.year).length === 0) return;
        if (!facts.indicatorNamesByYear.get(earlier.year).includes(earlier.name)) {
            this.issue(accept, 'warning', IssueCodes.EarlierNameUnresolved, `Det finns ingen indikator ${shorten(earlier.name)} i ${earlier.year} års enkät.`, earlier, 'name');
        }
    };

    // ---------------------------------------------------------------- text every output can carry

    /**
     * Characters that no output can carry: XML forbids most C0 controls and U+FFFE/U+FFFF (Word and
     * Excel refuse the file), ESC and C1 controls drive terminals, and bidi overrides make text read
     * differently than it is stored. A vertical tab (Word's manual line break, common in pasted
     * text) is read as a space, with a warning.
     */
    checkCharacters = (model: Model, accept: ValidationAcceptor): void => {
        const document = AstUtils.getDocument(model);
        const text = document.textDocument.getText();
        let reported = 0;
        for (const match of text.matchAll(UNSAFE_CHARACTERS)) {
            const offset = match.index!;
            if (offset === 0 && match[0] === '\uFEFF') continue;
            if (++reported > MAX_CHARACTER_ISSUES) break;
            const range = { start: document.textDocument.positionAt(offset), end: document.textDocument.positionAt(offset + match[0].length) };
            const character = describeCharacter(match[0]);
            if (match[0] === '\u000B') {
                accept('warning', `Tecknet ${character} (vertikal tabb, Words radbrytning) läses som ett mellanslag; ersätt det med ett mellanslag.`, {
                    node: model, range, code: IssueCodes.VerticalTab, data: { code: IssueCodes.VerticalTab }
                });
            } else {
                accept('error', `Tecknet ${character} får inte finnas i modellen: ${unsafeReason(match[0])} Ta bort det.`, {
                    node: model, range, code: IssueCodes.InvalidCharacter, data: { code: IssueCodes.InvalidCharacter }
                });
            }
        }
    };

    /** A name is an identifier in generated code, a key in data and a word in documents. */
    checkName = (node: Survey | AnswerSet | AnswerOption | Area | Group | Term | SurveyPart | QuestionItem | Question | IndicatorQuestion, accept: ValidationAcceptor): void => {
        const name = node.name;
        if (typeof name !== 'string') return;
        const bad = [...name].find(c => NON_NAME_CHARACTERS.test(c));
        if (bad) {
            this.issue(accept, 'error', IssueCodes.InvalidName, `Namnet ${shorten(name)} innehåller ${describeCharacter(bad)}, som inte kan ingå i ett namn; använd bokstäver, siffror och _.`, node, 'name');
        } else if (name === '__proto__') {
            this.issue(accept, 'error', IssueCodes.InvalidName, 'Namnet __proto__ är reserverat i JavaScript och kan inte användas; välj ett annat namn.', node, 'name');
        }
    };

    checkOptionCode = (option: AnswerOption, accept: ValidationAcceptor): void => {
        if (!Number.isSafeInteger(option.code) || option.code > MAX_OPTION_CODE) {
            this.issue(accept, 'error', IssueCodes.NumberOutOfRange, `Svarskoden ${sourceText(option, 'code') ?? option.code} är för stor; en kod är ett heltal från 0 till ${MAX_OPTION_CODE}.`, option, 'code');
        }
    };

    checkIndicatorNumber = (indicator: Indicator, accept: ValidationAcceptor): void => {
        if (indicator.number === undefined) return;
        if (!Number.isSafeInteger(indicator.number) || indicator.number < 1 || indicator.number > MAX_INDICATOR_NUMBER) {
            this.issue(accept, 'error', IssueCodes.NumberOutOfRange,
                `Indikatornummer ${shorten(sourceText(indicator, 'number') ?? String(indicator.number))} är orimligt; ett indikatornummer är ett heltal från 1 till ${MAX_INDICATOR_NUMBER}.`, indicator, 'number');
        }
    };

    checkYear = (node: Survey | EarlierName, accept: ValidationAcceptor): void => {
        if (node.year === undefined) return;
        if (!Number.isSafeInteger(node.year) || node.year < MIN_YEAR || node.year > MAX_YEAR) {
            this.issue(accept, 'error', IssueCodes.NumberOutOfRange, `Året ${shorten(sourceText(node, 'year') ?? String(node.year))} är orimligt; ange ett år mellan ${MIN_YEAR} och ${MAX_YEAR}.`, node, 'year');
        }
    };

    /** The variables of the questions declared in an indicator; shared questions are checked where declared. */
    checkVariableSpelling = (indicator: Indicator, accept: ValidationAcceptor): void => {
        const variables = variablesOfIndicator(indicator).filter(v => v.slot?.declared);
        this.checkVariableSpellings(variables, accept);
    };

    checkSharedVariableSpelling = (question: Question, accept: ValidationAcceptor): void => {
        if (isIndicatorQuestion(question.$container)) return;
        this.checkVariableSpellings(variablesOfQuestion(question), accept);
    };

    /**
     * A variable name is a column header of the export, a key of the generated schema and a cell of
     * the codebook: it must be matched by a trimmed header, must not collide with the id columns
     * and must survive every one of those outputs unchanged.
     */
    protected checkVariableSpellings(variables: SurveyVariable[], accept: ValidationAcceptor): void {
        const reported = new Set<string>();
        for (const variable of variables) {
            const problem = variableNameProblem(variable.name);
            if (!problem || reported.has(problem.message)) continue;
            reported.add(problem.message);
            const { item, question } = variable;
            const [node, property] = item?.variable ? [item, 'variable'] as const : question.variable ? [question, 'variable'] as const : [question, 'name'] as const;
            this.issue(accept, 'error', problem.code, problem.message, node as AstNode, property as never);
        }
    }

    // ---------------------------------------------------------------- stadsdelar

    /** Each stadsdel belongs to a kommun of the register and has one code and one name in its city. */
    checkDistricts = (survey: Survey, accept: ValidationAcceptor): void => {
        const codes = new Set<string>();
        const names = new Set<string>();
        for (const district of survey.districts ?? []) {
            if (!district.code) continue;
            const kod = district.code.slice(0, 4);
            const city = kommun(kod);
            if (!city) {
                this.issue(accept, 'error', IssueCodes.UnknownKommun, `Stadsdelen ${district.code}: det finns ingen kommun med kommunkoden ${kod} i kommunregistret.`, district, 'code');
            }
            if (codes.has(district.code)) {
                this.issue(accept, 'error', IssueCodes.DuplicateDistrict, `Stadsdelen ${district.code} finns redan i enkäten.`, district, 'code');
            }
            const nameKey = `${kod}#${(district.name ?? '').trim().toLocaleLowerCase('sv')}`;
            if (district.name !== undefined && names.has(nameKey)) {
                this.issue(accept, 'error', IssueCodes.DuplicateDistrict, `Det finns redan en stadsdel som heter ${shorten(district.name)}${city ? ` i ${city.namn}` : ''}.`, district, 'name');
            }
            if (district.name !== undefined && district.name.trim() === '') {
                this.issue(accept, 'error', IssueCodes.InvalidName, `Stadsdelen ${district.code} saknar namn.`, district, 'name');
            }
            codes.add(district.code);
            names.add(nameKey);
        }
    };
}

/** What a declaration is, in the indefinite form a sentence needs ("det finns redan ett område …"). */
const DECLARATION_WORDS: Record<string, string> = {
    AnswerSet: 'svarsalternativ', Area: 'ett område', Group: 'en grupp', Term: 'ett begrepp', SurveyPart: 'en enkätdel', Survey: 'en enkät'
};

/** Where a variable comes from, as a reader finds it: "fråga ii (indikator 3)" or "frågan Delad". */
function describeOwner(variable: SurveyVariable): string {
    return variable.slot?.declared ? `fråga ${variable.slot.name} (indikator ${variable.slot.$container.number})` : `frågan ${variable.question.name}`;
}

/** Whether a rule, exclusion, exception or ratio of the indicator names a question numeral it does not have. */
function hasUnresolvedQuestion(indicator: Indicator): boolean {
    return AstUtils.streamAst(indicator).some(node => isQuestionTarget(node) && node.question.ref === undefined);
}

function isIsoDate(text: string): boolean {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!match) return false;
    const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
    return date.getUTCFullYear() === Number(match[1]) && date.getUTCMonth() === Number(match[2]) - 1 && date.getUTCDate() === Number(match[3]);
}

// ---------------------------------------------------------------- characters, names and numbers

const MAX_CHARACTER_ISSUES = 100;
const MAX_INDICATOR_NUMBER = 99_999;
const MAX_OPTION_CODE = 999_999;
const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

/**
 * Not allowed in XML 1.0 (C0 controls but tab and line ends, lone surrogates, U+FFFE, U+FFFF), C1
 * controls (U+0080–U+009F, where U+009B starts a terminal sequence like ESC [), DEL, and the bidi
 * embeddings, overrides and isolates (the "Trojan Source" characters).
 */
export const UNSAFE_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFEFF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text for a terminal: control, format and line-separator characters (ESC, C1, bidi overrides,
 * U+2028) as U+XXXX, so a message quoting model text cannot steer the terminal it is printed on.
 * Tab and line feed stay.
 */
export function visibleControls(text: string): string {
    return text.replace(/[^\P{C}\t\n]|[\u2028\u2029]/gu, c => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
}

/** Characters XML 1.0 does not allow: C0 controls but tab and line ends, lone surrogates, U+FFFE and U+FFFF. */
export const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text an XML writer (Word, Excel) can carry: a vertical tab (Word's manual line break, common in
 * pasted text) becomes a space, so words are not glued together; other characters XML does not
 * allow are removed. Validation reports them; this keeps a model with errors from breaking a file.
 */
export function xmlSafe(text: string): string {
    return text.replace(/\u000B/g, ' ').replace(XML_INVALID, '');
}

/** Characters a name may not hold though the ID terminal lets them through (× and ÷ are in Latin-1's letter block). */
const NON_NAME_CHARACTERS = /[\u00D7\u00F7]/;

/** "U+FFFF", the way Unicode names a character, for a message. */
export function describeCharacter(character: string): string {
    const code = character.codePointAt(0) ?? 0;
    const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    return /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(character) ? `"${character}" (${hex})` : hex;
}

function unsafeReason(character: string): string {
    const code = character.charCodeAt(0);
    if (code === 0x1b) return 'det är ESC, som inleder styrsekvenser för terminaler, och kan inte skrivas i Word- eller Excel-filer.';
    if (code >= 0x202a && code <= 0x202e || code >= 0x2066 && code <= 0x2069) return 'det är en styrning av skrivriktningen, som kan få texten att visas i en annan ordning än den är skriven.';
    if (code >= 0x80 && code <= 0x9f) return 'det är ett styrtecken, som terminaler kan tolka som en styrsekvens.';
    if (code === 0xfeff) return 'det är ett osynligt tecken (byte order mark) mitt i texten.';
    if (code >= 0xd800 && code <= 0xdfff) return 'det är en ensam halva av ett surrogatpar, inget tecken.';
    if (code === 0xfffe || code === 0xffff) return 'det är inget tecken och kan inte skrivas i Word- eller Excel-filer.';
    return 'det är ett osynligt styrtecken och kan inte skrivas i Word- eller Excel-filer.';
}

/** Reserved by the export: the respondent's code and name. */
const ID_COLUMNS = ['unit', 'name'];

/** Why a variable name cannot be carried by every output, or undefined. */
export function variableNameProblem(name: string): { code: IssueCode; message: string } | undefined {
    const shown = shorten(name);
    if (name.trim() === '') return { code: IssueCodes.InvalidVariableName, message: 'Variabelnamnet är tomt.' };
    if (ID_COLUMNS.includes(name.trim().toLowerCase())) {
        return { code: IssueCodes.ReservedVariable, message: `Variabelnamnet ${shown} är upptaget: kolumnerna unit och name anger den svarande; välj ett annat namn.` };
    }
    if (name !== name.trim()) return { code: IssueCodes.InvalidVariableName, message: `Variabelnamnet ${shown} börjar eller slutar med blanksteg; rubrikerna i svarsfilen läses utan dem, så kolumnen skulle aldrig hittas.` };
    const bad = [...name].find(c => /[\p{C}\s]/u.test(c));
    if (bad) return { code: IssueCodes.InvalidVariableName, message: `Variabelnamnet ${shown} innehåller ${describeCharacter(bad)}; ett variabelnamn får inte innehålla blanksteg eller styrtecken.` };
    if (/^[=+\-@]/.test(name)) return { code: IssueCodes.InvalidVariableName, message: `Variabelnamnet ${shown} börjar med ${name[0]}, som kalkylprogram läser som en formel; börja med en bokstav.` };
    if (name === '__proto__') return { code: IssueCodes.InvalidVariableName, message: 'Variabelnamnet __proto__ är reserverat i JavaScript och kan inte användas; välj ett annat namn.' };
    return undefined;
}

/** A name or text quoted in a message, at most 80 characters. */
export function shorten(text: string, max = 80): string {
    const characters = [...text];
    return `"${characters.length > max ? `${characters.slice(0, max).join('')}…` : text}"`;
}

/** A property as written in the file ("1000000000000000000000" rather than 1e+21). */
function sourceText(node: AstNode, property: string): string | undefined {
    return node.$cstNode ? GrammarUtils.findNodeForProperty(node.$cstNode, property)?.text : undefined;
}
