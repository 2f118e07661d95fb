import { expect, test } from '@playwright/test';
import { snapshot } from './database';
import { confirmPastDates, hydrated, newPage, openSettings, readPoll, setAnswer } from './support';

const timed = (options: { start: string }[]) => ({
  title: 'Bad input',
  timeZone: 'Europe/Rome',
  kind: 'timed',
  durationMinutes: 60,
  options,
});

test.describe('bad input in the pages', () => {
  test.use({ timezoneId: 'Europe/Rome', locale: 'en-GB' });

  test('a create form without a title says so and creates nothing', async ({ page }) => {
    await page.goto('/');
    await hydrated(page.getByLabel('Title'));
    await page.getByLabel('Or type a date').fill('2027-06-10');
    await page.getByRole('button', { name: 'Add date' }).click();
    await page.getByRole('button', { name: 'Create poll' }).click();
    await expect(page.getByText('Give the poll a title.')).toBeVisible();
    await expect(page.getByLabel('Title')).toHaveAttribute('aria-invalid', 'true');
    await expect(page).toHaveURL(/\/$/);
  });

  test('a wall time inside the spring-forward gap is flagged and refused', async ({ page }) => {
    await page.goto('/');
    await hydrated(page.getByLabel('Title'));
    await page.getByLabel('Title').fill('Gap');
    await page.getByLabel('Or type a date').fill('2026-03-29');
    await page.getByRole('button', { name: 'Add date' }).click();
    await page.getByLabel('Add a start time').fill('02:30');
    await page.getByRole('button', { name: 'Add time', exact: true }).click();
    await expect(page.getByText('does not exist', { exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Create poll' }).click();
    await expect(
      page.getByText(
        '2026-03-29 02:30 does not exist in Europe/Rome: that night the clocks jump from 02:00 to 03:00.',
        { exact: false },
      ),
    ).toBeVisible();
    await expect(page).toHaveURL(/\/$/);
  });

  test('an ambiguous fall-back time says which occurrence is used', async ({ page }) => {
    await page.goto('/');
    await hydrated(page.getByLabel('Title'));
    await page.getByLabel('Or type a date').fill('2026-10-25');
    await page.getByRole('button', { name: 'Add date' }).click();
    await page.getByLabel('Add a start time').fill('02:30');
    await page.getByRole('button', { name: 'Add time', exact: true }).click();
    await expect(page.getByText('2026-10-25 02:30 happens twice in your zone')).toContainText(
      'UTC+02:00',
    );
  });

  test('dates in the past are refused, named, and created once the organiser confirms', async ({
    page,
  }) => {
    await page.goto('/');
    await hydrated(page.getByLabel('Title'));
    await page.getByLabel('Title').fill('Looking back');
    // 2 November 2026 is a month behind the real clock; 10 June 2027 is ahead of it.
    for (const date of ['2026-11-02', '2027-06-10']) {
      await page.getByLabel('Or type a date').fill(date);
      await page.getByRole('button', { name: 'Add date' }).click();
    }
    await page.getByRole('button', { name: 'Create poll' }).click();
    await expect(page.getByText('This option is in the past: 2026-11-02 09:00.')).toBeVisible();
    await expect(
      page.getByText('Some options are in the past: confirm to keep them.'),
    ).toBeVisible();
    await expect(page).toHaveURL(/\/$/);
    await confirmPastDates(page);
    await expect(page.getByRole('heading', { name: 'Links' })).toBeVisible();
  });

  test('an answer without a name is refused, stores nothing, and a double click stores once', async ({
    page,
    request,
  }) => {
    const created = await (
      await request.post('/api/polls', { data: timed([{ start: '2027-06-10T17:00' }]) })
    ).json();
    await page.goto(created.participantUrl);
    await setAnswer(page, 0, 'Yes');
    await page.getByRole('button', { name: 'Send answer' }).click();
    await expect(page.getByText('Enter your name so others know who answered.')).toBeVisible();
    expect((await readPoll(request, created.id)).participants).toHaveLength(0);

    await page.getByLabel('Your name').fill('Double');
    await page.getByRole('button', { name: 'Send answer' }).dblclick();
    await expect(page.getByText('Thank you, your answer is saved.')).toBeVisible();
    expect((await readPoll(request, created.id)).participants).toHaveLength(1);
  });

  test('unknown polls and wrong tokens show the same 404 page', async ({ page, request }) => {
    const created = await (
      await request.post('/api/polls', { data: timed([{ start: '2027-06-10T17:00' }]) })
    ).json();
    const missing = await page.goto('/p/doesnotexist0000');
    expect(missing?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'This poll does not exist' })).toBeVisible();
    const wrongAdmin = await page.goto(`/p/${created.id}/admin/${'x'.repeat(32)}`);
    expect(wrongAdmin?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'This poll does not exist' })).toBeVisible();
    const truncated = await page.goto(new URL(created.adminUrl).pathname.slice(0, -1));
    expect(truncated?.status()).toBe(404);
  });
});

