import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { hydrated, readPoll } from './support';

/** 15 options over five days (or 20) and 20 answers from five zones: a real meeting's poll. */
async function meetingPoll(request: APIRequestContext, answers = 20, optionCount = 15) {
  const hours =
    optionCount > 15 ? ['09:00', '11:00', '14:00', '17:30'] : ['09:00', '14:00', '17:30'];
  const starts = [1, 2, 3, 4, 5]
    .flatMap((d) => hours.map((h) => `2027-03-0${d}T${h}`))
    .slice(0, optionCount);
  const created = await request.post('/api/polls', {
    data: {
      title: 'Quarterly planning',
      timeZone: 'Europe/Berlin',
      kind: 'timed',
      durationMinutes: 60,
      options: starts.map((start) => ({ start })),
    },
  });
  expect(created.status()).toBe(201);
  const poll = (await created.json()) as { id: string; participantUrl: string; adminUrl: string };
  const ids = (await readPoll(request, poll.id)).options.map((o) => o.id);
  const zones = [
    'America/New_York',
    'Europe/Paris',
    'Asia/Tokyo',
    'Asia/Kolkata',
    'Pacific/Auckland',
  ];
  const values = ['yes', 'ifneedbe', 'no'];
  for (let i = 0; i < answers; i++) {
    const response = await request.post(`/api/polls/${poll.id}/responses`, {
      data: {
        name: `Person ${i + 1}`,
        timeZone: zones[i % zones.length],
        votes: Object.fromEntries(ids.map((id, j) => [id, values[(i + 2 * j) % 3]])),
      },
    });
    expect(response.status()).toBe(201);
  }
  return { ...poll, ids };
}

async function focusedLabel(page: Page) {
  return page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
}

