import { readFileSync } from 'node:fs';
import ical, { type VEvent } from 'node-ical';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { moveDeadline } from './database';
import { hydrated, newPage, openSettings, readPoll } from './support';

const admin = (token: string) => ({ authorization: `Bearer ${token}` });

async function createPoll(request: APIRequestContext, extra: Record<string, unknown> = {}) {
  const response = await request.post('/api/polls', {
    data: {
      title: 'Workflow call',
      description: 'Quarterly planning',
      location: 'https://meet.example.org/q',
      timeZone: 'Europe/Rome',
      kind: 'timed',
      durationMinutes: 60,
      options: ['2026-10-28T17:00', '2026-10-29T10:00', '2026-10-30T17:00'].map((start) => ({
        start,
      })),
      // The week Europe is back on winter time and the US is not; behind the real clock now.
      allowPast: true,
      ...extra,
    },
  });
  expect(response.status()).toBe(201);
  const created = (await response.json()) as {
    id: string;
    participantUrl: string;
    adminUrl: string;
    adminToken: string;
  };
  const { options } = await readPoll(request, created.id);
  return { ...created, options: options.map((o) => o.id) };
}

async function answer(
  request: APIRequestContext,
  pollId: string,
  name: string,
  timeZone: string,
  votes: Record<string, string>,
) {
  return request.post(`/api/polls/${pollId}/responses`, { data: { name, timeZone, votes } });
}

function parseEvent(text: string): VEvent {
  const events = Object.values(ical.sync.parseICS(text)).filter(
    (c): c is VEvent => c?.type === 'VEVENT',
  );
  expect(events).toHaveLength(1);
  return events[0]!;
}

