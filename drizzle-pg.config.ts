import { defineConfig } from 'drizzle-kit';

// The PostgreSQL store's migrations (`npm run db:generate:pg`); drizzle.config.ts is SQLite's.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/postgres/schema.ts',
  out: './db/postgres/migrations',
});
