import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The PostgreSQL tests need a server: they are collected when KAIROS_TEST_DATABASE_URL names
// one (.ci/run starts a throwaway cluster and sets it), and not at all otherwise.
const postgres = process.env.KAIROS_TEST_DATABASE_URL ? ['db/postgres/**/*.pg-test.ts'] : [];

export default defineConfig({
  resolve: {
    tsconfigPaths: true,
    // db/ marks itself server-only for Next.js; under Vitest there is no client bundle to guard.
    alias: {
      'server-only': fileURLToPath(new URL('./node_modules/server-only/empty.js', import.meta.url)),
    },
  },
  test: {
    include: ['lib/**/*.test.ts', 'db/**/*.test.ts', 'i18n/**/*.test.ts', ...postgres],
    exclude: ['e2e/**', 'node_modules/**'],
    environment: 'node',
  },
});
