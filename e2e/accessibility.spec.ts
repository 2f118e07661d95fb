import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { answerCells, hydrated, openSettings, readPoll, setAnswer } from './support';

/** Serious and critical axe violations, each with the elements it was found on. */
async function seriousViolations(page: Page): Promise<string[]> {
  // Metadata streams in after the page's content: check the page once it has arrived.
  await expect(page).toHaveTitle(/Kairos/);
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  expect(results.passes.length).toBeGreaterThan(10);
  if (process.env.E2E_AXE_ALL)
    console.log(
      page.url(),
      results.violations.map((v) => `${v.impact} ${v.id} ${v.nodes.length}`),
    );
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
}

async function pollWithAnswers(request: APIRequestContext) {
  const created = await (
    await request.post('/api/polls', {
      data: {
        title: 'Accessible planning',
        description: 'Pick the times that suit you.',
        location: 'https://meet.example.org/room',
        organiserName: 'Giulia',
        timeZone: 'Europe/Rome',
        kind: 'timed',
        durationMinutes: 60,
        guestZones: ['America/New_York', 'Asia/Tokyo'],
        options: [
          { start: '2027-06-10T09:00' },
          { start: '2027-06-10T17:00' },
          { start: '2027-06-11T09:00' },
        ],
      },
    })
  ).json();
  const { options } = await readPoll(request, created.id);
  const ids = options.map((o) => o.id);
  let editUrl = '';
  for (const [name, timeZone, values] of [
    ['Nic', 'America/Los_Angeles', ['no', 'ifneedbe', 'yes']],
    ['Aarav', 'Asia/Kathmandu', ['yes', 'yes', 'no']],
  ] as const) {
    const answer = await (
      await request.post(`/api/polls/${created.id}/responses`, {
        data: {
          name,
          timeZone,
          votes: Object.fromEntries(ids.map((id, i) => [id, values[i]])),
          neverWindow: { start: '23:00', end: '07:00' },
        },
      })
    ).json();
    editUrl = answer.editUrl;
  }
  return { ...created, editUrl, optionIds: ids } as {
    id: string;
    participantUrl: string;
    adminUrl: string;
    editUrl: string;
    optionIds: string[];
  };
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`axe finds no serious or critical violation (${colorScheme})`, () => {
    test.use({ colorScheme, timezoneId: 'America/New_York', locale: 'en-US' });

    test('home and create form', async ({ page }) => {
      await page.goto('/');
      await hydrated(page.getByLabel('Or type a date'));
      await page.getByLabel('Or type a date').fill('2027-06-10');
      await page.getByRole('button', { name: 'Add date' }).click();
      await expect(page.getByRole('heading', { name: 'No options yet' })).toHaveCount(0);
      expect(await seriousViolations(page)).toEqual([]);
      // The same form showing its errors.
      await page.getByRole('button', { name: 'Create poll' }).click();
      await expect(page.getByText('Give the poll a title.').first()).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('participant page, empty and with results', async ({ page, request }) => {
      const empty = await (
        await request.post('/api/polls', {
          data: {
            title: 'Empty',
            timeZone: 'Europe/Rome',
            kind: 'allDay',
            options: [{ date: '2027-06-10' }],
          },
        })
      ).json();
      await page.goto(empty.participantUrl);
      await expect(page.getByRole('button', { name: 'Send answer' })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);

      const poll = await pollWithAnswers(request);
      await page.goto(poll.participantUrl);
      // The viewer can answer: the results are the answer grid with their row in it.
      await expect(page.getByRole('grid')).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await hydrated(page.getByRole('button', { name: 'Change time zone' }));
      await page.getByRole('button', { name: 'Change time zone' }).click();
      await expect(page.getByRole('button', { name: 'Change time zone' })).toHaveAttribute(
        'aria-expanded',
        'true',
      );
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('a poll of 30 people: the first rows, the button for everyone, the full table', async ({
      page,
      request,
    }) => {
      const poll = await pollWithAnswers(request);
      for (let i = 1; i <= 28; i++) {
        const votes = Object.fromEntries(
          poll.optionIds.map((id, j) => [id, (['yes', 'ifneedbe', 'no'] as const)[(i + j) % 3]]),
        );
        const stored = await request.post(`/api/polls/${poll.id}/responses`, {
          data: { name: `Person ${i}`, timeZone: i % 2 ? 'Asia/Tokyo' : 'Europe/Berlin', votes },
        });
        expect(stored.status()).toBe(201);
      }
      await page.goto(poll.participantUrl);
      const showAll = page.getByRole('button', { name: 'Show all 30 participants' });
      await expect(showAll).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await hydrated(showAll);
      await showAll.click();
      await expect(page.getByRole('button', { name: 'Show the first 25 only' })).toHaveAttribute(
        'aria-expanded',
        'true',
      );
      await page.getByRole('button', { name: 'Everyone’s local time' }).first().click();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('results after answering, and the edit page', async ({ page, request }) => {
      const poll = await pollWithAnswers(request);
      await page.goto(poll.participantUrl);
      await hydrated(page.getByLabel('Your name'));
      await page.getByLabel('Your name').fill('Ryan');
      await setAnswer(page, 0, 'Yes');
      await page.getByRole('button', { name: 'Send answer' }).click();
      await expect(page.getByText('Thank you, your answer is saved.')).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await page.goto(poll.editUrl);
      await expect(page.getByRole('button', { name: 'Save changes' })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('admin page', async ({ page, request }) => {
      const poll = await pollWithAnswers(request);
      await page.goto(`${poll.adminUrl}?created=1`);
      await openSettings(page);
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Close the poll' }).click();
      await expect(page.getByRole('button', { name: 'Reopen the poll' })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('error pages: not found and the error boundary', async ({ page, request }) => {
      const missing = await page.goto('/p/doesnotexist0000');
      expect(missing?.status()).toBe(404);
      await expect(page.getByRole('heading', { name: 'This poll does not exist' })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);

      // A server action that fails unexpectedly lands on the error boundary.
      const poll = await pollWithAnswers(request);
      await page.goto(poll.participantUrl);
      await hydrated(page.getByLabel('Your name'));
      await page.route(poll.participantUrl, (route) =>
        route.request().headers()['next-action']
          ? route.fulfill({ status: 500, contentType: 'text/plain', body: 'Boom' })
          : route.continue(),
      );
      await page.getByLabel('Your name').fill('Ryan');
      await page.getByRole('button', { name: 'Send answer' }).click();
      await expect(page.getByRole('heading', { name: 'Something went wrong' })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}

test.describe('the answer form with the keyboard alone', () => {
  test.use({ timezoneId: 'Asia/Tokyo', locale: 'en-GB' });

  /** Presses Tab until the focused element matches, and fails after `limit` presses. */
  async function tabTo(
    page: Page,
    description: string,
    matches: () => Promise<boolean>,
    limit = 40,
  ) {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press('Tab');
      if (await matches()) return;
    }
    throw new Error(`Tab never reached ${description}`);
  }

  test('name, one answer per option with the arrow keys, and send', async ({ page, request }) => {
    const poll = await pollWithAnswers(request);
    await page.goto(poll.participantUrl);
    await hydrated(page.getByLabel('Your name'));
    const focused = page.locator(':focus');

    await tabTo(
      page,
      'the name field',
      async () => (await focused.getAttribute('id')) === 'participant-name',
    );
    await expect(page.getByLabel('Your name')).toBeFocused();
    await page.keyboard.type('Keyboard Kim');

    const cells = answerCells(page);
    await expect(cells).toHaveCount(3);
    // One Tab enters the grid on the first cell; Space and Enter cycle it, → moves on.
    const keys = [
      ['Space'],
      ['ArrowRight', 'Space', 'Enter'],
      ['ArrowRight', 'Space', 'Space', 'Space'],
    ];
    const expected = ['Yes', 'If need be', 'No'];
    await tabTo(
      page,
      'the answer grid',
      async () => await cells.first().evaluate((n) => n === document.activeElement),
    );
    for (let i = 0; i < 3; i++) {
      for (const key of keys[i]!) await page.keyboard.press(key);
      await expect(cells.nth(i)).toBeFocused();
      await expect(cells.nth(i)).toHaveAccessibleName(new RegExp(`: ${expected[i]} \\(`));
    }

    await tabTo(
      page,
      'the send button',
      async () =>
        await page
          .getByRole('button', { name: 'Send answer' })
          .evaluate((b) => b === document.activeElement),
    );
    await page.keyboard.press('Enter');
    await expect(page.getByText('Thank you, your answer is saved.')).toBeVisible();

    const stored = (await readPoll(request, poll.id)).participants.find(
      (p) => p.name === 'Keyboard Kim',
    );
    expect(stored?.timeZone).toBe('Asia/Tokyo');
    expect(poll.optionIds.map((id) => stored?.votes[id])).toEqual(['yes', 'ifneedbe', 'no']);
  });
});
