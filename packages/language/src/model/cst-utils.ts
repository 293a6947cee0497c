import { type AstNode, type CstNode, isCompositeCstNode } from 'langium';

/**
 * The CST children written for a node itself. A rule reached through an unassigned call
 * (`Element: AnswerSet | … | Indicator`) wraps the node's CST once more; look through that.
 */
export function ownCstContent(node: AstNode): readonly CstNode[] {
    let cst = node.$cstNode;
    while (cst && isCompositeCstNode(cst) && cst.content.length === 1 && isCompositeCstNode(cst.content[0])) cst = cst.content[0];
    return cst && isCompositeCstNode(cst) ? cst.content : [];
}
