import {
  NOT_FOUND,
  NOT_JSON,
  type Row,
  SCRIPT,
  TEN_MB,
  TOO_LARGE,
  answer,
  bearer,
  change,
  comment,
  edit,
  onPollA,
  tampered,
} from './hostile-requests';

/** Changing answers, the organiser's routes, comments, exports and reads. */
export const organiserAndReadRows: Row[] = [
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
  [
    'edit: an invitee smuggles a header',
    edit(() => ({ invitees: ['ana@example.org\nBcc: eve@example.org'] })),
    { status: 400, field: 'invitees' },
  ],
  [
    'edit: the same invitee twice',
    edit(() => ({ invitees: ['ana@example.org', ' Ana@example.org'] })),
    { status: 400, field: 'invitees' },
  ],
  [
    'edit: invitees is an object',
    edit(() => ({ invitees: { ana: 'ana@example.org' } })),
    { status: 400, field: 'invitees' },
  ],
  [
    'edit: 101 invitees',
    edit(() => ({ invitees: Array.from({ length: 101 }, (_, i) => `g${i}@example.org`) })),
    { status: 400, field: 'invitees' },
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
  [
    'calendar feed: a token nobody holds',
    () => ({ method: 'GET', path: `/feed/${'A'.repeat(43)}.ics` }),
    { status: 404, message: NOT_FOUND },
  ],
  [
    'calendar feed: the edit token in place of the feed token',
    (f) => ({ method: 'GET', path: `/feed/${f.tokenA}.ics` }),
    { status: 404, message: NOT_FOUND },
  ],
  [
    'calendar feed: a token of 5,000 characters',
    () => ({ method: 'GET', path: `/feed/${'A'.repeat(5000)}.ics` }),
    { status: 404, message: NOT_FOUND },
  ],
  [
    'calendar feed: an escaped slash in the token',
    () => ({ method: 'GET', path: '/feed/..%2F..%2Fetc%2Fpasswd.ics' }),
    { status: 404, message: NOT_FOUND },
  ],
  [
    'calendar feed: a write to it',
    () => ({ method: 'DELETE', path: `/feed/${'A'.repeat(43)}.ics` }),
    { status: 405, allow: 'GET, HEAD, OPTIONS' },
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
];
