import { expect, test, type Page } from '@playwright/test';
import { snapshot } from './database';
import { hydrated, readPoll, setAnswer } from './support';
import {
  type Fixture,
  type Row,
  SCRIPT,
  TEN_MB,
  TOO_LARGE,
  poll,
  send,
  setUp,
  tampered,
} from './hostile-requests';
import { createAndAnswerRows } from './hostile-rows-create-answer';
import { issue11Rows } from './hostile-rows-issue11';
import { organiserAndReadRows } from './hostile-rows-organiser';

/**
 * Every row is a request a hostile or broken client could send. Each must be refused with a
 * 4xx whose message names the problem, and must leave every table exactly as it was.
 *
 * Free text (titles, descriptions, names) is not refused for holding HTML, formulas, emoji
 * or RTL names: it is stored as typed and rendered as text (the last describe checks that
 * in Chromium). Only characters nobody types on purpose are refused there.
 */

const rows: Row[] = [...createAndAnswerRows, ...organiserAndReadRows, ...issue11Rows()];

test.describe('hostile requests to the JSON API', () => {
  let fixture: Fixture;
  test.beforeAll(async ({ request }) => {
    fixture = await setUp(request);
  });

  test('the matrix has at least 60 rows, and the snapshot sees the fixture', async () => {
    expect(rows.length).toBeGreaterThanOrEqual(60);
    expect(await snapshot()).toContain(fixture.participantA);
  });

  for (const [label, call, expected] of rows) {
    test(label, async ({ request }) => {
      const before = await snapshot();
      const response = await send(request, call(fixture));
      expect(response.status()).toBe(expected.status);
      if (expected.allow) expect(response.headers()['allow']).toBe(expected.allow);
      const body = await response.json();
      expect(body.ok).toBe(false);
      expect(body.message.length).toBeGreaterThan(10);
      if (expected.message)
        expect(body.message + JSON.stringify(body.fieldErrors)).toMatch(expected.message);
      if (expected.field) {
        expect(body.message).toContain(expected.field);
        expect(body.fieldErrors[expected.field]?.[0]?.length ?? 0).toBeGreaterThan(10);
      }
      expect(await snapshot()).toBe(before);
    });
  }

  test('a made-up method is refused by Node.js itself, before any code: 400, never 5xx', async ({
    request,
  }) => {
    const before = await snapshot();
    const response = await request.fetch(`/api/polls/${fixture.pollA}`, { method: 'FROBNICATE' });
    expect(response.status()).toBe(400);
    expect(await snapshot()).toBe(before);
  });

  test('a 10 MB body sent in chunks, without a length, is cut off at the limit', async ({
    baseURL,
  }) => {
    const before = await snapshot();
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= TEN_MB.length) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const response = await fetch(`${baseURL}/api/polls`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect((await response.json()).message).toMatch(TOO_LARGE);
    expect(await snapshot()).toBe(before);
  });
});

/**
 * The pages' forms post to server actions. Chromium fills the form like a person; the
 * request is then tampered with on its way out, as a hostile client would.
 */
async function tamperWithAction(
  page: Page,
  edit: (payload: Record<string, unknown>) => Record<string, unknown> | string,
) {
  await page.route('**/*', async (route) => {
    const request = route.request();
    if (request.method() !== 'POST' || !request.headers()['next-action']) return route.continue();
    const body = request.postData() ?? '';
    const changed = body.replace(
      /(name="[^"]*payload"\r\n\r\n)([^\r]*)(\r\n--)/,
      (_all, head: string, json: string, tail: string) => {
        const result = edit(JSON.parse(json) as Record<string, unknown>);
        return `${head}${typeof result === 'string' ? result : JSON.stringify(result)}${tail}`;
      },
    );
    expect(changed).not.toBe(body);
    await route.continue({ postData: changed });
  });
}

