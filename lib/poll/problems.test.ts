import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pollRecord } from '@/lib/fixtures/poll-record';
import { prepareComment, preparePollUpdate } from '@/lib/poll/poll-admin';
import { preparePoll } from '@/lib/poll/poll-input';
import {
  MAX_FIELDS,
  MAX_PROBLEMS_PER_FIELD,
  addProblem,
  type FieldProblems,
  type Prepared,
} from '@/lib/poll/problems';
import { prepareVote } from '@/lib/poll/vote-input';

/** Every name a plain object answers without owning it, plus the accessor `__proto__`. */
const PROTOTYPE_KEYS = [...new Set([...Object.getOwnPropertyNames(Object.prototype), '__proto__'])];

const poll = pollRecord({
  options: [
    { id: 'a', startsAt: Date.parse('2026-10-28T16:00:00Z'), durationMinutes: 60, date: null },
  ],
});
const NOW = Date.parse('2026-10-01T12:00:00Z');

/** Each JSON body the API takes, valid as sent, and the function that decides it. */
const ROUTES: [string, Record<string, unknown>, (raw: unknown) => Prepared<unknown>][] = [
  [
    'create',
    { title: 'T', timeZone: 'Europe/Rome', kind: 'allDay', options: [{ date: '2026-10-28' }] },
    preparePoll,
  ],
  [
    'answer',
    { name: 'Ana', timeZone: 'Europe/Rome', votes: { a: 'yes' } },
    (raw) => prepareVote(raw, ['a']),
  ],
  ['edit', { title: 'New' }, (raw) => preparePollUpdate(raw, poll, NOW)],
  ['comment', { author: 'Ana', body: 'Hi' }, prepareComment],
];

/** A body as JSON.parse gives it: `__proto__` becomes an own key, not the prototype. */
const withKey = (body: Record<string, unknown>, key: string) =>
  JSON.parse(JSON.stringify(body).replace(/^\{/, `{${JSON.stringify(key)}:1,`)) as unknown;

describe('unknown fields named like Object.prototype members', () => {
  it.each(
    ROUTES.flatMap(([route, body, prepare]) =>
      PROTOTYPE_KEYS.map((key) => [route, key, body, prepare] as const),
    ),
  )('%s refuses the field %s by name', (_route, key, body, prepare) => {
    const result = prepare(withKey(body, key));
    expect(result.ok).toBe(false);
    const fields = result.ok ? {} : result.fieldErrors;
    expect(Object.hasOwn(fields, key)).toBe(true);
    expect(Object.getOwnPropertyDescriptor(fields, key)?.value).toEqual([
      { code: 'form.unknownField', values: { field: key } },
    ]);
  });

  it.each(PROTOTYPE_KEYS)(
    'an answer naming the option %s is refused as an unknown option',
    (key) => {
      const result = prepareVote(
        JSON.parse(
          `{"name":"Ana","timeZone":"Europe/Rome","votes":{${JSON.stringify(key)}:"yes"}}`,
        ),
        ['a'],
      );
      expect(result.ok).toBe(false);
    },
  );
});

describe('addProblem', () => {
  it('keeps any field name as an own field, whatever the name', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), fc.string()), { maxLength: 10 }),
        (fields) => {
          const problems: FieldProblems = {};
          for (const field of fields) addProblem(problems, field, { code: 'x.y' });
          expect(Object.keys(problems).sort()).toEqual([...new Set(fields)].sort());
          for (const field of fields)
            expect(Object.getOwnPropertyDescriptor(problems, field)?.value).toEqual([
              { code: 'x.y' },
            ]);
          expect(Object.getPrototypeOf(problems)).toBe(Object.prototype);
        },
      ),
    );
  });
});

describe('a refusal is short, however much the request held', () => {
  const unknownIds = Array.from({ length: 7000 }, (_, i) => `missing-${i}`);

  it('an answer naming 7,000 options that do not exist names a few of them', () => {
    const votes = Object.fromEntries(unknownIds.map((id) => [id, 'yes']));
    const result = prepareVote({ name: 'Ana', timeZone: 'Europe/Rome', votes }, ['a']);
    const listed = result.ok ? [] : (result.fieldErrors.votes ?? []);
    expect(listed.length).toBe(MAX_PROBLEMS_PER_FIELD);
    expect(listed[0]).toEqual({ code: 'votes.unknownOption', values: { optionId: 'missing-0' } });
  });

  it('an edit removing 500 unknown options says it once', () => {
    const result = preparePollUpdate({ removeOptionIds: unknownIds.slice(0, 500) }, poll, NOW);
    expect(result.ok ? [] : result.fieldErrors.removeOptionIds).toEqual([
      { code: 'options.unknownOption' },
    ]);
  });

  it('keeps each distinct problem once and in order, up to the bound', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(15), { maxLength: 60 }), (codes) => {
        const problems: FieldProblems = {};
        for (const code of codes) addProblem(problems, 'f', { code: `c.${code}` });
        const distinct = [...new Set(codes)].slice(0, MAX_PROBLEMS_PER_FIELD);
        expect((problems.f ?? []).map((p) => p.code)).toEqual(distinct.map((c) => `c.${c}`));
      }),
    );
  });
});

describe('a refusal names a bounded number of fields', () => {
  it('a body of 8,000 unknown fields is answered with MAX_FIELDS fields, the missing ones among them', () => {
    const body = Object.fromEntries(Array.from({ length: 8000 }, (_, i) => [`field${i}`, 1]));
    const result = preparePoll(body);
    const fields = result.ok ? [] : Object.keys(result.fieldErrors);
    expect(fields).toHaveLength(MAX_FIELDS);
    expect(fields).toEqual(expect.arrayContaining(['title', 'options', 'field0']));
  });
});
