// Lint rules, including the architecture boundaries from STYLE.md:
// sources/ and annotations/ never import React; app/ never reaches into
// storage internals (it goes through annotations/index.ts).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'dist-cli/**',
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'tests/e2e/screenshots/**',
      '.tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['sources/**', 'annotations/**', 'library/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'react/*', 'react-dom/*'],
              message: 'sources/, annotations/ and library/ contain no React.',
            },
            {
              group: ['**/app/**', '../app/*'],
              message: 'sources/, annotations/ and library/ may not import the app.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['sources/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'react/*', 'react-dom/*'],
              message: 'sources/ contains no React.',
            },
            {
              group: ['**/annotations/**', '**/app/**', '**/library/**'],
              message: 'sources/ stands beneath annotations/, library/ and app/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['app/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/annotations/storage/*', '**/annotations/storage/**'],
              message: 'app/ uses the store through annotations/index.ts, not storage internals.',
            },
            {
              group: ['**/sources/plugins/*', 'unified', 'remark-parse'],
              message: 'app/ never parses; use sources/index.ts (lazy pipeline) instead.',
            },
          ],
        },
      ],
    },
  },
);
