import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { answer, readPoll } from './support';

/**
 * Times as the viewer's browser expects them (issues 11 and 13): in the viewer's zone at the
 * first paint, with the offsets of the options' dates, the same text from the server and the
 * browser (no hydration error, in any language, clock or zone), and still there without
 * JavaScript.
 */

// The October 2026 mismatch week: Rome is on UTC+1 already, New York still on UTC−4.
async function mismatchPoll(request: APIRequestContext) {
  const created = (await (
    await request.post('/api/polls', {
      data: {
        title: 'Mismatch week',
        organiserName: 'Giulia',
        timeZone: 'Europe/Rome',
        kind: 'timed',
        durationMinutes: 60,
        guestZones: ['America/New_York', 'Asia/Kathmandu'],
        options: [{ start: '2026-10-28T14:00' }, { start: '2026-10-29T19:00' }],
        allowPast: true,
      },
    })
  ).json()) as { id: string; participantUrl: string; adminUrl: string };
  const { options } = await readPoll(request, created.id);
  const answer = (await (
    await request.post(`/api/polls/${created.id}/responses`, {
      data: {
        name: 'Nic',
        timeZone: 'America/Los_Angeles',
        votes: Object.fromEntries(options.map((o) => [o.id, 'yes'])),
      },
    })
  ).json()) as { editUrl: string };
  return { ...created, editUrl: answer.editUrl };
}

/** Every hydration failure React reports, minified (#418, #423, #425) or not. */
function watchHydration(page: Page): string[] {
  const problems: string[] = [];
  const hydration = /hydrat|Minified React error #(418|423|425)/i;
  page.on('console', (m) => {
    if (m.type() === 'error' && hydration.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => {
    if (hydration.test(e.message)) problems.push(e.message);
  });
  return problems;
}

for (const timezoneId of ['America/New_York', 'Asia/Kathmandu']) {
  for (const locale of ['en-US', 'en-GB', 'fr-FR', 'de-DE']) {
    test.describe(`in ${timezoneId}, ${locale}`, () => {
      test.use({ timezoneId, locale });

      test('every page hydrates without a mismatch, in both clocks', async ({ page, request }) => {
        const poll = await mismatchPoll(request);
        const problems = watchHydration(page);
        for (const clock of [null, '12', '24']) {
          if (clock) {
            await page.evaluate((c) => localStorage.setItem('kairos_clock', c), clock);
          }
          for (const url of ['/', poll.participantUrl, poll.adminUrl, poll.editUrl]) {
            await page.goto(url);
            await page.waitForLoadState('networkidle');
          }
        }
        expect(problems).toEqual([]);
      });
    });
  }
}

test.describe('a New York browser', () => {
  test.use({ timezoneId: 'America/New_York', locale: 'en-GB' });

  test('gets its own times in the server’s document, with the offset of the options’ dates', async ({
    page,
    request,
  }) => {
    const poll = await mismatchPoll(request);
    await page.goto(poll.participantUrl);
    // The document as the server sent it, before any script ran: the zone is already known.
    const html = await (await page.request.get(poll.participantUrl)).text();
    expect(html).toContain('New York time');
    expect(html).toContain('09:00 – 10:00');
    expect(html).not.toContain('Finding your time zone');
    // Viewed in December, the offset is still the one of late October.
    await expect(page.getByText('(UTC−4)')).toBeVisible();
  });

  test('follows the traveller, and keeps a picked city', async ({ page, context, request }) => {
    const poll = await mismatchPoll(request);
    // A detection left from an earlier visit in Rome does not stick.
    const origin = new URL(poll.participantUrl).origin;
    await context.addCookies([{ name: 'kairos_seen_zone', value: 'Europe%2FRome', url: origin }]);
    await page.goto(poll.participantUrl);
    await expect(page.getByText('New York time')).toBeVisible();
    await expect(page.getByText('09:00 – 10:00').first()).toBeVisible();
    await context.addCookies([
      { name: 'kairos_zone', value: 'Europe%2FBerlin%7CMunich', url: origin },
    ]);
    await page.goto(poll.participantUrl);
    await expect(page.getByText('Munich time')).toBeVisible();
    // A cookie of the same name on a narrower path shadows the script's own: no reload loop.
    await context.clearCookies();
    await context.addCookies([
      { name: 'kairos_seen_zone', value: 'Europe%2FRome', url: poll.participantUrl },
    ]);
    await page.goto(poll.participantUrl);
    await expect(page.getByRole('heading', { name: 'Mismatch week' })).toBeVisible();
    await expect(page.getByText('14:00 – 15:00').filter({ visible: true }).first()).toBeVisible();
  });
});

for (const reported of ['UTC', 'Etc/GMT', '+00:00']) {
  test(`a browser that reports ${reported} is asked for its city and can still answer`, async ({
    browser,
    request,
  }) => {
    const poll = await mismatchPoll(request);
    const context = await browser.newContext({ timezoneId: 'UTC', locale: 'en-GB' });
    // What some privacy modes report: a zone that names no place.
    await context.addInitScript((zone) => {
      const resolved = Intl.DateTimeFormat.prototype.resolvedOptions;
      Intl.DateTimeFormat.prototype.resolvedOptions = function () {
        return { ...resolved.call(this), timeZone: zone };
      };
    }, reported);
    const page = await context.newPage();
    await page.goto(poll.participantUrl);
    await expect(page.getByRole('status').filter({ hasText: 'pick your city' })).toBeVisible();
    await expect(page.getByText('UTC time')).toBeVisible();
    await expect(page.getByText(`${reported} time`, { exact: true })).toHaveCount(
      reported === 'UTC' ? 1 : 0,
    );
    await answer(page, `Private ${reported}`, ['Yes', 'Yes']);
    const stored = await readPoll(request, poll.id);
    expect(stored.participants.find((p) => p.name === `Private ${reported}`)?.timeZone).toBe('UTC');
    await context.close();
  });
}

test('without JavaScript every option shows its time in the poll’s zone, labelled', async ({
  browser,
  request,
}) => {
  const poll = await mismatchPoll(request);
  const context = await browser.newContext({
    javaScriptEnabled: false,
    timezoneId: 'America/New_York',
    locale: 'en-GB',
  });
  const page = await context.newPage();
  await page.goto(poll.participantUrl);
  await expect(page.getByText('Rome time')).toBeVisible();
  await expect(page.getByText('the poll’s time zone')).toBeVisible();
  await expect(page.getByText('(UTC+1)')).toBeVisible();
  await expect(page.getByText('14:00 – 15:00').filter({ visible: true }).first()).toBeVisible();
  await expect(page.getByText('19:00 – 20:00').filter({ visible: true }).first()).toBeVisible();
  await context.close();
});
