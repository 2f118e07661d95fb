import type { APIRequestContext } from '@playwright/test';
import { readPoll } from './support';

/**
 * Every row is a request a hostile or broken client could send. Each must be refused with a
 * 4xx whose message names the problem, and must leave every table exactly as it was.
 *
 * Free text (titles, descriptions, names) is not refused for holding HTML, formulas, emoji
 * or RTL names: it is stored as typed and rendered as text (the last describe checks that
 * in Chromium). Only characters nobody types on purpose are refused there.
 */

export interface Fixture {
  pollA: string;
  optionsA: string[];
  pollB: string;
  optionB: string;
  participantA: string;
  tokenA: string;
  tokenA2: string;
  adminA: string;
  adminB: string;
  commentA: string;
}

export interface Call {
  /** Any token a client can put on the request line, not only the methods the API takes. */
  method: string;
  path: string;
  /** JSON-encoded unless it is a string or bytes, which are sent as they are. */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Expected {
  status: number;
  /** The field the message and fieldErrors must name. */
  field?: string;
  message?: RegExp;
  /** The `Allow` header a 405 must carry. */
  allow?: string;
}

export type Row = [label: string, call: (f: Fixture) => Call, expected: Expected];

export const WALL = '2027-06-10T10:00';
export const poll = (patch: Record<string, unknown> = {}, omit: string[] = []) => {
  const body: Record<string, unknown> = {
    title: 'Hostile input',
    timeZone: 'Europe/Rome',
    kind: 'timed',
    durationMinutes: 60,
    options: [{ start: WALL }, { start: '2027-06-11T10:00' }],
    ...patch,
  };
  for (const key of omit) delete body[key];
  return body;
};
export const create =
  (body: unknown): ((f: Fixture) => Call) =>
  () => ({ method: 'POST', path: '/api/polls', body });
export const answer = (f: Fixture, patch: Record<string, unknown> = {}, omit: string[] = []) => {
  const body: Record<string, unknown> = {
    name: 'Mallory',
    timeZone: 'Europe/Rome',
    votes: { [f.optionsA[0]!]: 'yes' },
    ...patch,
  };
  for (const key of omit) delete body[key];
  return body;
};
export const respond =
  (patch: (f: Fixture) => Record<string, unknown>, omit: string[] = []): ((f: Fixture) => Call) =>
  (f) => ({
    method: 'POST',
    path: `/api/polls/${f.pollA}/responses`,
    body: answer(f, patch(f), omit),
  });
export const change =
  (
    headers: (f: Fixture) => Record<string, string>,
    body: (f: Fixture) => unknown = (f) => answer(f),
    path: (f: Fixture) => string = (f) => `/api/polls/${f.pollA}/responses/${f.participantA}`,
  ): ((f: Fixture) => Call) =>
  (f) => ({ method: 'PUT', path: path(f), body: body(f), headers: headers(f) });
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
export const tampered = (token: string) =>
  `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;

export const onPollA =
  (
    method: Call['method'],
    suffix: string,
    headers: (f: Fixture) => Record<string, string>,
    body?: (f: Fixture) => unknown,
  ): ((f: Fixture) => Call) =>
  (f) => ({
    method,
    path: `/api/polls/${f.pollA}${suffix}`,
    headers: headers(f),
    ...(body ? { body: body(f) } : {}),
  });
export const edit = (
  body: (f: Fixture) => unknown,
  headers: (f: Fixture) => Record<string, string> = (f) => bearer(f.adminA),
) => onPollA('PATCH', '', headers, body);
export const comment = (body: Record<string, unknown>) =>
  onPollA(
    'POST',
    '/comments',
    () => ({}),
    () => body,
  );

export const TEN_MB = Buffer.alloc(10 * 1024 * 1024, 'x');
export const SCRIPT = '<script>alert(1)</script>';
export const FORMULA = '=cmd|"/c calc"!A1';
export const NOT_FOUND = /No poll or answer with this id and token/;
export const TOO_LARGE = /larger than 100 kB/;
export const NOT_JSON = /not valid JSON/;

export async function send(request: APIRequestContext, call: Call) {
  const raw = typeof call.body === 'string' || Buffer.isBuffer(call.body);
  return request.fetch(call.path, {
    method: call.method,
    headers: { 'content-type': 'application/json', ...call.headers },
    // Bytes, so that Playwright sends a string as it is instead of encoding it as JSON.
    ...(call.body === undefined
      ? {}
      : { data: Buffer.from(raw ? (call.body as string | Buffer) : JSON.stringify(call.body)) }),
  });
}

export async function setUp(request: APIRequestContext): Promise<Fixture> {
  const a = await (await request.post('/api/polls', { data: poll() })).json();
  const b = await (
    await request.post('/api/polls', { data: poll({ options: [{ start: '2027-06-12T10:00' }] }) })
  ).json();
  const optionsA = (await readPoll(request, a.id)).options.map((o) => o.id);
  const optionB = (await readPoll(request, b.id)).options[0]!.id;
  const first = await (
    await request.post(`/api/polls/${a.id}/responses`, {
      data: { name: 'Ana', timeZone: 'UTC', votes: { [optionsA[0]!]: 'yes' } },
    })
  ).json();
  const second = await (
    await request.post(`/api/polls/${a.id}/responses`, {
      data: { name: 'Bo', timeZone: 'UTC', votes: {} },
    })
  ).json();
  const comment = await (
    await request.post(`/api/polls/${a.id}/comments`, {
      data: { author: 'Ana', body: 'Thursday suits me' },
    })
  ).json();
  return {
    pollA: a.id,
    optionsA,
    pollB: b.id,
    optionB,
    participantA: first.participantId,
    tokenA: first.editToken,
    tokenA2: second.editToken,
    adminA: a.adminToken,
    adminB: b.adminToken,
    commentA: comment.id,
  };
}
