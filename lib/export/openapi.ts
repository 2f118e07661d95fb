import { z } from 'zod';
import { createDocument, type ZodOpenApiPathsObject } from 'zod-openapi';
import { commentSchema, finaliseSchema, updatePollSchema } from '@/lib/poll/poll-admin';
import { createPollSchema } from '@/lib/poll/poll-input';
import { PRIVACY_LEVELS } from '@/lib/poll/model';
import { submitVoteSchema } from '@/lib/poll/vote-input';

/**
 * The JSON API described from the same zod schemas that validate it, so the document
 * cannot drift from what the server accepts. Each request example is checked against its
 * schema in the tests.
 */

const failure = z
  .object({
    ok: z.literal(false),
    message: z.string(),
    fieldErrors: z.record(z.string(), z.array(z.string())),
  })
  .meta({
    id: 'Failure',
    description: 'An expected failure: a message and, per field, what is wrong.',
  });

const vote = z.enum(['yes', 'ifneedbe', 'no']);
const publicOption = z.union([
  z.object({
    id: z.string(),
    start: z.iso.datetime(),
    end: z.iso.datetime(),
    durationMinutes: z.number().int(),
  }),
  z.object({ id: z.string(), date: z.iso.date() }),
]);
const publicPoll = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string(),
    location: z.string(),
    organiserName: z.string(),
    timeZone: z.string(),
    kind: z.enum(['timed', 'allDay']),
    status: z.enum(['open', 'closed', 'scheduled']),
    guestZones: z.array(z.string()),
    finalOptionId: z.string().nullable(),
    deadline: z.iso.datetime().nullable(),
    optionLimit: z.number().int().nullable(),
    privacy: z.enum(PRIVACY_LEVELS),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    options: z.array(publicOption),
    participants: z.array(
      z
        .object({
          id: z.string(),
          name: z.string(),
          timeZone: z.string(),
          votes: z.record(z.string(), vote),
        })
        .loose(),
    ),
    comments: z.array(
      z.object({
        id: z.string(),
        author: z.string(),
        body: z.string(),
        createdAt: z.iso.datetime(),
      }),
    ),
  })
  .loose()
  .meta({ id: 'Poll' });
const optionTally = z
  .object({
    participants: z.number().int(),
    canAttend: z.number().int().meta({ description: 'yes + ifNeedBe: the ranking’s K1.' }),
    yes: z.number().int().meta({ description: 'Yes answers that count.' }),
    ifNeedBe: z.number().int().meta({ description: 'If-need-be answers that count.' }),
    no: z.number().int().meta({ description: 'Participants who answered no.' }),
    notCounted: z
      .array(
        z.object({
          participantId: z.string(),
          vote: z.enum(['yes', 'ifneedbe']),
          reason: z.enum(['never-window']),
          localTime: z.string().meta({ description: 'The option’s local start, "HH:mm".' }),
          place: z.string(),
        }),
      )
      .meta({
        description:
          'Answers of yes or if need be that do not count: the option falls inside the participant’s never window and they did not confirm it.',
      }),
    noVote: z.number().int().meta({ description: 'Participants who have not answered.' }),
  })
  .meta({
    id: 'OptionTally',
    description:
      'Who can attend the option, as the ranking counts it; the page, the CSV and this API show these numbers. participants = canAttend + no + notCounted.length + noVote.',
  });
/** The body of `GET /api/polls/{id}` (lib/export/poll-json.ts); its tests parse real bodies with it. */
export const pollWithRanking = publicPoll
  .extend({
    resultsHidden: z.enum(['afterAnswer', 'organiserOnly']).nullable(),
    ranking: z.array(
      z
        .object({
          optionId: z.string(),
          rank: z.number().int(),
          keys: z.record(z.string(), z.number()),
          summary: z.string(),
          tally: optionTally,
          explanation: z.object({}).loose(),
        })
        .meta({ description: 'slot-fairness/1.0: best first; pains in milli-units (0–1000).' }),
    ),
  })
  .meta({ id: 'PollWithRanking' });

export const API_EXAMPLES = {
  createPoll: {
    schema: createPollSchema,
    example: {
      title: 'Ocean-model call',
      timeZone: 'Europe/Rome',
      guestZones: ['America/New_York', 'America/Los_Angeles'],
      kind: 'timed',
      durationMinutes: 60,
      options: [{ start: '2027-11-03T17:00' }, { start: '2027-11-04T09:00' }],
      invitees: ['ana@example.org', 'nic@example.org'],
    },
  },
  submitVote: {
    schema: submitVoteSchema,
    example: {
      name: 'Nic',
      timeZone: 'America/Los_Angeles',
      votes: { Q2x9pL0aTt_k: 'yes', b7Hc2mQw1sZe: 'ifneedbe' },
      workingHours: { start: '09:00', end: '17:00' },
      neverWindow: { start: '00:00', end: '06:00' },
    },
  },
  updatePoll: {
    schema: updatePollSchema,
    example: {
      title: 'Ocean-model call (moved)',
      deadline: '2027-10-20T18:00:00Z',
      optionLimit: 12,
      privacy: 'hideNames',
      invitees: ['nic@example.org'],
    },
  },
  finalise: { schema: finaliseSchema, example: { optionId: 'Q2x9pL0aTt_k' } },
  comment: { schema: commentSchema, example: { author: 'Ana', body: 'Wednesday works for me.' } },
} as const;

