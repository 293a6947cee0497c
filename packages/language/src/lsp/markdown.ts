/**
 * Model text shown as Markdown (hover): escape what Markdown or HTML would interpret, so that a
 * question text like "<b>" or "*viktigt*" shows as written. The text is inline, so characters
 * that only matter at the start of a line are left alone.
 */
export function escapeMarkdown(text: string | undefined): string {
    // A half-written declaration may lack the text; show nothing rather than fail.
    return (text ?? '')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/([\\`*_[\]#|~])/g, '\\$1');
}
