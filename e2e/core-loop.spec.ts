import { expect, test } from '@playwright/test';
import {
  answer,
  answerCells,
  confirmPastDates,
  createTimedPollThroughForm,
  hydrated,
  newPage,
  optionName,
  setAnswer,
  readPoll,
} from './support';

/**
 * An organiser in Rome proposes 08:00 and 17:00 (90 minutes) on 10 June 2026 (both
 * continents on summer time) and on 28 October 2026 (Europe back on winter time, the US
 * not yet). Every participant must see the right local time and date for every option.
 */
test.describe('the core loop across time zones', () => {
  test.use({ timezoneId: 'Europe/Rome', locale: 'en-GB' });

  test('organiser creates, three zones answer, organiser sees them, one edits', async ({
    page,
    browser,
    request,
  }) => {
    await page.goto('/');
    await expect(page.getByLabel('Your time zone')).toHaveValue('Europe/Rome');
    const poll = await createTimedPollThroughForm(page, {
      title: 'Ocean-model call',
      dates: ['2026-06-10', '2026-10-28'],
      times: ['08:00', '17:00'],
      durationLabel: '1 h 30 min',
      // The dates are chosen for their clock changes, and are behind the real clock now.
      past: true,
    });
    await expect(page.getByText('Keep it secret.')).toBeVisible();

    const stored = await readPoll(request, poll.pollId);
    expect(stored.options.map((o) => o.start)).toEqual([
      '2026-06-10T06:00:00.000Z',
      '2026-06-10T15:00:00.000Z',
      '2026-10-28T07:00:00.000Z',
      '2026-10-28T16:00:00.000Z',
    ]);

    // Los Angeles, en-US: 12-hour clock; the June 08:00 Rome slot is the evening before
    // and runs past midnight.
    const la = await newPage(browser, 'America/Los_Angeles', 'en-US');
    await la.goto(poll.participantUrl);
    await expect(la.getByText('Los Angeles time')).toBeVisible();
    const laRows = answerCells(la);
    await expect(laRows.nth(0)).toHaveAccessibleName(
      optionName('Your answer for Tue, Jun 9 11:00 PM – 12:30 AM'),
    );
    await expect(laRows.nth(1)).toHaveAccessibleName(
      optionName('Your answer for Wed, Jun 10 8:00 AM – 9:30 AM'),
    );
    await expect(laRows.nth(2)).toHaveAccessibleName(
      optionName('Your answer for Wed, Oct 28 12:00 AM – 1:30 AM'),
    );
    await expect(laRows.nth(3)).toHaveAccessibleName(
      optionName('Your answer for Wed, Oct 28 9:00 AM – 10:30 AM'),
    );
    await expect(la.getByText('ends the next day')).toHaveCount(1);
    await expect(la.getByText('Wed, Jun 10, 8:00 AM – 9:30 AM in Rome')).toBeVisible();
    await answer(la, 'Nic', ['No', 'If need be', 'No', 'Yes']);

    // New York, en-US: on 28 Oct New York is still on EDT, so 17:00 Rome is 12:00, not 11:00.
    const ny = await newPage(browser, 'America/New_York', 'en-US');
    await ny.goto(poll.participantUrl);
    const nyRows = answerCells(ny);
    await expect(nyRows.nth(0)).toHaveAccessibleName(
      optionName('Your answer for Wed, Jun 10 2:00 AM – 3:30 AM'),
    );
    await expect(nyRows.nth(1)).toHaveAccessibleName(
      optionName('Your answer for Wed, Jun 10 11:00 AM – 12:30 PM'),
    );
    await expect(nyRows.nth(2)).toHaveAccessibleName(
      optionName('Your answer for Wed, Oct 28 3:00 AM – 4:30 AM'),
    );
    await expect(nyRows.nth(3)).toHaveAccessibleName(
      optionName('Your answer for Wed, Oct 28 12:00 PM – 1:30 PM'),
    );
    await answer(ny, 'Ryan', ['No', 'Yes', 'No', 'Yes']);

    // Kathmandu, en-GB: a +05:45 zone and a 24-hour clock.
    const ktm = await newPage(browser, 'Asia/Kathmandu', 'en-GB');
    await ktm.goto(poll.participantUrl);
    await expect(ktm.getByText('Kathmandu time')).toBeVisible();
    await expect(ktm.getByText('(UTC+5:45)')).toBeVisible();
    const ktmRows = answerCells(ktm);
    await expect(ktmRows.nth(0)).toHaveAccessibleName(
      optionName('Your answer for Wed 10 Jun 11:45 – 13:15'),
    );
    await expect(ktmRows.nth(1)).toHaveAccessibleName(
      optionName('Your answer for Wed 10 Jun 20:45 – 22:15'),
    );
    await expect(ktmRows.nth(2)).toHaveAccessibleName(
      optionName('Your answer for Wed 28 Oct 12:45 – 14:15'),
    );
    await expect(ktmRows.nth(3)).toHaveAccessibleName(
      optionName('Your answer for Wed 28 Oct 21:45 – 23:15'),
    );
    const ktmEdit = await answer(ktm, 'Aarav', ['Yes', 'If need be', 'Yes', 'If need be']);

    // The organiser sees all three answers and the zone each was given in.
    await page.goto(poll.adminUrl);
    const table = page.getByRole('table');
    for (const [name, city] of [
      ['Nic', 'Los Angeles'],
      ['Ryan', 'New York'],
      ['Aarav', 'Kathmandu'],
    ]) {
      await expect(
        table.getByRole('rowheader', { name: new RegExp(`^${name}.*${city}`) }),
      ).toBeVisible();
    }
    await expect(table.getByRole('columnheader', { name: /Fairest/ })).toHaveCount(1);
    const afterAnswers = await readPoll(request, poll.pollId);
    // Stored as the browser reported it: Chromium's ICU still says "Asia/Katmandu".
    expect(afterAnswers.participants.map((p) => [p.name, p.timeZone])).toEqual([
      ['Nic', 'America/Los_Angeles'],
      ['Ryan', 'America/New_York'],
      ['Aarav', expect.stringMatching(/^Asia\/Kath?mandu$/)],
    ]);

    // Aarav changes the answer from another device, through the private edit link.
    const elsewhere = await newPage(browser, 'Asia/Kathmandu', 'en-GB');
    await elsewhere.goto(ktmEdit);
    await expect(elsewhere.getByRole('heading', { name: 'Change your answer' })).toBeVisible();
    await expect(elsewhere.getByLabel('Your name')).toHaveValue('Aarav');
    await hydrated(elsewhere.getByLabel('Your name'));
    await setAnswer(elsewhere, 0, 'No');
    await elsewhere.getByRole('button', { name: 'Save changes' }).click();
    await expect(elsewhere.getByText('Your changes are saved.')).toBeVisible();
    const afterEdit = await readPoll(request, poll.pollId);
    const aarav = afterEdit.participants.find((p) => p.name === 'Aarav')!;
    expect(aarav.votes[afterEdit.options[0]!.id]).toBe('no');
    expect(afterEdit.participants).toHaveLength(3);

    // The organiser's results rank the options: 17:00 on 10 June beats 17:00 on 28 October
    // because Kathmandu's late hour is less late; the night slot for New York comes last.
    await page.goto(poll.adminUrl);
    const ranking = page
      .getByRole('region', { name: 'Fairest times' })
      .getByRole('listitem')
      .filter({ hasText: /^#/ });
    await expect(ranking.nth(0)).toHaveAccessibleName('Wed 10 Jun 17:00 – 18:30');
    await expect(ranking.nth(0)).toContainText('3 of 3 can attend (1 yes, 2 if need be)');
    await expect(ranking.nth(0)).toContainText(
      'worst: Wed 20:45 – 22:15 in Kathmandu (Aarav, antisocial hours)',
    );
    // The local-times table below shows every place, so here the chips wait for a click.
    await ranking.nth(0).getByRole('button', { name: 'Everyone’s local time' }).click();
    await expect(ranking.nth(0).getByText('Los Angeles')).toBeVisible();
    await expect(ranking.nth(1)).toHaveAccessibleName('Wed 28 Oct 17:00 – 18:30');
    await expect(ranking.nth(3)).toHaveAccessibleName('Wed 10 Jun 08:00 – 09:30');
    await page.getByRole('button', { name: 'By date' }).click();
    await expect(ranking.nth(0)).toHaveAccessibleName('Wed 10 Jun 08:00 – 09:30');

    // The same browser is remembered by its cookie: reopening the plain link edits, not adds.
    await ktm.goto(poll.participantUrl);
    await expect(ktm.getByRole('heading', { name: 'Change your answer' })).toBeVisible();
  });
});

test.describe('an all-day poll', () => {
  test.use({ timezoneId: 'Europe/Rome', locale: 'en-GB' });

  test('shows the same dates in Rome and Honolulu', async ({ page, browser }) => {
    await page.goto('/');
    await hydrated(page.getByLabel('Title'));
    await page.getByLabel('Title').fill('Workshop days');
    await page.getByRole('radio', { name: 'Whole days' }).check();
    for (const date of ['2026-11-02', '2026-11-03']) {
      await page.getByLabel('Or type a date').fill(date);
      await page.getByRole('button', { name: 'Add date' }).click();
    }
    await page.getByRole('button', { name: 'Create poll' }).click();
    await confirmPastDates(page);
    const participantUrl = await page.getByLabel('Participant link').inputValue();

    for (const [zone, locale] of [
      ['Europe/Rome', 'en-GB'],
      ['Pacific/Honolulu', 'en-GB'],
    ] as const) {
      const viewer = await newPage(browser, zone, locale);
      await viewer.goto(participantUrl);
      const rows = answerCells(viewer);
      await expect(rows.nth(0)).toHaveAccessibleName(optionName('Your answer for Mon, 2 Nov 2026'));
      await expect(rows.nth(1)).toHaveAccessibleName(optionName('Your answer for Tue, 3 Nov 2026'));
    }
  });
});

test.describe('a browser that reports UTC', () => {
  test.use({ timezoneId: 'UTC', locale: 'en-GB' });

  test('gets a hint to pick its zone, and the choice is remembered', async ({ page, request }) => {
    const created = await request.post('/api/polls', {
      data: {
        title: 'Hint',
        timeZone: 'Europe/Rome',
        kind: 'timed',
        durationMinutes: 60,
        options: [{ start: '2026-10-28T17:00' }],
        allowPast: true,
      },
    });
    const { participantUrl } = await created.json();
    await page.goto(participantUrl);
    await expect(page.getByText('Your browser does not say which city')).toBeVisible();
    // The field is open already: a browser that names no city is asked for one at once.
    await page.getByLabel('Show times in').fill('America/New_York');
    await expect(page.getByText('New York time')).toBeVisible();
    await expect(answerCells(page)).toHaveAccessibleName(
      optionName('Your answer for Wed 28 Oct 12:00 – 13:00'),
    );
    await page.reload();
    await expect(page.getByText('New York time')).toBeVisible();
    await expect(page.getByText('Your browser does not say which city')).toHaveCount(0);
  });
});

test.describe('the viewer’s clock', () => {
  test.use({ timezoneId: 'Europe/London', locale: 'en-GB' });

  test('follows the locale until the viewer picks 12 or 24 hours, and remembers it', async ({
    page,
    request,
  }) => {
    const created = await request.post('/api/polls', {
      data: {
        title: 'Clock',
        timeZone: 'Europe/London',
        kind: 'timed',
        durationMinutes: 60,
        options: [{ start: '2026-10-28T17:00' }],
        allowPast: true,
      },
    });
    const { participantUrl } = await created.json();
    await page.goto(participantUrl);
    const row = answerCells(page);
    await expect(row).toHaveAccessibleName(optionName('Your answer for Wed 28 Oct 17:00 – 18:00'));
    await expect(page.getByRole('button', { name: '24 h' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await page.getByRole('button', { name: '12 h' }).click();
    await expect(row).toHaveAccessibleName(/^Your answer for Wed 28 Oct 5:00\spm – 6:00\spm: /i);
    await page.reload();
    await expect(row).toHaveAccessibleName(/^Your answer for Wed 28 Oct 5:00\spm – 6:00\spm: /i);
  });
});
