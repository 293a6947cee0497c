/**
 * The conformance harness: turns a case's answers into a response row of the model, and an
 * engine's results into the outcomes the cases are written in.
 */
import { EmptyFileSystem, URI } from 'langium';
import {
    createOjServices,
    type Indicator,
    type MeasureStatus,
    type Model,
    type PlanKind,
    type ResponseRow,
    type Status,
    lowerIndicator,
    questionOf,
    readKey,
    STATUS_LABELS,
    STATUSES,
    unitsOfIndicator,
    unitsOfQuestion,
    variableFor,
} from '@oj/language';
import type { EngineResult } from './engines.js';
import { type ConformanceCase, type Expected, PRELUDE } from './cases.js';
import type { FixtureCase } from '../../../language/test/kit/fixtures.js';

/** A semantic fixture of the language's test kit (resources/semantics), built as one workspace; it must have no errors. */
export async function loadFixture(c: FixtureCase): Promise<{ models: Model[]; indicators: Indicator[] }> {
    const { shared } = createOjServices(EmptyFileSystem);
    const files = [...c.shared, c.file];
    const documents = files.map((f) =>
        shared.workspace.LangiumDocumentFactory.fromString<Model>(f.source, URI.file(`/resources/${f.path}`)),
    );
    documents.forEach((d) => shared.workspace.LangiumDocuments.addDocument(d));
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    const errors = documents.flatMap((d) => (d.diagnostics ?? []).filter((x) => x.severity === 1));
    if (errors.length > 0) throw new Error(`${c.name} has errors: ${errors.map((e) => e.message).join('; ')}`);
    const own = documents[documents.length - 1].parseResult.value;
    return {
        models: documents.map((d) => d.parseResult.value),
        indicators: own.elements.filter((e): e is Indicator => e.$type === 'Indicator'),
    };
}

/** The case's model, built and validated; errors other than those the case allows fail it. */
export async function loadCase(c: ConformanceCase): Promise<{ models: Model[]; indicator: Indicator }> {
    const { shared } = createOjServices(EmptyFileSystem);
    const document = shared.workspace.LangiumDocumentFactory.fromString<Model>(PRELUDE + c.model, URI.file('/konformitet.oj'));
    shared.workspace.LangiumDocuments.addDocument(document);
    await shared.workspace.DocumentBuilder.build([document], { validation: true });
    const errors = (document.diagnostics ?? []).filter((d) => d.severity === 1 && !(c.allow ?? []).includes(String(d.code)));
    if (errors.length > 0) throw new Error(`the model of "${c.name}" has errors: ${errors.map((e) => e.message).join('; ')}`);
    const models = [document.parseResult.value];
    return { models, indicator: firstIndicator(models) };
}

export function firstIndicator(models: Model[]): Indicator {
    const indicator = models.flatMap((m) => m.elements).find((e): e is Indicator => e.$type === 'Indicator');
    if (!indicator) throw new Error('the case has no indicator');
    return indicator;
}

