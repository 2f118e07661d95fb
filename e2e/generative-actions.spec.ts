import fc from 'fast-check';
import { expect, test, type APIRequestContext, type Page, type Request } from '@playwright/test';
import { snapshot } from './database';
import { answer, createTimedPollThroughForm, hydrated, openSettings, readPoll } from './support';

/**
 * Every server action, as a page really sends it (captured from the browser), then random
 * and mutated bodies and headers built from that request: every answer is a 2xx or 3xx, or a
 * refusal (a 4xx, or the action's own `ok: false`) that leaves the database exactly as it
 * was; never a 5xx. React decodes an action's body before our code runs, so the mutations
 * reach into its encoding too: references of every type, cycles, missing parts.
 */

const RUNS = 40;

interface Captured {
  name: string;
  url: string;
  headers: Record<string, string>;
  body: Buffer;
}

interface Part {
  name: string;
  value: string;
}

const KEPT_HEADERS = ['next-action', 'next-router-state-tree', 'content-type', 'accept', 'origin'];

function capture(page: Page, name: string, into: Captured[]) {
  const listener = (request: Request) => {
    if (request.method() !== 'POST' || !request.headers()['next-action']) return;
    const headers = Object.fromEntries(
      Object.entries(request.headers()).filter(([key]) => KEPT_HEADERS.includes(key)),
    );
    into.push({
      name,
      url: request.url(),
      headers,
      body: request.postDataBuffer() ?? Buffer.from(''),
    });
  };
  page.on('request', listener);
  return () => page.off('request', listener);
}

async function captured(page: Page, name: string, into: Captured[], act: () => Promise<void>) {
  const stop = capture(page, name, into);
  await act();
  stop();
  expect(
    into.some((c) => c.name === name),
    `${name} sent a server action`,
  ).toBe(true);
}

function boundary(headers: Record<string, string>): string | null {
  return /boundary=(.+)$/.exec(headers['content-type'] ?? '')?.[1] ?? null;
}

function parts(body: string, separator: string): Part[] {
  return body
    .split(`--${separator}`)
    .slice(1, -1)
    .map((chunk) => {
      const [head = '', ...rest] = chunk.replace(/^\r\n/, '').split('\r\n\r\n');
      return {
        name: /name="([^"]*)"/.exec(head)?.[1] ?? '',
        value: rest.join('\r\n\r\n').replace(/\r\n$/, ''),
      };
    });
}

function multipart(all: Part[], separator: string): string {
  return `${all
    .map(
      (p) =>
        `--${separator}\r\nContent-Disposition: form-data; name="${p.name}"\r\n\r\n${p.value}\r\n`,
    )
    .join('')}--${separator}--\r\n`;
}

/** React references, well and badly formed, and values hostile to JSON decoders. */
const reference = fc
  .tuple(
    fc.constantFrom(...'@$KQWhBTSRrXlFEiaAOoUsLGgMmVDnNbYZ'.split(''), 'undefined', ''),
    fc.oneof(fc.nat(4).map(String), fc.string({ maxLength: 3 })),
  )
  .map(([tag, id]) => `$${tag}${id}`);

const hostileValue = fc.oneof(
  reference,
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(
    '__proto__',
    'constructor',
    '{"__proto__":{"x":1}}',
    '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]',
  ),
);
const hostileJsonText = fc.oneof(
  hostileValue.map((v) => JSON.stringify(v) ?? 'null'),
  fc.array(hostileValue, { maxLength: 4 }).map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 12 }),
);

/** One change to a JSON text: a key dropped or set to something hostile, or the text replaced. */
function jsonMutation(original: string) {
  let value: unknown;
  try {
    value = JSON.parse(original);
  } catch {
    return hostileJsonText;
  }
  const object = value !== null && typeof value === 'object';
  const keys = object ? Object.keys(value as object) : [];
  return fc.oneof(
    hostileJsonText,
    ...(keys.length > 0
      ? [
          fc
            .tuple(fc.constantFrom(...keys), hostileValue)
            .map(([key, v]) => JSON.stringify({ ...(value as object), [key]: v })),
          fc.constantFrom(...keys).map((key) => {
            const copy = { ...(value as Record<string, unknown>) };
            delete copy[key];
            return JSON.stringify(Array.isArray(value) ? Object.values(copy) : copy);
          }),
        ]
      : []),
  );
}

