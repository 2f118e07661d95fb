import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { openSqliteStore } from '@/db/sqlite-store';
import type { Context } from '@/server/context';
import { createPoll } from '@/server/polls';

/** A store on a fresh temporary SQLite file for each test, removed after it. */
export function withTemporaryStore(): {
  context: (now: number, writeRefusedFor?: number, mail?: Context['mail']) => Context;
  /** The current test's database file, for a test that sets up rows no use case writes. */
  file: () => string;
} {
  let dir = '';
  let store: Context['store'] | null = null;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'kairos-server-'));
    store = openSqliteStore(path.join(dir, 'test.sqlite'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    file: () => path.join(dir, 'test.sqlite'),
    context: (now, writeRefusedFor, mail) => ({
      store: store!,
      now,
      writeRefusedFor: writeRefusedFor ?? null,
      mail: mail ?? null,
    }),
  };
}

/** A Rome poll with three timed options, created through the use case. */
export async function createdPoll(context: Context) {
  const created = await createPoll(
    {
      ok: true,
      value: {
        title: 'Workflow call',
        timeZone: 'Europe/Rome',
        kind: 'timed',
        durationMinutes: 60,
        options: ['2026-10-28T17:00', '2026-10-29T10:00', '2026-10-30T17:00'].map((start) => ({
          start,
        })),
      },
    },
    context,
  );
  if (!created.ok) throw new Error(`poll not created: ${JSON.stringify(created.problem)}`);
  const optionIds = (await context.store.getOptionIds(context.store, created.id))!;
  return { ...created, optionIds: optionIds as [string, string, string] };
}