const ANSWER = /([ivxlc]+)(?:\.([A-Za-z0-9_]+))?(?:@([A-Za-z0-9_]+))?(?:#([A-Za-z0-9_]+))?=("(?:[^"\\]|\\.)*"|\S+)/gu;

/** The response row a case's answers describe; see cases.ts for the notation. */
export function caseRow(indicator: Indicator, answers: string): ResponseRow {
    const row: Record<string, string | number> = {};
    const rest = answers.replace(ANSWER, '').trim();
    if (rest) throw new Error(`cannot read the answers "${rest}"`);
    for (const [, numeral, itemName, unitName, stratumCode, text] of answers.matchAll(ANSWER)) {
        const slot = indicator.questions.find((s) => s.name === numeral);
        const question = questionOf(slot);
        if (!slot || !question) throw new Error(`no question ${numeral}`);
        const items = itemName
            ? [question.items.find((i) => i.name === itemName)]
            : question.items.length > 0
              ? question.items
              : [undefined];
        if (items.includes(undefined) && itemName) throw new Error(`no item ${itemName} of question ${numeral}`);
        const perArea = question.units.length > 0;
        const reported = unitsOfIndicator(indicator);
        const units = !perArea
            ? [undefined]
            : unitName
              ? [[...reported, ...unitsOfQuestion(question)].find((u) => u.name === unitName)]
              : reported;
        if (units.includes(undefined) && unitName) throw new Error(`no unit ${unitName}`);
        const value: string | number =
            text === 'blankt'
                ? ''
                : text.startsWith('"')
                  ? (JSON.parse(text) as string)
                  : /^-?\d+(\.\d+)?$/.test(text)
                    ? Number(text)
                    : codeOf(question.answerSet?.ref?.options ?? [], text, numeral);
        // A question asked per stratum: `#K` one stratum, else every stratum.
        const allStrata = question.stratification?.ref?.strata ?? [];
        const strata = stratumCode
            ? [allStrata.find((s) => s.code === stratumCode)]
            : allStrata.length > 0
              ? allStrata
              : [undefined];
        if (strata.includes(undefined) && stratumCode) throw new Error(`no stratum ${stratumCode}`);
        for (const item of items) {
            for (const unit of units) {
                for (const stratum of strata) {
                    const variable = variableFor(question, item, unit, { indicator, slot }, stratum);
                    if (!variable) throw new Error(`question ${numeral} has no variable`);
                    row[variable] = value;
                }
            }
        }
    }
    return row;
}

function codeOf(options: ReadonlyArray<{ name: string; code: number }>, name: string, numeral: string): string {
    const option = options.find((o) => o.name === name);
    if (!option) throw new Error(`question ${numeral} has no option ${name}`);
    return String(option.code);
}

/** An outcome as the cases write it. */
export interface Outcome {
    status: Status | MeasureStatus;
    /** A background measure's value ("värde 5"). */
    value?: number;
    numerator?: number;
    denominator?: number;
    /** The deciding answers as question and item ("ii A"), when the case names them. */
    decidedBy?: string[];
}

const OUTCOME = /^(ej uppnådd|uppnådd|utesluten|saknas)(?: (\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?))?(?: av (.+))?$/u;
/** A background measure's outcome: "värde 12", "värde 5 = 100/20" (a quotient and its sums). */
const VALUE = /^värde (-?\d+(?:\.\d+)?)(?: = (\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?))?(?: av (.+))?$/u;

export function parseOutcome(text: string): Outcome {
    const measured = VALUE.exec(text);
    if (measured) {
        const outcome: Outcome = { status: 'measured', value: Number(measured[1]) };
        if (measured[2] !== undefined) {
            outcome.numerator = Number(measured[2]);
            outcome.denominator = Number(measured[3]);
        }
        if (measured[4] !== undefined) outcome.decidedBy = measured[4].split(', ');
        return outcome;
    }
    const match = OUTCOME.exec(text);
    if (!match) throw new Error(`cannot read the outcome "${text}"`);
    const status = STATUSES.find((s) => STATUS_LABELS[s] === match[1])!;
    const outcome: Outcome = { status };
    if (match[2] !== undefined) {
        outcome.numerator = Number(match[2]);
        outcome.denominator = Number(match[3]);
    }
    if (match[4] !== undefined) outcome.decidedBy = match[4].split(', ');
    return outcome;
}

/** A result's unit as the cases name it: the area or group, the stratum's code, or both as "EB/K". */
export function unitKey(result: { group?: string; stratum?: string }): string | undefined {
    const parts = [result.group, result.stratum].filter((p): p is string => p !== undefined);
    return parts.length > 0 ? parts.join('/') : undefined;
}

/** The expected outcome per unit of the indicator (undefined key: evaluated once). */
export function expectedPerUnit(indicator: Indicator, expected: Expected): Map<string | undefined, Outcome> {
    const units = lowerIndicator(indicator).units.map((u) => unitKey({ group: u.unit, stratum: u.stratum?.code }));
    if (typeof expected === 'string') return new Map(units.map((u) => [u, parseOutcome(expected)]));
    const named = Object.keys(expected).sort();
    if (JSON.stringify(named) !== JSON.stringify(units.map((u) => u ?? '').sort())) {
        throw new Error(`the case names the units ${named.join(', ')}, the indicator has ${units.join(', ')}`);
    }
    return new Map(units.map((u) => [u, parseOutcome(expected[u ?? ''])]));
}

/** An engine's result in the terms of the cases; the trace only when the engine gives one. */
export function outcomeOf(result: EngineResult, withTrace: boolean, expected: Outcome): Outcome {
    const outcome: Outcome = { status: result.status };
    // Values compared to 12 digits: a quotient is a floating-point division in every engine.
    if (result.value !== undefined) outcome.value = Number(result.value.toPrecision(12));
    if (result.numerator !== undefined || result.denominator !== undefined) {
        outcome.numerator = result.numerator;
        outcome.denominator = result.denominator;
    }
    if (withTrace && expected.decidedBy) outcome.decidedBy = (result.trace ?? []).map((r) => readKey(r));
    return outcome;
}

/** The expectation as an engine that decides `kinds` and gives traces or not must meet it. */
export function expectationFor(expected: Outcome, withTrace: boolean): Outcome {
    const outcome: Outcome = { status: expected.status };
    if (expected.value !== undefined) outcome.value = Number(expected.value.toPrecision(12));
    if (expected.numerator !== undefined) {
        outcome.numerator = expected.numerator;
        outcome.denominator = expected.denominator;
    }
    if (withTrace && expected.decidedBy) outcome.decidedBy = expected.decidedBy;
    return outcome;
}

export function kindOf(indicator: Indicator): PlanKind {
    return lowerIndicator(indicator).kind;
}
