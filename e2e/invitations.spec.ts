import AxeBuilder from '@axe-core/playwright';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { expect, test, type Page } from '@playwright/test';
import { query } from './database';
import { ownPort, startOwnServer, type OwnServer } from './own-server';
import { hydrated } from './support';

const SMTP_PORT = 2531;
const DAY = 24 * 3_600_000;

test.describe('inviting guests by address, through a real SMTP server', () => {
  test.use({ viewport: { width: 390, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/Rome' });
  const database = path.join(
    process.env.TMPDIR ?? tmpdir(),
    `kairos-invite-${process.pid}-${Date.now()}.sqlite`,
  );
  const received: ParsedMail[] = [];
  let sink: SMTPServer;
  let server: OwnServer | undefined;

  /** The own server's database, through the suite's one reader of either store. */
  const sql = <Row>(statement: string, params: unknown[] = []) =>
    query<Row>(statement, params, { kind: 'sqlite', file: database });

  const to = (mail: ParsedMail) =>
    (Array.isArray(mail.to) ? mail.to : [mail.to])
      .flatMap((a) => a?.value ?? [])
      .map((a) => a.address);
  const mailsTo = (address: string) => received.filter((m) => to(m).includes(address));
  const personalLink = (mail: ParsedMail | undefined) => {
    const link = /https?:\/\/\S+\/p\/[\w-]+\/invite\/[\w-]+/.exec(mail?.text ?? '')?.[0];
    if (!link) throw new Error('no personal link in the mail');
    return link;
  };

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
      port: ownPort(7),
      database,
      env: {
        KAIROS_SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
        KAIROS_MAIL_FROM: 'k@example.org',
        KAIROS_MAIL_DIGEST_MINUTES: '0',
      },
    });
  });

  test.afterAll(async () => {
    await server?.stop();
    await new Promise<void>((resolve) => sink.close(() => resolve()));
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${database}${suffix}`, { force: true });
  });

  async function createPoll(title: string, invitees: string[]) {
    const response = await fetch(`${server!.url}/api/polls`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        title,
        organiserName: 'Chiara',
        organiserEmail: 'chiara@example.org',
        invitees,
        timeZone: 'Europe/Rome',
        kind: 'timed',
        durationMinutes: 30,
        options: [{ start: '2027-06-10T09:00' }],
      }),
    });
    expect(response.status).toBe(201);
    return (await response.json()) as { id: string; adminUrl: string; adminToken: string };
  }

  /** Serious and critical axe violations, as e2e/accessibility.spec.ts counts them. */
  async function seriousViolations(page: Page): Promise<string[]> {
    await expect(page).toHaveTitle(/Kairos/);
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
      .analyze();
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }

  async function answerFrom(page: Page, link: string, name: string) {
    await page.goto(link);
    await hydrated(page.getByLabel('Your name'));
    await page.getByLabel('Your name').fill(name);
    await page.getByRole('radio', { name: 'Yes', exact: true }).first().check();
    await page.getByRole('button', { name: 'Send answer' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'your answer is saved' }),
    ).toBeVisible();
  }

  test('each guest answers from their link, the pending one is reminded, the organiser hears when all have answered', async ({
    page,
  }) => {
    const poll = await createPoll('Invite call', ['ana@example.org', 'Bo@Example.org']);
    await expect.poll(() => received.length, { timeout: 30_000 }).toBe(3);
    const [ana] = mailsTo('ana@example.org');
    const [bo] = mailsTo('bo@example.org');
    expect(ana?.subject).toBe('You are invited: Invite call');
    expect(ana?.html).toContain('/invite/');
    expect(ana?.headerLines.some((h) => h.key === 'list-unsubscribe')).toBe(true);
    expect(personalLink(ana)).not.toBe(personalLink(bo));
    // The HTML part as a mail client shows it: real text, nothing remote, no serious axe finding,
    // on a phone and a desktop, light and dark (the screenshots are kept with the test's output).
    const html = String(ana?.html);
    expect(html).not.toMatch(/<img|src=|url\(/i);
    const mailView = await page.context().newPage();
    for (const [width, scheme] of [
      [390, 'light'],
      [390, 'dark'],
      [1280, 'light'],
      [1280, 'dark'],
    ] as const) {
      await mailView.setViewportSize({ width, height: 900 });
      await mailView.emulateMedia({ colorScheme: scheme });
      await mailView.setContent(html);
      await expect(mailView.getByText('Invite call').first()).toBeVisible();
      await mailView.screenshot({
        path: test.info().outputPath(`invitation-mail-${width}-${scheme}.png`),
        fullPage: true,
      });
    }
    const mailAxe = await new AxeBuilder({ page: mailView })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(
      mailAxe.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => v.id),
    ).toEqual([]);
    await mailView.close();
    // A wrong token is the plain 404 of a missing poll.
    const wrong = await fetch(personalLink(ana).replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')));
    expect(wrong.status).toBe(404);
    // No address reaches the public API.
    const publicBody = await (await fetch(`${server!.url}/api/polls/${poll.id}`)).text();
    expect(publicBody).not.toContain('example.org');

    await answerFrom(page, personalLink(ana), 'Ana');
    // Ana's edit link goes to the address she was invited at.
    await expect.poll(() => mailsTo('ana@example.org').length, { timeout: 30_000 }).toBe(2);

    await page.goto(poll.adminUrl);
    const guests = page.getByRole('region', { name: 'Invited guests' });
    await expect(guests.getByText('1 of 2 answered')).toBeVisible();
    await expect(guests.getByRole('listitem').filter({ hasText: 'ana@example.org' })).toContainText(
      'Answered',
    );
    await expect(guests.getByRole('listitem').filter({ hasText: 'bo@example.org' })).toContainText(
      'Not yet',
    );
    const remind = guests.getByRole('button', { name: 'Remind the 1 who haven’t answered' });
    await hydrated(remind);
    const before = received.length;
    await remind.click();
    await expect(guests.getByRole('status')).toHaveText('Reminder sent to 1 guest.');
    await expect(guests.getByRole('listitem').filter({ hasText: 'bo@example.org' })).toContainText(
      /reminded \d/,
    );
    await expect(
      guests.getByText('Everyone who has not answered was reminded in the last 24 hours.'),
    ).toBeVisible();
    await expect.poll(() => received.length, { timeout: 30_000 }).toBe(before + 1);
    const reminder = received.at(-1)!;
    expect(to(reminder)).toEqual(['bo@example.org']);
    expect(reminder.subject).toBe('Reminder: Invite call');

    await answerFrom(page, personalLink(reminder), 'Bo');
    await expect
      .poll(() => mailsTo('chiara@example.org').map((m) => m.subject), { timeout: 30_000 })
      .toContain('Everyone you invited has answered: Invite call');
    const note = mailsTo('chiara@example.org').find((m) => m.subject?.startsWith('Everyone'));
    expect(note?.text).toContain(poll.adminUrl);
    await page.goto(poll.adminUrl);
    await expect(page.getByText('2 of 2 answered')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(personalLink(bo));
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('a guest who has not answered is reminded 24 h before the deadline; one who answered is not', async ({
    page,
  }) => {
    const poll = await createPoll('Deadline invite', ['cy@example.org', 'di@example.org']);
    await expect.poll(() => mailsTo('di@example.org').length, { timeout: 30_000 }).toBe(1);
    const deadline = Date.now() + 3 * DAY;
    const edited = await fetch(`${server!.url}/api/polls/${poll.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${poll.adminToken}` },
      body: JSON.stringify({ deadline: new Date(deadline).toISOString() }),
    });
    expect(edited.status).toBe(200);
    const queued = await sql<{ recipient: string; due: number }>(
      `SELECT recipient, next_attempt_at AS due FROM outbox WHERE kind = 'autoReminder' AND poll_id = ? ORDER BY recipient`,
      [poll.id],
    );
    expect(queued).toEqual([
      { recipient: 'cy@example.org', due: deadline - DAY },
      { recipient: 'di@example.org', due: deadline - DAY },
    ]);
    await answerFrom(page, personalLink(mailsTo('cy@example.org')[0]), 'Cy');
    // The day before the deadline comes: the due time moves, rather than the test waiting two days.
    await sql(`UPDATE outbox SET next_attempt_at = 0 WHERE kind = 'autoReminder' AND poll_id = ?`, [
      poll.id,
    ]);
    await expect.poll(() => mailsTo('di@example.org').length, { timeout: 30_000 }).toBe(2);
    const auto = mailsTo('di@example.org')[1]!;
    expect(auto.subject).toBe('Reminder: Deadline invite');
    expect(auto.text).toContain('Answers close on');
    expect(mailsTo('cy@example.org').map((m) => m.subject)).not.toContain(
      'Reminder: Deadline invite',
    );
  });

  test('the create form and the admin page refuse a bad address, naming it, and invite nobody', async ({
    page,
  }) => {
    const poll = await createPoll('Form invite', []);
    await page.goto(poll.adminUrl);
    const guests = page.getByRole('region', { name: 'Invited guests' });
    const field = guests.getByLabel('Invite guests by email');
    await hydrated(field);
    await field.fill('eva@example.org\nnot an address');
    const before = received.length;
    await guests.getByRole('button', { name: 'Send invitations' }).click();
    await expect(guests.getByRole('alert')).toContainText('“not” is not one email address');
    await expect(field).toHaveValue('eva@example.org\nnot an address');
    expect(
      await sql<{ n: number }>('SELECT count(*) AS n FROM invitations WHERE poll_id = ?', [
        poll.id,
      ]),
    ).toEqual([{ n: 0 }]);
    await field.fill('eva@example.org');
    await guests.getByRole('button', { name: 'Send invitations' }).click();
    await expect(guests.getByRole('status')).toHaveText('Invitation sent to 1 guest.');
    await expect(guests.getByRole('listitem').filter({ hasText: 'eva@example.org' })).toContainText(
      'Not yet',
    );
    await expect.poll(() => mailsTo('eva@example.org').length, { timeout: 30_000 }).toBe(1);
    expect(received.length).toBeGreaterThan(before);

    await page.goto(server!.url);
    await expect(page.getByLabel('Invite guests by email (optional)')).toBeVisible();
  });
});
