import next from 'eslint-config-next';
import nextTs from 'eslint-config-next/typescript';

/**
 * The layers, bottom up: db/ (schema, client, queries) → lib/ (domain verbs) → components/ and app/.
 * A layer never imports from one above it; components only render what their page loaded.
 */
const layers = {
  'import/no-restricted-paths': [
    'error',
    {
      zones: [
        {
          target: './db',
          from: ['./lib', './components', './app'],
          message: 'db/ is the ground floor: it may not import lib/, components/ or app/.',
        },
        { target: './lib', from: ['./components', './app'], message: 'lib/ may not import components/ or app/.' },
      ],
    },
  ],
};

const componentsLoadNothing = {
  '@typescript-eslint/no-restricted-imports': [
    'error',
    {
      paths: [
        {
          name: '@/db',
          allowTypeImports: true,
          message: 'Components do not query the database: the page loads the data and passes it in.',
        },
        {
          name: '@/db/schema',
          allowTypeImports: true,
          message: 'Value lists come from @/db/values (Drizzle-free); table definitions stay out of components.',
        },
      ],
      patterns: [
        {
          group: ['@/db/schema/*'],
          allowTypeImports: true,
          message: 'Value lists come from @/db/values (Drizzle-free); table definitions stay out of components.',
        },
        {
          group: ['@/db/queries/*'],
          allowTypeImports: true,
          message: 'Components do not query the database: the page loads the data and passes it in.',
        },
      ],
    },
  ],
};

const config = [
  ...next,
  ...nextTs,
  {
    ignores: [
      '.next/**',
      '.data/**',
      'node_modules/**',
      'db/migrations/**',
      'next-env.d.ts',
      'dist/**',
      'playwright-report/**',
      'test-results/**',
    ],
  },
  { files: ['db/**/*.ts', 'lib/**/*.ts', 'lib/**/*.tsx'], rules: layers },
  { files: ['components/**/*.ts', 'components/**/*.tsx'], rules: componentsLoadNothing },
];
export default config;