test.describe('hostile submissions through the pages’ forms', () => {
  test.use({ timezoneId: 'Europe/Rome', locale: 'en-GB' });
  let fixture: Fixture;
  test.beforeAll(async ({ request }) => {
    fixture = await setUp(request);
  });

  const answerCases: [
    string,
    (f: Fixture) => (p: Record<string, unknown>) => Record<string, unknown> | string,
    RegExp,
  ][] = [
    [
      'the answer is moved to another poll',
      (f) => (p) => ({ ...p, pollId: f.pollB }),
      /option that is not part of this poll/,
    ],
    [
      'a name of 500 characters',
      () => (p) => ({ ...p, name: 'x'.repeat(500) }),
      /at most 80 characters/,
    ],
    ['an abbreviated zone', () => (p) => ({ ...p, timeZone: 'IST' }), /abbreviations such as IST/],
    [
      'a tampered edit token',
      (f) => (p) => ({ ...p, participantId: f.participantA, editToken: tampered(f.tokenA) }),
      /does not exist, or the link is wrong/,
    ],
    [
      'a script and a direction override in the name',
      () => (p) => ({ ...p, name: `${SCRIPT}\u202E` }),
      /control characters/,
    ],
    ['a payload that is not JSON', () => () => '{"pollId":', /could not be read/],
  ];

  for (const [label, edit, message] of answerCases) {
    test(`answer form: ${label}`, async ({ page }) => {
      await page.goto(`/p/${fixture.pollA}`);
      await hydrated(page.getByLabel('Your name'));
      await page.getByLabel('Your name').fill('Mallory');
      await setAnswer(page, 0, 'Yes');
      await tamperWithAction(page, edit(fixture));
      const before = await snapshot();
      await page.getByRole('button', { name: 'Send answer' }).click();
      await expect(page.getByText(message).first()).toBeVisible();
      await expect(page.getByText('Thank you, your answer is saved.')).toHaveCount(0);
      expect(await snapshot()).toBe(before);
    });
  }

  // The organiser's actions carry the poll id and admin token as bound arguments, which
  // Next.js encrypts; what a client can change is the payload, tampered with here.
  const editCases: [
    string,
    (f: Fixture) => (p: Record<string, unknown>) => Record<string, unknown> | string,
    RegExp,
  ][] = [
    [
      'removing another poll’s option',
      (f) => (p) => ({ ...p, removeOptionIds: [f.optionB] }),
      /not part of this poll/,
    ],
    [
      'adding 02:30 on the night Rome’s clocks jump',
      () => (p) => ({ ...p, addOptions: [{ start: '2027-03-28T02:30' }] }),
      /does not exist in Europe\/Rome/,
    ],
    [
      'privacy “secret”',
      () => (p) => ({ ...p, privacy: 'secret' }),
      /Choose one of the privacy settings/,
    ],
    [
      'an option limit of -1',
      () => (p) => ({ ...p, optionLimit: -1 }),
      /whole number from 1 to 10,000/,
    ],
    [
      'a direction override in the title',
      () => (p) => ({ ...p, title: 'Invoice \u202Efdp.exe' }),
      /control characters/,
    ],
    [
      'a zone abbreviation, for a field the form does not show',
      () => (p) => ({ ...p, timeZone: 'EST' }),
      /abbreviations such as IST or EST/,
    ],
    ['a payload that is not JSON', () => () => '{"title":', /could not be read/],
  ];

  for (const [label, change, message] of editCases) {
    test(`organiser's edit form: ${label}`, async ({ page }) => {
      await page.goto(`/p/${fixture.pollA}/admin/${fixture.adminA}`);
      await hydrated(page.getByText('Change the title, options, deadline, limit or privacy'));
      await page.getByText('Change the title, options, deadline, limit or privacy').click();
      await page.getByLabel('Title', { exact: true }).fill('A new title');
      await tamperWithAction(page, change(fixture));
      const before = await snapshot();
      await page.getByRole('button', { name: 'Save changes' }).click();
      await expect(page.getByText(message).first()).toBeVisible();
      await expect(page.getByText('Saved.')).toHaveCount(0);
      expect(await snapshot()).toBe(before);
    });
  }

  test('create form: a direction override typed into the title', async ({ page }) => {
    await page.goto('/');
    await hydrated(page.getByLabel('Title'));
    await page.getByLabel('Title').fill('Invoice \u202Efdp.exe');
    await page.getByLabel('Or type a date').fill('2027-06-10');
    await page.getByRole('button', { name: 'Add date' }).click();
    await expect(page.getByRole('heading', { name: 'No options yet' })).toHaveCount(0);
    const before = await snapshot();
    await page.getByRole('button', { name: 'Create poll' }).click();
    await expect(page.getByText(/control characters/)).toBeVisible();
    await expect(page.getByLabel('Title')).toHaveAttribute('aria-invalid', 'true');
    await expect(page).toHaveURL(/\/$/);
    expect(await snapshot()).toBe(before);
  });

  test('create form: the zone swapped for EST on the way out', async ({ page }) => {
    await page.goto('/');
    await hydrated(page.getByLabel('Title'));
    await page.getByLabel('Title').fill('Swapped zone');
    await page.getByLabel('Or type a date').fill('2027-06-10');
    await page.getByRole('button', { name: 'Add date' }).click();
    await expect(page.getByRole('heading', { name: 'No options yet' })).toHaveCount(0);
    await tamperWithAction(page, (p) => ({ ...p, timeZone: 'EST' }));
    const before = await snapshot();
    await page.getByRole('button', { name: 'Create poll' }).click();
    await expect(page.getByText(/abbreviations such as IST or EST/).first()).toBeVisible();
    await expect(page).toHaveURL(/\/$/);
    expect(await snapshot()).toBe(before);
  });
});

