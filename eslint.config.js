// Layer rules from DESIGN.md, enforced mechanically: each folder may import only what its layer allows.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
const noElectron = { name: 'electron', message: 'Only electron/main and electron/preload may import electron.' };
const domGlobals = ['window', 'document', 'localStorage', 'sessionStorage', 'navigator', 'HTMLElement'].map((name) => ({
  name,
  message: 'The engine and store are pure Node: no DOM.',
}));

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.juxta-native/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['electron/**', 'test/**', 'bench/**', 'scripts/**', '*.config.*'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['electron/engine/**', 'electron/store/**', 'electron/hosts/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron], patterns: [{ group: ['**/renderer/**'], message: 'Node layers never import the renderer.' }] }],
      'no-restricted-globals': ['error', ...domGlobals],
    },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, ...nodeBuiltins.map((name) => ({ name, message: 'shared/ runs on both sides: no Node built-ins.' }))],
          patterns: [{ group: ['**/electron/**', '**/renderer/**'], message: 'shared/ depends on nothing above it.' }],
        },
      ],
      'no-restricted-globals': ['error', ...domGlobals],
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, ...nodeBuiltins.map((name) => ({ name, message: 'The renderer has no Node: ask through the contract in shared/.' }))],
          patterns: [{ group: ['**/electron/**'], message: 'The renderer knows only shared/.' }],
        },
      ],
    },
  },
  {
    files: ['renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-restricted-imports': 'off' },
  },
);
