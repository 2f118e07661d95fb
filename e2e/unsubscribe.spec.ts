import AxeBuilder from '@axe-core/playwright';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { expect, test } from '@playwright/test';
import { ownPort, startOwnServer, type OwnServer } from './own-server';
import { hydrated } from './support';

const SMTP_PORT = 2527;

function recipientOf(mail: ParsedMail): string {
  const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
  return to?.value[0]?.address ?? '';
}

function headerLine(mail: ParsedMail, name: string): string | undefined {
  return mail.headerLines.find((h) => h.key === name)?.line.replace(/\r?\n[ \t]+/g, ' ');
}

test.describe('one-click unsubscribe, through a real SMTP server', () => {
  const database = path.join(
    process.env.TMPDIR ?? tmpdir(),
    `kairos-unsubscribe-${process.pid}-${Date.now()}.sqlite`,
  );
  const received: ParsedMail[] = [];
  let sink: SMTPServer;
  let server: OwnServer | undefined;

  /** Every outbox row sent: whatever was queued has arrived. */
  function outboxDrained(): boolean {
    const db = new Database(database, { readonly: true, fileMustExist: true });
    try {
      db.pragma('busy_timeout = 5000');
      const row = db.prepare('SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL').get() as {
        n: number;
      };
      return row.n === 0;
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
    server = await startOwnServer({
      port: ownPort(5),
      database,
      env: { KAIROS_SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`, KAIROS_MAIL_FROM: 'k@example.org' },
    });
  });

  test.afterAll(async () => {
    await server?.stop();
    await new Promise<void>((resolve) => sink.close(() => resolve()));
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${database}${suffix}`, { force: true });
  });

  test('a mail client’s POST stops that address; opening the link does not', async ({ page }) => {
    const base = server!.url;
    const created = (await (
      await fetch(`${base}/api/polls`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          title: 'Quiet call',
          timeZone: 'Europe/Rome',
          kind: 'timed',
          durationMinutes: 30,
          options: [{ start: '2027-06-10T09:00' }],
        }),
      })
    ).json()) as { id: string; adminToken: string };
    const poll = (await (await fetch(`${base}/api/polls/${created.id}`)).json()) as {
      options: { id: string }[];
    };
    const optionId = poll.options[0]!.id;
    for (const name of ['anil', 'bea', 'chen']) {
      const response = await fetch(`${base}/api/polls/${created.id}/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          name,
          timeZone: 'Asia/Kathmandu',
          email: `${name}@example.org`,
          votes: { [optionId]: 'yes' },
        }),
      });
      expect(response.status).toBe(201);
    }
    await expect.poll(() => received.length, { timeout: 30_000 }).toBe(3);

    const links = new Map<string, string>();
    for (const mail of received) {
      const header = headerLine(mail, 'list-unsubscribe');
      const link = /<(http[^>]+\/unsubscribe\/[A-Za-z0-9_-]+)>/.exec(header ?? '')?.[1];
      expect(link, header).toBeTruthy();
      expect(headerLine(mail, 'list-unsubscribe-post')).toBe(
        'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
      );
      expect(mail.text).toContain(link!);
      links.set(recipientOf(mail), link!);
    }
    const anil = links.get('anil@example.org')!;
    const bea = links.get('bea@example.org')!;

    // Opening Bea's link (as a scanner would) shows the page and stops nothing.
    const opened = await fetch(bea);
    expect(opened.status).toBe(200);
    expect(await opened.text()).toContain('Stop this mail');

    // Anil's mail client POSTs, with no cookie and no script.
    const oneClick = await fetch(anil, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(200);
    // A POST without RFC 8058's body stops nothing.
    const bare = await fetch(bea, { method: 'POST', body: 'hello' });
    expect(bare.status).toBe(400);

    received.length = 0;
    const scheduled = await fetch(`${base}/api/polls/${created.id}/finalise`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${created.adminToken}`,
      },
      body: JSON.stringify({ optionId }),
    });
    expect(scheduled.status).toBe(200);
    await expect.poll(outboxDrained, { timeout: 30_000 }).toBe(true);
    expect(received.map(recipientOf).sort()).toEqual(['bea@example.org', 'chen@example.org']);

    // Chen stops through the page's button instead.
    await page.goto(links.get('chen@example.org')!);
    const button = page.getByRole('button', { name: 'Stop this mail' });
    await hydrated(button);
    const audit = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
      .analyze();
    expect(audit.violations).toEqual([]);
    await button.click();
    await expect(page.getByRole('status')).toHaveText(
      'Done: no more mail about “Quiet call” goes to this address.',
    );
  });

  test('a wrong token is the same 404 as a page that does not exist', async () => {
    const base = server!.url;
    const wrong = await fetch(`${base}/unsubscribe/${'A'.repeat(32)}`);
    const missing = await fetch(`${base}/p/no-such-poll`);
    expect(wrong.status).toBe(404);
    expect(missing.status).toBe(404);
    const heading = (html: string) => /<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1];
    expect(heading(await wrong.text())).toBe(heading(await missing.text()));
    const post = await fetch(`${base}/unsubscribe/${'A'.repeat(32)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(post.status).toBe(404);
  });
});