test.describe('the answer grid on a wide screen', () => {
  test.use({ viewport: { width: 1280, height: 900 }, locale: 'en-US', timezoneId: 'Asia/Tokyo' });

  test('is answered by keyboard alone and stores what the keys set', async ({ page, request }) => {
    const poll = await meetingPoll(request, 3);
    await page.goto(poll.participantUrl);
    const grid = page.getByRole('grid', { name: 'Results' });
    await hydrated(grid.getByRole('button').first());
    await page.getByLabel('Your name').fill('Keyboard Kim');

    // Tab reaches the grid once: one cell of the viewer's row holds the roving tabindex.
    let tabs = 0;
    while (!(await focusedLabel(page)).startsWith('Your answer for ') && tabs++ < 20)
      await page.keyboard.press('Tab');
    expect(await focusedLabel(page)).toMatch(/^Your answer for Mon, Mar 1 5:00 PM .*: No answer/);

    await page.keyboard.press('Space'); // yes
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter'); // if need be
    await page.keyboard.press('ArrowRight');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Space'); // no
    expect(await focusedLabel(page)).toMatch(/: No \(press to change\)$/);
    // Up leaves the editable row for the answers above it; Down comes back to the same cell.
    await page.keyboard.press('ArrowUp');
    await expect(page.locator('td:focus')).toHaveAttribute('data-cell', '2 2');
    await page.keyboard.press('ArrowDown');
    expect(await focusedLabel(page)).toMatch(/: No \(press to change\)$/);
    await page.keyboard.press('End');
    await page.keyboard.press('Space');
    expect(await focusedLabel(page)).toMatch(/^Your answer for Sat, Mar 6 1:30 AM .*: Yes/);

    // One Tab leaves the grid however far the arrows went.
    await page.keyboard.press('Tab');
    tabs = 0;
    while (
      (await page.evaluate(() => document.activeElement?.textContent)) !== 'Send answer' &&
      tabs++ < 10
    )
      await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(page.getByText('Thank you, your answer is saved.')).toBeVisible();

    const stored = (await readPoll(request, poll.id)).participants.find(
      (p) => p.name === 'Keyboard Kim',
    );
    const [first, second, third] = poll.ids;
    expect(stored?.votes).toEqual({
      [first!]: 'yes',
      [second!]: 'ifneedbe',
      [third!]: 'no',
      [poll.ids.at(-1)!]: 'yes',
    });
    expect(stored?.timeZone).toBe('Asia/Tokyo');
  });

  test('a 15 × 20 poll fits in three screens, the fairest column said in words', async ({
    page,
    request,
  }) => {
    const poll = await meetingPoll(request);
    await page.goto(poll.participantUrl);
    await page.waitForLoadState('networkidle');
    const main = await page.locator('main').boundingBox();
    expect(main!.height).toBeLessThanOrEqual(3 * 900);
    const grid = page.getByRole('grid', { name: 'Results' });
    await expect(grid.getByRole('columnheader').filter({ hasText: 'Fairest' })).toHaveCount(1);
    await expect(grid.getByRole('rowheader', { name: /Person 20/ })).toBeVisible();
    await expect(grid.getByRole('rowheader', { name: 'Can attend' })).toBeVisible();
    // Each answer says, on hover, that person's own local time.
    await expect(grid.getByRole('img', { name: 'Yes' }).first()).toHaveAttribute(
      'title',
      /^Yes · \w{3} .*· \S/,
    );
  });

  test('the organiser’s page of a 20 × 5 poll reads in under three screens, with one ranking', async ({
    page,
    request,
  }) => {
    const poll = await meetingPoll(request, 5, 20);
    await page.goto(poll.adminUrl);
    await page.waitForLoadState('networkidle');
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThanOrEqual(2_500);
    await expect(page.getByRole('heading', { name: 'Fairest times' })).toHaveCount(1);
    await expect(page.getByRole('button', { name: 'Schedule this one' })).toHaveCount(3);
    await expect(page.getByRole('rowheader', { name: /Person 5/ })).toBeVisible();
  });

  test('15 options fit without scrolling sideways; 20 scroll with the names held and a hint', async ({
    page,
    request,
  }) => {
    const region = page.getByRole('region', { name: 'Results table, scrolls sideways' });
    const overflow = () => region.evaluate((element) => element.scrollWidth - element.clientWidth);
    const fifteen = await meetingPoll(request, 5);
    await page.goto(fifteen.participantUrl);
    await hydrated(page.getByRole('grid', { name: 'Results' }).getByRole('button').first());
    expect(await overflow()).toBeLessThanOrEqual(1);
    await expect(page.getByTestId('results-scroll-hint')).toHaveCount(0);

    const twenty = await meetingPoll(request, 5, 20);
    await page.goto(twenty.participantUrl);
    await hydrated(page.getByRole('grid', { name: 'Results' }).getByRole('button').first());
    expect(await overflow()).toBeGreaterThan(0);
    await expect(page.getByTestId('results-scroll-hint')).toHaveText(
      'The names stay put: scroll the table sideways for all 20 options →',
    );
    const name = page.getByRole('rowheader', { name: /Person 1\b/ });
    const before = await name.boundingBox();
    await region.evaluate((element) => element.scrollBy(400, 0));
    expect((await name.boundingBox())?.x).toBe(before?.x);
  });

  test('has no serious or critical accessibility problems', async ({ page, request }) => {
    const poll = await meetingPoll(request, 5);
    await page.goto(poll.participantUrl);
    await hydrated(page.getByRole('grid').getByRole('button').first());
    await expect(page).toHaveTitle(/Kairos/);
    const results = await new AxeBuilder({ page })
      .include('.results-grid')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
      .analyze();
    expect(results.passes.length).toBeGreaterThan(5);
    expect(
      results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
  });
});

test.describe('without JavaScript', () => {
  test.use({
    javaScriptEnabled: false,
    viewport: { width: 1280, height: 900 },
    locale: 'en-US',
    timezoneId: 'Asia/Tokyo',
  });

  test('every time shows and the answer form still posts', async ({ page, request }) => {
    const poll = await meetingPoll(request, 2);
    await page.goto(poll.participantUrl);
    // The list answers, the grid's own row (buttons that need a script) is hidden.
    await expect(page.getByRole('radiogroup')).toHaveCount(15);
    await expect(page.locator('.mine-row')).toBeHidden();
    await page.getByLabel('Your name').fill('No Script Noor');
    await page
      .getByRole('radiogroup', { name: /^Your answer for Mon, Mar 1/ })
      .first()
      .getByRole('radio', { name: 'If need be', exact: true })
      .check();
    await page.getByRole('button', { name: 'Send answer' }).click();
    await page.waitForLoadState('load');
    const stored = (await readPoll(request, poll.id)).participants.find(
      (p) => p.name === 'No Script Noor',
    );
    expect(stored?.votes).toEqual({ [poll.ids[0]!]: 'ifneedbe' });
  });
});
