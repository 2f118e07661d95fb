import {
  type Call,
  type Fixture,
  type Row,
  answer,
  bearer,
  change,
  comment,
  create,
  edit,
  onPollA,
  poll,
  respond,
} from './hostile-requests';

/** A JSON body with `key` first, sent as text: an object literal would turn `__proto__` into a prototype. */
export const withKey = (key: string, body: unknown) =>
  JSON.stringify(body).replace(/^\{/, `{${JSON.stringify(key)}:1,`);

/** Requests that could freeze or break a poll (issue 11), one group per class of defect. */
export function issue11Rows(): Row[] {
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
    [
      'edit: an added start in the past, unconfirmed',
      edit(() => ({ addOptions: [{ start: '2021-01-04T10:00' }] })),
      { status: 400, field: 'allowPast', message: /in the past/ },
    ],
    [
      'edit: allowPast as a number',
      edit(() => ({ allowPast: 1 })),
      { status: 400, field: 'allowPast' },
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