test.describe('bad input in the API', () => {
  test('every bad create names its field and stores nothing', async ({ request }) => {
    const cases: [string, unknown, string][] = [
      ['empty title', { ...timed([{ start: '2027-06-10T17:00' }]), title: '' }, 'title'],
      [
        'title over 200',
        { ...timed([{ start: '2027-06-10T17:00' }]), title: 'x'.repeat(201) },
        'title',
      ],
      [
        'description over 5000',
        { ...timed([{ start: '2027-06-10T17:00' }]), description: 'x'.repeat(5001) },
        'description',
      ],
      [
        'name over 80',
        { ...timed([{ start: '2027-06-10T17:00' }]), organiserName: 'x'.repeat(81) },
        'organiserName',
      ],
      [
        'abbreviated zone',
        { ...timed([{ start: '2027-06-10T17:00' }]), timeZone: 'IST' },
        'timeZone',
      ],
      ['no options', timed([]), 'options'],
      [
        '501 options',
        timed(
          Array.from({ length: 501 }, (_, i) => ({
            start: `2027-01-01T${String(i % 24).padStart(2, '0')}:00`,
          })),
        ),
        'options',
      ],
      [
        '14-minute duration',
        { ...timed([{ start: '2027-06-10T17:00' }]), durationMinutes: 14 },
        'durationMinutes',
      ],
      ['malformed date', timed([{ start: '2026-10-32T17:00' }]), 'options'],
      ['nonexistent wall time', timed([{ start: '2026-03-29T02:30' }]), 'options'],
      [
        'wrong type',
        { ...timed([{ start: '2027-06-10T17:00' }]), durationMinutes: '60' },
        'durationMinutes',
      ],
    ];
    for (const [label, body, field] of cases) {
      const response = await request.post('/api/polls', { data: body });
      expect(response.status(), label).toBe(400);
      const json = await response.json();
      expect(json.ok, label).toBe(false);
      expect(Object.keys(json.fieldErrors), label).toContain(field);
      expect(json.fieldErrors[field][0].length, label).toBeGreaterThan(10);
    }
  });

  test('options in the past: a 400 naming them, stored once allowPast confirms', async ({
    request,
  }) => {
    const past = timed([{ start: '2026-11-02T09:00' }, { start: '2027-06-10T17:00' }]);
    const before = await snapshot();
    const refused = await request.post('/api/polls', { data: past });
    expect(refused.status()).toBe(400);
    const body = await refused.json();
    expect(body.message).toBe('Invalid input in options, allowPast.');
    expect(body.fieldErrors).toEqual({
      options: ['This option is in the past: 2026-11-02 09:00.'],
      allowPast: ['Some options are in the past: confirm to keep them.'],
    });
    expect(await snapshot()).toBe(before);
    const created = await request.post('/api/polls', { data: { ...past, allowPast: true } });
    expect(created.status()).toBe(201);
    expect((await readPoll(request, (await created.json()).id)).options).toHaveLength(2);
  });

  test('bodies over 100 kB and broken JSON are refused', async ({ request }) => {
    const huge = await request.post('/api/polls', {
      data: { ...timed([{ start: '2027-06-10T17:00' }]), description: 'x'.repeat(120_000) },
    });
    expect(huge.status()).toBe(413);
    const broken = await request.post('/api/polls', {
      data: '{"title":',
      headers: { 'content-type': 'application/json' },
    });
    expect(broken.status()).toBe(400);
  });

  test('answers: foreign options, bad values, wrong tokens and retries', async ({ request }) => {
    const a = await (
      await request.post('/api/polls', { data: timed([{ start: '2027-06-10T17:00' }]) })
    ).json();
    const b = await (
      await request.post('/api/polls', { data: timed([{ start: '2027-06-11T17:00' }]) })
    ).json();
    const [optionA] = (await readPoll(request, a.id)).options;
    const [optionB] = (await readPoll(request, b.id)).options;

    const foreign = await request.post(`/api/polls/${a.id}/responses`, {
      data: { name: 'Eve', timeZone: 'UTC', votes: { [optionB!.id]: 'yes' } },
    });
    expect(foreign.status()).toBe(400);
    expect((await foreign.json()).fieldErrors.votes).toBeTruthy();
    const badValue = await request.post(`/api/polls/${a.id}/responses`, {
      data: { name: 'Eve', timeZone: 'UTC', votes: { [optionA!.id]: 'maybe' } },
    });
    expect(badValue.status()).toBe(400);
    expect(
      (
        await request.post('/api/polls/nope/responses', {
          data: { name: 'Eve', timeZone: 'UTC', votes: {} },
        })
      ).status(),
    ).toBe(404);
    expect((await readPoll(request, a.id)).participants).toHaveLength(0);

    const body = {
      name: 'Ana',
      timeZone: 'Asia/Kathmandu',
      votes: { [optionA!.id]: 'yes' },
      submissionKey: 'retry-key-123',
    };
    const first = await request.post(`/api/polls/${a.id}/responses`, { data: body });
    expect(first.status()).toBe(201);
    const { participantId, editToken, editUrl } = await first.json();
    expect(editUrl).toContain(editToken);
    const retry = await request.post(`/api/polls/${a.id}/responses`, { data: body });
    expect(retry.status()).toBe(200);
    expect((await retry.json()).participantId).toBe(participantId);
    expect((await readPoll(request, a.id)).participants).toHaveLength(1);

    const change = { name: 'Ana', timeZone: 'Asia/Kathmandu', votes: { [optionA!.id]: 'no' } };
    const wrong = await request.put(`/api/polls/${a.id}/responses/${participantId}`, {
      data: { ...change, editToken: `${editToken.slice(0, -2)}AA` },
    });
    expect(wrong.status()).toBe(404);
    const otherPoll = await request.put(`/api/polls/${b.id}/responses/${participantId}`, {
      data: { ...change, editToken },
    });
    expect(otherPoll.status()).toBe(404);
    expect((await readPoll(request, a.id)).participants[0]!.votes[optionA!.id]).toBe('yes');
    const right = await request.put(`/api/polls/${a.id}/responses/${participantId}`, {
      data: change,
      headers: { authorization: `Bearer ${editToken}` },
    });
    expect(right.status()).toBe(200);
    expect((await readPoll(request, a.id)).participants[0]!.votes[optionA!.id]).toBe('no');
  });
});

