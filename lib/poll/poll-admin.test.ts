import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { participantRecord, pollRecord } from '@/lib/fixtures/poll-record';
import { parseDeadline, prepareComment, preparePollUpdate } from '@/lib/poll/poll-admin';
import { answersRefused } from '@/lib/poll/model';

const NOW = Date.parse('2026-10-01T12:00:00Z');
const option = (id: string, iso: string) => ({
  id,
  startsAt: Date.parse(iso),
  durationMinutes: 60,
  date: null,
});
const base = pollRecord({
  options: [option('a', '2026-10-28T16:00:00Z'), option('b', '2026-10-29T16:00:00Z')],
  participants: [
    participantRecord('ana', 'Asia/Kathmandu', { a: 'yes', b: 'yes' }),
    participantRecord('bo', 'UTC', { a: 'yes' }),
  ],
});
const codes = (r: ReturnType<typeof preparePollUpdate>, field: string) =>
  r.ok ? [] : (r.fieldErrors[field] ?? []).map((p) => p.code);

describe('preparePollUpdate', () => {
  it('adds options in the poll’s zone, skipping ones that already exist', () => {
    const r = preparePollUpdate(
      { addOptions: [{ start: '2026-10-28T17:00' }, { start: '2026-10-30T17:00' }] },
      base,
      NOW,
    );
    expect(r.ok && r.value.addOptions).toEqual([
      { kind: 'timed', startsAt: Date.parse('2026-10-30T16:00:00Z'), durationMinutes: 60 },
    ]);
  });

  it('names addOptions, the field that was sent, for an added option that cannot be', () => {
    const gap = preparePollUpdate({ addOptions: [{ start: '2027-03-28T02:30' }] }, base, NOW);
    expect(codes(gap, 'addOptions')).toEqual(['options.nonexistent']);
    expect(
      codes(
        preparePollUpdate({ addOptions: [{ start: '2027-04-31T10:00' }] }, base, NOW),
        'addOptions',
      ),
    ).toEqual(['options.malformedStart']);
    expect(
      codes(preparePollUpdate({ addOptions: [{ date: '2027-04-30' }] }, base, NOW), 'addOptions'),
    ).toEqual(['options.kindMismatch']);
    expect(gap.ok || 'options' in gap.fieldErrors).toBe(false);
  });

  it('reports a wall time that happens twice, for added options and a wall-time deadline', () => {
    // Base is in Rome: 02:30 on 25 October 2026 happens in CEST and again in CET.
    const r = preparePollUpdate(
      { addOptions: [{ start: '2026-10-25T02:30' }], deadline: '2026-10-25T02:15' },
      base,
      NOW,
    );
    expect(r.ok && r.value.notices).toEqual([
      {
        field: 'addOptions',
        wall: '2026-10-25 02:30',
        offsetUsed: '+02:00',
        offsetOther: '+01:00',
      },
      { field: 'deadline', wall: '2026-10-25 02:15', offsetUsed: '+02:00', offsetOther: '+01:00' },
    ]);
    expect(r.ok && r.value.settings.deadline).toBe(Date.parse('2026-10-25T00:15:00Z'));
  });

  it('says "that day does not exist" for a date a zone skipped whole', () => {
    const apia = pollRecord({
      timeZone: 'Pacific/Apia',
      options: [option('a', '2011-12-28T20:00:00Z')],
    });
    const r = preparePollUpdate({ addOptions: [{ start: '2011-12-30T10:00' }] }, apia, NOW);
    expect(r.ok ? [] : r.fieldErrors.addOptions).toEqual([
      { code: 'options.dayMissing', values: { wall: '2011-12-30 10:00', zone: 'Pacific/Apia' } },
    ]);
  });

  it('refuses to remove the last option and options of other polls', () => {
    expect(
      codes(preparePollUpdate({ removeOptionIds: ['a', 'b'] }, base, NOW), 'removeOptionIds'),
    ).toEqual(['options.lastOption']);
    expect(
      codes(preparePollUpdate({ removeOptionIds: ['zzz'] }, base, NOW), 'removeOptionIds'),
    ).toContain('options.unknownOption');
  });

  it('freezes the time zone once someone has answered', () => {
    expect(
      codes(preparePollUpdate({ timeZone: 'America/New_York' }, base, NOW), 'timeZone'),
    ).toEqual(['timeZone.locked']);
  });

  it('keeps each option’s wall time when the zone changes before any answer', () => {
    const r = preparePollUpdate(
      { timeZone: 'America/New_York' },
      { ...base, participants: [] },
      NOW,
    );
    // 17:00 in Rome becomes 17:00 in New York (EDT on 28 Oct).
    expect(r.ok && r.value.reanchored[0]).toEqual({
      id: 'a',
      startsAt: Date.parse('2026-10-28T21:00:00Z'),
    });
    expect(r.ok && r.value.details.timeZone).toBe('America/New_York');
  });

  it('takes a deadline as an instant or as a wall time in the poll’s zone, and refuses the past', () => {
    const wall = preparePollUpdate({ deadline: '2026-10-20T18:00' }, base, NOW);
    expect(wall.ok && wall.value.settings.deadline).toBe(Date.parse('2026-10-20T16:00:00Z'));
    const instant = preparePollUpdate({ deadline: '2026-10-20T18:00:00Z' }, base, NOW);
    expect(instant.ok && instant.value.settings.deadline).toBe(Date.parse('2026-10-20T18:00:00Z'));
    expect(
      codes(preparePollUpdate({ deadline: '2026-09-01T18:00' }, base, NOW), 'deadline'),
    ).toEqual(['deadline.past']);
    expect(codes(preparePollUpdate({ deadline: 'tomorrow' }, base, NOW), 'deadline')).toEqual([
      'deadline.malformed',
    ]);
    expect(
      codes(preparePollUpdate({ deadline: '2027-03-28T02:30' }, base, NOW), 'deadline'),
    ).toEqual(['deadline.nonexistent']);
  });

  it('refuses a limit below the yes answers an option already has', () => {
    expect(preparePollUpdate({ optionLimit: 1 }, base, NOW)).toMatchObject({
      ok: false,
      fieldErrors: { optionLimit: [{ code: 'optionLimit.belowCurrent', values: { current: 2 } }] },
    });
    expect(preparePollUpdate({ optionLimit: 2 }, base, NOW).ok).toBe(true);
  });

  it('refuses unknown fields and bad privacy levels', () => {
    expect(preparePollUpdate({ status: 'open' }, base, NOW).ok).toBe(false);
    expect(codes(preparePollUpdate({ privacy: 'secret' }, base, NOW), 'privacy')).toEqual([
      'privacy.invalid',
    ]);
  });
});

