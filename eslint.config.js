import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-unsafe-function-type': 'off',
    },
  },
  {
    files: ['main/**/*.ts', 'scripts/**/*.{ts,mjs}', 'test/**/*.ts', '*.config.{ts,js}'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The renderer has no Node: keep it from even trying.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'electron', '**/main/**'],
              message: 'The renderer has no Node access.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['main/app/**/*.ts', 'shared/**/*.ts'],
    rules: {
      // Services run in tests and the e2e bridge without Electron.
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'Only main/*.ts (the thin layer) imports Electron.' },
          ],
        },
      ],
    },
  },
);
