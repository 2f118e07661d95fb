import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { ownPort, startOwnServer, type OwnServer } from './own-server';
import { hydrated, openSettings, setAnswer } from './support';

const timed = (patch: Record<string, unknown> = {}) => ({
  title: 'Headers',
  timeZone: 'Europe/Rome',
  kind: 'timed',
  durationMinutes: 60,
  options: [{ start: '2027-06-10T10:00' }],
  ...patch,
});

async function pollWithAnswer(
  request: APIRequestContext,
  base = '',
  patch: Record<string, unknown> = {},
) {
  const created = await (await request.post(`${base}/api/polls`, { data: timed(patch) })).json();
  const options = (await (await request.get(`${base}/api/polls/${created.id}`)).json()).options as {
    id: string;
  }[];
  const answer = await (
    await request.post(`${base}/api/polls/${created.id}/responses`, {
      data: { name: 'Ana', timeZone: 'UTC', votes: { [options[0]!.id]: 'yes' } },
    })
  ).json();
  return {
    id: created.id as string,
    participantUrl: created.participantUrl as string,
    adminUrl: created.adminUrl as string,
    adminToken: created.adminToken as string,
    editUrl: answer.editUrl as string,
    editToken: answer.editToken as string,
  };
}

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

test.describe('security headers', () => {
  test('every page and API answer carries them, pages with a fresh nonce on every script', async ({
    request,
  }) => {
    const poll = await pollWithAnswer(request);
    const urls = ['/', poll.participantUrl, poll.adminUrl, poll.editUrl, '/p/doesnotexist0000'];
    const nonces = new Set<string>();
    for (const url of urls) {
      const response = await request.get(url);
      const headers = response.headers();
      expect(headers['x-content-type-options'], url).toBe('nosniff');
      expect(headers['referrer-policy'], url).toBe('strict-origin');
      const policy = headers['content-security-policy'] ?? '';
      expect(policy, url).not.toContain('unsafe-eval');
      expect(policy, url).not.toContain('unsafe-inline');
      const csp = directives(policy);
      expect(csp.get('frame-ancestors'), url).toEqual(["'none'"]);
      expect(csp.get('object-src'), url).toEqual(["'none'"]);
      expect(csp.get('default-src'), url).toEqual(["'self'"]);
      const nonce = csp
        .get('script-src')
        ?.find((v) => v.startsWith("'nonce-"))
        ?.slice(7, -1);
      expect(nonce, url).toBeTruthy();
      nonces.add(nonce!);
      if (headers['content-type']?.startsWith('text/html')) {
        const html = await response.text();
        const scripts = html.match(/<script\b[^>]*>/g) ?? [];
        expect(scripts.length, url).toBeGreaterThan(0);
        for (const tag of scripts) expect(tag, url).toContain(`nonce="${nonce}"`);
      }
    }
    expect(nonces.size).toBe(urls.length);

    // JSON runs nothing: its policy allows nothing at all.
    for (const [method, url] of [
      ['GET', `/api/polls/${poll.id}`],
      ['POST', '/api/polls'],
    ] as const) {
      const headers = (
        await request.fetch(url, { method, data: method === 'POST' ? {} : undefined })
      ).headers();
      expect(headers['x-content-type-options'], url).toBe('nosniff');
      expect(headers['referrer-policy'], url).toBe('strict-origin');
      expect(directives(headers['content-security-policy'] ?? '')).toEqual(
        new Map([
          ['default-src', ["'none'"]],
          ['frame-ancestors', ["'none'"]],
        ]),
      );
    }
  });

  test('the pages run under the policy without a single violation', async ({ page, request }) => {
    const poll = await pollWithAnswer(request);
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) =>
        console.error(
          `Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`,
        ),
      );
    });
    await page.goto('/');
    await expect(page.getByRole('button', { name: 'Create poll' })).toBeEnabled();
    await page.goto(poll.participantUrl);
    await hydrated(page.getByLabel('Your name'));
    await page.getByLabel('Your name').fill('Under CSP');
    await setAnswer(page, 0, 'Yes');
    await page.getByRole('button', { name: 'Send answer' }).click();
    await expect(page.getByText('Thank you, your answer is saved.')).toBeVisible();
    await page.goto(poll.adminUrl);
    await openSettings(page);
    await page.getByRole('button', { name: 'Close the poll' }).click();
    await expect(page.getByRole('button', { name: 'Reopen the poll' })).toBeVisible();
    expect(violations).toEqual([]);
  });

  test('no form with a payload can send it in an address, even before the page has hydrated', async ({
    request,
  }) => {
    // The answer form's payload carries the edit token on the edit page: a form without a
    // method would GET it into the address bar, the history and the server's log.
    const poll = await pollWithAnswer(request);
    for (const url of ['/', poll.participantUrl, poll.editUrl, poll.adminUrl]) {
      const html = await (await request.get(url)).text();
      const carrying = [...html.matchAll(/<form[^>]*>[\s\S]*?<\/form>/g)]
        .map(([form]) => form)
        .filter((form) => form.includes('name="payload"'));
      expect(carrying.length, url).toBeGreaterThan(0);
      for (const form of carrying)
        expect(form.match(/<form[^>]*>/)![0], url).toMatch(/method="POST"|action="javascript:/);
    }
  });

  test('admin and edit links never leave the browser in a Referer', async ({
    page,
    context,
    request,
  }) => {
    // The location is a link to another site; the browser may send a Referer to it.
    const outside = 'http://meeting-room.example/room';
    const poll = await pollWithAnswer(request, '', { location: outside });
    const referers: string[] = [];
    const record = (watched: Page) =>
      watched.on('request', async (r) => {
        const referer = (await r.allHeaders())['referer'];
        if (referer) referers.push(`${r.url()} ← ${referer}`);
      });
    await context.route('http://meeting-room.example/**', (route) =>
      route.fulfill({ status: 200, contentType: 'text/plain', body: 'room' }),
    );
    record(page);
    context.on('page', record);

    for (const secretUrl of [poll.adminUrl, poll.editUrl]) {
      await page.goto(secretUrl);
      await hydrated(page.getByRole('link', { name: outside }));
      const [opened] = await Promise.all([
        context.waitForEvent('page'),
        page.getByRole('link', { name: outside }).click(),
      ]);
      await opened.waitForLoadState();
      expect(await opened.evaluate(() => document.referrer)).toBe('');
      await opened.close();
    }
    await page.goto(poll.adminUrl);
    await openSettings(page);
    await page.getByRole('button', { name: 'Close the poll' }).click();
    await expect(page.getByRole('button', { name: 'Reopen the poll' })).toBeVisible();
    expect(referers.length).toBeGreaterThan(0);
    for (const line of referers) expect(line).toMatch(/ ← https?:\/\/[^/]+\/$/);
  });
});