describe('parseDeadline', () => {
  it('uses the first occurrence of a fall-back wall time', () => {
    expect(parseDeadline('2026-11-01T01:30', 'America/New_York')).toEqual({
      ok: true,
      ms: Date.parse('2026-11-01T05:30:00Z'),
    });
  });
});

describe('prepareComment', () => {
  it('needs a name and a body of at most 2,000 characters', () => {
    expect(prepareComment({ author: 'Ana', body: ' hi ' })).toEqual({
      ok: true,
      value: { author: 'Ana', body: 'hi' },
    });
    expect(prepareComment({ author: 'Ana', body: '   ' })).toMatchObject({
      ok: false,
      fieldErrors: { body: [{ code: 'comment.bodyRequired' }] },
    });
    expect(prepareComment({ author: 'Ana', body: 'x'.repeat(2001) })).toMatchObject({
      ok: false,
      fieldErrors: { body: [{ code: 'comment.tooLong' }] },
    });
    expect(prepareComment({ body: 'hi' })).toMatchObject({
      ok: false,
      fieldErrors: { author: [{ code: 'comment.authorRequired' }] },
    });
  });
});

describe('hidden control characters', () => {
  it('are refused in comments and edited titles, while a comment may span lines', () => {
    expect(prepareComment({ author: 'Ana\u202E', body: 'hi' }).ok).toBe(false);
    expect(prepareComment({ author: 'Ana', body: 'line one\nline two' }).ok).toBe(true);
    expect(codes(preparePollUpdate({ title: 'A\u0007B' }, base, NOW), 'title').length).toBe(1);
  });
});

