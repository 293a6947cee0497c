/**
 * Rename: a question, option, area or answer set is renamed everywhere it is referenced (Langium's
 * reference index does the work). Names must stay valid identifiers that are not keywords, and
 * indicators are identified by their quoted name, which is not renamed through references.
 */
import { DefaultRenameProvider, type LangiumServices } from 'langium/lsp';
import { AstUtils, GrammarAST, type LangiumDocument } from 'langium';
import { ResponseError, ErrorCodes, type RenameParams, type WorkspaceEdit } from 'vscode-languageserver';
import { OjGrammar } from '../generated/grammar.js';

const IDENTIFIER = /^[_a-zA-Z\u00C0-\u024F][\w\u00C0-\u024F]*$/;

export class OjRenameProvider extends DefaultRenameProvider {
    protected readonly keywords: Set<string>;

    constructor(services: LangiumServices) {
        super(services);
        this.keywords = new Set(collectKeywords());
    }

    override async rename(document: LangiumDocument, params: RenameParams): Promise<WorkspaceEdit | undefined> {
        if (!IDENTIFIER.test(params.newName) || this.keywords.has(params.newName)) {
            throw new ResponseError(ErrorCodes.InvalidParams, `"${params.newName}" kan inte användas som namn: använd bokstäver, siffror och _ och inget nyckelord.`);
        }
        return super.rename(document, params);
    }
}

function collectKeywords(): string[] {
    return AstUtils.streamAllContents(OjGrammar()).filter(GrammarAST.isKeyword).map(keyword => keyword.value).toArray();
}