function bodyMutation(request: Captured): fc.Arbitrary<{ body: string; contentType?: string }> {
  const text = request.body.toString('utf8');
  const separator = boundary(request.headers);
  if (!separator) {
    return fc.oneof(
      jsonMutation(text).map((body) => ({ body })),
      fc.string({ maxLength: 40 }).map((body) => ({ body })),
    );
  }
  const original = parts(text, separator);
  const names = original.map((p) => p.name);
  const change = fc.oneof(
    fc.constantFrom(...names).map((name) => (all: Part[]) => all.filter((p) => p.name !== name)),
    // A part sent twice, as no browser does.
    fc.constantFrom(...original).map((part) => (all: Part[]) => [...all, part]),
    fc
      .constantFrom(...original)
      .chain((part) =>
        jsonMutation(part.value).map(
          (value) => (all: Part[]) => all.map((p) => (p.name === part.name ? { ...p, value } : p)),
        ),
      ),
    fc
      .tuple(
        fc.oneof(
          fc.nat(3).map(String),
          fc.nat(2).map((n) => `$ACTION_1:${n}`),
          fc.constantFrom('$ACTION_REF_1', '$ACTION_ID_00', '_1_payload', '_2_x', 'payload'),
        ),
        hostileJsonText,
      )
      .map(([name, value]) => (all: Part[]) => [...all, { name, value }]),
  );
  return fc.oneof(
    {
      weight: 5,
      arbitrary: fc.array(change, { minLength: 1, maxLength: 3 }).map((changes) => ({
        body: multipart(
          changes.reduce((all, apply) => apply(all), original),
          separator,
        ),
      })),
    },
    // The same parts, announced as something else.
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(
          'text/plain;charset=UTF-8',
          'application/json',
          'multipart/form-data; boundary=other',
        )
        .map((contentType) => ({ body: text, contentType })),
    },
  );
}

async function pollWithAnswers(request: APIRequestContext, title: string) {
  const created = await (
    await request.post('/api/polls', {
      data: {
        title,
        timeZone: 'Europe/Rome',
        kind: 'timed',
        durationMinutes: 60,
        options: [{ start: '2027-03-02T17:00' }, { start: '2027-03-03T17:00' }],
      },
    })
  ).json();
  const [first] = (await readPoll(request, created.id)).options;
  for (const name of ['Ana', 'Bo']) {
    await request.post(`/api/polls/${created.id}/responses`, {
      data: { name, timeZone: 'America/New_York', votes: { [first!.id]: 'yes' } },
    });
  }
  await request.post(`/api/polls/${created.id}/comments`, { data: { author: 'Ana', body: 'Hi' } });
  return created as { id: string; participantUrl: string; adminUrl: string };
}