describe('answersRefused', () => {
  it('refuses answers when closed, scheduled or past the deadline', () => {
    expect(answersRefused({ status: 'open', deadline: null }, NOW)).toBeNull();
    expect(answersRefused({ status: 'scheduled', deadline: null }, NOW)).toBe('closed');
    expect(answersRefused({ status: 'open', deadline: NOW }, NOW)).toBe('deadline');
    expect(answersRefused({ status: 'open', deadline: NOW + 1 }, NOW)).toBeNull();
  });
});

describe('changing the zone of an unanswered poll', () => {
  // 01:30 on 1 November 2026 happens twice in New York: once in EDT, once in EST.
  const folded = pollRecord({
    timeZone: 'America/New_York',
    options: [
      option('first', '2026-11-01T05:30:00Z'),
      option('second', '2026-11-01T06:30:00Z'),
      option('other', '2026-11-02T15:00:00Z'),
    ],
  });

  it('names the options that would land on one instant', () => {
    const r = preparePollUpdate({ timeZone: 'Europe/Rome' }, folded, NOW);
    expect(r.ok ? [] : r.fieldErrors.timeZone).toEqual([
      {
        code: 'timeZone.reanchorCollision',
        values: {
          first: '2026-11-01 01:30',
          second: '2026-11-01 01:30',
          firstId: 'first',
          secondId: 'second',
        },
      },
    ]);
  });

  it('reports the occurrence used when a zone change lands an option on a repeated hour', () => {
    // 01:30 in Rome on 1 November is 01:30 in New York, which happens twice that night.
    const rome = pollRecord({ options: [option('x', '2026-11-01T00:30:00Z')] });
    const r = preparePollUpdate({ timeZone: 'America/New_York' }, rome, NOW);
    expect(r.ok && r.value.reanchored).toEqual([
      { id: 'x', startsAt: Date.parse('2026-11-01T05:30:00Z') },
    ]);
    expect(r.ok && r.value.notices).toEqual([
      { field: 'timeZone', wall: '2026-11-01 01:30', offsetUsed: '-04:00', offsetOther: '-05:00' },
    ]);
  });

  it('takes the change once one of them is removed in the same edit', () => {
    const r = preparePollUpdate(
      { timeZone: 'Europe/Rome', removeOptionIds: ['second'] },
      folded,
      NOW,
    );
    expect(r.ok && r.value.reanchored.map((m) => m.id)).toEqual(['first', 'other']);
  });

  it('never moves two options to one instant, nor an added option onto a moved one', () => {
    const zones = [
      'Europe/Rome',
      'America/New_York',
      'Asia/Kathmandu',
      'Australia/Lord_Howe',
      'UTC',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.constantFrom(...zones),
        fc.uniqueArray(fc.integer({ min: 0, max: 24 * 60 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.integer({ min: 0, max: 24 * 60 }), { maxLength: 3 }),
        (from, to, quarters, added) => {
          const start = Date.parse('2026-10-31T00:00:00Z');
          const poll = pollRecord({
            timeZone: from,
            options: quarters.map((q, i) => ({
              ...option(`o${i}`, '2026-10-31T00:00:00Z'),
              startsAt: start + q * 15 * 60_000,
            })),
          });
          const addOptions = added.map((q) => ({
            start: new Date(start + q * 15 * 60_000).toISOString().slice(0, 16),
          }));
          const r = preparePollUpdate({ timeZone: to, addOptions }, poll, NOW);
          if (!r.ok) return;
          const finalStarts = [
            ...r.value.reanchored.map((m) => m.startsAt),
            ...r.value.addOptions.map((o) => (o.kind === 'timed' ? o.startsAt : 0)),
          ];
          expect(new Set(finalStarts).size).toBe(finalStarts.length);
        },
      ),
    );
  });
});
