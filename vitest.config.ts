import { defineConfig } from 'vitest/config';

export default defineConfig({
  // graphql ships both an ESM and a CommonJS build; Pothos and Yoga must share one or its type checks fail.
  resolve: { alias: { graphql: 'graphql/index.js' } },
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two cores: more workers only make the PGlite suites slower.
    maxWorkers: 2,
    reporters: ['default'],
  },
});
