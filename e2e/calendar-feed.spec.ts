import ical, { type VEvent } from 'node-ical';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { answer, newPage, readPoll } from './support';

async function createPoll(request: APIRequestContext) {
  const response = await request.post('/api/polls', {
    data: {
      title: 'Feed call',
      description: 'Quarterly planning',
      location: 'Room 4',
      timeZone: 'Europe/Rome',
      kind: 'timed',
      durationMinutes: 60,
      options: ['2026-10-28T17:00', '2026-10-29T10:00', '2026-10-30T17:00'].map((start) => ({
        start,
      })),
      // The Rome winter-time week of 2026 is behind the real clock now: the organiser confirms.
      allowPast: true,
    },
  });
  expect(response.status()).toBe(201);
  const created = (await response.json()) as {
    id: string;
    participantUrl: string;
    adminToken: string;
  };
  const { options } = await readPoll(request, created.id);
  return { ...created, options: options.map((o) => o.id) };
}

function events(text: string): VEvent[] {
  return Object.values(ical.sync.parseICS(text))
    .filter((c): c is VEvent => c?.type === 'VEVENT')
    .sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** The webcal:// address as a calendar app fetches it, over the server's own scheme. */
function httpOf(webcal: string): string {
  return webcal.replace(/^webcal:/, 'http:');
}

test('a participant subscribes to their own feed: tentative yes times, then the scheduled one', async ({
  browser,
  request,
}) => {
  const poll = await createPoll(request);
  const [, thu] = poll.options as [string, string, string];
  const page = await newPage(browser, 'America/New_York', 'en-US');
  await page.goto(poll.participantUrl);
  await answer(page, 'Ryan', ['Yes', 'If need be', 'Yes']);

  const saved = page.getByRole('status');
  await expect(saved.getByRole('heading', { name: 'Your calendar feed' })).toBeVisible();
  const link = saved.getByRole('link', { name: 'Subscribe in your calendar' });
  const webcal = (await link.getAttribute('href'))!;
  expect(webcal).toMatch(/^webcal:\/\/127\.0\.0\.1:\d+\/feed\/[A-Za-z0-9_-]{43}\.ics$/);
  await expect(saved.getByLabel('Calendar feed address, for apps that ask for one')).toHaveValue(
    webcal,
  );

  const feed = await request.get(httpOf(webcal));
  expect(feed.status()).toBe(200);
  expect(feed.headers()['content-type']).toBe('text/calendar; charset=utf-8');
  expect(feed.headers()['cache-control']).toBe('private, no-cache');
  // Data, not a page: nothing in it may run, load or be framed.
  expect(feed.headers()['content-security-policy']).toBe(
    "default-src 'none'; frame-ancestors 'none'",
  );
  expect(feed.headers()['x-content-type-options']).toBe('nosniff');
  const tentative = events(await feed.text());
  expect(tentative.map((e) => [e.status, e.start.toISOString(), e.summary])).toEqual([
    ['TENTATIVE', '2026-10-28T16:00:00.000Z', 'Feed call'],
    ['TENTATIVE', '2026-10-30T16:00:00.000Z', 'Feed call'],
  ]);
  // An unchanged feed costs a calendar app no body; HEAD answers as GET does, without one.
  const etag = feed.headers()['etag']!;
  const again = await request.get(httpOf(webcal), { headers: { 'if-none-match': etag } });
  expect(again.status()).toBe(304);
  const head = await request.head(httpOf(webcal));
  expect(head.status()).toBe(200);
  expect(head.headers()['content-type']).toBe('text/calendar; charset=utf-8');
  expect((await head.body()).length).toBe(0);

  // Back on the page later, the browser that answered still finds its feed.
  await page.reload();
  await expect(page.getByRole('link', { name: 'Subscribe in your calendar' })).toHaveAttribute(
    'href',
    webcal,
  );

  // An answer through the API gets its feed's address too; its feed holds its own yes.
  const api = await request.post(`/api/polls/${poll.id}/responses`, {
    data: { name: 'Ana', timeZone: 'Europe/Rome', votes: { [thu]: 'yes' } },
  });
  expect(api.status()).toBe(201);
  const { feedUrl } = (await api.json()) as { feedUrl: string };
  expect(feedUrl).toMatch(/^webcal:\/\/127\.0\.0\.1:\d+\/feed\/[A-Za-z0-9_-]{43}\.ics$/);
  expect(feedUrl).not.toBe(webcal);
  const own = events(await (await request.get(httpOf(feedUrl))).text());
  expect(own.map((e) => [e.status, e.start.toISOString()])).toEqual([
    ['TENTATIVE', '2026-10-29T09:00:00.000Z'],
  ]);

  const scheduled = await request.post(`/api/polls/${poll.id}/finalise`, {
    data: { optionId: thu },
    headers: { authorization: `Bearer ${poll.adminToken}` },
  });
  expect(scheduled.status()).toBe(200);
  const confirmed = events(await (await request.get(httpOf(webcal))).text());
  const invitation = events(await (await request.get(`/api/polls/${poll.id}/event.ics`)).text());
  expect(confirmed.map((e) => [e.status, e.start.toISOString(), e.uid])).toEqual([
    ['CONFIRMED', '2026-10-29T09:00:00.000Z', invitation[0]!.uid],
  ]);
  await page.context().close();
});

test('a wrong or malformed feed token answers like a missing one', async ({ request }) => {
  const missing = await request.get(`/feed/${'A'.repeat(43)}.ics`);
  expect(missing.status()).toBe(404);
  const body = await missing.text();
  for (const path of [
    `/feed/${'B'.repeat(43)}.ics`,
    '/feed/short.ics',
    `/feed/${'A'.repeat(43)}`,
  ]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
    expect(await response.text(), path).toBe(body);
  }
  const post = await request.post(`/feed/${'A'.repeat(43)}.ics`);
  expect(post.status()).toBe(405);
  expect(post.headers()['allow']).toBe('GET, HEAD, OPTIONS');
});
