import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { hydrated } from './support';

/**
 * The zone field is a city search (issue 13): the cities people live in, by their local and
 * old names, picked by keyboard alone through an ARIA combobox whose data loads on first use.
 */
test.describe('the city search of the zone field', () => {
  test.use({ timezoneId: 'Europe/Rome', locale: 'en-GB' });

  async function zoneField(page: Page) {
    await page.goto('/');
    const field = page.getByRole('combobox', { name: 'Your time zone' });
    await hydrated(field);
    return field;
  }

  for (const [query, city, zone] of [
    ['Munich', 'Munich', 'Europe/Berlin'],
    ['München', 'Munich', 'Europe/Berlin'],
    ['Boston', 'Boston', 'America/New_York'],
    ['Mumbai', 'Mumbai', 'Asia/Kolkata'],
    ['Bombay', 'Mumbai', 'Asia/Kolkata'],
    ['San Francisco', 'San Francisco', 'America/Los_Angeles'],
  ] as const) {
    test(`finds ${query} as ${city}, ${zone}, by keyboard`, async ({ page }) => {
      const field = await zoneField(page);
      await field.focus();
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.type(query);
      await expect(field).toHaveAttribute('aria-expanded', 'true');
      await page.keyboard.press('ArrowDown');
      const activeId = await field.getAttribute('aria-activedescendant');
      expect(activeId).toBeTruthy();
      const active = page.locator(`[id="${activeId}"]`);
      await expect(active).toHaveAttribute('role', 'option');
      await expect(active).toHaveAttribute('aria-selected', 'true');
      await expect(active).toContainText(city);
      await expect(active).toContainText(zone);
      await page.keyboard.press('Enter');
      await expect(field).toHaveAttribute('aria-expanded', 'false');
      await expect(field).toHaveValue(city);
      await expect(page.getByText(new RegExp(`^${city}, UTC`))).toBeVisible();
    });
  }

  test('the picked city is the poll’s zone once created', async ({ page, request }) => {
    const field = await zoneField(page);
    await field.fill('Munich');
    await page
      .getByRole('option', { name: /Munich/ })
      .first()
      .click();
    await expect(field).toHaveValue('Munich');
    await page.getByLabel('Title').fill('Bavarian call');
    await page.getByLabel('Or type a date').fill('2027-06-10');
    await page.getByRole('button', { name: 'Add date' }).click();
    await page.getByRole('button', { name: 'Create poll' }).click();
    await expect(page.getByRole('heading', { name: 'Links' })).toBeVisible();
    const url = new URL(await page.getByLabel('Participant link').inputValue());
    const poll = await (await request.get(`/api/polls/${url.pathname.split('/')[2]}`)).json();
    expect(poll.timeZone).toBe('Europe/Berlin');
  });

  test('the participant page’s zone bar takes a city picked by keyboard', async ({
    page,
    request,
  }) => {
    const created = await (
      await request.post('/api/polls', {
        data: {
          title: 'Zone bar',
          timeZone: 'Europe/Rome',
          kind: 'timed',
          durationMinutes: 60,
          options: [{ start: '2027-06-10T09:00' }],
        },
      })
    ).json();
    await page.goto(`/p/${created.id}`);
    const change = page.getByRole('button', { name: 'Change time zone' });
    await hydrated(change);
    await change.click();
    const field = page.getByRole('combobox', { name: 'Show times in' });
    await field.focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('Bombay');
    await expect(page.getByRole('listbox').getByRole('option').first()).toContainText('Mumbai');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    // 09:00 in Rome (CEST) is 12:30 in Mumbai (IST).
    await expect(page.getByText(/12:30/).first()).toBeVisible();
    await expect(page.getByText('Mumbai time').first()).toBeVisible();
  });

  test('an ambiguous abbreviation offers each zone it can mean', async ({ page }) => {
    const field = await zoneField(page);
    await field.fill('IST');
    const options = page.getByRole('listbox').getByRole('option');
    await expect(options.first()).toBeVisible();
    const texts = await options.allInnerTexts();
    for (const zone of ['Asia/Kolkata', 'Asia/Jerusalem', 'Europe/Dublin']) {
      expect(texts.some((t) => t.includes('IST') && t.includes(zone))).toBe(true);
    }
  });

  test('an unknown place is refused on Enter, and the error goes away while retyping', async ({
    page,
  }) => {
    const field = await zoneField(page);
    await field.fill('Atlantisqq');
    await expect(page.getByRole('status').filter({ hasText: 'No place found' })).toHaveCount(1);
    await field.press('Enter');
    const alert = page.getByRole('alert').filter({ hasText: 'is not a place we know' });
    await expect(alert).toBeVisible();
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await field.press('Backspace');
    await expect(alert).toHaveCount(0);
    await expect(field).toHaveAttribute('aria-invalid', 'false');
  });

  test('Escape closes the suggestions, and a second Escape restores the zone', async ({ page }) => {
    const field = await zoneField(page);
    await field.fill('Kathm');
    await expect(field).toHaveAttribute('aria-expanded', 'true');
    await field.press('Escape');
    await expect(field).toHaveAttribute('aria-expanded', 'false');
    await field.press('Escape');
    await expect(field).toHaveValue('Europe/Rome');
  });

  test('an old zone name typed in is taken as the current one', async ({ page }) => {
    const field = await zoneField(page);
    await field.fill('Asia/Calcutta');
    await field.blur();
    await expect(field).toHaveValue('Asia/Kolkata');
    await expect(page.getByText(/^Kolkata, UTC\+5:30/)).toBeVisible();
  });

  test('the city data is not loaded until the field is used', async ({ page }) => {
    const scripts: string[] = [];
    page.on('response', (r) => {
      if (r.request().resourceType() === 'script') scripts.push(r.url());
    });
    const field = await zoneField(page);
    await page.waitForLoadState('networkidle');
    const before = scripts.length;
    const chunk = page.waitForResponse((r) => r.request().resourceType() === 'script');
    await field.focus();
    const response = await chunk;
    expect(scripts.length).toBeGreaterThan(before);
    expect((await response.body()).length).toBeGreaterThan(300_000);
  });

  test('the open combobox has no serious or critical axe violation', async ({ page }) => {
    const field = await zoneField(page);
    await field.fill('San');
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('listbox')).toBeVisible();
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
      .analyze();
    expect(results.passes.length).toBeGreaterThan(10);
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(serious).toEqual([]);
  });
});
