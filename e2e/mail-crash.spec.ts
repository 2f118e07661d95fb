import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { expect, test } from '@playwright/test';
import { ownPort, startOwnServer, type OwnServer } from './own-server';

const ANSWERS = 30;
const SMTP_PORT = 2526;
/** The sink takes this long per message, so the burst is still going out when the kill lands. */
const SINK_DELAY_MS = 60;

test.describe('kill -9 while the outbox is sending', () => {
  const database = path.join(
    process.env.TMPDIR ?? tmpdir(),
    `kairos-mail-crash-${process.pid}-${Date.now()}.sqlite`,
  );
  const received: string[] = [];
  let sink: SMTPServer;
  let server: OwnServer | undefined;

  test.beforeAll(async () => {
    sink = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        simpleParser(stream)
          .then(async (mail) => {
            await new Promise((resolve) => setTimeout(resolve, SINK_DELAY_MS));
            received.push(mail.messageId ?? '');
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve) => sink.listen(SMTP_PORT, '127.0.0.1', resolve));
  });

  test.afterAll(async () => {
    await server?.stop('SIGKILL');
    await new Promise<void>((resolve) => sink.close(() => resolve()));
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${database}${suffix}`, { force: true });
  });

  test('loses no queued mail and sends none twice', async () => {
    test.setTimeout(240_000);
    const port = ownPort(0);
    const env = {
      KAIROS_SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
      KAIROS_MAIL_FROM: 'Kairos <k@example.org>',
    };
    server = await startOwnServer({ port, database, env });
    const created = await (
      await fetch(`${server.url}/api/polls`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          title: 'Mail burst',
          timeZone: 'Europe/Rome',
          kind: 'timed',
          durationMinutes: 30,
          options: [{ start: '2027-06-10T09:00' }],
        }),
      })
    ).json();
    const optionId = (
      (await (await fetch(`${server.url}/api/polls/${created.id}`)).json()) as {
        options: { id: string }[];
      }
    ).options[0]!.id;

    // Each acknowledged answer with an address queued exactly one mail: its edit link.
    const expected = new Set<string>();
    for (let i = 0; i < ANSWERS; i += 1) {
      const response = await fetch(`${server.url}/api/polls/${created.id}/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          name: `Guest ${i}`,
          timeZone: 'Asia/Kathmandu',
          email: `guest${i}@example.org`,
          votes: { [optionId]: 'yes' },
        }),
      });
      expect(response.status).toBe(201);
      const { participantId } = (await response.json()) as { participantId: string };
      expect(participantId).toBeTruthy();
      expected.add(`<${created.id}.${participantId}.edit@kairos>`);
    }

    // Kill in the middle of the burst.
    await expect
      .poll(() => received.length, { timeout: 60_000, intervals: [20] })
      .toBeGreaterThan(3);
    await server.stop('SIGKILL');
    const beforeRestart = received.length;
    expect(beforeRestart).toBeLessThan(ANSWERS);

    // The restarted server takes over what was claimed once its lease has run out (60 s).
    server = await startOwnServer({ port, database, env });
    await expect
      .poll(() => new Set(received).size, { timeout: 150_000, intervals: [500] })
      .toBe(expected.size);
    expect(new Set(received)).toEqual(expected);
    // None twice.
    expect(received).toHaveLength(expected.size);
  });
});
