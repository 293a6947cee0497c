/**
 * What the language benchmarks share: statistics, CPU time, the synthetic workspaces on disk,
 * and language services whose validation checks are timed one by one.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { inject, type Module } from 'langium';
import {
    createDefaultModule,
    createDefaultSharedModule,
    type DefaultSharedModuleContext,
    type LangiumSharedServices,
} from 'langium/lsp';
import {
    OjGeneratedModule,
    OjGeneratedSharedModule,
    OjModule,
    registerAnalysisChecks,
    registerValidationChecks,
    type OjServices,
} from '@oj/language';
import { generateWorkspace, WORKSPACE_SIZES } from '@oj/synthetic';

export function median(values: number[]): number {
    return percentile(values, 50);
}

/** The nearest-rank percentile. */
export function percentile(values: number[], p: number): number {
    if (values.length === 0) return NaN;
    const sorted = [...values].sort((a, b) => a - b);
    const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
    return sorted[rank - 1];
}

export function round(value: number, digits = 1): number {
    const factor = 10 ** digits;
    return Math.round(value * factor) / factor;
}

/** Process CPU time (user + system) in ms: shows how much of a wall-clock time was spent waiting for a shared core. */
export function cpuMs(): number {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
}

export type WorkspaceSize = keyof typeof WORKSPACE_SIZES;

/**
 * Writes the synthetic workspace of a size and seed to a folder under the temp directory and
 * returns it. Written every time (it takes well under a second), so the files always match the
 * generator in use.
 */
export function syntheticWorkspaceDir(size: WorkspaceSize, seed = 1): string {
    const dir = path.join(os.tmpdir(), `oj-bench-${size}-seed${seed}`);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    for (const file of generateWorkspace({ seed, ...WORKSPACE_SIZES[size] }))
        fs.writeFileSync(path.join(dir, file.path), file.text);
    return dir;
}

export interface CheckTime {
    ms: number;
    calls: number;
}

/**
 * The services createOjServices gives, with every validation check timed under "Type.checkName".
 * Only for measuring where validation time goes: the timing wrapper costs a little itself.
 */
export function createTimedOjServices(
    context: DefaultSharedModuleContext,
    sharedOverrides: Module<LangiumSharedServices, object> = {},
): { shared: LangiumSharedServices; Oj: OjServices; checkTimes: Map<string, CheckTime> } {
    const shared = inject(createDefaultSharedModule(context), OjGeneratedSharedModule, sharedOverrides);
    const Oj: OjServices = inject(createDefaultModule({ shared }), OjGeneratedModule, OjModule);
    shared.ServiceRegistry.register(Oj);
    const checkTimes = new Map<string, CheckTime>();
    const registry = Oj.validation.ValidationRegistry;
    const register = registry.register.bind(registry);
    registry.register = ((checks: Record<string, unknown>, thisObj: unknown, category?: never) => {
        const timed: Record<string, unknown> = {};
        for (const [type, value] of Object.entries(checks)) {
            const list = (Array.isArray(value) ? value : [value]) as Array<(...args: unknown[]) => unknown>;
            timed[type] = list.map((check) => {
                const key = `${type}.${check.name || 'check'}`;
                return (...args: unknown[]) => {
                    const start = performance.now();
                    try {
                        return check.apply(thisObj, args);
                    } finally {
                        const entry = checkTimes.get(key) ?? { ms: 0, calls: 0 };
                        entry.ms += performance.now() - start;
                        entry.calls++;
                        checkTimes.set(key, entry);
                    }
                };
            });
        }
        register(timed as never, thisObj, category);
    }) as typeof registry.register;
    registerValidationChecks(Oj);
    registerAnalysisChecks(Oj);
    if (!context.connection) shared.workspace.ConfigurationProvider.initialized({});
    return { shared, Oj, checkTimes };
}

/** The checks of the exact rule analysis and the worked examples (oj-analysis-validator.ts). */
export const ANALYSIS_CHECKS = ['Indicator.checkRules', 'Indicator.checkExamples'];