const json = <T extends z.ZodType>(schema: T, example?: unknown) => ({
  content: { 'application/json': { schema, ...(example === undefined ? {} : { example }) } },
});
const pollId = z.object({ id: z.string().meta({ description: 'The poll id (from its link).' }) });
const adminAuth = [{ adminToken: [] }];
const errors = {
  '400': { description: 'Invalid input; `fieldErrors` names each field.', ...json(failure) },
  '404': {
    description: 'No such poll, or a wrong token (the two are indistinguishable).',
    ...json(failure),
  },
  '413': { description: 'Body over 100 kB.', ...json(failure) },
} as const;

const health = z
  .object({
    status: z.enum(['ok', 'unavailable']),
    version: z.string(),
    database: z.enum(['ok', 'unavailable']),
    migrations: z.enum(['current', 'pending', 'unknown']),
  })
  .meta({ id: 'Health' });

const foldNotices = z
  .array(
    z.object({
      field: z.string().meta({ description: 'The request field the wall time came in.' }),
      wall: z.string().meta({ example: '2026-11-01 01:30' }),
      offsetUsed: z.string().meta({ example: '-04:00' }),
      offsetOther: z.string().meta({ example: '-05:00' }),
    }),
  )
  .meta({
    id: 'FoldNotices',
    description:
      'Wall times that happen twice in the zone (the clocks go back): the first occurrence is used. Options, an edited deadline and options moved by a zone change all report here.',
  });

