import {
  expect,
  type APIRequestContext,
  type Browser,
  type Locator,
  type Page,
} from '@playwright/test';

export type Answer = 'Yes' | 'If need be' | 'No';

/** Fills the create form the way an organiser does: type dates, add start times. */
export async function createTimedPollThroughForm(
  page: Page,
  {
    title,
    dates,
    times,
    durationLabel,
    past = false,
  }: {
    title: string;
    dates: string[];
    times: string[];
    durationLabel: string;
    /** Some dates are in the past: the form refuses once, and the organiser confirms. */
    past?: boolean;
  },
) {
  await page.goto('/');
  await hydrated(page.getByLabel('Title'));
  await page.getByLabel('Title').fill(title);
  for (const date of dates) {
    await page.getByLabel('Or type a date').fill(date);
    await page.getByRole('button', { name: 'Add date' }).click();
  }
  await page.getByLabel('Duration').selectOption({ label: durationLabel });
  await page.getByRole('button', { name: 'Remove start time 09:00' }).click();
  for (const time of times) {
    await page.getByLabel('Add a start time').fill(time);
    await page.getByRole('button', { name: 'Add time', exact: true }).click();
  }
  await page.getByRole('button', { name: 'Create poll' }).click();
  if (past) await confirmPastDates(page);
  await expect(page.getByRole('heading', { name: 'Links' })).toBeVisible();
  const participantUrl = await page.getByLabel('Participant link').inputValue();
  const adminUrl = await page.getByLabel('Your admin link').inputValue();
  return { participantUrl, adminUrl, pollId: new URL(participantUrl).pathname.split('/')[2]! };
}

/** After the create form refused dates in the past: tick the confirmation and create again. */
export async function confirmPastDates(
  page: Page,
  { confirm = 'Create it anyway: some dates are in the past', submit = 'Create poll' } = {},
) {
  const box = page.getByRole('checkbox', { name: confirm });
  await expect(box).toBeVisible();
  await box.check();
  await page.getByRole('button', { name: submit }).click();
}

export async function answer(page: Page, name: string, answers: Answer[]) {
  await hydrated(page.getByLabel('Your name'));
  await page.getByLabel('Your name').fill(name);
  for (const [i, value] of answers.entries()) await setAnswer(page, i, value, answers.length);
  await page.getByRole('button', { name: 'Send answer' }).click();
  await expect(page.getByText('Thank you, your answer is saved.')).toBeVisible();
  return page.getByLabel('Your private edit link').inputValue();
}

/**
 * The viewer's own cells: in the grid on a wide screen (one button per option that cycles
 * the answer), else the phone list's radio groups.
 */
export function answerCells(page: Page): Locator {
  return page.getByRole('grid').locator('button[data-cell]');
}

/** The name of the viewer's cell of an option, "Your answer for <option>: <answer> (…)" (French puts a space before the colon). */
export function optionName(option: string): RegExp {
  return new RegExp(`^${option.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s?: `);
}

/** Sets the answer of the i-th option, by cycling its grid cell or ticking its radio. */
export async function setAnswer(page: Page, i: number, value: Answer, count?: number) {
  if ((await page.getByRole('grid').count()) === 0) {
    const groups = page.getByRole('radiogroup');
    if (count !== undefined) await expect(groups).toHaveCount(count);
    await groups.nth(i).getByRole('radio', { name: value, exact: true }).check();
    return;
  }
  const cells = answerCells(page);
  if (count !== undefined) await expect(cells).toHaveCount(count);
  const cell = cells.nth(i);
  await hydrated(cell);
  for (let press = 0; press < 3; press++) {
    if ((await cell.getAttribute('aria-label'))?.includes(`: ${value} (`)) break;
    await cell.click();
  }
  await expect(cell).toHaveAccessibleName(new RegExp(`: ${value} \\(`));
}

export async function newPage(browser: Browser, timezoneId: string, locale: string): Promise<Page> {
  const context = await browser.newContext({ timezoneId, locale });
  return context.newPage();
}

export async function readPoll(request: APIRequestContext, pollId: string) {
  const response = await request.get(`/api/polls/${pollId}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as {
    options: { id: string; start?: string; end?: string; date?: string }[];
    participants: { id: string; name: string; timeZone: string; votes: Record<string, string> }[];
    status: string;
  };
}

/**
 * Waits until React has hydrated this element (its props are attached to the node): typing
 * or clicking earlier reaches only the server's HTML and is lost when hydration resets it.
 */
export async function hydrated(locator: Locator) {
  await expect
    .poll(() =>
      locator.evaluate((node) => Object.keys(node).some((key) => key.startsWith('__reactProps$'))),
    )
    .toBe(true);
}

/** Unfolds the organiser's settings (close, delete, edit), once their buttons are live. */
export async function openSettings(page: Page) {
  const summary = page.getByText('Change the title, options, deadline, limit or privacy');
  await hydrated(summary);
  await summary.click();
}
