// @ts-check
import { builtinModules } from 'node:module';

import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import simpleImportSort from 'eslint-plugin-simple-import-sort';
import globals from 'globals';
import tseslint from 'typescript-eslint';

import boundaries from './eslint/renderer-boundaries.js';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** The layering of ARCHITECTURE.md: renderer → shared, electron → shared, never renderer ↔ electron. */
const layering = {
  renderer: {
    paths: [
      { name: 'electron', message: 'The renderer is sandboxed: reach main through window.trellis (shared/ipc), never electron.' },
      ...nodeBuiltins.map((name) => ({ name, message: 'The renderer runs in the browser: no Node modules.' })),
      {
        name: 'react',
        importNames: ['lazy'],
        message: "Use preloadableLazy or lazyPart from ui/lazy-part.tsx: their code is fetched in idle time after the first screen, React.lazy's is not.",
      },
    ],
    patterns: [{ regex: String.raw`^\.{1,2}/(.*/)?electron(/|$)`, message: 'renderer/ must not import from electron/: share code through shared/.' }],
  },
  shared: {
    paths: [
      { name: 'electron', message: 'shared/ is pure TypeScript used by both sides: no electron.' },
      { name: 'react', message: 'shared/ is pure TypeScript: no React.' },
      { name: 'dexie', message: 'shared/ is pure TypeScript: no Dexie.' },
      ...nodeBuiltins.map((name) => ({ name, message: 'shared/ runs in the renderer too: no Node modules.' })),
    ],
    patterns: [{ regex: String.raw`^\.{1,2}/(.*/)?(renderer|electron)(/|$)`, message: 'shared/ depends on nothing but itself and plain libraries.' }],
  },
  electron: {
    paths: [],
    patterns: [{ regex: String.raw`^\.{1,2}/(.*/)?renderer(/|$)`, message: 'electron/ must not import from renderer/: share code through shared/.' }],
  },
  transportFree: {
    paths: [{ name: 'electron', message: 'Handlers and services are transport-free plain Node: only main.ts, window wiring and preload.ts import electron.' }],
    patterns: [{ regex: String.raw`^\.{1,2}/(.*/)?renderer(/|$)`, message: 'electron/ must not import from renderer/: share code through shared/.' }],
  },
};

const restrict = (/** @type {{paths: any[], patterns: any[]}} */ rule) => ({
  'no-restricted-imports': ['error', { paths: rule.paths, patterns: rule.patterns }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'tests/fixtures/lint/**', 'tests/browser/.output/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    plugins: { 'simple-import-sort': simpleImportSort },
    rules: {
      // One import order everywhere, fixed by `npm run lint:fix`.
      'simple-import-sort/imports': 'error',
      'simple-import-sort/exports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, trellis: boundaries },
    languageOptions: { globals: globals.browser },
    rules: { ...reactHooks.configs.recommended.rules, ...restrict(layering.renderer), 'trellis/renderer-boundaries': 'error' },
  },
  {
    // One path to main: the hooks of renderer/app/useMain.ts, and one errorMessage(e).
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/app/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['window', 'globalThis', 'self'].map((object) => ({
          object,
          property: 'trellis',
          message: 'Reach main through the hooks of app/useMain.ts (useMainQuery, useMainAction, useMainEvent).',
        })),
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "TSAsExpression[typeAnnotation.typeName.name='Error']",
          message: 'Do not cast to Error: errorMessage(e) from app/errors.ts says what went wrong for any thrown value.',
        },
        {
          selector: ":function > Identifier.params[typeAnnotation.typeAnnotation.typeName.name='Error']",
          message: 'A caught value is unknown, not an Error: take it as unknown and use errorMessage(e) from app/errors.ts.',
        },
      ],
    },
  },
  {
    // The one place React.lazy is wrapped.
    files: ['renderer/ui/lazy-part.tsx'],
    rules: restrict({ ...layering.renderer, paths: layering.renderer.paths.filter((p) => p.name !== 'react') }),
  },
  { files: ['shared/**/*.ts'], rules: restrict(layering.shared) },
  { files: ['electron/**/*.ts'], languageOptions: { globals: globals.node }, rules: restrict(layering.electron) },
  { files: ['electron/services/**/*.ts', 'electron/ipc/**/*.ts'], rules: restrict(layering.transportFree) },
  {
    files: ['tests/**/*.{ts,tsx}', 'build/**/*.{js,mjs,cjs}', '*.{js,ts,mjs}', 'scripts/**/*', 'eslint/**/*.js'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // Playwright fixtures that need no other fixture are declared with `{}`.
      'no-empty-pattern': 'off',
      'no-restricted-syntax': [
        'error',
        {
          // Its predicate is taken as synchronous: a Promise counts as truthy, so the wait does not wait.
          selector: "CallExpression[callee.property.name='waitForFunction'] > :function[async=true]",
          message: 'waitForFunction does not await an async predicate (it passes at once): poll with page.evaluate, as tests/bench/chromium/poll.ts does.',
        },
      ],
    },
  },
  // Formatting is Prettier's job (npm run format); turn off the lint rules that would fight it.
  prettier,
);
