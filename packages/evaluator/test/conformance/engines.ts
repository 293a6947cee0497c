/**
 * The engines the conformance suite and the differential test hold to one another. Each decides
 * response rows for a model; every registered engine runs every case it supports. To add an engine
 * (a SQL engine, say), implement `Engine` and add it to `ENGINES`: the suite then runs it on every
 * case and the differential test on every random row. The DuckDB engine decides a batch of rows per
 * query rather than one row per call; it runs these cases and the random rows in packages/sql/test/.
 */
import {
    AnalysisDecider,
    evaluateMeasurePlan,
    evaluatePlan,
    lowerModels,
    type MeasureStatus,
    type Model,
    type PlanKind,
    type Reading,
    type ResponseRow,
    type Status,
} from '@oj/language';
import { importGenerated, type GeneratedEvaluator } from '../support.js';

/** One engine's decision for one indicator and unit. */
export interface EngineResult {
    indicator: number;
    /** The area or group code; undefined for an indicator evaluated once. */
    group?: string;
    /** The stratum's code (K, M, T) for an indicator split by a stratification. */
    stratum?: string;
    status: Status | MeasureStatus;
    /** A background measure's value. */
    value?: number;
    numerator?: number;
    denominator?: number;
    /** The answers that decided, for engines that give them (`Engine.traces`). */
    trace?: readonly Reading[];
}

/** An engine prepared for one model: decides a row for every indicator and unit of the kinds it supports. */
export type EngineRun = (row: ResponseRow) => EngineResult[];

export interface Engine {
    name: string;
    /** The kinds of indicator the engine decides; results for other kinds are not expected of it. */
    kinds: readonly PlanKind[];
    /** Whether its results carry traces that must equal the interpreter's. */
    traces: boolean;
    load(models: Model[]): Promise<EngineRun>;
}

/** The reference: the interpreter on the plans. */
export const interpreter: Engine = {
    name: 'interpreter',
    kinds: ['rule', 'ratio', 'measure'],
    traces: true,
    async load(models) {
        const plans = lowerModels(models);
        const units = plans.filter((p) => p.kind !== 'measure').flatMap((p) => p.units);
        const measures = plans.filter((p) => p.kind === 'measure').flatMap((p) => p.units);
        return (row) => [
            ...units.map((unit) => evaluatePlan(unit, row)),
            ...measures.map((unit) => evaluateMeasurePlan(unit, row)),
        ];
    },
};

const generatedModules = new WeakMap<Model[], Promise<GeneratedEvaluator>>();
function generatedFor(models: Model[]): Promise<GeneratedEvaluator> {
    let module = generatedModules.get(models);
    if (!module) {
        module = importGenerated(models);
        generatedModules.set(models, module);
    }
    return module;
}

/** The generated TypeScript's `evaluate`: the fast path, its trace worked out when read. */
export const generatedFast: Engine = {
    name: 'generated evaluate',
    kinds: ['rule', 'ratio', 'measure'],
    traces: true,
    async load(models) {
        const module = await generatedFor(models);
        return (row) => [...module.evaluate(row), ...(module.measures?.(row) ?? [])] as EngineResult[];
    },
};

/** The generated TypeScript's `explain`: the traced path. */
export const generatedExplain: Engine = {
    name: 'generated explain',
    kinds: ['rule', 'ratio'],
    traces: true,
    async load(models) {
        const module = await generatedFor(models);
        return (row) => module.explain(row) as EngineResult[];
    },
};

/** The analysis' own evaluation of a full assignment (the leaves of its search): statuses of rules. */
export const analysis: Engine = {
    name: 'analysis',
    kinds: ['rule'],
    traces: false,
    async load(models) {
        const deciders = lowerModels(models)
            .filter((p) => p.kind === 'rule')
            .flatMap((p) => p.units.map((unit) => ({ unit, decider: new AnalysisDecider(p.ast!.indicator, unit) })));
        return (row) =>
            deciders.map(({ unit, decider }) => ({ indicator: unit.indicator, group: unit.unit, status: decider.decide(row) }));
    },
};

/** Every engine; the first is the reference the others are compared with. */
export const ENGINES: readonly Engine[] = [interpreter, generatedFast, generatedExplain, analysis];
