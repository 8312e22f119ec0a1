// @ts-check
// One lint for the whole repository (npm run lint, run by CI at zero warnings): ESLint's and typescript-eslint's
// recommended rules, React's hooks rules for the web app, imports in a stable order. Formatting is Prettier's
// (.prettierrc.json): eslint-config-prettier turns off every rule it would fight with.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores(['**/dist/**', '**/node_modules/**', 'frontend/src/lib/api/schema.d.ts']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { 'import-x': importX },
    rules: {
      // Node's modules, then packages, then ours (@backend, @repere, @/), then relative: one order everywhere.
      'import-x/order': [
        'warn',
        {
          groups: ['builtin', 'external', 'internal', 'parent', 'sibling', 'index'],
          pathGroups: [
            { pattern: '{@backend,@repere,@}/**', group: 'internal' },
            { pattern: '@repere/contract', group: 'internal' },
          ],
          pathGroupsExcludedImportTypes: ['builtin'],
          'newlines-between': 'never',
        },
      ],
      // `_name`: deliberately unused (a destructured field left out, a parameter an interface imposes).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['frontend/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    // The rules of hooks and their dependencies. The plugin's React Compiler rules (set-state-in-effect, refs,
    // immutability) are for code the compiler optimises; the web app does not use the compiler.
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  prettier,
);
