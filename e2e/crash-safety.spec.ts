import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { ownPort, startOwnServer, type OwnServer } from './own-server';

const WRITERS = 8;
/** Kill once this many answers are acknowledged (or after KILL_AFTER_MS, whichever is first). */
const KILL_AT_ACKS = 150;
const KILL_AFTER_MS = 5_000;
/** Bounds the load loop even if acknowledgements never come. */
const MAX_REQUESTS = 2_000;

test.describe('kill -9 in the middle of a stream of answers', () => {
  const database = path.join(
    process.env.TMPDIR ?? tmpdir(),
    `kairos-crash-${process.pid}-${Date.now()}.sqlite`,
  );
  let server: OwnServer | undefined;

  test.afterEach(async () => {
    await server?.stop('SIGKILL');
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${database}${suffix}`, { force: true });
  });

  test('loses no acknowledged answer and leaves an intact database', async () => {
    test.setTimeout(180_000);
    const port = ownPort(0);
    server = await startOwnServer({ port, database });
    const base = server.url;
    const created = await (
      await fetch(`${base}/api/polls`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          title: 'Crash',
          timeZone: 'Europe/Rome',
          kind: 'timed',
          durationMinutes: 30,
          options: ['09:00', '10:00', '11:00'].map((t) => ({ start: `2027-06-10T${t}` })),
        }),
      })
    ).json();
    const optionIds = (
      (await (await fetch(`${base}/api/polls/${created.id}`)).json()) as {
        options: { id: string }[];
      }
    ).options.map((o) => o.id);

    const acknowledged = new Map<string, Record<string, string>>();
    let requests = 0;
    let cutOff = 0;
    const refused: number[] = [];
    let killed = false;
    const victim = server;
    const kill = () => {
      if (killed) return;
      killed = true;
      process.kill(victim.pid, 'SIGKILL');
    };
    const timer = setTimeout(kill, KILL_AFTER_MS);
    // Writers keep sending until the dead server cuts them off, so the kill lands mid-stream.
    const writer = async (w: number) => {
      while (requests < MAX_REQUESTS) {
        const n = requests++;
        const votes = Object.fromEntries(
          optionIds.map((id, j) => [id, ['yes', 'ifneedbe', 'no'][(n + j) % 3]!]),
        );
        try {
          const response = await fetch(`${base}/api/polls/${created.id}/responses`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ name: `Writer ${w} #${n}`, timeZone: 'UTC', votes }),
          });
          const body = (await response.json()) as { participantId?: string };
          if (response.status === 201 && body.participantId)
            acknowledged.set(body.participantId, votes);
          else refused.push(response.status);
          if (acknowledged.size >= KILL_AT_ACKS) kill();
        } catch {
          // The connection died with the server: this answer was never acknowledged.
          cutOff++;
          return;
        }
      }
    };
    await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
    clearTimeout(timer);
    await server.stop();

    expect(killed).toBe(true);
    expect(refused).toEqual([]);
    expect(acknowledged.size).toBeGreaterThan(0);
    // Every writer was still sending when the server died.
    expect(cutOff).toBe(WRITERS);

    server = await startOwnServer({ port, database });
    const db = new Database(database, { readonly: true, fileMustExist: true });
    try {
      expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      const stored = db
        .prepare('SELECT participant_id AS id, option_id AS optionId, value FROM votes')
        .all() as { id: string; optionId: string; value: string }[];
      const votesOf = new Map<string, Record<string, string>>();
      for (const vote of stored)
        votesOf.set(vote.id, { ...votesOf.get(vote.id), [vote.optionId]: vote.value });
      const missing = [...acknowledged.keys()].filter((id) => !votesOf.has(id));
      expect(missing).toEqual([]);
      for (const [id, votes] of acknowledged) expect(votesOf.get(id)).toEqual(votes);
      // Every stored participant has all its votes: no transaction was half-applied.
      const people = db
        .prepare('SELECT id FROM participants WHERE poll_id = ?')
        .pluck()
        .all(created.id) as string[];
      expect(
        people.every((id) => Object.keys(votesOf.get(id) ?? {}).length === optionIds.length),
      ).toBe(true);
    } finally {
      db.close();
    }

    const after = await fetch(`${server.url}/api/polls/${created.id}/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'After the crash', timeZone: 'UTC', votes: {} }),
    });
    expect(after.status).toBe(201);
  });
});
