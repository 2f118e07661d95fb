import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { forgetFeedIn } from '@/db/sqlite-fixtures';
import { openSqliteStore } from '@/db/sqlite-store';
import { describeInvitationStore } from '@/db/invitation-store-suite';
import { describeStore, type OpenedStore } from '@/db/store-suite';

function count(file: string, query: string, ...params: string[]): number {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare(query).get(...params) as { n: number }).n;
  } finally {
    db.close();
  }
}

async function openSqlite(): Promise<OpenedStore> {
  const dir = mkdtempSync(path.join(tmpdir(), 'kairos-store-'));
  const file = path.join(dir, 'test.sqlite');
  return {
    store: openSqliteStore(file),
    rows: async (table) => count(file, `SELECT count(*) AS n FROM "${table}"`),
    version: async (pollId) => count(file, 'SELECT version AS n FROM polls WHERE id = ?', pollId),
    another: async () => openSqliteStore(file),
    forgetFeed: async (participantId) => forgetFeedIn(file, participantId),
    close: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

describeStore('SQLite', openSqlite);
describeInvitationStore('SQLite', openSqlite);
