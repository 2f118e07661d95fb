import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { answerCells, hydrated } from './support';

async function longPoll(request: APIRequestContext) {
  const created = await request.post('/api/polls', {
    data: {
      title: 'Internationale Arbeitsgruppensitzung zur Ozeanmodellierung und Klimaforschung',
      organiserName: 'Giulia Bartolomeo-Santangelo',
      timeZone: 'Europe/Rome',
      guestZones: ['America/Los_Angeles', 'America/Argentina/Buenos_Aires', 'Asia/Kathmandu'],
      kind: 'timed',
      durationMinutes: 90,
      options: ['2027-06-10T08:00', '2027-06-10T17:00', '2027-06-11T23:30'].map((start) => ({
        start,
      })),
    },
  });
  expect(created.status()).toBe(201);
  const poll = (await created.json()) as { id: string; participantUrl: string; adminUrl: string };
  const { options } = (await (await request.get(`/api/polls/${poll.id}`)).json()) as {
    options: { id: string }[];
  };
  const answered = await request.post(`/api/polls/${poll.id}/responses`, {
    data: {
      name: 'Maximiliane Hohenzollern-Sigmaringen',
      timeZone: 'America/Argentina/Buenos_Aires',
      votes: Object.fromEntries(options.map((o) => [o.id, 'ifneedbe'])),
    },
  });
  expect(answered.status()).toBe(201);
  return poll;
}

async function scrollsSideways(page: Page) {
  return page.evaluate(
    () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
  );
}

for (const locale of ['de-DE', 'fr-FR', 'es-ES']) {
  test.describe(`390 px in ${locale}`, () => {
    test.use({ viewport: { width: 390, height: 844 }, locale, timezoneId: 'Asia/Kathmandu' });

    test('no page scrolls sideways', async ({ page, request }) => {
      const poll = await longPoll(request);
      for (const path of ['/', poll.participantUrl, poll.adminUrl]) {
        await page.goto(path);
        await page.waitForLoadState('networkidle');
        expect(await scrollsSideways(page), path).toBe(false);
      }
    });
  });
}

test.describe('the phone list', () => {
  test.use({ viewport: { width: 390, height: 844 }, locale: 'en-GB', timezoneId: 'Asia/Tokyo' });

  test('answers with 44 px targets whose labels stay on one line', async ({ page, request }) => {
    const poll = await longPoll(request);
    await page.goto(poll.participantUrl);
    await hydrated(page.getByLabel('Your name'));
    await page.getByLabel('Your name').fill('Phone Pia');
    const groups = page.getByRole('radiogroup');
    await expect(groups).toHaveCount(3);
    const answers = ['Yes', 'If need be', 'No'] as const;
    for (const [i, value] of answers.entries()) {
      const radio = groups.nth(i).getByRole('radio', { name: value, exact: true });
      const target = await radio.boundingBox();
      expect(target!.height).toBeGreaterThanOrEqual(44);
      await radio.check();
    }
    const label = groups.nth(0).getByText('If need be', { exact: true });
    const box = await label.boundingBox();
    expect(box!.height).toBeLessThan(24);
    await page.getByRole('button', { name: 'Send answer' }).click();
    await expect(page.getByText('Thank you, your answer is saved.')).toBeVisible();
    const stored = (await (await request.get(`/api/polls/${poll.id}`)).json()) as {
      options: { id: string }[];
      participants: { name: string; votes: Record<string, string> }[];
    };
    const pia = stored.participants.find((p) => p.name === 'Phone Pia')!;
    expect(stored.options.map((o) => pia.votes[o.id])).toEqual(['yes', 'ifneedbe', 'no']);
  });
});

test.describe('the grid with the keyboard alone', () => {
  test.use({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'Asia/Tokyo' });

  test('Tab reaches the grid once, the arrow keys move, Space cycles, Enter sends', async ({
    page,
    request,
  }) => {
    const poll = await longPoll(request);
    await page.goto(poll.participantUrl);
    await hydrated(page.getByLabel('Your name'));
    await page.getByLabel('Your name').focus();
    await page.keyboard.type('Grid Gus');
    const grid = page.getByRole('grid');
    const cells = answerCells(page);
    await expect(cells).toHaveCount(3);
    for (
      let n = 0;
      n < 20 && !(await cells.first().evaluate((c) => c === document.activeElement));
      n++
    )
      await page.keyboard.press('Tab');
    const keys = [
      ['Space'],
      ['ArrowRight', 'Space', 'Space'],
      ['ArrowRight', 'Space', 'Space', 'Space'],
    ];
    for (const key of keys.flat()) await page.keyboard.press(key);
    await expect(cells.nth(0)).toHaveAccessibleName(/: Yes \(/);
    await expect(cells.nth(1)).toHaveAccessibleName(/: If need be \(/);
    await expect(cells.nth(2)).toHaveAccessibleName(/: No \(/);
    await page.getByRole('button', { name: 'Send answer' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByText('Thank you, your answer is saved.')).toBeVisible();
    await expect(grid.getByRole('rowheader', { name: /Grid Gus/ })).toBeVisible();
  });
});
