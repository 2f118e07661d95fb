import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import tseslint from 'typescript-eslint';

const layer = (patterns) => ({
  'no-restricted-imports': ['error', { patterns }],
});

export default tseslint.config(
  { ignores: ['.next/**', 'node_modules/**', 'next-env.d.ts', 'db/migrations/**', 'data/**', 'test-results/**', 'playwright-report/**'] },
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  // The layer arrows of docs/architecture.md: a wrong import fails `npm test`.
  {
    files: ['lib/**/*.ts'],
    rules: layer([
      { group: ['next', 'next/*', 'react', 'react-dom', '@/db/*', '@/app/*', '@/components/*', 'better-sqlite3', 'drizzle-orm', 'drizzle-orm/*'], message: 'lib/ is pure domain logic: no framework, no database.' },
    ]),
  },
  {
    files: ['components/**/*.{ts,tsx}'],
    rules: layer([{ group: ['@/db/*', '@/app/*', 'better-sqlite3', 'drizzle-orm', 'drizzle-orm/*'], message: 'components/ never touch the database or routes.' }]),
  },
  {
    files: ['db/**/*.ts'],
    rules: layer([{ group: ['next', 'next/*', '@/app/*', '@/components/*', 'react'], message: 'db/ trusts its input: no Next.js, cookies or headers.' }]),
  },
  {
    files: ['app/**/*.{ts,tsx}'],
    rules: layer([{ group: ['better-sqlite3', 'drizzle-orm', 'drizzle-orm/*', 'luxon'], message: 'app/ asks db/ for data and lib/ for time arithmetic.' }]),
  },
  {
    files: ['e2e/**/*.ts'],
    rules: layer([{ group: ['@/*'], message: 'e2e specs test the app over HTTP only.' }]),
  },
);
