import { expect, test } from '@playwright/test';
import { confirmPastDates, hydrated, readPoll } from './support';

test.describe('the fair-time finder', () => {
  test.use({ timezoneId: 'Europe/Rome', locale: 'en-GB' });

  test('an organiser in Rome builds a poll from the week heatmap with the keyboard alone', async ({
    page,
    request,
  }) => {
    await page.goto('/');
    await expect(page.getByLabel('Your time zone')).toHaveValue('Europe/Rome');
    await page.getByLabel('Title').focus();
    await page.keyboard.type('Heatmap call');
    for (const city of ['America/New_York', 'America/Los_Angeles']) {
      await page.getByLabel('Add a guest city').focus();
      await page.keyboard.type(city);
      await page.keyboard.press('Enter');
    }
    await expect(page.getByRole('button', { name: 'Remove Los Angeles' })).toBeVisible();
    await page.getByLabel('Week of').fill('2026-10-26');

    const grid = page.getByRole('grid', { name: /Week heatmap/ });
    const start = grid.getByRole('gridcell', { name: /^Mon 26 Oct 09:00:/ });
    await expect(start).toHaveAttribute('tabindex', '0');
    await start.focus();
    const live = page.locator('[aria-live="polite"]').filter({ hasText: /./ }).last();

    // Wednesday 17:00 (two right, eight down), then Thursday 17:00, then Thursday 14:00.
    for (const key of ['ArrowRight', 'ArrowRight', ...Array(8).fill('ArrowDown')])
      await page.keyboard.press(key);
    await expect(live).toContainText(
      'Wed 28 Oct 17:00: Rome 17:00, edge of day; New York 12:00, comfortable; Los Angeles 09:00, comfortable',
    );
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press(' ');
    for (const key of ['ArrowUp', 'ArrowUp', 'ArrowUp']) await page.keyboard.press(key);
    await page.keyboard.press('Enter');
    // Changed my mind about Thursday 17:00: back down and toggle it off again.
    for (const key of ['ArrowDown', 'ArrowDown', 'ArrowDown']) await page.keyboard.press(key);
    await page.keyboard.press('Enter');
    await expect(live).toContainText('Removed: Thu 29 Oct 17:00');

    await expect(grid.getByRole('gridcell', { selected: true })).toHaveCount(2);
    await expect(page.getByText('2 options', { exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Create poll' }).focus();
    await page.keyboard.press('Enter');
    // The mismatch week of 2026 is behind the real clock now: the organiser confirms.
    await confirmPastDates(page);
    await expect(page.getByRole('heading', { name: 'Links' })).toBeVisible();

    const pollId = new URL(await page.getByLabel('Participant link').inputValue()).pathname.split(
      '/',
    )[2]!;
    const poll = await readPoll(request, pollId);
    expect(poll.options.map((o) => o.start)).toEqual([
      '2026-10-28T16:00:00.000Z',
      '2026-10-29T13:00:00.000Z',
    ]);
  });

  test('suggests the fairest times of the week and explains each', async ({ page }) => {
    await page.goto('/');
    await hydrated(page.getByLabel('Add a guest city'));
    for (const city of ['America/New_York', 'America/Los_Angeles']) {
      await page.getByLabel('Add a guest city').fill(city);
      await page.getByLabel('Add a guest city').press('Enter');
    }
    await page.getByLabel('Week of').fill('2026-10-26');
    await page.getByRole('button', { name: 'Suggest fair times' }).click();
    const list = page
      .getByRole('heading', { name: /Fairest times this week/ })
      .locator('..')
      .locator('..')
      .getByRole('listitem');
    await expect(list).toHaveCount(5);
    await expect(list.first()).toContainText('Mon 26 Oct 17:00');
    await expect(list.first()).toContainText('worst: Mon 17:00 – 18:00 in Rome');
    await list.first().getByRole('button', { name: 'Add' }).click();
    await expect(page.getByText('1 option', { exact: true })).toBeVisible();

    await page.getByRole('button', { name: 'Suggest an alternating pair' }).click();
    await expect(page.getByText(/^Alternate .* Rome time\.$/)).toBeVisible();
    await expect(page.getByText(/^Worst week: /)).toBeVisible();
  });

  test('warns about the weeks when the clocks are out of step', async ({ page }) => {
    await page.goto('/');
    // Enter pressed before React listens would be lost, and New York with it.
    await hydrated(page.getByLabel('Add a guest city'));
    await page.getByLabel('Add a guest city').fill('America/New_York');
    await page.getByLabel('Add a guest city').press('Enter');
    await expect(page.getByRole('button', { name: 'Remove New York' })).toBeVisible();
    for (const date of ['2026-03-25', '2026-04-01']) {
      await page.getByLabel('Or type a date').fill(date);
      await page.getByRole('button', { name: 'Add date' }).click();
    }
    await expect(
      page.getByRole('note').filter({ hasText: 'The clocks change during this poll' }),
    ).toContainText('From 29 Mar, New York is 6 h behind Rome, instead of 5 h.');
  });
});

test.describe('clock-change notices on the poll page', () => {
  test.use({ timezoneId: 'America/New_York', locale: 'en-US' });

  test('a New York participant is told that Rome moves an hour closer after 29 March', async ({
    page,
    request,
  }) => {
    const created = await request.post('/api/polls', {
      data: {
        title: 'Spring',
        timeZone: 'Europe/Rome',
        kind: 'timed',
        durationMinutes: 60,
        options: [{ start: '2026-03-25T17:00' }, { start: '2026-04-01T17:00' }],
        allowPast: true,
      },
    });
    await page.goto((await created.json()).participantUrl);
    await expect(
      page.getByRole('note').filter({ hasText: 'The clocks change during this poll' }),
    ).toContainText('From Mar 29, Rome is 6 h ahead of New York, instead of 5 h.');
  });
});
