import { expect, test, type APIRequestContext } from '@playwright/test';
import { hydrated, newPage, readPoll, setAnswer } from './support';

/**
 * Wednesday 28 October 2026: Europe is back on winter time, the US is not. An organiser in
 * Rome proposes 10:00, 15:00, 17:00 and 19:00 Rome time, expecting guests in New York and Los
 * Angeles. 17:00 is the fair one: 12:00 in New York, 09:00 in Los Angeles.
 */
async function createMismatchPoll(request: APIRequestContext) {
  const response = await request.post('/api/polls', {
    data: {
      title: 'Mismatch-week call',
      organiserName: 'Giulia',
      timeZone: 'Europe/Rome',
      guestZones: ['America/New_York', 'America/Los_Angeles'],
      kind: 'timed',
      durationMinutes: 60,
      options: ['10:00', '15:00', '17:00', '19:00'].map((time) => ({
        start: `2026-10-28T${time}`,
      })),
      // The mismatch week of 2026 is behind the real clock now: the organiser confirms.
      allowPast: true,
    },
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as {
    id: string;
    participantUrl: string;
    adminUrl: string;
    adminToken: string;
  };
}

test('the admin page shows every option at each guest city’s clock before anyone answers', async ({
  browser,
  request,
}) => {
  const poll = await createMismatchPoll(request);
  const page = await newPage(browser, 'Europe/Rome', 'en-GB');
  await page.goto(poll.adminUrl);
  const glance = page.getByRole('region', { name: 'Local times at a glance' });
  await expect(glance.getByRole('columnheader')).toHaveText([
    'Option',
    'Worst off',
    'Rome',
    'New York',
    'Los Angeles',
  ]);
  const rowAt = (time: string) =>
    glance
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: new RegExp(`^Wed 28 Oct\\s*${time}`) }) });
  // Cells: the worst-off place beside the option, then Rome, New York, Los Angeles. The
  // weekday is said only where the place's date is not the option's.
  const early = rowAt('15:00');
  await expect(early.getByRole('cell').nth(3)).toHaveText('07:00 – 08:00early or late');
  await expect(early.getByRole('cell').nth(0)).toHaveText('Los Angeles 07:00 – 08:00early or late');
  const night = rowAt('10:00');
  await expect(night.getByRole('cell').nth(3)).toHaveText('02:00 – 03:00night');
  await expect(night.getByRole('cell').nth(0)).toHaveText('New York 05:00 – 06:00night');
  // The row header carries the option's rank in the ranking.
  await expect(night.getByRole('rowheader')).toHaveText(/#[1-4]$/);
});

test('a band read against someone’s own working hours says so, in the table and the ranking', async ({
  browser,
  request,
}) => {
  const poll = await createMismatchPoll(request);
  const { options } = await readPoll(request, poll.id);
  const everything = Object.fromEntries(options.map((o) => [o.id, 'yes']));
  // Kathmandu works late: 20:45 there is inside her own day, not the usual one.
  const r = await request.post(`/api/polls/${poll.id}/responses`, {
    data: {
      name: 'Asha',
      timeZone: 'Asia/Kathmandu',
      workingHours: { start: '12:00', end: '23:00' },
      votes: everything,
    },
  });
  expect(r.status()).toBe(201);
  const page = await newPage(browser, 'Europe/Rome', 'en-GB');
  await page.goto(poll.adminUrl);
  const glance = page.getByRole('region', { name: 'Local times at a glance' });
  await expect(glance.getByRole('columnheader', { name: /^Kathmandu/ })).toHaveText(
    'Kathmandutheir hours 12:00–23:00',
  );
  await expect(
    glance.getByText('A place with hours under its name is read against the working hours'),
  ).toBeVisible();
  // The ranking names the same band for her, and whose day it is read against.
  await expect(
    page.getByText(/\(Asha, [a-z ]+, by their own working hours\)/).first(),
  ).toBeVisible();
});

