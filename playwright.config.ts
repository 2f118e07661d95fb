import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3210);
const database = `${process.env.TMPDIR ?? '/tmp'}/kairos-e2e-${process.pid}.sqlite`;
// Specs read the webServer's database (read-only) to compare snapshots; the config module is
// evaluated again in each worker, so the path is handed over once, from the main process.
process.env.E2E_DATABASE_PATH ??= database;
// The PostgreSQL pass (scripts/e2e-postgres.mjs) runs the suite again with the suite's server
// on this database. Specs that start servers of their own test the process (signals, logs,
// the SQLite file's backups, kill -9) and run in the SQLite pass only; the PostgreSQL
// processes have their own spec, postgres-instances.spec.ts, run once too.
const postgres = process.env.E2E_DATABASE_URL;
const e2e = path.join(__dirname, 'e2e');
const processSpecs = readdirSync(e2e).filter(
  (file) =>
    file.endsWith('.spec.ts') &&
    (file.startsWith('postgres-') ||
      readFileSync(path.join(e2e, file), 'utf8').includes("'./own-server'")),
);

export default defineConfig({
  testDir: './e2e',
  // Specs on PostgreSQL need a server to create their databases on, as the unit tests do.
  testIgnore: postgres
    ? processSpecs.map((file) => `**/${file}`)
    : process.env.KAIROS_TEST_DATABASE_URL
      ? []
      : ['**/postgres-*.spec.ts'],
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    // A throwaway database per run; the build happens before (npm run test:e2e).
    command: postgres
      ? 'node scripts/start.mjs'
      : `rm -f ${process.env.E2E_DATABASE_PATH}* && node scripts/start.mjs`,
    url: `http://127.0.0.1:${port}/`,
    timeout: 180_000,
    reuseExistingServer: false,
    env: {
      ...(postgres ? { DATABASE_URL: postgres } : { DATABASE_PATH: process.env.E2E_DATABASE_PATH }),
      // The suite writes hundreds of times from 127.0.0.1; rate-limit.spec.ts starts its own
      // server to check the limit itself.
      KAIROS_RATE_LIMIT_WRITES_PER_MINUTE: '1000000',
      PORT: String(port),
      HOST: '127.0.0.1',
      NEXT_TELEMETRY_DISABLED: '1',
    },
  },
});
