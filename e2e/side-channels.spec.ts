import { expect, test, type APIRequestContext } from '@playwright/test';
import { readPoll } from './support';

/**
 * What a viewer cannot see must not change what they receive, and the links Kairos hands out
 * come from trusted origins only. Both read the live server over HTTP.
 */

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function newPoll(request: APIRequestContext) {
  const created = await request.post('/api/polls', {
    data: {
      title: 'Side channels',
      timeZone: 'Europe/Rome',
      kind: 'timed',
      durationMinutes: 60,
      options: [{ start: '2027-06-10T10:00' }],
    },
  });
  expect(created.status()).toBe(201);
  return (await created.json()) as { id: string; adminToken: string; adminUrl: string };
}

test.describe('privacy without side channels', () => {
  for (const privacy of ['afterAnswer', 'organiserOnly'] as const) {
    test(`under ${privacy}, a stranger cannot count or time answers`, async ({ request }) => {
      const poll = await newPoll(request);
      const set = await request.patch(`/api/polls/${poll.id}`, {
        headers: bearer(poll.adminToken),
        data: { privacy },
      });
      expect(set.status()).toBe(200);
      const optionId = (await readPoll(request, poll.id)).options[0]!.id;
      const before = await request.get(`/api/polls/${poll.id}`);
      const etag = before.headers()['etag']!;
      const body = await before.json();

      for (const name of ['Ana', 'Bo']) {
        const answered = await request.post(`/api/polls/${poll.id}/responses`, {
          data: { name, timeZone: 'UTC', votes: { [optionId]: 'yes' } },
        });
        expect(answered.status()).toBe(201);
      }
      const after = await request.get(`/api/polls/${poll.id}`);
      expect(after.headers()['etag']).toBe(etag);
      expect(await after.json()).toEqual(body);
      const again = await request.get(`/api/polls/${poll.id}`, {
        headers: { 'if-none-match': etag },
      });
      expect(again.status()).toBe(304);
      // The organiser still sees both answers.
      const admin = await request.get(`/api/polls/${poll.id}`, {
        headers: bearer(poll.adminToken),
      });
      expect((await admin.json()).participants).toHaveLength(2);
    });
  }
});

test.describe('links from trusted origins only', () => {
  test('X-Forwarded-Host from a client does not make the admin link', async ({
    request,
    baseURL,
  }) => {
    const created = await request.post('/api/polls', {
      headers: { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' },
      data: {
        title: 'Forwarded',
        timeZone: 'Europe/Rome',
        kind: 'timed',
        durationMinutes: 60,
        options: [{ start: '2027-06-10T10:00' }],
      },
    });
    expect(created.status()).toBe(201);
    const { adminUrl, participantUrl } = await created.json();
    expect(adminUrl.startsWith(`${baseURL}/p/`)).toBe(true);
    expect(participantUrl.startsWith(`${baseURL}/p/`)).toBe(true);
    expect(adminUrl + participantUrl).not.toContain('evil.example');
  });
});
