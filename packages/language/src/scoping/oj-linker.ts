/**
 * Langium's linker, except that while linking a file it looks for cancellation every few hundred
 * nodes instead of awaiting a check at each node (half a million nodes in a large workspace).
 * Langium's profiler gets Langium's own loop.
 */
import { AstUtils, DefaultLinker, interruptAndCheck, type LangiumDocument } from 'langium';
import { CancellationToken } from 'vscode-languageserver';

export class OjLinker extends DefaultLinker {
    override async link(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<void> {
        if (this.profiler?.isActive('linking')) return super.link(document, cancelToken);
        let visited = 0;
        for (const node of AstUtils.streamAst(document.parseResult.value)) {
            if (++visited % 256 === 0) await interruptAndCheck(cancelToken);
            AstUtils.streamReferences(node).forEach((reference) => this.doLink(reference, document));
        }
    }
}
