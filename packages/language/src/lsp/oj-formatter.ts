/**
 * Formatting: one part per line inside braces, indented by four spaces, question items and
 * alternatives ("ELLER") on lines of their own, and commas and colons spaced as in ordinary text.
 * Only the start of each part is moved; text within a part (a long rule, a string) is left as
 * written apart from spacing, so formatting never reflows published wording.
 */
import { AbstractFormatter, Formatting, type FormattingAction, type NodeFormatter } from 'langium/lsp';
import { AstUtils, CstUtils, type AstNode, type CstNode, isCompositeCstNode, isLeafCstNode } from 'langium';
import { ownCstContent } from '../model/cst-utils.js';
import {
    isAnswerSet,
    isArea,
    isDocumentSection,
    isExample,
    isIndicator,
    isRegister,
    isModel,
    isPrintedDocument,
    isQuestion,
    isRequirement,
    isSurvey,
} from '../generated/ast.js';

/** Keywords that start a part written directly in a block (not in a child node). */
const PART_KEYWORDS = new Set([
    'år',
    'mätdatum',
    'period',
    'målpopulation',
    'redovisningsnivåer',
    'variabelmönster',
    'datakälla',
    'felkällor',
    'nämnare',
    'stadsdelar',
    'rubrik',
    'områden',
    'redovisas',
    'beskrivning',
    'syfte',
    'önskad',
    'typ',
    'kvalitetsområde',
    'begrepp',
    'kommentar',
    // A register and a register indicator (their other parts are child declarations).
    'enhet',
    'register',
    'population',
    'räknas',
    'indelning',
    'ger',
    'undertitel',
    'utgivare',
    'publicerad',
    'kolofon',
]);

/** A line break followed by `depth` levels of indentation, whatever the enclosing nodes are. */
function lineAt(depth: number): FormattingAction {
    return { options: {}, moves: [{ tabs: depth, lines: 1 }] };
}

/** Blocks nest (an example inside an indicator); each level indents one step further. */
function blockDepth(node: AstNode): number {
    let depth = 0;
    for (let current = node.$container; current; current = current.$container) {
        if (isBlock(current) || isQuestion(current)) depth++;
    }
    return depth;
}

function isBlock(node: AstNode): boolean {
    return (
        isSurvey(node) ||
        isAnswerSet(node) ||
        isArea(node) ||
        isIndicator(node) ||
        isExample(node) ||
        isPrintedDocument(node) ||
        isDocumentSection(node) ||
        isRegister(node)
    );
}

/** Offsets of a block's own braces (-1 when it has none, e.g. an area written without a body). */
function braces(node: AstNode): { open: number; close: number } {
    const content = ownCstContent(node);
    const open = content.find((c) => isLeafCstNode(c) && c.text === '{');
    const close = [...content].reverse().find((c) => isLeafCstNode(c) && c.text === '}');
    return { open: open?.offset ?? -1, close: close?.offset ?? Number.MAX_SAFE_INTEGER };
}

function firstLeaf(node: CstNode): CstNode {
    let current = node;
    while (isCompositeCstNode(current)) {
        const next = current.content.find((c) => !c.hidden);
        if (!next) break;
        current = next;
    }
    return current;
}

