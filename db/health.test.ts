import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { probeStore, sqliteHealthProbe, type HealthProbe } from '@/db/health';

const folders: string[] = [];
afterEach(() => {
  vi.useRealTimers();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function temporaryFolder(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'kairos-health-'));
  folders.push(folder);
  return folder;
}

/** A SQLite database migrated with the committed migrations, all of them or all but the last. */
function migratedDatabase({ allButLast = false } = {}) {
  const folder = temporaryFolder();
  let migrations = path.resolve('db/migrations');
  if (allButLast) {
    const copy = path.join(folder, 'migrations');
    cpSync(migrations, copy, { recursive: true });
    const journalFile = path.join(copy, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: unknown[] };
    journal.entries.pop();
    writeFileSync(journalFile, JSON.stringify(journal));
    migrations = copy;
  }
  const db = drizzle(new Database(path.join(folder, 'kairos.sqlite')));
  migrate(db, { migrationsFolder: migrations });
  return db;
}

describe('the SQLite health probe', () => {
  it('says ok and current for a database with every committed migration', async () => {
    const db = migratedDatabase();
    expect(await probeStore(sqliteHealthProbe(() => db))).toEqual({
      database: 'ok',
      migrations: 'current',
    });
  });

  it('says pending when the newest migration is not applied', async () => {
    const db = migratedDatabase({ allButLast: true });
    expect(await probeStore(sqliteHealthProbe(() => db))).toEqual({
      database: 'ok',
      migrations: 'pending',
    });
  });

  it('says pending for a database never migrated', async () => {
    const db = drizzle(new Database(path.join(temporaryFolder(), 'empty.sqlite')));
    expect(await probeStore(sqliteHealthProbe(() => db))).toEqual({
      database: 'ok',
      migrations: 'pending',
    });
  });

  it('says unavailable when the database cannot be opened', async () => {
    const probe = sqliteHealthProbe(() => {
      throw new Error('SQLITE_CANTOPEN: /secret/path/kairos.sqlite');
    });
    const health = await probeStore(probe);
    expect(health).toEqual({ database: 'unavailable', migrations: 'unknown' });
    expect(JSON.stringify(health)).not.toContain('secret');
  });
});

describe('probeStore', () => {
  it('says unavailable when the store does not answer in time', async () => {
    vi.useFakeTimers();
    const hung: HealthProbe = {
      newestCommittedMigration: 1,
      newestAppliedMigration: () => new Promise(() => undefined),
    };
    const health = probeStore(hung, 3_000);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(await health).toEqual({ database: 'unavailable', migrations: 'unknown' });
  });

  it('counts a store with a newer migration than this build as current', async () => {
    const ahead: HealthProbe = {
      newestCommittedMigration: 10,
      newestAppliedMigration: () => Promise.resolve(11),
    };
    expect(await probeStore(ahead)).toEqual({ database: 'ok', migrations: 'current' });
  });
});
