import { expect, test, type APIRequestContext } from '@playwright/test';
import { hydrated } from './support';

const admin = (token: string) => ({ authorization: `Bearer ${token}` });
const VALUES = ['yes', 'ifneedbe', 'no'] as const;

async function createPoll(request: APIRequestContext, starts: string[]) {
  const response = await request.post('/api/polls', {
    data: {
      title: 'Mailing-list call',
      timeZone: 'Europe/Rome',
      kind: 'timed',
      durationMinutes: 60,
      options: starts.map((start) => ({ start })),
    },
  });
  expect(response.status()).toBe(201);
  const created = (await response.json()) as {
    id: string;
    participantUrl: string;
    adminToken: string;
  };
  const read = (await (await request.get(`/api/polls/${created.id}`)).json()) as {
    options: { id: string }[];
  };
  return { ...created, options: read.options.map((o) => o.id) };
}

async function answer(
  request: APIRequestContext,
  pollId: string,
  name: string,
  votes: Record<string, string>,
  timeZone = 'America/New_York',
) {
  const response = await request.post(`/api/polls/${pollId}/responses`, {
    data: { name, timeZone, votes },
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as { participantId: string; editToken: string };
}

test.describe('a poll read by many', () => {
  test.use({ timezoneId: 'America/New_York', locale: 'en-US' });

  test('the API answers 304 to an unchanged ETag and a fresh body after every kind of change', async ({
    request,
  }) => {
    const poll = await createPoll(request, ['2027-03-01T15:00', '2027-03-02T15:00']);
    const [first, second] = poll.options as [string, string];
    const read = (etag?: string) =>
      request.get(`/api/polls/${poll.id}`, { headers: etag ? { 'if-none-match': etag } : {} });

    const initial = await read();
    const etag = initial.headers().etag!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(initial.headers()['cache-control']).toBe('private, no-cache');
    const unchanged = await read(etag);
    expect(unchanged.status()).toBe(304);
    expect(await unchanged.text()).toBe('');

    // Each write moves the poll's version: the old ETag no longer matches and the body shows it.
    const seen = new Set([etag]);
    const changed = async (check: (body: Record<string, unknown>) => void) => {
      const response = await read([...seen].at(-1));
      expect(response.status()).toBe(200);
      const next = response.headers().etag!;
      expect(seen.has(next)).toBe(false);
      seen.add(next);
      check((await response.json()) as Record<string, unknown>);
    };
    const ana = await answer(request, poll.id, 'Ana', { [first]: 'yes' });
    await changed((body) =>
      expect(body.participants).toMatchObject([{ name: 'Ana', votes: { [first]: 'yes' } }]),
    );
    await request.put(`/api/polls/${poll.id}/responses/${ana.participantId}`, {
      data: {
        name: 'Ana B.',
        timeZone: 'America/New_York',
        votes: { [second]: 'no' },
        editToken: ana.editToken,
      },
    });
    await changed((body) =>
      expect(body.participants).toMatchObject([{ name: 'Ana B.', votes: { [second]: 'no' } }]),
    );
    const comment = await request.post(`/api/polls/${poll.id}/comments`, {
      data: { author: 'Ana', body: 'Either works' },
    });
    expect(comment.status()).toBe(201);
    await changed((body) => expect(body.comments).toMatchObject([{ body: 'Either works' }]));
    await request.delete(
      `/api/polls/${poll.id}/comments/${((await comment.json()) as { id: string }).id}`,
      { headers: admin(poll.adminToken) },
    );
    await changed((body) => expect(body.comments).toEqual([]));
    await request.post(`/api/polls/${poll.id}/finalise`, {
      data: { optionId: second },
      headers: admin(poll.adminToken),
    });
    await changed((body) =>
      expect(body).toMatchObject({ status: 'scheduled', finalOptionId: second }),
    );
    await request.patch(`/api/polls/${poll.id}`, {
      data: { title: 'Renamed call' },
      headers: admin(poll.adminToken),
    });
    await changed((body) => expect(body.title).toBe('Renamed call'));

    // A viewer who sees less gets another body and another ETag.
    await request.patch(`/api/polls/${poll.id}`, {
      data: { privacy: 'hideNames' },
      headers: admin(poll.adminToken),
    });
    const hiddenNames = await read();
    const asOrganiser = await request.get(`/api/polls/${poll.id}`, {
      headers: admin(poll.adminToken),
    });
    expect(hiddenNames.headers().etag).not.toBe(asOrganiser.headers().etag);
    expect(
      ((await hiddenNames.json()) as { participants: { name: string }[] }).participants[0]!.name,
    ).toBe('Participant 1');
    expect(
      ((await asOrganiser.json()) as { participants: { name: string }[] }).participants[0]!.name,
    ).toBe('Ana B.');
    expect(
      (
        await request.get(`/api/polls/${poll.id}`, {
          headers: { 'if-none-match': asOrganiser.headers().etag! },
        })
      ).status(),
    ).toBe(200);
  });

  test('the results show the first 25 participants and the viewer’s own row, then everyone on request', async ({
    page,
    request,
  }) => {
    const starts = ['2027-03-01T15:00', '2027-03-02T15:00', '2027-03-03T15:00'];
    const poll = await createPoll(request, starts);
    const voteOf = (i: number, j: number) => (i % 3 === 0 ? 'yes' : VALUES[(i + j) % 3]!);
    let mine: { participantId: string; editToken: string } | undefined;
    for (let i = 1; i <= 40; i++) {
      // Every third person is in Sydney, where 15:00 in Rome is 01:00: 13 people at night.
      const created = await answer(
        request,
        poll.id,
        `Person ${String(i).padStart(2, '0')}`,
        Object.fromEntries(poll.options.map((id, j) => [id, voteOf(i, j)])),
        i % 3 === 0 ? 'Australia/Sydney' : 'America/New_York',
      );
      if (i === 33) mine = created;
    }
    await page.goto(`/p/${poll.id}/edit/${mine!.participantId}/${mine!.editToken}`);
    const results = page.getByRole('region', { name: 'Results table, scrolls sideways' });
    const rows = results.getByRole('rowheader');
    // 25 people, the viewer (Person 33), and the totals row.
    await expect(rows).toHaveCount(27);
    await expect(rows.nth(25)).toContainText('Person 33');
    await expect(rows.nth(25)).toContainText('(you)');
    await expect(page.getByText('Showing 26 of 40 participants.')).toBeVisible();
    // The totals count everyone, not only the rows shown (the viewer's page: the answer grid).
    const totals = results.getByRole('row').last().getByRole('gridcell');
    await expect(totals).toHaveCount(3);
    const canAttend = (await totals.allInnerTexts()).map((text) => Number(text.split('\n')[0]));
    const attending = Array.from(
      { length: 40 },
      (_, k) => starts.filter((_, j) => voteOf(k + 1, j) !== 'no').length,
    );
    expect(canAttend.reduce((a, b) => a + b, 0)).toBe(attending.reduce((a, b) => a + b, 0));

    const showAll = page.getByRole('button', { name: 'Show all 40 participants' });
    await hydrated(showAll);
    await expect(showAll).toHaveAttribute('aria-expanded', 'false');
    await showAll.click();
    await expect(rows).toHaveCount(41);
    await expect(rows.nth(39)).toContainText('Person 40');
    await expect(page.getByText('Showing 40 of 40 participants.')).toBeVisible();
    await page.getByRole('button', { name: 'Show the first 25 only' }).click();
    await expect(rows).toHaveCount(27);

    // The explanation names five of the 13 people at night and counts the rest.
    await expect(
      page
        .getByText('night for Person 03, Person 06, Person 09, Person 12, Person 15 and 8 others')
        .first(),
    ).toBeVisible();

    // With this many people, everyone's local time waits for a click.
    const everyone = page.getByRole('button', { name: 'Everyone’s local time' }).first();
    await expect(everyone).toHaveAttribute('aria-expanded', 'false');
    await everyone.click();
    await expect(page.getByRole('listitem').filter({ hasText: 'Person 40' }).first()).toBeVisible();
  });
});
