import { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeStore } from '@/db/health';
import { openPostgres } from '@/db/postgres/client';
import { postgresHealthProbe } from '@/db/postgres/health';
import { createTestDatabase, testServerUrl } from '@/db/postgres/test-database';

describe('the PostgreSQL health probe', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('says pending before the migrations ran and current after', async () => {
    const pool = new Pool({ connectionString: database.url, max: 1 });
    try {
      expect(await probeStore(postgresHealthProbe(() => Promise.resolve(pool)))).toEqual({
        database: 'ok',
        migrations: 'pending',
      });
      const postgres = await openPostgres({ url: database.url, poolSize: 1 });
      await postgres.close();
      expect(await probeStore(postgresHealthProbe(() => Promise.resolve(pool)))).toEqual({
        database: 'ok',
        migrations: 'current',
      });
    } finally {
      await pool.end();
    }
  });

  it('says unavailable when the server cannot be reached', async () => {
    const url = new URL(testServerUrl());
    url.port = '1';
    const pool = new Pool({ connectionString: url.toString(), max: 1 });
    try {
      expect(await probeStore(postgresHealthProbe(() => Promise.resolve(pool)))).toEqual({
        database: 'unavailable',
        migrations: 'unknown',
      });
    } finally {
      await pool.end();
    }
  });
});
