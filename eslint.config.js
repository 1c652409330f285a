// Lint rules, including the architecture boundaries (README, "Where things are"):
// sources/ and annotations/ never import React; app/ never reaches into
// storage internals (it goes through annotations/index.ts); below app/, no
// browser globals outside the two declared bridges (library/ reaches IndexedDB
// through `idb`, never the page); no floating promises (type-aware).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** The only modules below app/ allowed to use the browser's globals (see below). */
const BROWSER_BRIDGES = [
  'annotations/anchoring/dom-range.ts',
  'annotations/storage/local-storage.ts',
];

/** Browser globals that sources/ and annotations/ must not reach for. */
const BROWSER_GLOBALS = ['document', 'window', 'localStorage', 'sessionStorage'];

/** Files linted with type information (no-floating-promises). */
const TYPE_AWARE_FILES = [
  'app/**/*.{ts,tsx}',
  'cli/**/*.ts',
  'annotations/**/*.ts',
  'sources/**/*.ts',
  'library/**/*.ts',
  'server/**/*.ts',
  'scripts/**/*.ts',
  'bench/**/*.ts',
  'tests/**/*.{ts,tsx}',
];

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
  // Exactly two modules below app/ touch the browser: the bridge from
  // text offsets to a DOM Range and the localStorage wrapper. Everything else in
  // sources/ and annotations/ runs unchanged in Node (CLI, build, unit tests).
  // dom-range.ts reaches the document only through the nodes it is given
  // (`ownerDocument`), so it needs no global either; it is declared for when it does.
  {
    files: ['sources/**/*.{ts,tsx}', 'annotations/**/*.{ts,tsx}', 'library/**/*.ts'],
    ignores: [...BROWSER_BRIDGES],
    rules: {
      'no-restricted-globals': [
        'error',
        ...BROWSER_GLOBALS.map((name) => ({
          name,
          message: `sources/, annotations/ and library/ run in Node too: no ${name} outside the declared bridges (${BROWSER_BRIDGES.join(', ')}).`,
        })),
      ],
      'no-restricted-properties': [
        'error',
        ...['globalThis', 'self', 'window'].flatMap((object) =>
          BROWSER_GLOBALS.map((property) => ({
            object,
            property,
            message: `sources/, annotations/ and library/ run in Node too: no ${property} outside the declared bridges (${BROWSER_BRIDGES.join(', ')}).`,
          })),
        ),
      ],
    },
  },
  // Floating promises in the app are unhandled rejections a reader never hears
  // about: handle them visibly, or `void` them with a comment saying why.
  // Type-aware, so scoped to where it matters (it costs a TypeScript program).
  {
    files: TYPE_AWARE_FILES,
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: true }],
      '@typescript-eslint/no-misused-promises': 'error',
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
