// ESLint (flat config) with typescript-eslint's recommended rules, run by `npm test` through `npm run lint`.
// Rules that would flag large parts of the code base as it stands are turned off below, each with why;
// turning one on is a separate, reviewed change.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
    {
        ignores: [
            '**/node_modules/**',
            '**/out/**',
            '**/dist/**',
            'packages/language/src/generated/**',
            'syntaxes/**',
            'packages/extension/media/**',
            'packages/extension/test/web/**',
            '**/*.vsix',
        ],
    },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    {
        languageOptions: { globals: { ...globals.node } },
        rules: {
            // Unused bindings are already an error of the compiler (noUnusedLocals); `_`-prefixed parameters are intended.
            '@typescript-eslint/no-unused-vars': [
                'error',
                { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
            ],
            // Non-null assertions after a check the compiler cannot follow (Map.get after has) are used throughout.
            '@typescript-eslint/no-non-null-assertion': 'off',
            // Control characters in regular expressions are deliberate (CSV/XLSX sanitising, terminal escapes).
            'no-control-regex': 'off',
        },
    },
    {
        // One finding each in files other work is rewriting now; fix them there, then drop this block.
        files: [
            'packages/language/bench/ls-bench.ts',
            'packages/language/src/semantics/analysis.ts',
            'packages/language/test/validation.test.ts',
        ],
        rules: { 'no-regex-spaces': 'off', 'prefer-const': 'off', 'preserve-caught-error': 'off' },
    },
    {
        files: ['**/*.cjs'],
        languageOptions: { sourceType: 'commonjs' },
        rules: { '@typescript-eslint/no-require-imports': 'off' },
    },
);
