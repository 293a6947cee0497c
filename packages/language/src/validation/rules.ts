/**
 * An indicator's rule: exactly one base requirement (krävs), area variants only for areas it is
 * reported for and at most one per area, and an own exclusion that keeps the default one's
 * "området finns inte" answers or says why not.
 */
import { AstUtils, type ValidationAcceptor } from 'langium';
import {
    type AreaException,
    type AreaExclusion,
    type Exclusion,
    type Indicator,
    type Requirement,
    isAnswerCondition,
    isArea,
} from '../generated/ast.js';
import { unitsOfIndicator } from '../model/model-utils.js';
import { defaultExclusionOptions } from '../semantics/lower.js';
import { joinSwedish } from '../semantics/rule-text.js';
import { isRegisterIndicator } from '../semantics/register-lower.js';
import { issue } from './common.js';

export const RuleIssueCodes = {
    DuplicateRequirement: 'duplicate-requirement',
    RequirementMissing: 'requirement-missing',
    VariantNotReported: 'variant-not-reported',
    DefaultExclusionDropped: 'default-exclusion-dropped',
} as const;

/** One rule (or a ratio, or a measure), one base requirement, each area variant for a reported area and at most once. */
export function requirementsMustBeComplete(indicator: Indicator, accept: ValidationAcceptor): void {
    const hasRule = indicator.requirements.length > 0;
    // A register indicator's rule is its population and numerator (validation/register-indicators.ts).
    if (!hasRule && !indicator.ratio && !indicator.measure && !isRegisterIndicator(indicator)) {
        issue(
            accept,
            'error',
            RuleIssueCodes.RequirementMissing,
            `Indikator ${indicator.number} saknar regel: skriv "krävs: …" (eller "andel: …" för en kvot, "mått: …" för ett bakgrundsmått).`,
            indicator,
            'name',
        );
    }
    if (hasRule && indicator.ratio) {
        issue(
            accept,
            'error',
            RuleIssueCodes.RequirementMissing,
            `Indikator ${indicator.number} har både "krävs" och "andel"; välj det ena.`,
            indicator,
            'ratio',
        );
    }
    const bases = indicator.requirements.filter((r) => r.units.length === 0);
    if (hasRule && bases.length === 0) {
        issue(
            accept,
            'error',
            RuleIssueCodes.RequirementMissing,
            `Indikator ${indicator.number} har bara områdesvarianter; skriv också "krävs: …" för övriga områden.`,
            indicator,
            'name',
        );
    }
    bases
        .slice(1)
        .forEach((r) =>
            issue(
                accept,
                'error',
                RuleIssueCodes.DuplicateRequirement,
                `Indikator ${indicator.number} har redan en regel; skriv alternativen med ELLER.`,
                r,
            ),
        );
    const reported = new Set(unitsOfIndicator(indicator));
    const variantFor = new Map<unknown, Requirement>();
    for (const requirement of indicator.requirements) {
        requirement.units.forEach((ref, index) => {
            const unit = ref.ref;
            if (!unit) return;
            if (!reported.has(unit)) {
                issue(
                    accept,
                    'error',
                    RuleIssueCodes.VariantNotReported,
                    `Indikator ${indicator.number} redovisas inte för ${unit.name}; lägg till det under "redovisas för" eller ta bort varianten.`,
                    requirement,
                    'units',
                    index,
                );
            }
            if (variantFor.has(unit)) {
                issue(
                    accept,
                    'error',
                    RuleIssueCodes.DuplicateRequirement,
                    `${unit.name} har redan en egen regel i indikator ${indicator.number}.`,
                    requirement,
                    'units',
                    index,
                );
            }
            variantFor.set(unit, requirement);
        });
    }
}

/**
 * Without "utesluts", an answer saying the area does not exist excludes; an explicit exclusion
 * replaces that default. An area-missing option the indicator's rules never mention then
 * silently counts as not met, which is seldom what the author meant.
 */
export function exclusionsMustKeepDefault(indicator: Indicator, accept: ValidationAcceptor): void {
    for (const exclusion of [indicator.exclusion, ...indicator.areaExclusions]) {
        if (exclusion?.condition) exclusionMustKeepDefault(indicator, exclusion, accept);
    }
}

function exclusionMustKeepDefault(indicator: Indicator, exclusion: Exclusion | AreaExclusion, accept: ValidationAcceptor): void {
    const mentioned = new Set<unknown>();
    const conditions = [
        exclusion.condition,
        indicator.exception?.condition,
        ...indicator.areaExceptions.map((e) => e.condition),
        ...indicator.requirements.flatMap((r) => r.alternatives),
    ];
    for (const root of conditions) {
        if (!root) continue;
        for (const node of AstUtils.streamAst(root)) {
            if (!isAnswerCondition(node) || !node.target?.question.ref) continue;
            for (const option of node.options)
                if (option.ref) mentioned.add(`${node.target.question.ref.name}\u0000${option.ref.name}`);
        }
    }
    for (const { slot, options } of defaultExclusionOptions(indicator)) {
        const dropped = options.filter((option) => !mentioned.has(`${slot.name}\u0000${option.name}`));
        if (dropped.length === 0) continue;
        const names = dropped.map((o) => o.name);
        const words = joinSwedish(
            dropped.map((o) => `"${o.shortLabel ?? o.label}"`),
            'eller',
        );
        issue(
            accept,
            'warning',
            RuleIssueCodes.DefaultExclusionDropped,
            `Med en egen uteslutning utesluts inte längre ${words} på fråga ${slot.name} (området finns inte): de som svarat så räknas i nämnaren. ` +
                `Lägg till "${joinSwedish(names, 'eller')} på fråga ${slot.name}" i uteslutningen, eller nämn svaret i regeln om det ska räknas.`,
            exclusion,
            'condition',
        );
    }
}

/** "för AO utesluts: …" and "för AO undantas: …": each for an area the indicator is reported for, at most once. */
export function areaVariantsMustBeReported(indicator: Indicator, accept: ValidationAcceptor): void {
    areaVariantsMustBeReportedOnce(indicator, [...indicator.areaExclusions], 'uteslutning', accept);
    areaVariantsMustBeReportedOnce(indicator, [...indicator.areaExceptions], 'undantag', accept);
}

/** An area reported as its groups is named by them. */
function areaVariantsMustBeReportedOnce(
    indicator: Indicator,
    variants: Array<AreaExclusion | AreaException>,
    word: string,
    accept: ValidationAcceptor,
): void {
    const reported = new Set(unitsOfIndicator(indicator));
    const seen = new Set<unknown>();
    for (const variant of variants) {
        variant.units.forEach((ref, index) => {
            const unit = ref.ref;
            if (!unit) return;
            if (!reported.has(unit)) {
                const groups = isArea(unit) ? unit.groups.filter((g) => reported.has(g)).map((g) => g.name) : [];
                issue(
                    accept,
                    'error',
                    RuleIssueCodes.VariantNotReported,
                    groups.length > 0
                        ? `Indikator ${indicator.number} redovisas för ${unit.name} som grupperna ${joinSwedish(groups)}; skriv "för ${groups.join(', ')}".`
                        : `Indikator ${indicator.number} redovisas inte för ${unit.name}; lägg till det under "redovisas för" eller ta bort varianten.`,
                    variant,
                    'units',
                    index,
                );
            }
            if (seen.has(unit)) {
                issue(
                    accept,
                    'error',
                    RuleIssueCodes.DuplicateRequirement,
                    `${unit.name} har redan en egen ${word} i indikator ${indicator.number}.`,
                    variant,
                    'units',
                    index,
                );
            }
            seen.add(unit);
        });
    }
}
