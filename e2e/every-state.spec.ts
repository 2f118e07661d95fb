import { expect, test, type APIRequestContext } from '@playwright/test';
import { readPoll } from './support';

/**
 * Every state the API can put a poll in, and every read of it: whatever was stored through
 * create, answer, edit, comment and finalise, the participant page, the admin page, the JSON
 * API, the .ics and the CSV must answer (200, or the .ics's 404 until a time is chosen), never
 * 500. A write that stores something a read cannot show is the bug this spec catches.
 */

const PRIVACY = ['public', 'hideNames', 'afterAnswer', 'organiserOnly'] as const;

interface Made {
  id: string;
  adminToken: string;
  scheduled: boolean;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function ok(response: Awaited<ReturnType<APIRequestContext['get']>>, what: string) {
  expect(response.status(), `${what}: ${(await response.text()).slice(0, 300)}`).toBeLessThan(500);
  return response;
}

async function make(request: APIRequestContext, kind: 'timed' | 'allDay'): Promise<Made> {
  const created = await request.post('/api/polls', {
    data:
      kind === 'timed'
        ? {
            title: 'Every state, timed',
            timeZone: 'America/New_York',
            kind,
            durationMinutes: 90,
            // A fall-back night and a spring-forward week: folds and offsets on every read.
            options: [{ start: '2026-11-01T01:30' }, { start: '2027-03-14T03:30' }],
            // That fall-back night is behind the real clock now: the organiser confirms.
            allowPast: true,
          }
        : {
            title: 'Every state, all day',
            timeZone: 'Pacific/Apia',
            kind,
            options: [{ date: '2026-12-31' }, { date: '2027-01-01' }],
          },
  });
  expect(created.status()).toBe(201);
  const { id, adminToken } = await created.json();
  return { id, adminToken, scheduled: false };
}

async function everyRead(request: APIRequestContext, poll: Made) {
  await ok(await request.get(`/p/${poll.id}`), 'participant page').then((r) =>
    expect(r.status()).toBe(200),
  );
  await ok(await request.get(`/p/${poll.id}/admin/${poll.adminToken}`), 'admin page').then((r) =>
    expect(r.status()).toBe(200),
  );
  for (const headers of [{}, bearer(poll.adminToken)]) {
    const api = await ok(await request.get(`/api/polls/${poll.id}`, { headers }), 'GET API');
    expect(api.status()).toBe(200);
  }
  const ics = await ok(await request.get(`/api/polls/${poll.id}/event.ics`), '.ics');
  expect(ics.status()).toBe(poll.scheduled ? 200 : 404);
  for (const path of [`/api/polls/${poll.id}/results.csv`]) {
    const csv = await ok(await request.get(path, { headers: bearer(poll.adminToken) }), 'CSV');
    expect(csv.status()).toBe(200);
  }
  const adminCsv = await ok(
    await request.get(`/p/${poll.id}/admin/${poll.adminToken}/results.csv`),
    'admin CSV',
  );
  expect(adminCsv.status()).toBe(200);
}

test.describe('every state a poll can reach is readable everywhere', () => {
  for (const kind of ['timed', 'allDay'] as const) {
    for (const privacy of PRIVACY) {
      test(`${kind}, ${privacy}: answered, edited, commented, limited, scheduled`, async ({
        request,
      }) => {
        const states: Made[] = [];
        const record = async (made: Made) => {
          states.push(made);
          await everyRead(request, made);
        };
        const poll = await make(request, kind);
        const optionIds = (await readPoll(request, poll.id)).options.map((o) => o.id);
        const patch = async (data: Record<string, unknown>, status = 200) => {
          const r = await request.patch(`/api/polls/${poll.id}`, {
            headers: bearer(poll.adminToken),
            data,
          });
          expect(r.status(), await r.text()).toBe(status);
        };
        await record(poll);

        await patch({ privacy, deadline: '2027-12-31T18:00', optionLimit: 2 });
        await record(poll);

        for (const [i, name] of ['Ana', 'Bo', 'Chen'].entries()) {
          const r = await request.post(`/api/polls/${poll.id}/responses`, {
            data: {
              name,
              timeZone: ['Asia/Kathmandu', 'Europe/London', 'Australia/Lord_Howe'][i],
              votes: { [optionIds[0]!]: i < 2 ? 'yes' : 'no', [optionIds[1]!]: 'ifneedbe' },
              workingHours: { start: '09:00', end: '17:00' },
              neverWindow: { start: '23:00', end: '06:00' },
              overrideNever: [optionIds[0]!],
            },
          });
          expect(r.status(), await r.text()).toBe(201);
        }
        await request.post(`/api/polls/${poll.id}/comments`, {
          data: { author: 'Ana', body: 'Line one\nline two, <b>bold</b>, =1+1' },
        });
        await record(poll);

        // Options added and removed by edits, in the poll's own kind.
        await patch({
          addOptions: kind === 'timed' ? [{ start: '2027-06-01T09:00' }] : [{ date: '2027-06-01' }],
          removeOptionIds: [optionIds[1]!],
          title: 'Renamed',
          description: 'Now with a description',
          location: 'https://meet.example.org/x',
        });
        await record(poll);

        const current = (await readPoll(request, poll.id)).options.map((o) => o.id);
        const finalised = await request.post(`/api/polls/${poll.id}/finalise`, {
          headers: bearer(poll.adminToken),
          data: { optionId: current[current.length - 1] },
        });
        expect(finalised.status()).toBe(200);
        await record({ ...poll, scheduled: true });

        // Removing the chosen option unschedules the poll; reopening after that is allowed.
        await patch({ removeOptionIds: [current[current.length - 1]!] });
        await record({ ...poll, scheduled: false });
        await patch({ deadline: null, optionLimit: null, privacy: 'public' });
        await record({ ...poll, scheduled: false });
        expect(states.length).toBe(7);
      });
    }
  }

  test('an unanswered poll moved to another zone, with an option added where one moves to', async ({
    request,
  }) => {
    const poll = await make(request, 'timed');
    const r = await request.patch(`/api/polls/${poll.id}`, {
      headers: bearer(poll.adminToken),
      data: {
        timeZone: 'Europe/Rome',
        addOptions: [{ start: '2026-11-01T01:30' }],
        allowPast: true,
      },
    });
    expect(r.status(), await r.text()).toBe(200);
    await everyRead(request, poll);
  });

  test('an hourly poll moved by an hour keeps every option', async ({ request }) => {
    const created = await request.post('/api/polls', {
      data: {
        title: 'Hourly',
        timeZone: 'Europe/Rome',
        kind: 'timed',
        durationMinutes: 60,
        options: [
          { start: '2027-06-10T09:00' },
          { start: '2027-06-10T10:00' },
          { start: '2027-06-10T11:00' },
        ],
      },
    });
    const { id, adminToken } = await created.json();
    const r = await request.patch(`/api/polls/${id}`, {
      headers: bearer(adminToken),
      data: { timeZone: 'Europe/London' },
    });
    expect(r.status(), await r.text()).toBe(200);
    expect((await r.json()).options.map((o: { start: string }) => o.start)).toEqual([
      '2027-06-10T08:00:00.000Z',
      '2027-06-10T09:00:00.000Z',
      '2027-06-10T10:00:00.000Z',
    ]);
    await everyRead(request, { id, adminToken, scheduled: false });
  });
});
