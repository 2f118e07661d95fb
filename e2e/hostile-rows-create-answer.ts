import {
  FORMULA,
  NOT_FOUND,
  NOT_JSON,
  type Row,
  SCRIPT,
  TEN_MB,
  TOO_LARGE,
  WALL,
  answer,
  create,
  poll,
  respond,
} from './hostile-requests';

/** Creating a poll and answering it (hostile-input.spec.ts runs every row). */
export const createAndAnswerRows: Row[] = [
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
  // Guests' addresses: refused whole, naming the field, nothing stored or mailed
  [
    'create: invitees is a string',
    create(poll({ invitees: 'ana@example.org' })),
    { status: 400, field: 'invitees' },
  ],
  [
    'create: an invitee is a number',
    create(poll({ invitees: [42] })),
    { status: 400, field: 'invitees' },
  ],
  [
    'create: an invitee smuggles a header',
    create(poll({ invitees: ['ana@example.org\r\nBcc: eve@example.org'] })),
    { status: 400, field: 'invitees', message: /invitees/ },
  ],
  [
    'create: an invitee is two addresses',
    create(poll({ invitees: ['ana@example.org, eve@example.org'] })),
    { status: 400, field: 'invitees' },
  ],
  [
    'create: the same invitee twice in two cases',
    create(poll({ invitees: ['ana@example.org', 'ANA@Example.org'] })),
    { status: 400, field: 'invitees' },
  ],
  [
    'create: 101 invitees',
    create(poll({ invitees: Array.from({ length: 101 }, (_, i) => `g${i}@example.org`) })),
    { status: 400, field: 'invitees' },
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
  // Dates in the past need the organiser's confirmation
  [
    'create: a start in the past, unconfirmed',
    create(poll({ options: [{ start: '2021-01-04T10:00' }] })),
    { status: 400, field: 'options', message: /in the past: 2021-01-04 10:00/ },
  ],
  [
    'create: allowPast as a string',
    create(poll({ options: [{ start: '2021-01-04T10:00' }], allowPast: 'true' })),
    { status: 400, field: 'allowPast' },
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
];
