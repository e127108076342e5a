// ESLint enforces the shape of docs/architecture.md as errors: layer boundaries, who may import
// dexie/zustand/SQL, features that never import each other, and no import cycles.
import { dirname, resolve } from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import globals from 'globals';

// Rule 3 as a rule of its own: a file under src/client/features/X may not import from
// src/client/features/Y, whether through the #src alias or a relative path.
const featureIsolation = {
  meta: { type: 'problem', schema: [], messages: { crossFeature: "A feature never imports another feature ('{{from}}' imports '{{to}}'); compose them in src/client/app (docs/architecture.md rule 3)." } },
  create(context) {
    const filename = context.filename.replaceAll('\\', '/');
    const own = /\/src\/client\/features\/([^/]+)\//.exec(filename)?.[1];
    if (!own) return {};
    const check = (node) => {
      const source = node.source?.value;
      if (typeof source !== 'string') return;
      const target = source.startsWith('.')
        ? resolve(dirname(filename), source).replaceAll('\\', '/')
        : source.replace(/^#src\//, '/src/');
      const other = /\/src\/client\/features\/([^/]+)(\/|$)/.exec(target)?.[1];
      if (other && other !== own) context.report({ node: node.source, messageId: 'crossFeature', data: { from: own, to: other } });
    };
    return { ImportDeclaration: check, ExportAllDeclaration: check, ExportNamedDeclaration: check, ImportExpression: check };
  },
};

const serverOnly = ['fastify', 'fastify/*', '@fastify/*', 'pg', '@electric-sql/pglite', '@electric-sql/pglite/*', 'node:*'];
const clientOnly = ['react', 'react-dom', 'react-dom/*', 'dexie', 'dexie-react-hooks', 'zustand', 'zustand/*', 'workbox-window', 'virtual:pwa-register', 'virtual:pwa-register/*'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', 'tests/support/lint-fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.es2023 } },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error', 'info'] }],
    },
  },
  // Rule 1: shared is pure.
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: [...serverOnly, ...clientOnly], message: 'src/shared is pure: it imports only zod and itself (docs/architecture.md rule 1).' },
          { regex: '^#src/(client|server)/|/(client|server)/', message: 'src/shared never imports client or server code.' },
        ],
      }],
      'no-restricted-globals': ['error',
        { name: 'window', message: 'src/shared runs on the server too: no window.' },
        { name: 'document', message: 'src/shared runs on the server too: no document.' },
        { name: 'process', message: 'src/shared runs in the browser too: no process.' },
        { name: 'localStorage', message: 'src/shared is pure.' },
      ],
    },
  },
  // Client and server meet only in shared.
  {
    files: ['src/client/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', {
        patterns: [
          { group: serverOnly, message: 'The client never imports server code.' },
          { regex: '^#src/server/|/server/', message: 'The client never imports server code.' },
          { group: ['dexie', 'dexie-react-hooks'], message: 'Only src/client/db imports dexie (docs/architecture.md rule 2); read through hooks of the db layer.' },
          { group: ['zustand', 'zustand/*'], message: 'Only *-store.ts files import zustand (docs/architecture.md rule 2).' },
        ],
      }],
    },
  },
  {
    files: ['src/client/db/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: serverOnly, message: 'The client never imports server code.' },
          { regex: '^#src/server/|/server/', message: 'The client never imports server code.' },
          { group: ['zustand', 'zustand/*'], message: 'Only *-store.ts files import zustand.' },
          { regex: '^#src/client/(features|app|sync)/', message: 'The db layer is the bottom of the client: it imports no feature, app or sync code.' },
        ],
      }],
    },
  },
  {
    files: ['src/client/**/*-store.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: serverOnly, message: 'The client never imports server code.' },
          { regex: '^#src/server/|/server/', message: 'The client never imports server code.' },
          { group: ['dexie', 'dexie-react-hooks'], message: 'Stores hold passing UI state, never rows: no dexie in a store.' },
        ],
      }],
    },
  },
  // Rule 4: components read no data.
  {
    files: ['src/client/components/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['dexie', 'dexie-react-hooks', 'zustand'], message: 'src/client/components are presentational: they read no data (docs/architecture.md rule 4).' },
          { regex: '^#src/client/(db|sync|features|app)/', message: 'src/client/components are presentational: they read no data (docs/architecture.md rule 4).' },
        ],
      }],
    },
  },
  // Rule 3: a feature never imports another feature.
  {
    files: ['src/client/features/**'],
    plugins: { antt: { rules: { 'feature-isolation': featureIsolation } } },
    rules: {
      'antt/feature-isolation': 'error',
      'no-restricted-imports': ['error', {
        patterns: [
          { group: serverOnly, message: 'The client never imports server code.' },
          { regex: '^#src/server/|/server/', message: 'The client never imports server code.' },
          { group: ['dexie', 'dexie-react-hooks'], message: 'Only src/client/db imports dexie (docs/architecture.md rule 2).' },
          { group: ['zustand', 'zustand/*'], message: 'Only *-store.ts files import zustand (docs/architecture.md rule 2).' },
          { regex: '^#src/client/app/', message: 'Features do not import the app that composes them.' },
        ],
      }],
    },
  },
  {
    files: ['src/client/features/**/*-store.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['dexie', 'dexie-react-hooks'], message: 'Stores hold passing UI state, never rows: no dexie in a store.' },
          { regex: '^#src/client/app/', message: 'Features do not import the app that composes them.' },
        ],
      }],
    },
  },
  {
    files: ['src/server/**'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: clientOnly, message: 'The server never imports client code.' },
          { regex: '^#src/client/|/client/', message: 'The server never imports client code.' },
          { group: ['pg', '@electric-sql/pglite', '@electric-sql/pglite/*'], message: 'Only src/server/db talks SQL (docs/architecture.md rule 2).' },
        ],
      }],
    },
  },
  {
    files: ['src/server/db/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: clientOnly, message: 'The server never imports client code.' },
          { regex: '^#src/client/|/client/', message: 'The server never imports client code.' }],
      }],
    },
  },
  // Rule 5: no barrel files.
  {
    files: ['src/**/index.ts', 'src/**/index.tsx'],
    rules: {
      'no-restricted-syntax': ['error',
        { selector: 'ExportAllDeclaration', message: 'No barrel files: import the file itself (docs/architecture.md rule 5).' },
        { selector: 'ExportNamedDeclaration[source]', message: 'No barrel files: import the file itself (docs/architecture.md rule 5).' },
      ],
    },
  },
  {
    files: ['tests/**', 'bench/**', '*.config.ts', '*.config.js'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'no-console': 'off' },
  },
);