test.describe('finalising a poll', () => {
  test('a Rome organiser schedules the fairest time; New York and Kathmandu see it in their clocks and calendars', async ({
    browser,
    request,
  }) => {
    const poll = await createPoll(request);
    const [wed, thu, fri] = poll.options as [string, string, string];
    await answer(request, poll.id, 'Ryan', 'America/New_York', {
      [wed]: 'yes',
      [thu]: 'yes',
      [fri]: 'ifneedbe',
    });
    await answer(request, poll.id, 'Aarav', 'Asia/Kathmandu', {
      [wed]: 'yes',
      [thu]: 'yes',
      [fri]: 'yes',
    });

    const organiser = await newPage(browser, 'Europe/Rome', 'en-GB');
    await organiser.goto(poll.adminUrl);
    const panel = organiser.getByRole('region', { name: 'Fairest times' });
    // Thursday 10:00 Rome is 04:00 in New York; Wednesday 17:00 is the fair one and comes first,
    // with its reason and its own button to schedule it.
    const first = panel.getByRole('listitem').filter({ hasText: /^#1/ });
    await expect(first).toHaveAccessibleName(/^Wed 28 Oct 17:00 – 18:00/);
    await expect(
      first.getByText(
        /2 of 2 can attend \(2 yes, 0 if need be\); worst: Wed 21:45 – 22:45 in Kathmandu/,
      ),
    ).toBeVisible();
    // Any option can be scheduled from the select under the best three; the fairest is chosen.
    await expect(panel.getByLabel('Or schedule any option')).toHaveValue(wed);
    const scheduleFirst = first.getByRole('button', {
      name: 'Schedule this one: Wed 28 Oct 17:00 – 18:00',
    });
    await hydrated(scheduleFirst);
    await scheduleFirst.click();
    await expect(panel.getByText('Currently scheduled: Wed 28 Oct 17:00 – 18:00')).toBeVisible();

    const ny = await newPage(browser, 'America/New_York', 'en-US');
    await ny.goto(poll.participantUrl);
    const banner = ny.getByRole('region', { name: '★ Scheduled' });
    await expect(banner).toContainText('Wed, Oct 28');
    await expect(banner).toContainText(/12:00\sPM – 1:00\sPM/);
    await expect(banner).toContainText('New York time');
    await expect(ny.getByRole('button', { name: 'Send answer' })).toHaveCount(0);
    const googleHref = await banner
      .getByRole('link', { name: 'Google Calendar' })
      .getAttribute('href');
    expect(new URL(googleHref!).searchParams.get('dates')).toBe(
      '20261028T160000Z/20261028T170000Z',
    );
    const download = ny.waitForEvent('download');
    await banner.getByRole('link', { name: 'Download .ics' }).click();
    const file = await (await download).path();
    const event = parseEvent(readFileSync(file, 'utf8'));
    expect(event.start.toISOString()).toBe('2026-10-28T16:00:00.000Z');
    expect(event.summary).toBe('Workflow call');
    const firstSequence = Number(event.sequence);

    const ktm = await newPage(browser, 'Asia/Kathmandu', 'en-GB');
    await ktm.goto(poll.participantUrl);
    await expect(ktm.getByRole('region', { name: '★ Scheduled' })).toContainText('21:45 – 22:45');

    expect((await answer(request, poll.id, 'Late', 'UTC', { [wed]: 'yes' })).status()).toBe(409);

    // Reopening and choosing another time bumps SEQUENCE, so imported copies update.
    await panel.getByRole('button', { name: 'Reopen for answers' }).click();
    await expect(panel.getByRole('button', { name: /^Schedule this one/ })).toHaveCount(3);
    await panel.getByLabel('Or schedule any option').selectOption(thu);
    await panel.getByRole('button', { name: 'Schedule', exact: true }).click();
    await expect(panel.getByText('Currently scheduled: Thu 29 Oct 10:00 – 11:00')).toBeVisible();
    const refinal = await request.post(`/api/polls/${poll.id}/finalise`, {
      data: { optionId: fri },
      headers: admin(poll.adminToken),
    });
    expect(refinal.status()).toBe(200);
    const ics = await (await request.get(`/api/polls/${poll.id}/event.ics`)).text();
    const moved = parseEvent(ics);
    expect(moved.start.toISOString()).toBe('2026-10-30T16:00:00.000Z');
    expect(Number(moved.sequence)).toBeGreaterThan(firstSequence);
    expect(moved.uid).toBe(event.uid);
  });

  test('two organisers finalising at once: the last write wins and everyone sees the same', async ({
    request,
  }) => {
    const poll = await createPoll(request);
    const [wed, thu] = poll.options as [string, string];
    const results = await Promise.all([
      request.post(`/api/polls/${poll.id}/finalise`, {
        data: { optionId: wed },
        headers: admin(poll.adminToken),
      }),
      request.post(`/api/polls/${poll.id}/finalise`, {
        data: { optionId: thu },
        headers: admin(poll.adminToken),
      }),
    ]);
    expect(results.map((r) => r.status())).toEqual([200, 200]);
    const a = await (await request.get(`/api/polls/${poll.id}`)).json();
    const b = await (await request.get(`/api/polls/${poll.id}`)).json();
    expect([wed, thu]).toContain(a.finalOptionId);
    expect(b.finalOptionId).toBe(a.finalOptionId);
    expect(a.status).toBe('scheduled');
  });

  test('finalising an option that was removed, or with a wrong token, is refused', async ({
    request,
  }) => {
    const poll = await createPoll(request);
    const other = await createPoll(request);
    const foreign = await request.post(`/api/polls/${poll.id}/finalise`, {
      data: { optionId: other.options[0] },
      headers: admin(poll.adminToken),
    });
    expect(foreign.status()).toBe(400);
    expect((await foreign.json()).fieldErrors.optionId[0]).toContain('not part of this poll');
    const wrong = await request.post(`/api/polls/${poll.id}/finalise`, {
      data: { optionId: poll.options[0] },
      headers: admin(other.adminToken),
    });
    expect(wrong.status()).toBe(404);
    expect((await readPoll(request, poll.id)).status).toBe('open');
  });
});

test.describe('editing a poll after answers exist', () => {
  test.use({ timezoneId: 'Europe/Rome', locale: 'en-GB' });

  test('adds and removes options with a confirmation, keeping the other answers', async ({
    page,
    request,
  }) => {
    const poll = await createPoll(request);
    const [wed, thu, fri] = poll.options as [string, string, string];
    await answer(request, poll.id, 'Ryan', 'America/New_York', {
      [wed]: 'yes',
      [thu]: 'no',
      [fri]: 'ifneedbe',
    });
    await page.goto(poll.adminUrl);
    // The panel's code loads with the admin page (next/dynamic): open it once it is live.
    await hydrated(page.getByText('Change the title, options, deadline, limit or privacy'));
    await page.getByText('Change the title, options, deadline, limit or privacy').click();
    await page.getByLabel('Title', { exact: true }).fill('Workflow call (moved)');
    await page.getByLabel('Or type a date').fill('2026-11-02');
    await page.getByLabel('Add a start time').fill('16:00');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('checkbox', { name: /Thu 29 Oct 10:00 – 11:00/ }).check();
    await expect(
      page.getByText('Removing this option drops 1 answer. Answers to the other options stay.'),
    ).toBeVisible();
    const save = page.getByRole('button', { name: 'Save changes' });
    await expect(save).toBeDisabled();
    await page.getByRole('checkbox', { name: 'I understand, remove them' }).check();
    await save.click();
    // 2 November 2026 is behind the real clock: refused, named, saved once confirmed.
    await expect(page.getByText('This option is in the past: 2026-11-02 16:00.')).toBeVisible();
    await page
      .getByRole('checkbox', { name: 'Save anyway: some added dates are in the past' })
      .check();
    await save.click();
    await expect(page.getByText('Saved.')).toBeVisible();

    const after = await readPoll(request, poll.id);
    expect(after.options.map((o) => o.start)).toEqual([
      '2026-10-28T16:00:00.000Z',
      '2026-10-30T16:00:00.000Z',
      '2026-11-02T15:00:00.000Z',
    ]);
    expect(after.participants[0]!.votes).toEqual({ [wed]: 'yes', [fri]: 'ifneedbe' });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Workflow call (moved)');
  });

  test('refuses what would break the poll, each with its reason, and stores nothing', async ({
    request,
  }) => {
    const poll = await createPoll(request);
    const other = await createPoll(request);
    await answer(request, poll.id, 'Ryan', 'America/New_York', { [poll.options[0]!]: 'yes' });
    const before = await readPoll(request, poll.id);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ timeZone: 'America/New_York' }, 'timeZone', 'cannot change once someone has answered'],
      [{ removeOptionIds: poll.options }, 'removeOptionIds', 'at least one option'],
      [{ removeOptionIds: [other.options[0]] }, 'removeOptionIds', 'not part of this poll'],
      [{ deadline: '2020-01-01T10:00:00Z' }, 'deadline', 'must be in the future'],
      [{ optionLimit: 0 }, 'optionLimit', 'whole number'],
      [{ privacy: 'everyone' }, 'privacy', 'privacy settings'],
      [{ addOptions: [{ start: '2027-03-28T02:30' }] }, 'addOptions', 'does not exist'],
    ];
    for (const [body, field, words] of cases) {
      const r = await request.patch(`/api/polls/${poll.id}`, {
        data: body,
        headers: admin(poll.adminToken),
      });
      expect(r.status(), field).toBe(400);
      expect((await r.json()).fieldErrors[field]?.[0], field).toContain(words);
    }
    expect(
      (
        await request.patch(`/api/polls/${poll.id}`, {
          data: { title: 'x' },
          headers: admin(other.adminToken),
        })
      ).status(),
    ).toBe(404);
    expect(await readPoll(request, poll.id)).toEqual(before);
  });
});