test.describe('the organiser’s admin page', () => {
  test.use({ timezoneId: 'Europe/Rome', locale: 'en-GB' });

  test('removes an answer, closes, reopens and deletes the poll', async ({
    page,
    browser,
    request,
  }) => {
    const created = await (
      await request.post('/api/polls', { data: timed([{ start: '2027-06-10T17:00' }]) })
    ).json();
    const [option] = (await readPoll(request, created.id)).options;
    for (const name of ['Keep', 'Spam']) {
      await request.post(`/api/polls/${created.id}/responses`, {
        data: { name, timeZone: 'UTC', votes: { [option!.id]: 'yes' } },
      });
    }
    await page.goto(created.adminUrl);
    await hydrated(page.getByRole('button', { name: 'Remove Spam’s answer' }));
    await page.getByRole('button', { name: 'Remove Spam’s answer' }).click();
    await page.getByRole('button', { name: 'Yes, remove Spam’s answer' }).click();
    await expect(page.getByRole('rowheader', { name: /Spam/ })).toHaveCount(0);
    expect((await readPoll(request, created.id)).participants.map((p) => p.name)).toEqual(['Keep']);

    await openSettings(page);
    await page.getByRole('button', { name: 'Close the poll' }).click();
    await expect(page.getByRole('button', { name: 'Reopen the poll' })).toBeVisible();
    const guest = await newPage(browser, 'America/New_York', 'en-US');
    await guest.goto(created.participantUrl);
    await expect(guest.getByText('This poll is closed')).toBeVisible();
    await expect(guest.getByRole('button', { name: 'Send answer' })).toHaveCount(0);
    const refused = await request.post(`/api/polls/${created.id}/responses`, {
      data: { name: 'Late', timeZone: 'UTC', votes: {} },
    });
    expect(refused.status()).toBe(409);

    await page.getByRole('button', { name: 'Reopen the poll' }).click();
    // The action has answered once the page offers to close again; only then is it stored.
    await expect(page.getByRole('button', { name: 'Close the poll' })).toBeVisible();
    await guest.reload();
    await expect(guest.getByRole('button', { name: 'Send answer' })).toBeVisible();

    await page.getByRole('button', { name: 'Delete the poll' }).click();
    await expect(page.getByText('Delete this poll and every answer?')).toBeVisible();
    await page.getByRole('button', { name: 'Delete for good' }).click();
    await expect(page).toHaveURL(/\/\?deleted=1$/);
    expect((await request.get(`/api/polls/${created.id}`)).status()).toBe(404);
  });
});
