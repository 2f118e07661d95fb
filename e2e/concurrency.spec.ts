import { expect, test } from '@playwright/test';
import { query } from './database';
import { readPoll } from './support';

const ANSWERS = 100;
const RETRIES = 20;
const VALUES = ['yes', 'ifneedbe', 'no'] as const;

interface Sent {
  name: string;
  submissionKey: string;
  votes: Record<string, (typeof VALUES)[number]>;
}

async function storedAnswers(pollId: string) {
  const people = await query<{ id: string; name: string; submissionKey: string }>(
    'SELECT id, name, submission_key AS "submissionKey" FROM participants WHERE poll_id = ?',
    [pollId],
  );
  const votes = await query<{ participantId: string; optionId: string; value: string }>(
    'SELECT v.participant_id AS "participantId", v.option_id AS "optionId", v.value FROM votes v JOIN options o ON o.id = v.option_id WHERE o.poll_id = ?',
    [pollId],
  );
  return { people, votes };
}

test.describe('100 simultaneous answers to one poll, through the real server', () => {
  test('are all stored, exactly once, with their own votes', async ({ request, baseURL }) => {
    test.setTimeout(120_000);
    const created = await (
      await request.post('/api/polls', {
        data: {
          title: 'Rush',
          timeZone: 'Europe/Rome',
          kind: 'timed',
          durationMinutes: 60,
          options: ['10:00', '11:00', '12:00'].map((t) => ({ start: `2027-06-10T${t}` })),
        },
      })
    ).json();
    const optionIds = (await readPoll(request, created.id)).options.map((o) => o.id);
    const sent: Sent[] = Array.from({ length: ANSWERS }, (_, i) => ({
      name: `Guest ${i}`,
      submissionKey: `rush-${created.id}-${i}`,
      votes: Object.fromEntries(optionIds.map((id, j) => [id, VALUES[(i + j) % 3]!])),
    }));
    // Some clients send the same answer twice at once (a retry racing the first attempt).
    const burst = [...sent, ...sent.slice(0, RETRIES)];

    const post = (answer: Sent) =>
      fetch(`${baseURL}/api/polls/${created.id}/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...answer, timeZone: 'Asia/Kathmandu' }),
      }).then(async (r) => ({
        status: r.status,
        body: (await r.json()) as { participantId: string; duplicate?: boolean },
      }));
    const results = await Promise.all(burst.map(post));

    expect(results.filter((r) => r.status >= 500)).toEqual([]);
    expect(results.every((r) => r.status === 201 || r.status === 200)).toBe(true);
    expect(results.filter((r) => r.status === 201)).toHaveLength(ANSWERS);
    const byKey = new Map<string, Set<string>>();
    burst.forEach((answer, i) => {
      const ids = byKey.get(answer.submissionKey) ?? new Set();
      ids.add(results[i]!.body.participantId);
      byKey.set(answer.submissionKey, ids);
    });
    // A retry answers with the participant its first attempt created.
    expect([...byKey.values()].every((ids) => ids.size === 1)).toBe(true);

    const { people, votes } = await storedAnswers(created.id);
    expect(people).toHaveLength(ANSWERS);
    expect(new Set(people.map((p) => p.submissionKey)).size).toBe(ANSWERS);
    expect(votes).toHaveLength(ANSWERS * optionIds.length);
    const sentByKey = new Map(sent.map((s) => [s.submissionKey, s]));
    for (const person of people) {
      const mine = sentByKey.get(person.submissionKey)!;
      expect(person.name).toBe(mine.name);
      expect([...byKey.get(person.submissionKey)!]).toEqual([person.id]);
      const stored = Object.fromEntries(
        votes.filter((v) => v.participantId === person.id).map((v) => [v.optionId, v.value]),
      );
      expect(stored).toEqual(mine.votes);
    }
  });

  test('never let an option take more yes answers than its limit', async ({ request, baseURL }) => {
    test.setTimeout(120_000);
    const LIMIT = 7;
    const created = await (
      await request.post('/api/polls', {
        data: {
          title: 'Seats',
          timeZone: 'Europe/Rome',
          kind: 'timed',
          durationMinutes: 60,
          options: ['10:00', '11:00'].map((t) => ({ start: `2027-06-11T${t}` })),
        },
      })
    ).json();
    const [limited, other] = (await readPoll(request, created.id)).options.map((o) => o.id) as [
      string,
      string,
    ];
    const patched = await request.patch(`/api/polls/${created.id}`, {
      data: { optionLimit: LIMIT },
      headers: { authorization: `Bearer ${created.adminToken}` },
    });
    expect(patched.status()).toBe(200);

    const results = await Promise.all(
      Array.from({ length: ANSWERS }, (_, i) =>
        fetch(`${baseURL}/api/polls/${created.id}/responses`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            name: `Seat ${i}`,
            timeZone: 'UTC',
            votes: { [limited]: 'yes', [other]: 'ifneedbe' },
          }),
        }).then(async (r) => ({
          status: r.status,
          body: (await r.json()) as { message?: string },
        })),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(LIMIT);
    const refused = results.filter((r) => r.status === 409);
    expect(refused).toHaveLength(ANSWERS - LIMIT);
    expect(refused[0]!.body.message).toBeTruthy();
    const { people, votes } = await storedAnswers(created.id);
    expect(people).toHaveLength(LIMIT);
    expect(votes.filter((v) => v.optionId === limited && v.value === 'yes')).toHaveLength(LIMIT);
    // A refused answer leaves nothing behind: no votes for the other option either.
    expect(votes.filter((v) => v.optionId === other)).toHaveLength(LIMIT);
  });
});
