/**
 * What several validation files share: the reporter every check uses, the quoting of model text
 * in messages, and the checks that apply to more than one construct (a part written twice, a name
 * declared twice, a date).
 */
import {
    type AstNode,
    GrammarAST,
    GrammarUtils,
    isAstNode,
    isLeafCstNode,
    isReference,
    type Properties,
    type ValidationAcceptor,
} from 'langium';
import type { AnswerSet, Area, Group, Survey, SurveyPart, Term } from '../generated/ast.js';
import { ownCstContent } from '../model/cst-utils.js';
import { declarationKind, surveyKeyOf, type OjWorkspaceIndex } from '../workspace/oj-workspace-index.js';

export const CommonIssueCodes = {
    DuplicateName: 'duplicate-name',
    DuplicatePart: 'duplicate-part',
    InvalidDate: 'invalid-date',
} as const;

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export function issue<N extends AstNode>(
    accept: ValidationAcceptor,
    severity: Severity,
    code: string,
    message: string,
    node: N,
    property?: Properties<N>,
    index?: number,
    extra?: Record<string, unknown>,
): void {
    // A reference or child node knows its own text: its range is taken from there, because
    // Langium's search by property walks the node's CST, once per issue (a line of thousands
    // of repeated items would cost seconds).
    const value: unknown = property === undefined ? undefined : (node as Record<string, unknown>)[property as string];
    const target = index !== undefined && Array.isArray(value) ? value[index] : value;
    const range = isReference(target) ? target.$refNode?.range : isAstNode(target) ? target.$cstNode?.range : undefined;
    accept(
        severity,
        message,
        range ? { node, range, code, data: { code, ...extra } } : { node, property, index, code, data: { code, ...extra } },
    );
}

/** Keywords that may be written once per indicator or survey: writing one twice loses the first. */
const SINGLE_KEYWORDS: Record<string, string[]> = {
    // "kommentar" may be written several times: each is a paragraph of the printed comment.
    Indicator: [
        'beskrivning',
        'syfte',
        'önskad',
        'typ',
        'kvalitetsområde',
        'datakälla',
        'felkällor',
        'målpopulation',
        'nämnare',
        'redovisningsnivåer',
        'tidigare',
        'utesluts',
        'undantas',
        'andel',
        'mått',
        'områden',
        'redovisas',
        'register',
        'population',
        'räknas',
    ],
    Register: ['enhet', 'mätdatum', 'datakälla'],
    Survey: [
        'år',
        'mätdatum',
        'period',
        'målpopulation',
        'redovisningsnivåer',
        'variabelmönster',
        'datakälla',
        'felkällor',
        'nämnare',
    ],
    Question: ['svar', 'antal', 'flerval', 'per', 'variabel'],
    PrintedDocument: ['undertitel', 'utgivare', 'publicerad'],
};

/** A part written twice: only the last would survive, so say so at the second. */
export function partsMustBeWrittenOnce(node: AstNode, accept: ValidationAcceptor): void {
    const keywords = SINGLE_KEYWORDS[node.$type];
    if (!keywords) return;
    const seen = new Set<string>();
    for (const child of ownCstContent(node)) {
        if (
            child.astNode !== node ||
            !isLeafCstNode(child) ||
            !GrammarAST.isKeyword(child.grammarSource) ||
            !keywords.includes(child.text)
        )
            continue;
        if (seen.has(child.text)) {
            accept('error', `"${child.text}" anges mer än en gång; bara den sista skulle gälla.`, {
                node,
                range: child.range,
                code: CommonIssueCodes.DuplicatePart,
                data: { code: CommonIssueCodes.DuplicatePart },
            });
        }
        seen.add(child.text);
    }
}

/** What a declaration is, in the indefinite form a sentence needs ("det finns redan ett område …"). */
const DECLARATION_WORDS: Record<string, string> = {
    AnswerSet: 'svarsalternativ',
    Area: 'ett område',
    Group: 'en grupp',
    Term: 'ett begrepp',
    SurveyPart: 'en enkätdel',
    Survey: 'en enkät',
};

/**
 * A name declared twice in one survey: references would silently pick one of them. Areas and
 * groups share a namespace (both are reporting units); surveys must be unique in the workspace.
 */
export function declarationNameMustBeUnique(
    workspace: OjWorkspaceIndex,
    node: AnswerSet | Area | Group | Term | SurveyPart | Survey,
    accept: ValidationAcceptor,
): void {
    const kind = declarationKind(node);
    const key = kind ? `${surveyKeyOf(node)}#${kind}#${node.name}` : `#Survey#${node.name}`;
    const others = workspace
        .facts()
        .declarations.get(key)
        .filter((other) => other !== node);
    if (others.length === 0) return;
    issue(
        accept,
        'error',
        CommonIssueCodes.DuplicateName,
        `Det finns redan ${DECLARATION_WORDS[others[0].$type]} som heter ${node.name}; ett namn kan bara syfta på en sak i enkäten.`,
        node,
        'name',
    );
}

export function isIsoDate(text: string): boolean {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!match) return false;
    const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
    return (
        date.getUTCFullYear() === Number(match[1]) &&
        date.getUTCMonth() === Number(match[2]) - 1 &&
        date.getUTCDate() === Number(match[3])
    );
}

/** A name or text quoted in a message, at most 80 characters. */
export function shorten(text: string, max = 80): string {
    const characters = [...text];
    return `"${characters.length > max ? `${characters.slice(0, max).join('')}…` : text}"`;
}

/** A property as written in the file ("1000000000000000000000" rather than 1e+21). */
export function sourceText(node: AstNode, property: string): string | undefined {
    return node.$cstNode ? GrammarUtils.findNodeForProperty(node.$cstNode, property)?.text : undefined;
}
