/**
 * Rename: a question, option, area or answer set is renamed everywhere it is referenced (Langium's
 * reference index does the work). Names must stay valid identifiers that are not keywords and not
 * taken by another declaration they would be confused with. Indicators are identified by their
 * quoted name, which nothing refers to: renaming one would put an unquoted word in its place.
 */
import { DefaultRenameProvider } from 'langium/lsp';
import { AstUtils, CstUtils, GrammarAST, type AstNode, type LangiumDocument, type MaybePromise } from 'langium';
import {
    ResponseError,
    ErrorCodes,
    type Position,
    type Range,
    type RenameParams,
    type TextDocumentPositionParams,
    type WorkspaceEdit,
} from 'vscode-languageserver';
import { OjGrammar } from '../generated/grammar.js';
import { isAnswerOption, isIndicator, isIndicatorQuestion, isQuestion, isQuestionItem, isSurvey } from '../generated/ast.js';
import type { OjServices } from '../oj-module.js';
import { declarationKind, surveyKeyOf, type OjWorkspaceIndex } from '../workspace/oj-workspace-index.js';

const IDENTIFIER = /^[_a-zA-Z\u00C0-\u024F][\w\u00C0-\u024F]*$/;

export class OjRenameProvider extends DefaultRenameProvider {
    protected readonly keywords: Set<string>;
    protected readonly workspace: OjWorkspaceIndex;

    constructor(services: OjServices) {
        super(services);
        this.keywords = new Set(collectKeywords());
        this.workspace = services.workspace.OjWorkspaceIndex;
    }

    override async rename(document: LangiumDocument, params: RenameParams): Promise<WorkspaceEdit | undefined> {
        if (!IDENTIFIER.test(params.newName) || this.keywords.has(params.newName)) {
            throw new ResponseError(
                ErrorCodes.InvalidParams,
                `"${params.newName}" kan inte användas som namn: använd bokstäver, siffror och _ och inget nyckelord.`,
            );
        }
        const target = this.targetAt(document, params.position);
        if (!target || isIndicator(target)) return undefined;
        if (this.nameIsTaken(target, params.newName)) {
            throw new ResponseError(ErrorCodes.InvalidParams, `Namnet ${params.newName} används redan; välj ett annat.`);
        }
        return super.rename(document, params);
    }

    override prepareRename(document: LangiumDocument, params: TextDocumentPositionParams): MaybePromise<Range | undefined> {
        const target = this.targetAt(document, params.position);
        return target && !isIndicator(target) ? super.prepareRename(document, params) : undefined;
    }

    /** The declaration that the name (or reference) at the position stands for. */
    protected targetAt(document: LangiumDocument, position: Position): AstNode | undefined {
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        const leaf = CstUtils.findDeclarationNodeAtOffset(
            root,
            document.textDocument.offsetAt(position),
            this.grammarConfig.nameRegexp,
        );
        return leaf ? this.references.findDeclarations(leaf)[0] : undefined;
    }

    /** Whether another declaration that a reference could mean already has the name. */
    protected nameIsTaken(target: AstNode, name: string): boolean {
        const siblings = (nodes: Array<AstNode & { name: string }>) =>
            nodes.some((node) => node !== target && node.name === name);
        if (isIndicatorQuestion(target)) return siblings(target.$container.questions);
        if (isAnswerOption(target)) return siblings(target.$container.options);
        if (isQuestionItem(target)) return siblings(target.$container.items);
        const facts = this.workspace.facts();
        const key = surveyKeyOf(target);
        if (isQuestion(target)) return facts.questionsById.get(`${key}#${name}`).length > 0;
        if (isSurvey(target)) return facts.declarations.get(`#Survey#${name}`).length > 0;
        const kind = declarationKind(target);
        return kind !== undefined && facts.declarations.get(`${key}#${kind}#${name}`).length > 0;
    }
}

function collectKeywords(): string[] {
    return AstUtils.streamAllContents(OjGrammar())
        .filter(GrammarAST.isKeyword)
        .map((keyword) => keyword.value)
        .toArray();
}
