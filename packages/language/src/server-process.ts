/**
 * Node flags for the process the language server runs in (the extension starts it with them, and
 * the benchmark's cold builds run with them). Building a workspace allocates its syntax trees fast
 * and keeps them: with V8's default young generation they are copied between semi-spaces again and
 * again before promotion. Semi-spaces of 32 MB cut a cold build of the 10× workspace by about an
 * eighth (packages/language/bench/profile.ts, one run each on this 2-core machine).
 * Kept free of imports, so that the extension's client can bundle it alone.
 */
export const LANGUAGE_SERVER_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=32'];
