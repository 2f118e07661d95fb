// The end-to-end suite again, with its server on PostgreSQL: when KAIROS_TEST_DATABASE_URL
// names a server (as for the unit tests), a fresh database on it for this run, dropped after.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';

const server = process.env.KAIROS_TEST_DATABASE_URL;
if (!server) {
  console.log('e2e: KAIROS_TEST_DATABASE_URL is not set, so the PostgreSQL pass is skipped');
  process.exit(0);
}

const name = `kairos_e2e_${randomBytes(6).toString('hex')}`;
async function admin(sql) {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

await admin(`CREATE DATABASE ${name}`);
const url = new URL(server);
url.pathname = `/${name}`;
const root = path.resolve(import.meta.dirname, '..');
const code = await new Promise((resolve) => {
  const child = spawn(
    process.execPath,
    [path.join(root, 'node_modules/@playwright/test/cli.js'), 'test', ...process.argv.slice(2)],
    { cwd: root, stdio: 'inherit', env: { ...process.env, E2E_DATABASE_URL: url.toString() } },
  );
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.once('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)));
});
await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
process.exit(code);
