import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** The server the PostgreSQL tests run on (vitest.config.ts collects them only when it is set). */
export function testServerUrl(): string {
  const url = process.env.KAIROS_TEST_DATABASE_URL;
  if (!url) throw new Error('KAIROS_TEST_DATABASE_URL is not set');
  return url;
}

/** `fn` with a connection to the test server's own database, as the URL's (super)user. */
export async function withAdmin<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: testServerUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database per test file, so files run in parallel without meeting. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `kairos_test_${randomBytes(6).toString('hex')}`;
  await withAdmin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(testServerUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await withAdmin((client) => client.query(`DROP DATABASE ${name} WITH (FORCE)`));
    },
  };
}
