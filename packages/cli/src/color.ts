/**
 * Colour on a terminal only: never when the stream is piped or redirected, never when NO_COLOR is
 * set (no-color.org), and on request with FORCE_COLOR (for terminals that do not report as one).
 */
export function useColor(stream: NodeJS.WriteStream): boolean {
    if (process.env.NO_COLOR) return false;
    if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
    return stream.isTTY === true && process.env.TERM !== 'dumb';
}

const CODES = { red: 31, yellow: 33, green: 32, cyan: 36, dim: 2, bold: 1 } as const;
export type Style = keyof typeof CODES;

/** A painter for one stream: paint('red', text) is the text in red where colour is wanted, else the text. */
export function painter(stream: NodeJS.WriteStream): (style: Style, text: string) => string {
    const on = useColor(stream);
    return (style, text) => (on ? `\x1b[${CODES[style]}m${text}\x1b[0m` : text);
}
