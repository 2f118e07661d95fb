import path from 'node:path';
import { defineConfig } from 'vitest/config';

// The PostgreSQL tests need a server: they are collected when KAIROS_TEST_DATABASE_URL names
// one (.ci/run starts a throwaway cluster and sets it), and not at all otherwise.
const postgres = process.env.KAIROS_TEST_DATABASE_URL ? ['db/postgres/**/*.pg-test.ts'] : [];

export default defineConfig({
  resolve: {
    tsconfigPaths: true,
    // server/ and db/ import 'server-only', which throws outside React's server build.
    alias: {
      'server-only': path.resolve(import.meta.dirname, 'node_modules/server-only/empty.js'),
    },
  },
  test: {
    include: [
      'lib/**/*.test.ts',
      'db/**/*.test.ts',
      'server/**/*.test.ts',
      'i18n/**/*.test.ts',
      'scripts/**/*.test.ts',
      ...postgres,
    ],
    exclude: ['e2e/**', 'node_modules/**'],
    environment: 'node',
  },
});
