import nextJest from 'next/jest.js';

const createJestConfig = nextJest({ dir: './' });

/** @type {import('jest').Config} */
const config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/tests/{unit,integration,components}/**/*.test.ts?(x)'],
  moduleNameMapper: {
    '^@/(.*)$': '<rootDir>/$1',
    '^server-only$': '<rootDir>/tests/helpers/empty-module.ts',
  },
  setupFilesAfterEnv: ['<rootDir>/tests/helpers/setup-after-env.ts'],
  globalSetup: '<rootDir>/tests/helpers/global-setup.ts',
  globalTeardown: '<rootDir>/tests/helpers/global-teardown.ts',
  testTimeout: 30000,
  // Each test file gets its own database, so files run in parallel safely.
  maxWorkers: 2,
};

// next/jest skips node_modules when transforming; next-intl and use-intl ship ESM only.
const jestConfig = async () => {
  const resolved = await createJestConfig(config)();
  resolved.transformIgnorePatterns = [
    '/node_modules/(?!(next-intl|use-intl|@formatjs|intl-messageformat|icu-minify)/)',
    '^.+\\.module\\.(css|sass|scss)$',
  ];
  return resolved;
};

export default jestConfig;
