/**
 * Writes a set of output files all or nothing: each is written to a temporary file beside its
 * target, and only when every one is complete are they renamed into place. A failure midway
 * (disk full, a folder where a file should be) leaves the targets as they were and names the file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface OutputFile {
    path: string;
    content: string | Uint8Array;
}

/** A failure to write one of the output files, naming it. */
export class OutputWriteError extends Error {
    constructor(
        readonly file: string,
        override readonly cause: unknown,
    ) {
        super(`Kunde inte skriva ${file}: ${describeFileError(cause)}`);
    }
}

/** A file system error in Swedish words (the Node code stays available on the cause). */
export function describeFileError(error: unknown): string {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    switch (code) {
        case 'ENOENT':
            return 'filen eller mappen finns inte';
        case 'EISDIR':
            return 'det är en mapp, inte en fil';
        case 'ENOTDIR':
            return 'en del av sökvägen är en fil, inte en mapp';
        case 'EEXIST':
            return 'det finns redan en fil med det namnet';
        case 'EACCES':
        case 'EPERM':
            return 'behörighet saknas';
        case 'ENOSPC':
            return 'disken är full';
        case 'EROFS':
            return 'filsystemet är skrivskyddat';
        default:
            return error instanceof Error ? error.message : String(error);
    }
}

let counter = 0;

/** Writes every file or none; throws OutputWriteError naming the file that failed. */
export function writeFilesAtomically(files: readonly OutputFile[]): void {
    const written: Array<{ temporary: string; target: string }> = [];
    try {
        for (const file of files) {
            const target = path.resolve(file.path);
            const dir = path.dirname(target);
            try {
                fs.mkdirSync(dir, { recursive: true });
                if (fs.existsSync(target) && fs.statSync(target).isDirectory()) {
                    throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
                }
                const temporary = path.join(dir, `.${path.basename(target)}.${process.pid}.${++counter}.tmp`);
                written.push({ temporary, target });
                fs.writeFileSync(temporary, file.content);
            } catch (error) {
                throw new OutputWriteError(file.path, error);
            }
        }
        for (const { temporary, target } of written) {
            try {
                fs.renameSync(temporary, target);
            } catch (error) {
                throw new OutputWriteError(target, error);
            }
        }
    } finally {
        for (const { temporary } of written) fs.rmSync(temporary, { force: true });
    }
}
