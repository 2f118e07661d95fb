import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { version } from '../package.json';
import { ownPort, startOwnServer, type OwnServer } from './own-server';

test.describe('GET /api/health', () => {
  test('answers 200 with the version, the database and the migrations', async ({ request }) => {
    const response = await request.get('/api/health');
    expect(response.status()).toBe(200);
    expect(response.headers()['cache-control']).toContain('no-store');
    expect(await response.json()).toEqual({
      status: 'ok',
      version,
      database: 'ok',
      migrations: 'current',
    });
  });

  test.describe('on a database that lacks the newest migration', () => {
    const database = path.join(
      process.env.TMPDIR ?? tmpdir(),
      `kairos-health-${process.pid}-${Date.now()}.sqlite`,
    );
    let server: OwnServer | undefined;
    test.afterEach(async () => {
      await server?.stop('SIGKILL');
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${database}${suffix}`, { force: true });
    });

    test('answers 503 and names the failing part, with no path in it', async () => {
      test.setTimeout(120_000);
      server = await startOwnServer({ port: ownPort(0), database });
      // As if this build's newest migration had not run: the running server reads the same file.
      const sqlite = new Database(database);
      sqlite
        .prepare(
          'DELETE FROM __drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM __drizzle_migrations)',
        )
        .run();
      sqlite.close();
      const response = await fetch(`${server.url}/api/health`);
      expect(response.status).toBe(503);
      const body = await response.text();
      expect(JSON.parse(body)).toEqual({
        status: 'unavailable',
        version,
        database: 'ok',
        migrations: 'pending',
      });
      expect(body).not.toContain(database);
    });
  });
});