test.describe('script, formula and unicode payloads stay inert text', () => {
  test.use({ timezoneId: 'America/New_York', locale: 'en-US' });

  test('on the participant and admin pages, in Chromium', async ({ page, request }) => {
    const marker = (n: number) =>
      `<img src=x onerror="window.__xss=${n}"><script>window.__xss=${n}</script>`;
    const response = await request.post('/api/polls', {
      data: poll({
        title: `Title ${marker(1)}`,
        description: `Description ${marker(2)}`,
        location: 'javascript:window.__xss=3',
        organiserName: '=HYPERLINK("http://evil.example")<b>4</b>',
      }),
    });
    expect(response.status(), await response.text()).toBe(201);
    const created = await response.json();
    const { options } = await readPoll(request, created.id);
    const names = [
      `${marker(5)}`,
      '@SUM(1+1)*cmd|" /C calc"!A0',
      '👩🏽‍💻 Zoë',
      '\u200Fمريم',
      'Ωmega \u200D\u2060',
    ];
    for (const name of names) {
      const stored = await request.post(`/api/polls/${created.id}/responses`, {
        data: { name, timeZone: 'Asia/Tokyo', votes: { [options[0]!.id]: 'yes' } },
      });
      expect(stored.status(), name).toBe(201);
    }
    expect((await readPoll(request, created.id)).participants.map((p) => p.name)).toEqual(names);

    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    for (const url of [created.participantUrl, created.adminUrl]) {
      await page.goto(url);
      await expect(
        page.getByRole('heading', { level: 1, name: `Title ${marker(1)}` }),
      ).toBeVisible();
      // The admin page also holds it, as text, in the edit form's textarea.
      await expect(page.getByText(`Description ${marker(2)}`).first()).toBeVisible();
      await expect(page.getByText('javascript:window.__xss=3')).toBeVisible();
      await expect(page.getByText('=HYPERLINK("http://evil.example")<b>4</b>')).toBeVisible();
      await expect(page.getByRole('link', { name: 'javascript:window.__xss=3' })).toHaveCount(0);
      for (const name of names)
        await expect(
          page.getByRole('rowheader', { name: new RegExp(escapeRegExp(name.trim())) }),
        ).toBeVisible();
      expect(await page.locator('img[src="x"]').count()).toBe(0);
      expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    }
    expect(dialogs).toEqual([]);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
