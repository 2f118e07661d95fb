import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { expect, test } from '@playwright/test';
import { ownPort, startOwnServer, type OwnServer } from './own-server';

const SMTP_PORT = 2528;

test.describe('the organiser’s digest, through a real SMTP server', () => {
  const database = path.join(
    process.env.TMPDIR ?? tmpdir(),
    `kairos-digest-${process.pid}-${Date.now()}.sqlite`,
  );
  const received: ParsedMail[] = [];
  let sink: SMTPServer;
  let server: OwnServer | undefined;

  function sql<Row>(statement: string): Row[] {
    const db = new Database(database, { fileMustExist: true });
    try {
      db.pragma('busy_timeout = 5000');
      const prepared = db.prepare(statement);
      if (prepared.reader) return prepared.all() as Row[];
      prepared.run();
      return [];
    } finally {
      db.close();
    }
  }

  test.beforeAll(async () => {
    sink = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        simpleParser(stream)
          .then((mail) => {
            received.push(mail);
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve) => sink.listen(SMTP_PORT, '127.0.0.1', resolve));
    // The default period, 15 minutes.
    server = await startOwnServer({
      port: ownPort(6),
      database,
      env: { KAIROS_SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`, KAIROS_MAIL_FROM: 'k@example.org' },
    });
  });

  test.afterAll(async () => {
    await server?.stop();
    await new Promise<void>((resolve) => sink.close(() => resolve()));
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${database}${suffix}`, { force: true });
  });

  test('two answers within the period make one digest naming both', async () => {
    const base = server!.url;
    const created = (await (
      await fetch(`${base}/api/polls`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          title: 'Digest call',
          organiserName: 'Chiara',
          organiserEmail: 'chiara@example.org',
          timeZone: 'Europe/Rome',
          kind: 'timed',
          durationMinutes: 30,
          options: [{ start: '2027-06-10T09:00' }],
        }),
      })
    ).json()) as { id: string };
    const poll = (await (await fetch(`${base}/api/polls/${created.id}`)).json()) as {
      options: { id: string }[];
    };
    for (const name of ['Anil', 'Bea']) {
      const response = await fetch(`${base}/api/polls/${created.id}/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          name,
          timeZone: 'Asia/Kathmandu',
          votes: { [poll.options[0]!.id]: 'yes' },
        }),
      });
      expect(response.status).toBe(201);
    }
    // The organiser's first mail goes at once; the digest waits for its period, one row.
    await expect.poll(() => received.length, { timeout: 30_000 }).toBe(1);
    const pending = sql<{ due: number; created: number }>(
      "SELECT next_attempt_at AS due, created_at AS created FROM outbox WHERE kind = 'digest' AND sent_at IS NULL",
    );
    expect(pending).toHaveLength(1);
    expect(pending[0]!.due - pending[0]!.created).toBe(15 * 60_000);

    // The period runs out: the due time moves, rather than the test waiting 15 minutes.
    sql("UPDATE outbox SET next_attempt_at = 0 WHERE kind = 'digest'");
    await expect.poll(() => received.length, { timeout: 30_000 }).toBe(2);
    const digest = received[1]!;
    expect(digest.subject).toBe('New on “Digest call”');
    expect(digest.text).toContain('Answered: Anil and Bea');
    expect(digest.text).toContain(`${base}/p/${created.id}`);
    expect(digest.text).toContain('use the admin link from your first mail');
    expect(digest.headerLines.some((h) => h.key === 'list-unsubscribe')).toBe(true);
  });
});