test.describe('deadline, limit and privacy', () => {
  test('answers are refused after the deadline, with a clear message', async ({
    browser,
    request,
  }) => {
    const poll = await createPoll(request);
    const soon = new Date(Date.now() + 30_000).toISOString();
    expect(
      (
        await request.patch(`/api/polls/${poll.id}`, {
          data: { deadline: soon },
          headers: admin(poll.adminToken),
        })
      ).status(),
    ).toBe(200);
    const viewer = await newPage(browser, 'Asia/Kathmandu', 'en-GB');
    await viewer.goto(poll.participantUrl);
    await expect(viewer.getByText(/^Answers close .* \(in \d+ seconds?\)\.$/)).toBeVisible();
    // The deadline passes without waiting for it (the rule itself: server/answers.test.ts).
    await moveDeadline(poll.id, Date.now() - 1000);
    const late = await answer(request, poll.id, 'Late', 'UTC', { [poll.options[0]!]: 'yes' });
    expect(late.status()).toBe(409);
    expect((await late.json()).message).toContain('deadline');
    await viewer.reload();
    await expect(viewer.getByText(/^Answers closed /)).toBeVisible();
    await expect(viewer.getByRole('button', { name: 'Send answer' })).toHaveCount(0);
  });

  test('an option full of yes answers refuses the next yes, and the limit cannot drop below what is taken', async ({
    request,
  }) => {
    const poll = await createPoll(request);
    const [wed] = poll.options as [string];
    expect(
      (
        await request.patch(`/api/polls/${poll.id}`, {
          data: { optionLimit: 1 },
          headers: admin(poll.adminToken),
        })
      ).status(),
    ).toBe(200);
    const [a, b] = await Promise.all([
      answer(request, poll.id, 'First', 'UTC', { [wed]: 'yes' }),
      answer(request, poll.id, 'Second', 'UTC', { [wed]: 'yes' }),
    ]);
    expect([a.status(), b.status()].sort()).toEqual([201, 409]);
    expect((await answer(request, poll.id, 'Maybe', 'UTC', { [wed]: 'ifneedbe' })).status()).toBe(
      201,
    );
    const stored = await readPoll(request, poll.id);
    expect(stored.participants.filter((p) => p.votes[wed] === 'yes')).toHaveLength(1);
    const lower = await request.patch(`/api/polls/${poll.id}`, {
      data: { optionLimit: 2 },
      headers: admin(poll.adminToken),
    });
    expect(lower.status()).toBe(200);
    await answer(request, poll.id, 'Third', 'UTC', { [wed]: 'yes' });
    const below = await request.patch(`/api/polls/${poll.id}`, {
      data: { optionLimit: 1 },
      headers: admin(poll.adminToken),
    });
    expect((await below.json()).fieldErrors.optionLimit[0]).toContain('already has 2 yes answers');
  });

  test('privacy settings hide names or results on the server, in the page and in the API', async ({
    browser,
    request,
  }) => {
    const poll = await createPoll(request);
    await answer(request, poll.id, 'Secret Sam', 'UTC', { [poll.options[0]!]: 'yes' });
    const patch = (privacy: string) =>
      request.patch(`/api/polls/${poll.id}`, {
        data: { privacy },
        headers: admin(poll.adminToken),
      });

    await patch('hideNames');
    const viewer = await newPage(browser, 'Europe/Rome', 'en-GB');
    await viewer.goto(poll.participantUrl);
    await expect(viewer.getByRole('rowheader', { name: /Participant 1/ })).toBeVisible();
    await expect(viewer.getByText('Secret Sam')).toHaveCount(0);
    expect((await readPoll(request, poll.id)).participants[0]!.name).toBe('Participant 1');
    const asAdmin = await (
      await request.get(`/api/polls/${poll.id}`, { headers: admin(poll.adminToken) })
    ).json();
    expect(asAdmin.participants[0].name).toBe('Secret Sam');

    await patch('afterAnswer');
    await viewer.reload();
    await expect(viewer.getByText('only to people who have answered')).toBeVisible();
    await expect(viewer.getByRole('table')).toHaveCount(0);
    const hidden = await (await request.get(`/api/polls/${poll.id}`)).json();
    expect(hidden.participants).toEqual([]);
    expect(hidden.resultsHidden).toBe('afterAnswer');
    expect(
      hidden.ranking.every((r: { keys: { canAttend: number } }) => r.keys.canAttend === 0),
    ).toBe(true);

    await patch('organiserOnly');
    const answered = await (
      await answer(request, poll.id, 'Viewer', 'UTC', { [poll.options[0]!]: 'no' })
    ).json();
    const own = await (
      await request.get(`/api/polls/${poll.id}`, {
        headers: { 'x-kairos-participant': `${answered.participantId}.${answered.editToken}` },
      })
    ).json();
    expect(own.participants.map((p: { name: string }) => p.name)).toEqual(['Viewer']);
  });
});

