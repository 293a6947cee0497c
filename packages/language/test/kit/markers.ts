/**
 * Test markers in fixture files, in the style of Safe-DS: `»…«` marks a range of the text and a
 * `// $TEST$` comment before it says what must (or must not) be reported there:
 *
 *     // $TEST$ error [rule-never-met] "kan aldrig uppnås"
 *     krävs: »Ja på fråga i och Nej på fråga i«
 *
 * - `// $TEST$ <severity> [code] "message"`: a diagnostic of that severity (error, warning, info,
 *   hint) on exactly the next marked range; the code and a part of the message are optional.
 * - `// $TEST$ no <severity> [code] "message"`: no such diagnostic on the next marked range.
 * - `// $TEST$ no <severity>s` (errors, warnings): none of that severity anywhere in the file.
 * The markers are removed before the text is parsed; `// $TEST$` lines are ordinary comments.
 * Pure text handling: no language services here, so any package's tests can use it.
 */

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface Expectation {
    /** True for `no …`: the diagnostic must be absent. */
    absent: boolean;
    severity: Severity;
    code?: string;
    /** A part of the message. */
    message?: string;
    /** The range in the unmarked text; undefined for a whole-file expectation (`no errors`). */
    range?: { offset: number; length: number };
    /** 1-based line of the `$TEST$` comment, for messages. */
    line: number;
}

export interface MarkedText {
    /** The text without `»` and `«`. */
    text: string;
    expectations: Expectation[];
}

const TEST = /\/\/\s*\$TEST\$\s+(no\s+)?(error|warning|info|hint)(s)?(?:\s+\[([^\]]+)\])?(?:\s+"((?:[^"\\]|\\.)*)")?\s*$/;

/** Removes the range markers and reads the `$TEST$` comments, each bound to the next range. */
export function readMarkers(source: string): MarkedText {
    const ranges: Array<{ offset: number; length: number; at: number }> = [];
    let text = '';
    let open: number | undefined;
    let openAt = 0;
    for (let i = 0; i < source.length; i++) {
        const c = source[i];
        if (c === '»') {
            if (open !== undefined) throw new Error(`a » at offset ${i} inside another range`);
            open = text.length;
            openAt = i;
        } else if (c === '«') {
            if (open === undefined) throw new Error(`a « at offset ${i} without a »`);
            ranges.push({ offset: open, length: text.length - open, at: openAt });
            open = undefined;
        } else {
            text += c;
        }
    }
    if (open !== undefined) throw new Error('a » without its «');

    const expectations: Expectation[] = [];
    const used = new Set<number>();
    let lineStart = 0;
    source.split('\n').forEach((line, index) => {
        const at = lineStart;
        lineStart += line.length + 1;
        if (!line.includes('$TEST$')) return;
        const match = TEST.exec(line.trim());
        if (!match) throw new Error(`line ${index + 1}: cannot read the marker "${line.trim()}"`);
        const [, no, severity, plural, code, message] = match;
        const expectation: Expectation = { absent: no !== undefined, severity: severity as Severity, line: index + 1 };
        if (code) expectation.code = code;
        if (message !== undefined) expectation.message = JSON.parse(`"${message}"`) as string;
        if (plural) {
            if (!no) throw new Error(`line ${index + 1}: only "no ${severity}s" applies to the whole file`);
        } else {
            const next = ranges.findIndex((r, i) => r.at > at && !used.has(i));
            if (next < 0) throw new Error(`line ${index + 1}: no »…« range follows the marker`);
            used.add(next);
            expectation.range = { offset: ranges[next].offset, length: ranges[next].length };
        }
        expectations.push(expectation);
    });
    if (used.size !== ranges.length) throw new Error('a »…« range has no $TEST$ marker before it');
    return { text, expectations };
}
