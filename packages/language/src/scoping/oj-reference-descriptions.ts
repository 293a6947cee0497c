/**
 * The reference index (find references, rename, which files to link again after a change), with
 * the same descriptions as Langium's. Langium walks every node of a file and awaits a cancellation
 * check at each; the linker has already listed the file's references, so they are read from that
 * list, with the path of a node holding several references (an item list) worked out once.
 */
import {
    type AstNode,
    CstUtils,
    DefaultReferenceDescriptionProvider,
    interruptAndCheck,
    isReference,
    type LangiumDocument,
    type ReferenceDescription,
    UriUtils,
} from 'langium';
import { CancellationToken } from 'vscode-languageserver';

export class OjReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    override async createDescriptions(
        document: LangiumDocument,
        cancelToken = CancellationToken.None,
    ): Promise<ReferenceDescription[]> {
        const descriptions: ReferenceDescription[] = [];
        const sourceUri = document.uri;
        const sourcePaths = new Map<AstNode, string>();
        let count = 0;
        for (const reference of document.references) {
            if (++count % 256 === 0) await interruptAndCheck(cancelToken);
            const refNode = reference.$refNode;
            if (reference.error || !refNode) continue;
            // The leaf of a reference belongs to the node that holds the reference.
            const container = refNode.astNode;
            if (!isReference(reference)) {
                descriptions.push(...this.createInfoDescriptions({ reference, container, property: '' }));
                continue;
            }
            const target = reference.$nodeDescription;
            if (!target) continue;
            let sourcePath = sourcePaths.get(container);
            if (sourcePath === undefined) {
                sourcePath = this.nodeLocator.getAstNodePath(container);
                sourcePaths.set(container, sourcePath);
            }
            descriptions.push({
                sourceUri,
                sourcePath,
                targetUri: target.documentUri,
                targetPath: target.path,
                segment: CstUtils.toDocumentSegment(refNode),
                local: UriUtils.equals(target.documentUri, sourceUri),
            });
        }
        return descriptions;
    }
}
