import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { snapshot } from './database';
import { ownPort, startOwnServer, type OwnServer } from './own-server';
import { hydrated, setAnswer, answerCells } from './support';

/** Each test starts a server of its own with the setting under test. */
test.describe('the write rate limit', () => {
  const database = path.join(
    process.env.TMPDIR ?? tmpdir(),
    `kairos-rate-${process.pid}-${Date.now()}.sqlite`,
  );
  let server: OwnServer | undefined;

  test.afterEach(async () => {
    await server?.stop('SIGKILL');
    server = undefined;
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${database}${suffix}`, { force: true });
  });

  const create = (base: string, headers: Record<string, string> = {}) =>
    fetch(`${base}/api/polls`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({
        title: 'Limited',
        timeZone: 'Europe/Rome',
        kind: 'timed',
        durationMinutes: 60,
        options: [{ start: '2027-06-10T10:00' }],
      }),
    });

  test('answers 429 with Retry-After and a message once an address used its writes', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    server = await startOwnServer({
      port: ownPort(1),
      database,
      env: { KAIROS_RATE_LIMIT_WRITES_PER_MINUTE: '3' },
    });
    const startedAt = Date.now();
    const first = await create(server.url);
    expect(first.status).toBe(201);
    const { id, participantUrl } = (await first.json()) as { id: string; participantUrl: string };
    // The page is read before the budget runs out; reads are never limited.
    await page.goto(participantUrl);
    await hydrated(page.getByLabel('Your name'));
    await page.getByLabel('Your name').fill('Too late');
    await setAnswer(page, 0, 'Yes');

    expect((await create(server.url)).status).toBe(201);
    expect((await create(server.url, { 'x-forwarded-for': '198.51.100.7' })).status).toBe(201);

    const refused = await create(server.url);
    expect(refused.status).toBe(429);
    // 3 per minute: a token comes back every 20 s, less the time the three writes took
    // (the page load between them is slow on a busy machine).
    const elapsedSeconds = Math.ceil((Date.now() - startedAt) / 1000);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(20 - elapsedSeconds);
    expect(retryAfter).toBeLessThanOrEqual(20);
    const body = (await refused.json()) as { ok: boolean; message: string };
    expect(body).toMatchObject({ ok: false });
    expect(body.message).toBe(
      `Too many changes from your address. Wait ${retryAfter} seconds and try again.`,
    );

    // The address is the socket's: headers a client makes up change nothing.
    for (const [header, value] of [
      ['x-forwarded-for', '203.0.113.1'],
      ['x-kairos-peer-address', '203.0.113.2'],
      ['x-real-ip', '203.0.113.3'],
    ] as const) {
      expect((await create(server.url, { [header]: value })).status).toBe(429);
    }
    const answer = await fetch(`${server.url}/api/polls/${id}/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Late', timeZone: 'UTC', votes: {} }),
    });
    expect(answer.status).toBe(429);
    expect(answer.headers.get('retry-after')).toBeTruthy();
    expect((await fetch(`${server.url}/api/polls/${id}`)).status).toBe(200);

    // A header that names a server action does not open the API's door.
    expect((await create(server.url, { 'next-action': 'deadbeef' })).status).toBe(429);

    // The page's form is a server action: a write like any other, refused in the form itself,
    // in the page's language, with the answer still filled in.
    const before = await snapshot(database);
    await page.getByRole('button', { name: 'Send answer' }).click();
    await expect(
      page.getByRole('alert').filter({
        hasText: /^Too many changes from your address\. Wait \d+ seconds and try again\.$/,
      }),
    ).toBeVisible();
    await expect(page.getByLabel('Your name')).toHaveValue('Too late');
    await expect(answerCells(page).first()).toHaveAccessibleName(/: Yes \(/);
    await page.getByLabel('Name', { exact: true }).fill('Also late');
    await page.getByLabel('Comment', { exact: true }).fill('Thursday works');
    await page.getByRole('button', { name: 'Post comment' }).click();
    await expect(page.getByText(/^Too many changes from your address/)).toHaveCount(2);
    await expect(page.getByRole('heading', { name: 'Something went wrong' })).toHaveCount(0);
    expect(await snapshot(database)).toBe(before);
  });

  test('every server action that writes asks for the write budget first', () => {
    const actions = [
      'app/actions.ts',
      'app/p/[id]/actions.ts',
      'app/p/[id]/admin/[token]/actions.ts',
    ];
    let checked = 0;
    for (const file of actions) {
      const source = readFileSync(path.join(process.cwd(), file), 'utf8');
      for (const [, name, body] of source.matchAll(
        /export async function (\w+)\([^)]*\)[^{]*\{\n([^\n]*)/g,
      )) {
        expect(body?.trim(), `${file}: ${name}`).toBe('const refused = await writeRefused();');
        checked++;
      }
    }
    expect(checked).toBe(12);
  });

  test('is on by default, at 60 writes a minute', async () => {
    test.setTimeout(120_000);
    server = await startOwnServer({
      port: ownPort(1),
      database,
      env: { KAIROS_RATE_LIMIT_WRITES_PER_MINUTE: undefined },
    });
    const startedAt = Date.now();
    const statuses: number[] = [];
    while (statuses.length < 200 && statuses.at(-1) !== 429)
      statuses.push((await create(server.url)).status);
    // A burst of 60, plus the one token a second that comes back while the burst is sent.
    const allowed = statuses.length - 1;
    expect(statuses.slice(0, allowed).every((s) => s === 201)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    expect(allowed).toBeGreaterThanOrEqual(60);
    expect(allowed).toBeLessThanOrEqual(60 + Math.ceil((Date.now() - startedAt) / 1000));
  });

  test('behind a trusted proxy counts the address the proxy appended', async () => {
    test.setTimeout(120_000);
    server = await startOwnServer({
      port: ownPort(2),
      database,
      env: { KAIROS_RATE_LIMIT_WRITES_PER_MINUTE: '1', KAIROS_TRUST_PROXY: '1' },
    });
    expect((await create(server.url, { 'x-forwarded-for': '192.0.2.10' })).status).toBe(201);
    expect((await create(server.url, { 'x-forwarded-for': '192.0.2.10' })).status).toBe(429);
    // A client prepending a made-up address is still counted by the proxy's entry.
    expect(
      (await create(server.url, { 'x-forwarded-for': '203.0.113.9, 192.0.2.10' })).status,
    ).toBe(429);
    expect((await create(server.url, { 'x-forwarded-for': '192.0.2.10, 192.0.2.11' })).status).toBe(
      201,
    );
  });

  test('is off with 0', async () => {
    test.setTimeout(120_000);
    server = await startOwnServer({
      port: ownPort(1),
      database,
      env: { KAIROS_RATE_LIMIT_WRITES_PER_MINUTE: '0' },
    });
    const statuses = await Promise.all(
      Array.from({ length: 80 }, () => create(server!.url).then((r) => r.status)),
    );
    expect(statuses.every((s) => s === 201)).toBe(true);
  });
});