test.describe('server logs', () => {
  const database = path.join(
    process.env.TMPDIR ?? tmpdir(),
    `kairos-logs-${process.pid}-${Date.now()}.sqlite`,
  );
  let server: OwnServer | undefined;

  test.afterEach(async () => {
    await server?.stop('SIGKILL');
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${database}${suffix}`, { force: true });
  });

  test('never hold an admin or edit link, even when Next.js names the URL', async ({
    page,
    request,
  }) => {
    test.setTimeout(120_000);
    server = await startOwnServer({ port: ownPort(3), database });
    const poll = await pollWithAnswer(request, server.url);
    await page.goto(poll.adminUrl);
    await openSettings(page);
    await page.getByRole('button', { name: 'Close the poll' }).click();
    await expect(page.getByRole('button', { name: 'Reopen the poll' })).toBeVisible();
    await page.getByRole('button', { name: 'Reopen the poll' }).click();
    await expect(page.getByRole('button', { name: 'Close the poll' })).toBeVisible();
    await page.goto(poll.editUrl);
    await setAnswer(page, 0, 'No');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText('Your changes are saved.')).toBeVisible();
    // Bodies over the proxy's copy limit make Next.js log the URL they were sent to; a
    // made-up action id makes it log an error.
    const big = Buffer.alloc(200 * 1024, 'x');
    for (const url of [poll.adminUrl, poll.editUrl]) {
      await request.post(url, {
        data: big,
        headers: { 'content-type': 'text/plain', 'next-action': 'not-an-action' },
      });
      await request.post(url, {
        data: 'x',
        headers: { 'content-type': 'text/plain', 'next-action': '00'.repeat(21) },
      });
    }
    await server.stop('SIGTERM');
    const log = server.output();
    expect(log).toMatch(/\/admin\/\[redacted\]/);
    expect(log).toMatch(/\/edit\/[\w-]+\/\[redacted\]/);
    for (const secret of [poll.adminToken, poll.editToken]) expect(log).not.toContain(secret);
  });
});
