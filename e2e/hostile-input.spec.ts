import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { snapshot } from './database';
import { hydrated, readPoll } from './support';

/**
 * Every row is a request a hostile or broken client could send. Each must be refused with a
 * 4xx whose message names the problem, and must leave every table exactly as it was.
 *
 * Free text (titles, descriptions, names) is not refused for holding HTML, formulas, emoji
 * or RTL names: it is stored as typed and rendered as text (the last describe checks that
 * in Chromium). Only characters nobody types on purpose are refused there.
 */

interface Fixture {
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

interface Call {
  /** Any token a client can put on the request line, not only the methods the API takes. */
  method: string;
  path: string;
  /** JSON-encoded unless it is a string or bytes, which are sent as they are. */
  body?: unknown;
  headers?: Record<string, string>;
}

interface Expected {
  status: number;
  /** The field the message and fieldErrors must name. */
  field?: string;
  message?: RegExp;
  /** The `Allow` header a 405 must carry. */
  allow?: string;
}

type Row = [label: string, call: (f: Fixture) => Call, expected: Expected];

const WALL = '2027-06-10T10:00';
const poll = (patch: Record<string, unknown> = {}, omit: string[] = []) => {
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
const create =
  (body: unknown): ((f: Fixture) => Call) =>
  () => ({ method: 'POST', path: '/api/polls', body });
const answer = (f: Fixture, patch: Record<string, unknown> = {}, omit: string[] = []) => {
  const body: Record<string, unknown> = {
    name: 'Mallory',
    timeZone: 'Europe/Rome',
    votes: { [f.optionsA[0]!]: 'yes' },
    ...patch,
  };
  for (const key of omit) delete body[key];
  return body;
};
const respond =
  (patch: (f: Fixture) => Record<string, unknown>, omit: string[] = []): ((f: Fixture) => Call) =>
  (f) => ({
    method: 'POST',
    path: `/api/polls/${f.pollA}/responses`,
    body: answer(f, patch(f), omit),
  });
const change =
  (
    headers: (f: Fixture) => Record<string, string>,
    body: (f: Fixture) => unknown = (f) => answer(f),
    path: (f: Fixture) => string = (f) => `/api/polls/${f.pollA}/responses/${f.participantA}`,
  ): ((f: Fixture) => Call) =>
  (f) => ({ method: 'PUT', path: path(f), body: body(f), headers: headers(f) });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const tampered = (token: string) => `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;

const onPollA =
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
const edit = (
  body: (f: Fixture) => unknown,
  headers: (f: Fixture) => Record<string, string> = (f) => bearer(f.adminA),
) => onPollA('PATCH', '', headers, body);
const comment = (body: Record<string, unknown>) =>
  onPollA(
    'POST',
    '/comments',
    () => ({}),
    () => body,
  );

const TEN_MB = Buffer.alloc(10 * 1024 * 1024, 'x');
const SCRIPT = '<script>alert(1)</script>';
const FORMULA = '=cmd|"/c calc"!A1';
const NOT_FOUND = /No poll or answer with this id and token/;
const TOO_LARGE = /larger than 100 kB/;
const NOT_JSON = /not valid JSON/;

const rows: Row[] = [
  // Creating a poll: missing fields and wrong types
  ['create: no title', create(poll({}, ['title'])), { status: 400, field: 'title' }],
  ['create: no time zone', create(poll({}, ['timeZone'])), { status: 400, field: 'timeZone' }],
  ['create: no kind', create(poll({}, ['kind'])), { status: 400, field: 'kind' }],
  ['create: no options', create(poll({}, ['options'])), { status: 400, field: 'options' }],
  ['create: title is a number', create(poll({ title: 42 })), { status: 400, field: 'title' }],
  [
    'create: options is an object',
    create(poll({ options: { start: WALL } })),
    { status: 400, field: 'options' },
  ],
  [
    'create: duration is a string',
    create(poll({ durationMinutes: '60' })),
    { status: 400, field: 'durationMinutes' },
  ],
  [
    'create: duration is fractional',
    create(poll({ durationMinutes: 59.5 })),
    { status: 400, field: 'durationMinutes' },
  ],
  [
    'create: duration over 12 h',
    create(poll({ durationMinutes: 721 })),
    { status: 400, field: 'durationMinutes' },
  ],
  ['create: kind is unknown', create(poll({ kind: 'weekly' })), { status: 400, field: 'kind' }],
  [
    'create: an unknown field',
    create(poll({ adminToken: 'mine' })),
    { status: 400, field: 'adminToken' },
  ],
  ['create: body is an array', create([poll()]), { status: 400, field: 'form' }],
  ['create: body is null', create(null), { status: 400, field: 'form' }],
  // Over-long strings
  [
    'create: title of 201 characters',
    create(poll({ title: 'x'.repeat(201) })),
    { status: 400, field: 'title' },
  ],
  [
    'create: description of 5001 characters',
    create(poll({ description: 'x'.repeat(5001) })),
    { status: 400, field: 'description' },
  ],
  [
    'create: location of 501 characters',
    create(poll({ location: 'x'.repeat(501) })),
    { status: 400, field: 'location' },
  ],
  [
    'create: organiser name of 81 characters',
    create(poll({ organiserName: 'x'.repeat(81) })),
    { status: 400, field: 'organiserName' },
  ],
  [
    'create: 501 options',
    create(
      poll({
        options: Array.from({ length: 501 }, (_, i) => ({
          start: `2027-07-${String(1 + (i % 28)).padStart(2, '0')}T${String(Math.floor(i / 28)).padStart(2, '0')}:00`,
        })),
      }),
    ),
    { status: 400, field: 'options' },
  ],
  ['create: no option at all', create(poll({ options: [] })), { status: 400, field: 'options' }],
  // Invalid and abbreviated zones
  [
    'create: zone IST',
    create(poll({ timeZone: 'IST' })),
    { status: 400, field: 'timeZone', message: /abbreviations/ },
  ],
  ['create: zone EST', create(poll({ timeZone: 'EST' })), { status: 400, field: 'timeZone' }],
  ['create: zone CEST', create(poll({ timeZone: 'CEST' })), { status: 400, field: 'timeZone' }],
  [
    'create: zone as an offset',
    create(poll({ timeZone: 'UTC+02:00' })),
    { status: 400, field: 'timeZone' },
  ],
  [
    'create: zone that does not exist',
    create(poll({ timeZone: 'Mars/Olympus_Mons' })),
    { status: 400, field: 'timeZone' },
  ],
  [
    'create: script as the zone',
    create(poll({ timeZone: SCRIPT })),
    { status: 400, field: 'timeZone' },
  ],
  [
    'create: CSV formula as the zone',
    create(poll({ timeZone: FORMULA })),
    { status: 400, field: 'timeZone' },
  ],
  [
    'create: abbreviated guest zone',
    create(poll({ guestZones: ['PST'] })),
    { status: 400, field: 'guestZones' },
  ],
  [
    'create: 21 guest zones',
    create(poll({ guestZones: Array.from({ length: 21 }, () => 'Asia/Tokyo') })),
    { status: 400, field: 'guestZones' },
  ],
  // Nonexistent wall times and malformed dates
  [
    'create: 02:30 in Rome’s spring-forward gap',
    create(poll({ options: [{ start: '2027-03-28T02:30' }] })),
    { status: 400, field: 'options', message: /does not exist/ },
  ],
  [
    'create: 02:15 in New York’s spring-forward gap',
    create(poll({ timeZone: 'America/New_York', options: [{ start: '2027-03-14T02:15' }] })),
    { status: 400, field: 'options', message: /does not exist/ },
  ],
  [
    'create: 30 February',
    create(poll({ options: [{ start: '2027-02-30T10:00' }] })),
    { status: 400, field: 'options' },
  ],
  [
    'create: hour 25',
    create(poll({ options: [{ start: '2027-06-10T25:00' }] })),
    { status: 400, field: 'options' },
  ],
  [
    'create: a space instead of T',
    create(poll({ options: [{ start: '2027-06-10 10:00' }] })),
    { status: 400, field: 'options' },
  ],
  [
    'create: HTML as a start time',
    create(poll({ options: [{ start: '<img src=x onerror=alert(1)>' }] })),
    { status: 400, field: 'options' },
  ],
  [
    'create: formula as a start time',
    create(poll({ options: [{ start: '=1+1' }] })),
    { status: 400, field: 'options' },
  ],
  [
    'create: 29 February 2027 (all day)',
    create(poll({ kind: 'allDay', options: [{ date: '2027-02-29' }] }, ['durationMinutes'])),
    { status: 400, field: 'options' },
  ],
  [
    'create: a date in DD/MM/YYYY',
    create(poll({ kind: 'allDay', options: [{ date: '10/06/2027' }] }, ['durationMinutes'])),
    { status: 400, field: 'options' },
  ],
  [
    'create: a date in a timed poll',
    create(poll({ options: [{ date: '2027-06-10' }] })),
    { status: 400, field: 'options' },
  ],
  // Unicode edge cases
  [
    'create: title of direction marks and zero-width spaces',
    create(poll({ title: '\u200F\u200B\u200E' })),
    { status: 400, field: 'title' },
  ],
  [
    'create: right-to-left override in the title',
    create(poll({ title: 'Invoice \u202Efdp.exe' })),
    { status: 400, field: 'title', message: /control characters/ },
  ],
  [
    'create: NUL in the organiser name',
    create(poll({ organiserName: 'Ana\u0000' })),
    { status: 400, field: 'organiserName' },
  ],
  [
    'create: terminal escape in the description',
    create(poll({ description: '\u001b[31mred' })),
    { status: 400, field: 'description' },
  ],
  [
    'create: line break in the location',
    create(poll({ location: 'Room 1\nRoom 2' })),
    { status: 400, field: 'location' },
  ],
  // Bodies that are not JSON, or too large
  [
    'create: truncated JSON',
    () => ({ method: 'POST', path: '/api/polls', body: '{"title":' }),
    { status: 400, message: NOT_JSON },
  ],
  [
    'create: bytes that are not UTF-8',
    () => ({
      method: 'POST',
      path: '/api/polls',
      body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
    }),
    { status: 400, message: NOT_JSON },
  ],
  [
    'create: 10 MB body',
    () => ({ method: 'POST', path: '/api/polls', body: TEN_MB }),
    { status: 413, message: TOO_LARGE },
  ],

  // Answering: missing fields and wrong types
  ['answer: no name', respond(() => ({}), ['name']), { status: 400, field: 'name' }],
  ['answer: no time zone', respond(() => ({}), ['timeZone']), { status: 400, field: 'timeZone' }],
  ['answer: no votes', respond(() => ({}), ['votes']), { status: 400, field: 'votes' }],
  [
    'answer: votes as an array',
    respond(() => ({ votes: ['yes'] })),
    { status: 400, field: 'votes' },
  ],
  [
    'answer: the vote “maybe”',
    respond((f) => ({ votes: { [f.optionsA[0]!]: 'maybe' } })),
    { status: 400, field: 'votes' },
  ],
  [
    'answer: a vote of true',
    respond((f) => ({ votes: { [f.optionsA[0]!]: true } })),
    { status: 400, field: 'votes' },
  ],
  [
    'answer: an option of another poll',
    respond((f) => ({ votes: { [f.optionB]: 'yes' } })),
    { status: 400, field: 'votes', message: /votes/ },
  ],
  [
    'answer: never-window exception for another poll’s option',
    respond((f) => ({ overrideNever: [f.optionB] })),
    { status: 400, field: 'overrideNever' },
  ],
  [
    'answer: an unknown field',
    respond(() => ({ pollId: 'other' })),
    { status: 400, field: 'pollId' },
  ],
  [
    'answer: name of 81 characters',
    respond(() => ({ name: 'x'.repeat(81) })),
    { status: 400, field: 'name' },
  ],
  [
    'answer: name of one right-to-left mark',
    respond(() => ({ name: '\u200F' })),
    { status: 400, field: 'name' },
  ],
  [
    'answer: right-to-left override in the name',
    respond(() => ({ name: `${SCRIPT}\u202E` })),
    { status: 400, field: 'name' },
  ],
  [
    'answer: unpaired surrogate in the name',
    respond(() => ({ name: 'Ana\uD800' })),
    { status: 400, field: 'name' },
  ],
  ['answer: zone IST', respond(() => ({ timeZone: 'IST' })), { status: 400, field: 'timeZone' }],
  [
    'answer: zone Europe/Atlantis',
    respond(() => ({ timeZone: 'Europe/Atlantis' })),
    { status: 400, field: 'timeZone' },
  ],
  [
    'answer: zone with a space',
    respond(() => ({ timeZone: 'America/New York' })),
    { status: 400, field: 'timeZone' },
  ],
  [
    'answer: working hours from 25:00',
    respond(() => ({ workingHours: { start: '25:00', end: '17:00' } })),
    { status: 400, field: 'workingHours' },
  ],
  [
    'answer: never window from “9am”',
    respond(() => ({ neverWindow: { start: '9am', end: '10:00' } })),
    { status: 400, field: 'neverWindow' },
  ],
  [
    'answer: submission key of 4 characters',
    respond(() => ({ submissionKey: '1234' })),
    { status: 400, field: 'submissionKey' },
  ],
  [
    'answer: a poll that does not exist',
    (f) => ({ method: 'POST', path: '/api/polls/doesnotexist0000/responses', body: answer(f) }),
    { status: 404, message: NOT_FOUND },
  ],
  [
    'answer: truncated JSON',
    (f) => ({ method: 'POST', path: `/api/polls/${f.pollA}/responses`, body: '{"name":"Ana",' }),
    { status: 400, message: NOT_JSON },
  ],
  [
    'answer: 10 MB body',
    (f) => ({ method: 'POST', path: `/api/polls/${f.pollA}/responses`, body: TEN_MB }),
    { status: 413, message: TOO_LARGE },
  ],

  // Changing an answer: tokens and ids of other polls
  ['change: no token', change(() => ({})), { status: 404, message: NOT_FOUND }],
  [
    'change: tampered token',
    change((f) => bearer(tampered(f.tokenA))),
    { status: 404, message: NOT_FOUND },
  ],
  [
    'change: truncated token',
    change((f) => bearer(f.tokenA.slice(0, 20))),
    { status: 404, message: NOT_FOUND },
  ],
  [
    'change: another participant’s token',
    change((f) => bearer(f.tokenA2)),
    { status: 404, message: NOT_FOUND },
  ],
  [
    'change: tampered token in the body',
    change(
      () => ({}),
      (f) => ({ ...answer(f), editToken: tampered(f.tokenA) }),
    ),
    { status: 404, message: NOT_FOUND },
  ],
  [
    'change: token that is a number',
    change(
      () => ({}),
      (f) => ({ ...answer(f), editToken: 12345 }),
    ),
    { status: 404, message: NOT_FOUND },
  ],
  [
    'change: empty Bearer',
    change(() => ({ authorization: 'Bearer ' })),
    { status: 404, message: NOT_FOUND },
  ],
  [
    'change: the answer under another poll’s id',
    change(
      (f) => bearer(f.tokenA),
      undefined,
      (f) => `/api/polls/${f.pollB}/responses/${f.participantA}`,
    ),
    { status: 404, message: NOT_FOUND },
  ],
  [
    'change: right token, the vote “maybe”',
    change(
      (f) => bearer(f.tokenA),
      (f) => answer(f, { votes: { [f.optionsA[0]!]: 'maybe' } }),
    ),
    { status: 400, field: 'votes' },
  ],
  [
    'change: right token, another poll’s option',
    change(
      (f) => bearer(f.tokenA),
      (f) => answer(f, { votes: { [f.optionB]: 'yes' } }),
    ),
    { status: 400, field: 'votes' },
  ],
  [
    'change: right token, empty name',
    change(
      (f) => bearer(f.tokenA),
      (f) => answer(f, { name: '   ' }),
    ),
    { status: 400, field: 'name' },
  ],
  [
    'change: right token, zone PST',
    change(
      (f) => bearer(f.tokenA),
      (f) => answer(f, { timeZone: 'PST' }),
    ),
    { status: 400, field: 'timeZone' },
  ],
  [
    'change: body is an array',
    change(
      (f) => bearer(f.tokenA),
      () => [],
    ),
    { status: 400, message: /JSON object/ },
  ],
  [
    'change: 10 MB body',
    change(
      (f) => bearer(f.tokenA),
      () => TEN_MB,
    ),
    { status: 413, message: TOO_LARGE },
  ],

  // Editing a poll (organiser): tokens, then every field
  [
    'edit: no token',
    edit(
      () => ({ title: 'Mine now' }),
      () => ({}),
    ),
    { status: 404, message: NOT_FOUND },
  ],
  [
    'edit: tampered admin token',
    edit(
      () => ({ title: 'Mine now' }),
      (f) => bearer(tampered(f.adminA)),
    ),
    { status: 404, message: NOT_FOUND },
  ],
  [
    'edit: truncated admin token',
    edit(
      () => ({ title: 'Mine now' }),
      (f) => bearer(f.adminA.slice(0, 16)),
    ),
    { status: 404, message: NOT_FOUND },
  ],
  [
    'edit: another poll’s admin token',
    edit(
      () => ({ title: 'Mine now' }),
      (f) => bearer(f.adminB),
    ),
    { status: 404, message: NOT_FOUND },
  ],
  [
    'edit: a participant’s edit token as admin token',
    edit(
      () => ({ title: 'Mine now' }),
      (f) => bearer(f.tokenA),
    ),
    { status: 404, message: NOT_FOUND },
  ],
  [
    'edit: title of 201 characters',
    edit(() => ({ title: 'x'.repeat(201) })),
    { status: 400, field: 'title' },
  ],
  [
    'edit: script and a direction override in the title',
    edit(() => ({ title: `${SCRIPT}\u202E` })),
    { status: 400, field: 'title', message: /control characters/ },
  ],
  ['edit: zone EST', edit(() => ({ timeZone: 'EST' })), { status: 400, field: 'timeZone' }],
  [
    'edit: an added option in Rome’s spring-forward gap',
    edit(() => ({ addOptions: [{ start: '2027-03-28T02:30' }] })),
    { status: 400, field: 'addOptions', message: /does not exist/ },
  ],
  [
    'edit: an added option on 31 April',
    edit(() => ({ addOptions: [{ start: '2027-04-31T10:00' }] })),
    { status: 400, field: 'addOptions' },
  ],
  [
    'edit: removing another poll’s option',
    edit((f) => ({ removeOptionIds: [f.optionB] })),
    { status: 400, field: 'removeOptionIds' },
  ],
  [
    'edit: a deadline of “next Friday”',
    edit(() => ({ deadline: 'next Friday' })),
    { status: 400, field: 'deadline' },
  ],
  [
    'edit: an option limit of 0',
    edit(() => ({ optionLimit: 0 })),
    { status: 400, field: 'optionLimit' },
  ],
  [
    'edit: an option limit of "7"',
    edit(() => ({ optionLimit: '7' })),
    { status: 400, field: 'optionLimit' },
  ],
  [
    'edit: privacy “secret”',
    edit(() => ({ privacy: 'secret' })),
    { status: 400, field: 'privacy' },
  ],
  [
    'edit: an unknown field',
    edit(() => ({ adminTokenHash: 'x' })),
    { status: 400, field: 'adminTokenHash' },
  ],
  ['edit: 10 MB body', edit(() => TEN_MB), { status: 413, message: TOO_LARGE }],
  ['delete poll: no token', onPollA('DELETE', '', () => ({})), { status: 404, message: NOT_FOUND }],
  [
    'delete poll: tampered admin token',
    onPollA('DELETE', '', (f) => bearer(tampered(f.adminA))),
    { status: 404, message: NOT_FOUND },
  ],
  [
    'delete poll: another poll’s admin token',
    onPollA('DELETE', '', (f) => bearer(f.adminB)),
    { status: 404, message: NOT_FOUND },
  ],

  // Finalising
  [
    'finalise: no token',
    onPollA(
      'POST',
      '/finalise',
      () => ({}),
      (f) => ({ optionId: f.optionsA[0] }),
    ),
    { status: 404, message: NOT_FOUND },
  ],
  [
    'finalise: tampered admin token',
    onPollA(
      'POST',
      '/finalise',
      (f) => bearer(tampered(f.adminA)),
      (f) => ({ optionId: f.optionsA[0] }),
    ),
    { status: 404, message: NOT_FOUND },
  ],
  [
    'finalise: another poll’s option',
    onPollA(
      'POST',
      '/finalise',
      (f) => bearer(f.adminA),
      (f) => ({ optionId: f.optionB }),
    ),
    { status: 400, field: 'optionId' },
  ],
  [
    'finalise: an option id that is a number',
    onPollA(
      'POST',
      '/finalise',
      (f) => bearer(f.adminA),
      () => ({ optionId: 1 }),
    ),
    { status: 400, field: 'optionId' },
  ],
  [
    'finalise: truncated JSON',
    onPollA(
      'POST',
      '/finalise',
      (f) => bearer(f.adminA),
      () => '{"optionId":',
    ),
    { status: 400, message: NOT_JSON },
  ],

  // Comments
  ['comment: no author', comment({ body: 'Hello' }), { status: 400, field: 'author' }],
  [
    'comment: a body of spaces',
    comment({ author: 'Ana', body: '   ' }),
    { status: 400, field: 'body' },
  ],
  [
    'comment: a body of 2001 characters',
    comment({ author: 'Ana', body: 'x'.repeat(2001) }),
    { status: 400, field: 'body' },
  ],
  [
    'comment: a direction override in the author',
    comment({ author: 'Ana\u202E', body: 'Hello' }),
    { status: 400, field: 'author' },
  ],
  [
    'comment: the body is a list',
    comment({ author: 'Ana', body: ['Hello'] }),
    { status: 400, field: 'body' },
  ],
  [
    'comment: on a poll that does not exist',
    () => ({
      method: 'POST',
      path: '/api/polls/doesnotexist0000/comments',
      body: { author: 'Ana', body: 'Hello' },
    }),
    { status: 404, message: NOT_FOUND },
  ],
  [
    'comment: 10 MB body',
    comment({ author: 'Ana', body: 'x'.repeat(10 * 1024 * 1024) }),
    { status: 413, message: TOO_LARGE },
  ],
  [
    'delete comment: no token',
    (f) => ({ method: 'DELETE', path: `/api/polls/${f.pollA}/comments/${f.commentA}` }),
    { status: 404, message: NOT_FOUND },
  ],
  [
    'delete comment: tampered admin token',
    (f) => ({
      method: 'DELETE',
      path: `/api/polls/${f.pollA}/comments/${f.commentA}`,
      headers: bearer(tampered(f.adminA)),
    }),
    { status: 404, message: NOT_FOUND },
  ],
  [
    'delete comment: under another poll, with its admin token',
    (f) => ({
      method: 'DELETE',
      path: `/api/polls/${f.pollB}/comments/${f.commentA}`,
      headers: bearer(f.adminB),
    }),
    { status: 404, message: NOT_FOUND },
  ],

  // Exports
  [
    'CSV export: no token',
    onPollA('GET', '/results.csv', () => ({})),
    { status: 404, message: NOT_FOUND },
  ],
  [
    'CSV export: tampered admin token',
    onPollA('GET', '/results.csv', (f) => bearer(tampered(f.adminA))),
    { status: 404, message: NOT_FOUND },
  ],
  [
    'CSV export: another poll’s admin token',
    onPollA('GET', '/results.csv', (f) => bearer(f.adminB)),
    { status: 404, message: NOT_FOUND },
  ],
  [
    'calendar file: a poll not scheduled yet',
    onPollA('GET', '/event.ics', () => ({})),
    { status: 404, message: NOT_FOUND },
  ],
  [
    'calendar file: a poll that does not exist',
    () => ({ method: 'GET', path: '/api/polls/doesnotexist0000/event.ics' }),
    { status: 404, message: NOT_FOUND },
  ],

  // Reading, and addresses that are not ids
  [
    'read: a poll that does not exist',
    () => ({ method: 'GET', path: '/api/polls/doesnotexist0000' }),
    { status: 404, message: NOT_FOUND },
  ],
  [
    'read: an id of 2,000 characters',
    () => ({ method: 'GET', path: `/api/polls/${'a'.repeat(2000)}` }),
    { status: 404, message: NOT_FOUND },
  ],
  [
    'read: a broken %-escape in the id',
    () => ({ method: 'GET', path: '/api/polls/%E2%80' }),
    { status: 400, message: /%-escape/ },
  ],
  [
    'answer: a broken %-escape in the poll id',
    (f) => ({ method: 'POST', path: '/api/polls/%ZZ/responses', body: answer(f) }),
    { status: 400, message: /%-escape/ },
  ],
  ...issue11Rows(),
];

/** A JSON body with `key` first, sent as text: an object literal would turn `__proto__` into a prototype. */
const withKey = (key: string, body: unknown) =>
  JSON.stringify(body).replace(/^\{/, `{${JSON.stringify(key)}:1,`);

/** Requests that could freeze or break a poll (issue 11), one group per class of defect. */
function issue11Rows(): Row[] {
  const PROTOTYPE_KEYS = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];
  const routes: [string, (f: Fixture) => Call][] = [
    ['create', () => ({ method: 'POST', path: '/api/polls', body: withKey('K', poll()) })],
    [
      'answer',
      (f) => ({
        method: 'POST',
        path: `/api/polls/${f.pollA}/responses`,
        body: withKey('K', answer(f)),
      }),
    ],
    [
      'change',
      (f) =>
        change(
          (g) => bearer(g.tokenA),
          (g) => withKey('K', answer(g)),
        )(f),
    ],
    ['edit', (f) => edit(() => withKey('K', { title: 'New title' }))(f)],
    ['comment', (f) => ({ ...comment({})(f), body: withKey('K', { author: 'Ana', body: 'Hi' }) })],
    [
      'finalise',
      (f) =>
        onPollA(
          'POST',
          '/finalise',
          (g) => bearer(g.adminA),
          () => withKey('K', { optionId: null }),
        )(f),
    ],
  ];
  const keyRows: Row[] = routes.flatMap(([route, call]) =>
    PROTOTYPE_KEYS.map((key): Row => [
      `${route}: an unknown field named ${key}`,
      (f) => {
        const c = call(f);
        return { ...c, body: (c.body as string).replace('"K":', `${JSON.stringify(key)}:`) };
      },
      { status: 400, field: key },
    ]),
  );
  const ALLOW_POLL = 'GET, PATCH, DELETE, HEAD, OPTIONS';
  const methodRows: Row[] = [
    [
      'method: PATCH on the .ics',
      onPollA('PATCH', '/event.ics', () => ({})),
      { status: 405, allow: 'GET, HEAD, OPTIONS' },
    ],
    [
      'method: GET on the create route',
      () => ({ method: 'GET', path: '/api/polls' }),
      { status: 405, allow: 'POST, OPTIONS' },
    ],
    [
      'method: PROPFIND on a poll',
      onPollA('PROPFIND', '', () => ({})),
      { status: 405, allow: ALLOW_POLL },
    ],
    [
      'method: SEARCH, a WebDAV method, on a poll',
      onPollA('SEARCH', '', () => ({})),
      { status: 405, allow: ALLOW_POLL },
    ],
    [
      'method: TRACE on the answers route',
      onPollA('TRACE', '/responses', () => ({})),
      { status: 405, allow: 'POST, OPTIONS' },
    ],
    [
      'method: TRACE on a page',
      (f) => ({ method: 'TRACE', path: `/p/${f.pollA}` }),
      { status: 405, allow: 'GET, HEAD, POST, OPTIONS' },
    ],
    [
      'method: PUT on a comment',
      onPollA(
        'PUT',
        '/comments',
        () => ({}),
        () => ({ author: 'A', body: 'B' }),
      ),
      { status: 405, allow: 'POST, OPTIONS' },
    ],
  ];
  return [
    ...keyRows,
    ...methodRows,
    // No request is slow to refuse: thousands of unknown option ids, answered in linear time.
    [
      'answer: 7,000 option ids that do not exist',
      respond(() => ({
        votes: Object.fromEntries(Array.from({ length: 7000 }, (_, i) => [`x${i}`, 'yes'])),
      })),
      { status: 400, field: 'votes' },
    ],
    // Every write path validates as creation does.
    [
      'edit: an added date of 30 February',
      edit(() => ({ addOptions: [{ date: '2027-02-30' }] })),
      { status: 400, field: 'addOptions' },
    ],
    [
      'edit: an added date that is not a date',
      edit(() => ({ addOptions: [{ date: 'not-a-date' }] })),
      { status: 400, field: 'addOptions' },
    ],
    [
      'edit: an added start of 30 February',
      edit(() => ({ addOptions: [{ start: '2027-02-30T10:00' }] })),
      { status: 400, field: 'addOptions' },
    ],
    // Dates: real calendar days within 1970–2100, in every field.
    [
      'create: a start in year 0001',
      create(poll({ options: [{ start: '0001-06-01T10:00' }] })),
      { status: 400, field: 'options', message: /1970 and 2100/ },
    ],
    [
      'create: a start in 1969',
      create(poll({ options: [{ start: '1969-12-31T10:00' }] })),
      { status: 400, field: 'options' },
    ],
    [
      'create: a whole day in 2101',
      create(poll({ kind: 'allDay', options: [{ date: '2101-01-01' }] }, ['durationMinutes'])),
      { status: 400, field: 'options' },
    ],
    [
      'edit: a deadline of 30 February (an instant)',
      edit(() => ({ deadline: '2027-02-30T12:00:00Z' })),
      { status: 400, field: 'deadline' },
    ],
    [
      'edit: a deadline of 30 February (a wall time)',
      edit(() => ({ deadline: '2027-02-30T12:00' })),
      { status: 400, field: 'deadline' },
    ],
    [
      'edit: a deadline in year 0001',
      edit(() => ({ deadline: '0001-01-01T00:00:00Z' })),
      { status: 400, field: 'deadline' },
    ],
    [
      'edit: a deadline in 2101',
      edit(() => ({ deadline: '2101-01-01T00:00' })),
      { status: 400, field: 'deadline' },
    ],
    // Text made only of invisible characters, and U+2028/U+2029 on one line.
    [
      'create: a title of Hangul fillers',
      create(poll({ title: '\u3164\uFFA0\u115F\u1160' })),
      { status: 400, field: 'title' },
    ],
    [
      'create: a title of braille blanks',
      create(poll({ title: '\u2800\u2800' })),
      { status: 400, field: 'title' },
    ],
    [
      'create: a title with a line separator',
      create(poll({ title: 'a\u2028b' })),
      { status: 400, field: 'title' },
    ],
    [
      'create: a location with a paragraph separator',
      create(poll({ location: 'a\u2029b' })),
      { status: 400, field: 'location' },
    ],
    [
      'answer: a name that is a combining grapheme joiner',
      respond(() => ({ name: '\u034F' })),
      { status: 400, field: 'name' },
    ],
    [
      'answer: a name that is a lone variation selector',
      respond(() => ({ name: '\uFE0F\uFE0F' })),
      { status: 400, field: 'name' },
    ],
    [
      'comment: an author of Hangul fillers',
      comment({ author: '\u3164', body: 'Hi' }),
      { status: 400, field: 'author' },
    ],
  ];
}

async function send(request: APIRequestContext, call: Call) {
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

async function setUp(request: APIRequestContext): Promise<Fixture> {
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

test.describe('hostile requests to the JSON API', () => {
  let fixture: Fixture;
  test.beforeAll(async ({ request }) => {
    fixture = await setUp(request);
  });

  test('the matrix has at least 60 rows, and the snapshot sees the fixture', () => {
    expect(rows.length).toBeGreaterThanOrEqual(60);
    expect(snapshot()).toContain(fixture.participantA);
  });

  for (const [label, call, expected] of rows) {
    test(label, async ({ request }) => {
      const before = snapshot();
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
      expect(snapshot()).toBe(before);
    });
  }

  test('a made-up method is refused by Node.js itself, before any code: 400, never 5xx', async ({
    request,
  }) => {
    const before = snapshot();
    const response = await request.fetch(`/api/polls/${fixture.pollA}`, { method: 'FROBNICATE' });
    expect(response.status()).toBe(400);
    expect(snapshot()).toBe(before);
  });

  test('a 10 MB body sent in chunks, without a length, is cut off at the limit', async ({
    baseURL,
  }) => {
    const before = snapshot();
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
    expect(snapshot()).toBe(before);
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
      await page.getByRole('radio', { name: 'Yes', exact: true }).first().check();
      await tamperWithAction(page, edit(fixture));
      const before = snapshot();
      await page.getByRole('button', { name: 'Send answer' }).click();
      await expect(page.getByText(message).first()).toBeVisible();
      await expect(page.getByText('Thank you, your answer is saved.')).toHaveCount(0);
      expect(snapshot()).toBe(before);
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
      const before = snapshot();
      await page.getByRole('button', { name: 'Save changes' }).click();
      await expect(page.getByText(message).first()).toBeVisible();
      await expect(page.getByText('Saved.')).toHaveCount(0);
      expect(snapshot()).toBe(before);
    });
  }

  test('create form: a direction override typed into the title', async ({ page }) => {
    await page.goto('/');
    await hydrated(page.getByLabel('Title'));
    await page.getByLabel('Title').fill('Invoice \u202Efdp.exe');
    await page.getByLabel('Or type a date').fill('2027-06-10');
    await page.getByRole('button', { name: 'Add date' }).click();
    await expect(page.getByRole('heading', { name: 'No options yet' })).toHaveCount(0);
    const before = snapshot();
    await page.getByRole('button', { name: 'Create poll' }).click();
    await expect(page.getByText(/control characters/)).toBeVisible();
    await expect(page.getByLabel('Title')).toHaveAttribute('aria-invalid', 'true');
    await expect(page).toHaveURL(/\/$/);
    expect(snapshot()).toBe(before);
  });

  test('create form: the zone swapped for EST on the way out', async ({ page }) => {
    await page.goto('/');
    await hydrated(page.getByLabel('Title'));
    await page.getByLabel('Title').fill('Swapped zone');
    await page.getByLabel('Or type a date').fill('2027-06-10');
    await page.getByRole('button', { name: 'Add date' }).click();
    await expect(page.getByRole('heading', { name: 'No options yet' })).toHaveCount(0);
    await tamperWithAction(page, (p) => ({ ...p, timeZone: 'EST' }));
    const before = snapshot();
    await page.getByRole('button', { name: 'Create poll' }).click();
    await expect(page.getByText(/abbreviations such as IST or EST/).first()).toBeVisible();
    await expect(page).toHaveURL(/\/$/);
    expect(snapshot()).toBe(before);
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
