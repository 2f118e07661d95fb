import fc from 'fast-check';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { snapshot } from './database';
import { readPoll } from './support';

/**
 * Random and mutated bodies and methods for every JSON route, built from a valid body of each:
 * every answer is a 2xx, or a 4xx with a message that leaves the database exactly as it was;
 * never a 5xx. Bounded: a fixed number of runs per route, with a fixed seed per run of the suite
 * printed on failure by fast-check.
 */

const RUNS = 100;
const PROTOTYPE_KEYS = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'PROPFIND', 'TRACE'];

interface Route {
  name: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

/** One change to a valid body: a field removed, replaced by any JSON, or an unknown one added. */
const mutation = (body: Record<string, unknown>) => {
  const keys = Object.keys(body);
  return fc.oneof(
    fc.constantFrom(...keys).map((key) => ({ drop: key })),
    fc.tuple(fc.constantFrom(...keys), fc.jsonValue({ maxDepth: 2 })).map(([key, value]) => ({
      set: key,
      value,
    })),
    fc
      .tuple(
        fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), fc.string({ maxLength: 12 })),
        fc.jsonValue({ maxDepth: 1 }),
      )
      .map(([key, value]) => ({ set: key, value })),
  );
};

/** The body as JSON text: an own `__proto__` key must reach the server as a key. */
function mutated(
  body: Record<string, unknown>,
  changes: ({ drop: string } | { set: string; value: unknown })[],
): string {
  const entries = new Map(Object.entries(body));
  for (const change of changes) {
    if ('drop' in change) entries.delete(change.drop);
    else entries.set(change.set, change.value);
  }
  return `{${[...entries].map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v) ?? 'null'}`).join(',')}}`;
}

async function routes(request: APIRequestContext): Promise<Route[]> {
  const poll = {
    title: 'Generative',
    timeZone: 'America/New_York',
    kind: 'timed',
    durationMinutes: 60,
    options: [{ start: '2026-11-01T01:30' }, { start: '2027-03-14T09:00' }],
    // That fall-back night is behind the real clock now: the organiser confirms.
    allowPast: true,
  };
  const created = await (await request.post('/api/polls', { data: poll })).json();
  const optionIds = (await readPoll(request, created.id)).options.map((o) => o.id);
  const answer = { name: 'Ana', timeZone: 'Asia/Kathmandu', votes: { [optionIds[0]!]: 'yes' } };
  const answered = await (
    await request.post(`/api/polls/${created.id}/responses`, { data: answer })
  ).json();
  const admin = { authorization: `Bearer ${created.adminToken}` };
  const base = `/api/polls/${created.id}`;
  return [
    { name: 'create', method: 'POST', path: '/api/polls', headers: {}, body: poll },
    { name: 'answer', method: 'POST', path: `${base}/responses`, headers: {}, body: answer },
    {
      name: 'change',
      method: 'PUT',
      path: `${base}/responses/${answered.participantId}`,
      headers: { authorization: `Bearer ${answered.editToken}` },
      body: answer,
    },
    {
      name: 'edit',
      method: 'PATCH',
      path: base,
      headers: admin,
      body: {
        title: 'Edited',
        addOptions: [{ start: '2027-06-01T10:00' }],
        deadline: '2027-01-01T12:00',
        optionLimit: 5,
        privacy: 'hideNames',
      },
    },
    {
      name: 'comment',
      method: 'POST',
      path: `${base}/comments`,
      headers: {},
      body: { author: 'Bo', body: 'Hi' },
    },
    {
      name: 'finalise',
      method: 'POST',
      path: `${base}/finalise`,
      headers: admin,
      body: { optionId: optionIds[1] },
    },
  ];
}

test.describe('generated requests to every JSON route', () => {
  let all: Route[] = [];
  test.beforeAll(async ({ request }) => {
    all = await routes(request);
  });

  for (const name of ['create', 'answer', 'change', 'edit', 'comment', 'finalise']) {
    test(`${name}: mutated bodies and methods are answered 2xx or 4xx, never 5xx`, async ({
      request,
    }) => {
      test.setTimeout(180_000);
      const route = all.find((r) => r.name === name)!;
      await fc.assert(
        fc.asyncProperty(
          fc.array(mutation(route.body), { minLength: 1, maxLength: 3 }),
          fc.oneof(
            { weight: 4, arbitrary: fc.constant(route.method) },
            { weight: 1, arbitrary: fc.constantFrom(...METHODS) },
          ),
          async (changes, method) => {
            const before = await snapshot();
            const response = await request.fetch(route.path, {
              method,
              headers: { 'content-type': 'application/json', ...route.headers },
              data: Buffer.from(mutated(route.body, changes)),
            });
            const status = response.status();
            expect(status, `${method} ${route.path}: ${await response.text()}`).toBeLessThan(500);
            if (status >= 400) {
              const body = await response.json();
              expect(body.ok).toBe(false);
              expect(body.message.length).toBeGreaterThan(10);
              expect(await snapshot()).toBe(before);
            }
          },
        ),
        { numRuns: RUNS },
      );
    });
  }
});