test('the fair slot ranks first with its reason, seen from Los Angeles and from Rome', async ({
  browser,
  request,
}) => {
  const poll = await createMismatchPoll(request);
  const { options } = await readPoll(request, poll.id);
  const everything = Object.fromEntries(options.map((o) => [o.id, 'yes']));
  for (const [name, timeZone] of [
    ['Giulia', 'Europe/Rome'],
    ['Ryan', 'America/New_York'],
  ]) {
    const r = await request.post(`/api/polls/${poll.id}/responses`, {
      data: { name, timeZone, votes: everything },
    });
    expect(r.status()).toBe(201);
  }

  // Nic in Los Angeles says yes to everything; 10:00 Rome is 02:00 for Nic, inside the
  // default never window, and the form says so before sending.
  const la = await newPage(browser, 'America/Los_Angeles', 'en-US');
  await la.goto(poll.participantUrl);
  await hydrated(la.getByLabel('Your name'));
  await la.getByLabel('Your name').fill('Nic');
  for (let i = 0; i < 4; i++) await setAnswer(la, i, 'Yes');
  await expect(la.getByRole('note').filter({ hasText: 'inside your never window' })).toHaveCount(1);
  await expect(la.getByRole('note').filter({ hasText: 'inside your never window' })).toContainText(
    /2:00\sAM – 3:00\sAM is inside your never window, so it counts as no\./,
  );
  await la.getByRole('button', { name: 'Send answer' }).click();
  await expect(la.getByText('Thank you, your answer is saved.')).toBeVisible();

  await la.reload();
  const laRanking = la
    .getByRole('region', { name: 'Fairest times' })
    .getByRole('listitem')
    .filter({ hasText: /^#/ });
  await expect(laRanking.nth(0)).toHaveAccessibleName(/^Wed, Oct 28 9:00\sAM – 10:00\sAM$/);
  await expect(laRanking.nth(0)).toContainText('3 of 3 can attend (3 yes, 0 if need be)');
  await expect(laRanking.nth(0)).toContainText(
    /worst: Wed 5:00\sPM – 6:00\sPM in Rome \(Giulia, edge of day\)/,
  );
  await expect(laRanking.nth(0).getByText('★ Fairest')).toBeVisible();
  // 10:00 Rome comes last: Nic's yes at 02:00 counts as no, and it is night in New York.
  await expect(laRanking.nth(3)).toHaveAccessibleName(/^Wed, Oct 28 2:00\sAM – 3:00\sAM$/);
  await expect(laRanking.nth(3)).toContainText('2 of 3 can attend');
  await expect(laRanking.nth(3)).toContainText('Nic cannot attend at this hour');

  const rome = await newPage(browser, 'Europe/Rome', 'en-GB');
  await rome.goto(poll.participantUrl);
  const romeRanking = rome
    .getByRole('region', { name: 'Fairest times' })
    .getByRole('listitem')
    .filter({ hasText: /^#/ });
  await expect(romeRanking.nth(0)).toHaveAccessibleName('Wed 28 Oct 17:00 – 18:00');
  await expect(romeRanking.nth(0)).toContainText(
    'worst: Wed 17:00 – 18:00 in Rome (Giulia, edge of day)',
  );
  await expect(romeRanking.nth(1)).toHaveAccessibleName('Wed 28 Oct 19:00 – 20:00');
  await expect(romeRanking.nth(2)).toHaveAccessibleName('Wed 28 Oct 15:00 – 16:00');
  await expect(romeRanking.nth(2)).toContainText(
    'worst: Wed 07:00 – 08:00 in Los Angeles (Nic, early or late)',
  );
  const chips = romeRanking.nth(0).getByRole('listitem');
  await expect(chips.filter({ hasText: 'Nic' })).toContainText(
    'Los Angeles09:00 – 10:00comfortable',
  );

  // One tally: the results table counts Nic's 02:00 yes as the ranking does (not at all),
  // marks it ⊘ with the reason, and the legend says what ⊘ means.
  const notCounted =
    'Yes, not counted: 02:00 in Los Angeles is inside their never window and they did not confirm it';
  const nicRow = rome
    .getByRole('row')
    .filter({ has: rome.getByRole('rowheader', { name: /Nic/ }) });
  await expect(nicRow.getByRole('img', { name: notCounted })).toHaveCount(1);
  await expect(nicRow.getByRole('img', { name: 'Yes', exact: true })).toHaveCount(3);
  const totals = rome
    .getByRole('row')
    .filter({ has: rome.getByRole('rowheader', { name: 'Can attend' }) })
    // The viewer can answer, so the results are the answer grid: its cells are grid cells.
    .getByRole('gridcell');
  // Columns by date: 10:00 (Nic's 02:00), 15:00, 17:00, 19:00 Rome.
  await expect(totals.nth(0)).toHaveText(/^2\s*2 yes, 0 if need be; 1 not counted\s*⊘ 1$/);
  await expect(totals.nth(1)).toHaveText(/^3\s*3 yes, 0 if need be$/);
  await expect(rome.getByRole('list', { name: 'Answers' })).toContainText(
    'Not counted: the answer falls inside that person’s never window and they did not confirm it',
  );

  // The organiser's scheduling panel, the API and the CSV say the same.
  const admin = await newPage(browser, 'Europe/Rome', 'en-GB');
  await admin.goto(poll.adminUrl);
  const choice = admin.getByRole('combobox', { name: /^Or schedule any option/ });
  await expect(choice.getByRole('option', { name: /^Wed 28 Oct 10:00 – 11:00/ })).toHaveText(
    'Wed 28 Oct 10:00 – 11:00 · #4 · 2 of 3 can attend',
  );
  await expect(
    admin
      .getByRole('row')
      .filter({ has: admin.getByRole('rowheader', { name: /Nic/ }) })
      .getByRole('img', { name: notCounted }),
  ).toHaveCount(1);
  const before = await (await request.get(`/api/polls/${poll.id}`)).json();
  const nic = before.participants.find((p: { name: string }) => p.name === 'Nic');
  const tallyOf = (body: { ranking: { optionId: string; tally: unknown }[] }, id: string) =>
    body.ranking.find((r) => r.optionId === id)?.tally;
  expect(tallyOf(before, options[0]!.id)).toEqual({
    participants: 3,
    canAttend: 2,
    yes: 2,
    ifNeedBe: 0,
    no: 0,
    notCounted: [
      {
        participantId: nic.id,
        vote: 'yes',
        reason: 'never-window',
        localTime: '02:00',
        place: 'Los Angeles',
      },
    ],
    noVote: 0,
  });
  const csv = await (
    await request.get(`/api/polls/${poll.id}/results.csv`, {
      headers: { Authorization: `Bearer ${poll.adminToken}` },
    })
  ).text();
  expect(csv).toContain(
    '"Nic","America/Los_Angeles","yes (not counted: 02:00 Los Angeles, inside their never window, not confirmed)","yes","yes","yes"',
  );
  expect(csv).toContain('"Can attend","","2","3","3","3"\r\n');

  // Nic confirms the 02:00 slot after all: it now counts, as night.
  await la.goto(poll.participantUrl);
  const noteRow = la.getByRole('note').filter({ hasText: 'inside your never window' });
  await noteRow.getByRole('checkbox', { name: 'Count it anyway' }).check();
  await la.getByRole('button', { name: 'Save changes' }).click();
  await expect(la.getByText('Your changes are saved.')).toBeVisible();
  const api = await (await request.get(`/api/polls/${poll.id}`)).json();
  const nightOption = options[0]!.id;
  expect(api.participants.find((p: { name: string }) => p.name === 'Nic').overrideNever).toEqual([
    nightOption,
  ]);
  const nightRank = api.ranking.find((r: { optionId: string }) => r.optionId === nightOption);
  expect(nightRank.keys).toMatchObject({ canAttend: 3, night: 2 });
  expect(nightRank.tally).toMatchObject({ canAttend: 3, yes: 3, notCounted: [] });
  expect(api.ranking[0].summary).toBe(
    '3/3 can attend (3 yes, 0 if-need-be); worst: Wed 17:00-18:00 in Rome (Giulia, UTC+01:00; edge of day, pain 0.10); 1 of 3 outside their working hours',
  );
});

test('the local-times table shows the top options by rank, and all of them when asked', async ({
  page,
  request,
}) => {
  const response = await request.post('/api/polls', {
    data: {
      title: 'Eight options',
      timeZone: 'Europe/Rome',
      guestZones: ['America/New_York', 'Asia/Tokyo'],
      kind: 'timed',
      durationMinutes: 60,
      options: ['09:00', '17:00'].flatMap((time) =>
        ['2027-06-07', '2027-06-08', '2027-06-09', '2027-06-10'].map((day) => ({
          start: `${day}T${time}`,
        })),
      ),
    },
  });
  const { adminUrl } = await response.json();
  await page.goto(adminUrl);
  const glance = page.getByRole('region', { name: 'Local times at a glance' });
  const rows = glance.locator('tbody tr');
  await expect(rows).toHaveCount(5);
  await expect(rows.first().getByRole('rowheader')).toContainText('#1');
  await expect(rows.nth(4).getByRole('rowheader')).toContainText('#5');
  const more = glance.getByRole('button', { name: 'Show all 8 options' });
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await more.click();
  await expect(rows).toHaveCount(8);
  await expect(rows.nth(7).getByRole('rowheader')).toContainText('#8');
  await glance.getByRole('button', { name: 'Show the top 5 only' }).click();
  await expect(rows).toHaveCount(5);
});
