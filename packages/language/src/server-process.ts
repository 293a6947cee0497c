/**
 * Node flags for the process the language server runs in (the extension starts it with them, and
 * the benchmark's cold builds run with them). Building a workspace allocates its syntax trees fast
 * and keeps them: with V8's default young generation they are copied between semi-spaces again and
 * again before promotion. Semi-spaces of 32 MB cut a cold build of the 10× workspace by about an
 * eighth (packages/language/bench/profile.ts, one run each on this 2-core machine).
 *
 * The old generation is capped at 768 MB: V8 otherwise lets collectable garbage pile up while
 * typing (1.08 GB resident after 400 edits on the 10× workspace, issue 20), and with a cap it
 * collects sooner at the same latency. The 10× workspace keeps about 350 MB live; a real year a
 * tenth of that.
 * Kept free of imports, so that the extension's client can bundle it alone.
 */
export const LANGUAGE_SERVER_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=32', '--max-old-space-size=768'];
