// Lint rules, including the three worlds of DESIGN.md §2: each world may import only what its
// environment has. A violation fails `npm run lint` and therefore `npm test`.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { layersPlugin } from './scripts/eslint-layers.mjs';

// Bare module names are matched exactly (so a local './events' is not Node's 'events');
// everything under 'node:' and the folders of other worlds are matched as patterns.
const NODE_BUILTINS = [
  'fs',
  'fs/promises',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'https',
  'net',
  'url',
  'util',
  'stream',
  'stream/promises',
  'worker_threads',
  'zlib',
  'buffer',
  'events',
  'process',
];
const NODE_PATTERNS = ['node:*'];

const worldRule = (message, names, patterns) => [
  'error',
  { paths: names.map((name) => ({ name, message })), patterns: [{ group: patterns, message }] },
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'test/e2e/artifacts/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: globals.node },
  },
  {
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': worldRule(
        'renderer/ runs in the sandboxed browser: import only shared/ and UI packages; reach main through window.breachdesk.',
        [...NODE_BUILTINS, 'electron', 'better-sqlite3-multiple-ciphers'],
        [...NODE_PATTERNS, 'electron/*', '**/main/**', '../main', '../../main'],
      ),
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': worldRule(
        'shared/ is environment-neutral: no Node, DOM, Electron or UI imports.',
        [...NODE_BUILTINS, 'electron', 'better-sqlite3-multiple-ciphers', 'react', 'react-dom', 'zustand'],
        [...NODE_PATTERNS, 'electron/*', 'react-dom/*', '**/main/**', '**/renderer/**'],
      ),
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/shell/**'],
    rules: {
      'no-restricted-imports': worldRule(
        "Only main/shell/ may import 'electron'; everything else in main/ runs under plain Node (CLI, tests).",
        ['electron'],
        ['electron/*', '**/renderer/**'],
      ),
    },
  },
  {
    files: ['main/shell/**/*.ts'],
    rules: {
      'no-restricted-imports': worldRule('main/ never imports the renderer.', [], ['**/renderer/**']),
    },
  },
  {
    // The shell's security logic runs under vitest on plain Node, where Electron cannot load.
    files: ['main/shell/guards/**/*.ts'],
    rules: {
      'no-restricted-imports': worldRule(
        "main/shell/guards/ is tested without Electron: take Electron objects as parameters, never import 'electron'.",
        ['electron'],
        ['electron/*', '**/renderer/**'],
      ),
    },
  },
  {
    // The layers of main/ and the arrows between them (scripts/eslint-layers.mjs, README
    // "Architecture"): an import that runs back up, or skips to a layer it may not use, fails.
    files: ['main/**/*.ts'],
    plugins: { breachdesk: layersPlugin },
    rules: { 'breachdesk/layers': 'error' },
  },

  {
    files: ['test/**/*.ts', '*.config.ts'],
    rules: { 'no-console': 'off' },
  },
);
