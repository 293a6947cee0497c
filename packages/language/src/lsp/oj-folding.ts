/**
 * Folding: every multi-line declaration (survey, answer set, area, indicator, question, example)
 * and comment. The file header only wraps the survey, so folding it too would give the survey twice.
 */
import { DefaultFoldingRangeProvider } from 'langium/lsp';
import type { AstNode } from 'langium';
import { isFileHeader } from '../generated/ast.js';

export class OjFoldingRangeProvider extends DefaultFoldingRangeProvider {
    protected override shouldProcess(node: AstNode): boolean {
        return !isFileHeader(node);
    }
}