test.describe('generated requests to every server action', () => {
  test.use({ timezoneId: 'America/New_York', locale: 'en-US' });
  const all: Captured[] = [];

  test.beforeAll(async ({ browser, request }) => {
    test.setTimeout(180_000);
    const page = await browser.newPage({ timezoneId: 'America/New_York', locale: 'en-US' });
    await captured(page, 'createPoll', all, async () => {
      await createTimedPollThroughForm(page, {
        title: 'Captured',
        dates: ['2027-03-02'],
        times: ['10:00'],
        durationLabel: '1 h 30 min',
      });
    });
    await captured(page, 'chooseLocale', all, async () => {
      await page.goto('/');
      await hydrated(page.getByRole('combobox', { name: 'Language' }));
      await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Deutsch' });
      await expect(page.locator('html')).toHaveAttribute('lang', 'de');
      await page.getByRole('combobox', { name: 'Sprache' }).selectOption({ label: 'English' });
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    });
    const poll = await pollWithAnswers(request, 'Generative actions');
    await page.goto(poll.participantUrl);
    await captured(page, 'submitVote', all, async () => {
      await answer(page, 'Cy', ['Yes', 'No']);
    });
    await captured(page, 'postComment', all, async () => {
      await page.getByLabel('Name', { exact: true }).fill('Cy');
      await page.getByLabel('Comment', { exact: true }).fill('Tuesday works');
      await page.getByRole('button', { name: 'Post comment' }).click();
      await expect(page.getByText('Tuesday works')).toBeVisible();
    });

    await page.goto(poll.adminUrl);
    await captured(page, 'removeComment', all, async () => {
      await hydrated(page.getByRole('button', { name: 'Delete comment by Ana' }));
      await page.getByRole('button', { name: 'Delete comment by Ana' }).click();
      await expect(page.getByRole('button', { name: 'Delete comment by Ana' })).toHaveCount(0);
    });
    await captured(page, 'removeParticipant', all, async () => {
      await page.getByRole('button', { name: 'Remove Bo’s answer' }).click();
      await page.getByRole('button', { name: 'Yes, remove Bo’s answer' }).click();
      await expect(page.getByRole('rowheader', { name: /Bo/ })).toHaveCount(0);
    });
    await captured(page, 'editPoll', all, async () => {
      await hydrated(page.getByText('Change the title, options, deadline, limit or privacy'));
      await page.getByText('Change the title, options, deadline, limit or privacy').click();
      await page.getByLabel('Title', { exact: true }).fill('Generative actions (edited)');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await expect(page.getByText('Saved.')).toBeVisible();
    });
    await captured(page, 'changePollStatus', all, async () => {
      // The settings are still unfolded from the edit.
      await page.getByRole('button', { name: 'Close the poll' }).click();
      await expect(page.getByRole('button', { name: 'Reopen the poll' })).toBeVisible();
    });
    await captured(page, 'schedulePoll', all, async () => {
      await page
        .getByRole('button', { name: /^Schedule this one/ })
        .first()
        .click();
      await expect(page.getByText(/^Currently scheduled:/)).toBeVisible();
    });
    const doomed = await pollWithAnswers(request, 'Generative deletion');
    await page.goto(doomed.adminUrl);
    await captured(page, 'removePoll', all, async () => {
      await openSettings(page);
      await page.getByRole('button', { name: 'Delete the poll' }).click();
      await page.getByRole('button', { name: 'Delete for good' }).click();
      await expect(page).toHaveURL(/\/\?deleted=1$/);
    });
    await page.close();
  });

  for (const name of [
    'createPoll',
    'chooseLocale',
    'submitVote',
    'postComment',
    'removeComment',
    'removeParticipant',
    'editPoll',
    'schedulePoll',
    'changePollStatus',
    'removePoll',
  ]) {
    test(`${name}: mutated bodies and headers are never answered 5xx`, async ({ request }) => {
      test.setTimeout(180_000);
      const sent = all.find((c) => c.name === name)!;
      const headerChange = fc.oneof(
        { weight: 6, arbitrary: fc.constant((h: Record<string, string>) => h) },
        {
          weight: 1,
          arbitrary: fc.constant((h: Record<string, string>) =>
            Object.fromEntries(Object.entries(h).filter(([key]) => key !== 'next-action')),
          ),
        },
        {
          weight: 1,
          arbitrary: fc
            .oneof(
              fc.string({
                unit: fc.constantFrom(...'0123456789abcdef'),
                minLength: 42,
                maxLength: 42,
              }),
              fc.string({ maxLength: 8 }),
            )
            .map((id) => (h: Record<string, string>) => ({ ...h, 'next-action': id })),
        },
      );
      await fc.assert(
        fc.asyncProperty(bodyMutation(sent), headerChange, async (mutation, changeHeaders) => {
          const headers = changeHeaders({
            ...sent.headers,
            ...(mutation.contentType ? { 'content-type': mutation.contentType } : {}),
          });
          const before = await snapshot();
          const response = await request.fetch(sent.url, {
            method: 'POST',
            headers,
            data: Buffer.from(mutation.body),
            maxRedirects: 0,
          });
          const status = response.status();
          const text = await response.text();
          expect(
            status,
            `${name}: ${mutation.body.slice(0, 300)} → ${text.slice(0, 300)}`,
          ).toBeLessThan(500);
          if (status >= 400 || /"ok":false/.test(text)) {
            expect(
              await snapshot(),
              `${name} refused yet changed: ${mutation.body.slice(0, 300)}`,
            ).toBe(before);
          }
        }),
        { numRuns: RUNS },
      );
    });
  }
});