export class OjFormatter extends AbstractFormatter {
    protected format(node: AstNode): void {
        const formatter = this.getNodeFormatter(node);
        if (isModel(node)) {
            // At least a line break between declarations; blank lines and comments are kept as written.
            for (const element of node.elements) formatter.node(element).prepend(Formatting.newLine({ allowMore: true }));
            this.indentComments(node, formatter);
            return;
        }
        if (isBlock(node)) {
            const depth = blockDepth(node);
            const open = formatter.keyword('{');
            // The block's own closing brace is its last one (a survey's "stadsdelar { … }" has one before it).
            const closes = ownCstContent(node).filter((c) => isLeafCstNode(c) && c.text === '}');
            const close = formatter.cst(closes.slice(-1));
            open.prepend(Formatting.oneSpace());
            formatter.cst(this.partStarts(node)).prepend(lineAt(depth + 1));
            close.prepend(lineAt(depth));
            if (isSurvey(node) && node.districts.length > 0) {
                // One stadsdel per line inside "stadsdelar { … }", one step further in.
                formatter.keyword('{', 1).prepend(Formatting.oneSpace());
                formatter.nodes(...node.districts).prepend(lineAt(depth + 2));
                formatter.cst(closes.slice(0, -1)).prepend(lineAt(depth + 1));
            }
        }
        if (isQuestion(node)) {
            const depth = blockDepth(node);
            formatter
                .cst(node.items.flatMap((item) => (item.$cstNode ? [firstLeaf(item.$cstNode)] : [])))
                .prepend(lineAt(depth + 1));
            // A printed label is a line of its own under the question, as an item is.
            formatter.keywords('etikett').prepend(lineAt(depth + 1));
        }
        if (isIndicator(node) && (node.population || node.counted)) {
            // "population: …" and "räknas: …" as "krävs: …" is written.
            formatter.keywords(':').prepend(Formatting.noSpace()).append(Formatting.oneSpace());
        }
        if (isRequirement(node)) {
            formatter.keyword(':').prepend(Formatting.noSpace()).append(Formatting.oneSpace());
            formatter
                .keywords('ELLER')
                .prepend(lineAt(blockDepth(node) + 1))
                .append(Formatting.oneSpace());
        }
        formatter.keywords(',').prepend(Formatting.noSpace()).append(Formatting.oneSpace());
    }

    /**
     * A comment on a line of its own is indented like the parts of the block it is written in
     * (Langium would indent it by its own running indentation, which absolute moves leave at 0).
     * A comment after code on the same line stays where it is.
     */
    protected indentComments(model: AstNode, formatter: NodeFormatter<AstNode>): void {
        const root = model.$cstNode;
        if (!root) return;
        const blocks = AstUtils.streamAst(model)
            .filter(isBlock)
            .map((block) => ({ block, ...braces(block) }))
            .filter((b) => b.open >= 0)
            .toArray();
        for (const leaf of CstUtils.streamCst(root)) {
            if (!leaf.hidden || !isLeafCstNode(leaf)) continue;
            const enclosing = blocks.filter((b) => b.open < leaf.offset && leaf.offset < b.close);
            const depth = enclosing.length === 0 ? 0 : Math.max(...enclosing.map((b) => blockDepth(b.block) + 1));
            formatter.cst([leaf]).prepend(lineAt(depth));
        }
    }

    /** The first token of every part between the block's braces: a part keyword or a child declaration. */
    protected partStarts(node: AstNode): CstNode[] {
        const starts: CstNode[] = [];
        let inside = false;
        // Braces of the block's own (a survey's "stadsdelar { … }") nest inside its braces.
        let nested = 0;
        for (const child of ownCstContent(node)) {
            if (isLeafCstNode(child) && child.text === '{' && !inside) {
                inside = true;
                continue;
            }
            if (!inside || child.hidden) continue;
            if (isLeafCstNode(child) && child.text === '{') {
                nested++;
                continue;
            }
            if (isLeafCstNode(child) && child.text === '}') {
                if (nested === 0) break;
                nested--;
                continue;
            }
            // Outcomes follow "ger" on its line, a register indicator's conditions their "population:" or
            // "räknas:"; every other child declaration is a part of its own.
            const followsKeyword =
                child.astNode.$type === 'ExampleOutcome' ||
                child.astNode.$type === 'District' ||
                child.astNode.$containerProperty === 'population' ||
                child.astNode.$containerProperty === 'counted';
            if (child.astNode !== node && !followsKeyword) starts.push(firstLeaf(child));
            else if (isLeafCstNode(child) && PART_KEYWORDS.has(child.text)) starts.push(child);
        }
        return starts;
    }
}