const paths: ZodOpenApiPathsObject = {
  '/api/polls': {
    post: {
      summary: 'Create a poll',
      description:
        'Options in the past (a start before now, a date before today in the poll’s `timeZone`) are refused with a 400 naming them under `options`, and `allowPast` under `fieldErrors`, unless the body sends `allowPast: true`.',
      requestBody: json(API_EXAMPLES.createPoll.schema, API_EXAMPLES.createPoll.example),
      responses: {
        '201': {
          description: 'Created. Keep adminUrl/adminToken: they are shown once.',
          ...json(
            z.object({
              id: z.string(),
              participantUrl: z.url(),
              adminUrl: z.url(),
              adminToken: z.string(),
              notices: foldNotices,
            }),
          ),
        },
        '400': errors['400'],
        '413': errors['413'],
      },
    },
  },
  '/api/polls/{id}': {
    get: {
      summary: 'Read a poll, its answers and its fairness ranking',
      description:
        'Send the admin token as Bearer to see everything; `X-Kairos-Participant: <participantId>.<editToken>` identifies a participant. The response carries an `ETag`; send it back as `If-None-Match` to get a bodiless 304 while the poll is unchanged.',
      requestParams: { path: pollId },
      responses: {
        '200': { description: 'The poll as this caller may see it.', ...json(pollWithRanking) },
        '304': { description: 'Unchanged since the `ETag` sent as `If-None-Match`.' },
        '404': errors['404'],
      },
    },
    patch: {
      summary: 'Edit a poll (organiser)',
      description:
        '`addOptions` in the past are refused as at creation, unless the body sends `allowPast: true`.',
      security: adminAuth,
      requestParams: { path: pollId },
      requestBody: json(API_EXAMPLES.updatePoll.schema, API_EXAMPLES.updatePoll.example),
      responses: {
        '200': {
          description: 'The updated poll, with the folds its wall times met.',
          ...json(publicPoll.extend({ notices: foldNotices })),
        },
        ...errors,
      },
    },
    delete: {
      summary: 'Delete a poll and everything in it (organiser)',
      security: adminAuth,
      requestParams: { path: pollId },
      responses: { '204': { description: 'Deleted.' }, '404': errors['404'] },
    },
  },
  '/api/polls/{id}/responses': {
    post: {
      summary: 'Answer a poll',
      requestParams: { path: pollId },
      requestBody: json(API_EXAMPLES.submitVote.schema, API_EXAMPLES.submitVote.example),
      responses: {
        '201': {
          description:
            'Stored; the edit token is shown once, with the private calendar feed (webcal://) of the answer.',
          ...json(
            z.object({
              participantId: z.string(),
              editToken: z.string(),
              editUrl: z.url(),
              feedUrl: z.string().startsWith('webcal://'),
            }),
          ),
        },
        '200': {
          description: 'The same submissionKey again: already stored.',
          ...json(z.object({ participantId: z.string(), duplicate: z.literal(true) })),
        },
        '409': {
          description: 'Closed, scheduled, past its deadline, or an option is full.',
          ...json(failure),
        },
        ...errors,
      },
    },
  },
  '/api/polls/{id}/responses/{participantId}': {
    put: {
      summary: 'Change an answer (edit token as Bearer or `editToken` in the body)',
      requestParams: { path: pollId.extend({ participantId: z.string() }) },
      requestBody: json(API_EXAMPLES.submitVote.schema, API_EXAMPLES.submitVote.example),
      responses: {
        '200': { description: 'Stored.', ...json(z.object({ participantId: z.string() })) },
        '409': {
          description: 'Closed, scheduled, past its deadline, or an option is full.',
          ...json(failure),
        },
        ...errors,
      },
    },
  },
  '/api/polls/{id}/finalise': {
    post: {
      summary: 'Schedule the poll on an option, or reopen it with null (organiser)',
      security: adminAuth,
      requestParams: { path: pollId },
      requestBody: json(API_EXAMPLES.finalise.schema, API_EXAMPLES.finalise.example),
      responses: {
        '200': { description: 'The poll, now scheduled or open.', ...json(publicPoll) },
        ...errors,
      },
    },
  },
  '/api/polls/{id}/comments': {
    post: {
      summary: 'Comment on a poll',
      requestParams: { path: pollId },
      requestBody: json(API_EXAMPLES.comment.schema, API_EXAMPLES.comment.example),
      responses: {
        '201': { description: 'Posted.', ...json(z.object({ id: z.string() })) },
        ...errors,
      },
    },
  },
  '/api/polls/{id}/comments/{commentId}': {
    delete: {
      summary: 'Delete a comment (organiser)',
      security: adminAuth,
      requestParams: { path: pollId.extend({ commentId: z.string() }) },
      responses: { '204': { description: 'Deleted.' }, '404': errors['404'] },
    },
  },
  '/api/polls/{id}/event.ics': {
    get: {
      summary: 'The scheduled meeting as iCalendar (RFC 5545)',
      requestParams: { path: pollId },
      responses: {
        '200': {
          description: 'text/calendar',
          content: { 'text/calendar': { schema: z.string() } },
        },
        '404': errors['404'],
      },
    },
  },
  '/feed/{token}.ics': {
    get: {
      summary: 'A participant’s private calendar feed (subscribe to it as webcal://)',
      description:
        'Found by the token alone, which is derived from the participant’s edit token; the page and the edit-link mail show it. While the poll is undecided: a TENTATIVE event per option the participant said yes to; once scheduled: only the scheduled event, CONFIRMED, with the UID and SEQUENCE of the mailed invitation and `/api/polls/{id}/event.ics`. Nothing about other participants. `Cache-Control: private, no-cache` with an `ETag`: send it back as `If-None-Match` to get a bodiless 304 while the feed is unchanged.',
      requestParams: {
        path: z.object({
          token: z.string().meta({ description: 'The feed token (43 base64url characters).' }),
        }),
      },
      responses: {
        '200': {
          description: 'text/calendar',
          content: { 'text/calendar': { schema: z.string() } },
        },
        '304': { description: 'Unchanged since the `ETag` sent as `If-None-Match`.' },
        '404': errors['404'],
      },
    },
  },
  '/api/polls/{id}/results.csv': {
    get: {
      summary: 'The results as CSV (organiser)',
      security: adminAuth,
      requestParams: { path: pollId },
      responses: {
        '200': {
          description: 'UTF-8 CSV with a BOM',
          content: { 'text/csv': { schema: z.string() } },
        },
        '404': errors['404'],
      },
    },
  },
  '/api/health': {
    get: {
      summary: 'Whether this instance can serve (for load balancers and container engines)',
      responses: {
        '200': { description: 'Healthy', content: { 'application/json': { schema: health } } },
        '503': {
          description: 'The database is unavailable or a migration is pending',
          content: { 'application/json': { schema: health } },
        },
      },
    },
  },
  '/api/openapi.json': {
    get: {
      summary: 'This document',
      responses: {
        '200': {
          description: 'OpenAPI 3.1',
          content: { 'application/json': { schema: z.object({}).loose() } },
        },
      },
    },
  },
};

export function openApiDocument() {
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Kairos API',
      version: '1.0.0',
      description:
        'Polls whose options everyone sees in their own time zone, ranked by fairness (slot-fairness/1.0).',
    },
    components: {
      securitySchemes: {
        adminToken: { type: 'http', scheme: 'bearer', description: 'The poll’s admin token.' },
      },
    },
    paths,
  });
}
