/**
 * Quick fixes for the mistakes methodologists make most: an answer option that is not in the
 * question's answer set (offer the options that are), an area that is not declared (declare it),
 * a question with items named without items (all of them), a printed part left out (add it).
 */
import type { CodeActionProvider } from 'langium/lsp';
import type { LangiumDocument, MaybePromise } from 'langium';
import { type CodeAction, CodeActionKind, type CodeActionParams, type Command, type Diagnostic } from 'vscode-languageserver';
import type { Model } from '../generated/ast.js';
import type { OjServices } from '../oj-module.js';
import { IssueCodes } from '../validation/oj-validator.js';

/**
 * A line for each printed part the quick fix can add. Texts only the methodologist can write are
 * left empty, so the warning stays until they are written; the areas are left out because an
 * empty area list would not parse.
 */
const PART_SKELETON: Record<string, string> = {
    description: 'beskrivning ""',
    purpose: 'syfte ""',
    direction: 'önskad riktning positiv "På kommunnivå är positivt resultat önskvärt."',
    kinds: 'typ struktur',
    qualityAreas: 'kvalitetsområde ""',
    dataSource: 'datakälla "Indikatorn baseras på enkätdata."',
    targetPopulation: 'målpopulation "Alla Sveriges kommuner samt stadsdelar i Göteborg och Stockholm."',
    denominator: 'nämnare "De kommuner och stadsdelar som har svarat."',
    levels: 'redovisningsnivåer stadsdel, kommun, storstad, län, riket',
};

export class OjCodeActionProvider implements CodeActionProvider {
    constructor(_services: OjServices) {}

    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction>> {
        const actions: CodeAction[] = [];
        for (const diagnostic of params.context.diagnostics) {
            const code = (diagnostic.data as { code?: string } | undefined)?.code;
            // What the author most likely meant ("menade du …", "fråga i" for "fråga 1"), before the other repairs.
            actions.push(...this.replaceText(document, diagnostic));
            switch (code) {
                case IssueCodes.UnknownOption:
                    actions.push(...this.replaceOption(document, diagnostic));
                    break;
                case IssueCodes.UnknownArea:
                    actions.push(...this.declareArea(document, diagnostic));
                    break;
                case IssueCodes.ItemsRequired:
                    actions.push(...this.allItems(document, diagnostic));
                    break;
                case IssueCodes.MissingPrintedPart:
                    actions.push(...this.addParts(document, diagnostic));
                    break;
            }
        }
        return actions;
    }

    /** The diagnostic's text replaced by each of the replacements it suggests ("menade du …"). */
    protected replaceText(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const replacements = (diagnostic.data as { replacements?: string[] } | undefined)?.replacements ?? [];
        return replacements.map((replacement, index) => ({
            title: `Ändra till ${replacement}`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            isPreferred: index === 0 && replacements.length === 1,
            edit: { changes: { [document.textDocument.uri]: [{ range: diagnostic.range, newText: replacement }] } },
        }));
    }

    /**
     * The question's other options, the nearest to what was written first (a typo such as "EjAktuelt"
     * gets "EjAktuellt" first, marked preferred, so that Enter does not change the rule's meaning).
     * Options the diagnostic already suggests come from replaceText.
     */
    protected replaceOption(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const data = diagnostic.data as { options?: string[]; refText?: string; replacements?: string[] };
        const suggested = new Set(data.replacements ?? []);
        const written = data.refText ?? document.textDocument.getText(diagnostic.range);
        const ranked = (data.options ?? [])
            .filter((option) => !suggested.has(option))
            .map((option, index) => ({ option, index, distance: editDistance(written.toLowerCase(), option.toLowerCase()) }))
            .sort((a, b) => a.distance - b.distance || a.index - b.index);
        // Preferred when there is only one, or when one option is clearly meant: the single nearest, near enough to be a typo.
        const clear =
            suggested.size === 0 &&
            (ranked.length === 1 ||
                (ranked.length > 1 &&
                    ranked[0].distance < ranked[1].distance &&
                    ranked[0].distance <= Math.max(2, Math.floor(written.length / 3))));
        return ranked.map(({ option }, rank) => ({
            title: `Ändra till ${option}`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            isPreferred: rank === 0 && clear,
            edit: { changes: { [document.textDocument.uri]: [{ range: diagnostic.range, newText: option }] } },
        }));
    }

    protected declareArea(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const name = (diagnostic.data as { refText?: string }).refText;
        if (!name) return [];
        const text = document.textDocument.getText();
        const end = document.textDocument.positionAt(text.length);
        const prefix = text.endsWith('\n') ? '\n' : '\n\n';
        return [
            {
                title: `Deklarera området ${name}`,
                kind: CodeActionKind.QuickFix,
                diagnostics: [diagnostic],
                isPreferred: true,
                edit: {
                    changes: {
                        [document.textDocument.uri]: [
                            { range: { start: end, end }, newText: `${prefix}område ${name} "${name}"\n` },
                        ],
                    },
                },
            },
        ];
    }

    protected allItems(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        // The quantifier goes right before the (optional) keyword "fråga" that precedes the numeral.
        const start = document.textDocument.offsetAt(diagnostic.range.start);
        const before = document.textDocument.getText().slice(0, start);
        const keyword = /fråga\s+$/.exec(before);
        const position = document.textDocument.positionAt(keyword ? start - keyword[0].length : start);
        return [
            {
                title: 'Kräv svaret på samtliga alternativ',
                kind: CodeActionKind.QuickFix,
                diagnostics: [diagnostic],
                isPreferred: true,
                edit: {
                    changes: {
                        [document.textDocument.uri]: [
                            { range: { start: position, end: position }, newText: 'samtliga alternativ av ' },
                        ],
                    },
                },
            },
        ];
    }

    protected addParts(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const parts = (diagnostic.data as { parts?: string[] }).parts ?? [];
        const model = document.parseResult.value as Model;
        const offset = document.textDocument.offsetAt(diagnostic.range.start);
        const indicator = model.elements.find(
            (e) => e.$type === 'Indicator' && e.$cstNode && e.$cstNode.offset <= offset && offset <= e.$cstNode.end,
        );
        const cst = indicator?.$cstNode;
        if (!cst) return [];
        const open = document.textDocument.getText().indexOf('{', cst.offset);
        if (open < 0) return [];
        const position = document.textDocument.positionAt(open + 1);
        const lines = parts
            .map((p) => PART_SKELETON[p])
            .filter(Boolean)
            .map((line) => `\n    ${line}`)
            .join('');
        if (lines === '') return [];
        return [
            {
                title: 'Lägg till de delar som saknas',
                kind: CodeActionKind.QuickFix,
                diagnostics: [diagnostic],
                edit: {
                    changes: { [document.textDocument.uri]: [{ range: { start: position, end: position }, newText: lines }] },
                },
            },
        ];
    }
}

/** Levenshtein distance: insertions, deletions and substitutions of one character each. */
export function editDistance(a: string, b: string): number {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        previous = current;
    }
    return previous[b.length];
}