test.describe('comments and export', () => {
  test.use({ timezoneId: 'America/New_York', locale: 'en-US' });

  test('anyone comments, bad comments are refused, the organiser deletes one', async ({
    page,
    request,
  }) => {
    const poll = await createPoll(request);
    await page.goto(poll.participantUrl);
    await page.getByRole('button', { name: 'Post comment' }).click();
    await expect(page.getByText('Enter your name.')).toBeVisible();
    await page.getByLabel('Name', { exact: true }).fill('Ana');
    await page.getByLabel('Comment', { exact: true }).fill('Wednesday <b>works</b> for me');
    await page.getByRole('button', { name: 'Post comment' }).click();
    await expect(page.getByText('Comment posted.')).toBeVisible();
    await expect(page.getByText('Wednesday <b>works</b> for me')).toBeVisible();

    for (const body of ['', '   ', 'x'.repeat(2001)]) {
      expect(
        (
          await request.post(`/api/polls/${poll.id}/comments`, { data: { author: 'Eve', body } })
        ).status(),
      ).toBe(400);
    }
    expect(
      ((await readPoll(request, poll.id)) as unknown as { comments: unknown[] }).comments,
    ).toHaveLength(1);

    await page.goto(poll.adminUrl);
    await hydrated(page.getByRole('button', { name: 'Delete comment by Ana' }));
    await page.getByRole('button', { name: 'Delete comment by Ana' }).click();
    await expect(page.getByText('No comments yet.')).toBeVisible();
  });

  test('the organiser downloads the results as CSV that a spreadsheet reads safely', async ({
    page,
    request,
  }) => {
    const poll = await createPoll(request);
    await answer(request, poll.id, '=HYPERLINK("http://evil")', 'UTC', {
      [poll.options[0]!]: 'yes',
    });
    await answer(request, poll.id, '山田 太郎', 'Asia/Tokyo', { [poll.options[0]!]: 'ifneedbe' });
    await page.goto(poll.adminUrl);
    await openSettings(page);
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download the results (CSV)' }).click();
    const text = readFileSync(await (await download).path(), 'utf8');
    expect(
      text.startsWith(
        '\uFEFF"Participant","Time zone","2026-10-28T16:00:00Z (2026-10-28 17:00 Europe/Rome)"',
      ),
    ).toBe(true);
    expect(text).toContain('"\'=HYPERLINK(""http://evil"")","UTC","yes"');
    expect(text).toContain('"山田 太郎","Asia/Tokyo","if need be"');
    // The last row is the ranking's own count of who can attend each option.
    const lastRow = text.trimEnd().split('\r\n').at(-1)!;
    expect(lastRow.startsWith('"Can attend","","2"')).toBe(true);
    expect(lastRow.split(',')).toHaveLength(2 + poll.options.length);
    expect((await request.get(`/api/polls/${poll.id}/results.csv`)).status()).toBe(404);
    expect(
      (
        await request.get(`/api/polls/${poll.id}/results.csv`, { headers: admin(poll.adminToken) })
      ).status(),
    ).toBe(200);
  });
});

test('the API publishes its OpenAPI 3.1 document', async ({ request }) => {
  const response = await request.get('/api/openapi.json');
  expect(response.status()).toBe(200);
  const document = await response.json();
  expect(document.openapi).toBe('3.1.0');
  expect(Object.keys(document.paths)).toContain('/api/polls/{id}/finalise');
  // Each ranked option carries its tally, described in the document.
  expect(Object.keys(document.components.schemas.OptionTally.properties)).toEqual([
    'participants',
    'canAttend',
    'yes',
    'ifNeedBe',
    'no',
    'notCounted',
    'noVote',
  ]);
});
