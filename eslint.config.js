import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const WEB_FEATURES = [
  'admin',
  'auth',
  'boards',
  'cart',
  'catalog',
  'guide',
  'profile',
  'registration',
  'timetable',
];
const web = (path) => `./apps/web/src/${path}`;

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'data/**',
      'coverage/**',
      '.stryker-tmp/**',
      'reports/**',
      '**/*.config.*',
      'eslint.config.js',
      'apps/web/src/lib/api/schema.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.check.json', './apps/web/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The web app: hooks rules, and code flows one way (shared -> features -> app), after
    // bulletproof-react; a feature never imports another feature.
    files: ['apps/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.d.ts'] })],
    },
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      'react-hooks/exhaustive-deps': 'error',
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            ...WEB_FEATURES.map((feature) => ({
              target: web(`features/${feature}`),
              from: web('features'),
              except: [`./${feature}`],
              message: 'A feature never imports another feature; compose them in src/app.',
            })),
            {
              target: [web('features'), web('lib'), web('components')],
              from: web('app'),
              message: 'Only src/app composes the app; features and shared code never import it.',
            },
            {
              target: [web('lib'), web('components')],
              from: web('features'),
              message: 'Shared code (lib, components) never depends on a feature.',
            },
          ],
        },
      ],
    },
  },
);
