/**
 * Outline: areas (with their groups), answer sets, shared questions, then indicators with their
 * questions — "1. Aktuell rutin …" › "i: Har ni …".
 */
import { DefaultDocumentSymbolProvider } from 'langium/lsp';
import { type AstNode, DocumentState, type LangiumDocument } from 'langium';
import { type DocumentSymbol, type DocumentSymbolParams, SymbolKind } from 'vscode-languageserver';
import {
    type Indicator,
    isAnswerSet,
    isArea,
    isGroup,
    isIndicator,
    isIndicatorQuestion,
    isQuestion,
    isSurvey,
    isTerm,
} from '../generated/ast.js';
import { questionOf } from '../model/model-utils.js';

const ORDER: Record<string, number> = { Survey: 0, Area: 1, AnswerSet: 2, Term: 3, Question: 4, Indicator: 5 };
const MULTI_AREA = 'Indikatorer som mäts och publiceras inom flera områden';

type TaggedSymbol = DocumentSymbol & { ojType?: string; section?: string };

function strip(symbol: DocumentSymbol): DocumentSymbol {
    const { ojType: _type, section: _section, ...rest } = symbol as TaggedSymbol;
    return { ...rest, children: rest.children?.map(strip) };
}

export class OjDocumentSymbolProvider extends DefaultDocumentSymbolProvider {
    /**
     * Whether names may be resolved in the document being outlined: the outline is asked for as soon
     * as a document is parsed, and resolving before its scopes are computed logs Langium's warning
     * ("Attempted reference resolution before document reached ComputedScopes state"); then the
     * names are shown as written.
     */
    protected resolvable = true;

    override getSymbols(document: LangiumDocument, _params?: DocumentSymbolParams): DocumentSymbol[] {
        this.resolvable = document.state >= DocumentState.ComputedScopes;
        const tagged = this.getSymbol(document, document.parseResult.value) as TaggedSymbol[];
        const declarations = tagged
            .filter((s) => s.ojType !== 'Indicator')
            .map((symbol, index) => ({ symbol, index }))
            .sort((a, b) => (ORDER[a.symbol.ojType ?? ''] ?? 9) - (ORDER[b.symbol.ojType ?? ''] ?? 9) || a.index - b.index)
            .map(({ symbol }) => symbol);
        // Indicators are grouped the way the published document sections them: by area, with
        // indicators published in several areas under a section of their own.
        const sections = new Map<string, TaggedSymbol[]>();
        for (const symbol of tagged.filter((s) => s.ojType === 'Indicator')) {
            const key = symbol.section ?? 'Utan område';
            if (!sections.has(key)) sections.set(key, []);
            sections.get(key)!.push(symbol);
        }
        const grouped: DocumentSymbol[] = [...sections.entries()]
            .sort(([a], [b]) => (a === MULTI_AREA ? -1 : b === MULTI_AREA ? 1 : a.localeCompare(b, 'sv')))
            .map(([section, children]) => ({
                name: section,
                kind: SymbolKind.Namespace,
                // A section has no text of its own: its range is its first indicator's name, so that
                // sticky scroll does not pin that indicator's line above every later one.
                range: children[0].selectionRange,
                selectionRange: children[0].selectionRange,
                children,
            }));
        return [...declarations, ...grouped].map(strip);
    }

    protected override getSymbol(document: LangiumDocument, astNode: AstNode): DocumentSymbol[] {
        const node = astNode.$cstNode;
        const label = this.label(astNode);
        if (node && label) {
            const nameNode = this.nameProvider.getNameNode(astNode) ?? node;
            const symbol: TaggedSymbol = {
                name: label.name,
                detail: label.detail,
                kind: label.kind,
                range: node.range,
                selectionRange: nameNode.range,
                children: this.getChildSymbols(document, astNode),
                ojType: astNode.$type,
                section: isIndicator(astNode) ? this.section(astNode) : undefined,
            };
            return [symbol];
        }
        return this.getChildSymbols(document, astNode) ?? [];
    }

    protected section(indicator: Indicator): string | undefined {
        if (indicator.areas.length > 1) return MULTI_AREA;
        const area = indicator.areas[0];
        if (!area) return undefined;
        return this.resolvable ? (area.ref?.title ?? area.ref?.label ?? area.$refText) : area.$refText;
    }

    protected label(node: AstNode): { name: string; detail?: string; kind: SymbolKind } | undefined {
        if (isSurvey(node)) return { name: node.title, detail: node.name, kind: SymbolKind.Package };
        if (isArea(node)) return { name: `${node.name} – ${node.label}`, detail: node.title, kind: SymbolKind.Namespace };
        if (isGroup(node)) return { name: `${node.name} – ${node.label}`, kind: SymbolKind.Namespace };
        if (isAnswerSet(node))
            return { name: node.name, detail: node.options.map((o) => o.label).join('/'), kind: SymbolKind.Enum };
        if (isTerm(node)) return { name: node.term, kind: SymbolKind.Constant };
        if (isIndicator(node))
            return {
                name: `${node.number}. ${node.name}`,
                detail: node.areas.map((a) => a.$refText).join(', '),
                kind: SymbolKind.Class,
            };
        if (isIndicatorQuestion(node)) {
            const text = this.resolvable || node.declared ? questionOf(node)?.text : undefined;
            return { name: `${node.name}: ${text ?? node.shared?.$refText ?? ''}`, kind: SymbolKind.Field };
        }
        if (isQuestion(node) && !isIndicatorQuestion(node.$container))
            return { name: `${node.name}: ${node.text}`, kind: SymbolKind.Field };
        return undefined;
    }

    protected override getChildSymbols(document: LangiumDocument, astNode: AstNode): DocumentSymbol[] | undefined {
        if (isIndicatorQuestion(astNode) || isQuestion(astNode) || isTerm(astNode) || isAnswerSet(astNode)) return undefined;
        return super.getChildSymbols(document, astNode);
    }
}
