import { describe, expect, it } from 'vitest';
import {
  NAMES_LISTED,
  participantChips,
  rankPoll,
  rankPollForPage,
} from '@/lib/fairness/poll-ranking';
import { participantRecord, pollRecord } from '@/lib/fixtures/poll-record';
import type { PollRecord } from '@/lib/poll/model';

const hour = (iso: string) => ({ startsAt: Date.parse(iso), durationMinutes: 60, date: null });

function poll(
  options: PollRecord['options'],
  participants: PollRecord['participants'],
): PollRecord {
  return pollRecord({ options, participants });
}

const person = (id: string, timeZone: string, votes: Record<string, 'yes' | 'ifneedbe' | 'no'>) =>
  participantRecord(id, timeZone, votes);

describe('rankPoll', () => {
  it('puts the slot nobody attends at night first, even when both have full attendance', () => {
    const stored = poll(
      [
        { id: 'night', ...hour('2026-10-28T09:00:00Z') },
        { id: 'fair', ...hour('2026-10-28T16:00:00Z') },
      ],
      [
        person('rome', 'Europe/Rome', { night: 'yes', fair: 'yes' }),
        person('la', 'America/Los_Angeles', { night: 'yes', fair: 'yes' }),
      ],
    );
    const ranked = rankPoll(stored);
    expect(ranked.map((r) => r.id)).toEqual(['fair', 'night']);
    expect(participantChips(stored, 'night').find((c) => c.id === 'la')).toMatchObject({
      localStart: '2026-10-28T02:00',
      band: 'night',
    });
    expect(ranked[0]!.summary).toContain('worst: Wed 17:00-18:00 in Rome');
  });

  it('counts a yes inside the participant’s never window as no, unless they confirmed it', () => {
    const options = [
      { id: 'early', ...hour('2026-10-28T09:00:00Z') },
      { id: 'late', ...hour('2026-10-28T16:00:00Z') },
    ];
    const la = {
      ...person('la', 'America/Los_Angeles', { early: 'yes' as const, late: 'yes' as const }),
      neverWindow: { start: '00:00', end: '06:00' } as const,
    };
    const plain = rankPoll(poll(options, [la]));
    expect(plain.find((r) => r.id === 'early')!.keys.canAttend).toBe(0);
    expect(participantChips(poll(options, [la]), 'early')[0]!.effectiveVote).toBe('no');
    const confirmed = rankPoll(poll(options, [{ ...la, overrideNever: ['early'] }]));
    expect(confirmed.find((r) => r.id === 'early')!.keys).toMatchObject({ canAttend: 1, night: 1 });
  });

  it('scores against the participant’s own working hours', () => {
    const options = [{ id: 'a', ...hour('2026-10-28T14:00:00Z') }];
    const early = {
      ...person('la', 'America/Los_Angeles', { a: 'yes' as const }),
      workingHours: { start: '07:00', end: '15:00' } as const,
    };
    expect(rankPoll(poll(options, [early]))[0]!.keys.worstPain).toBe(0);
    expect(
      rankPoll(poll(options, [person('la', 'America/Los_Angeles', { a: 'yes' })]))[0]!.keys
        .worstPain,
    ).toBe(450);
  });

  it('ranks all-day options by attendance only and gives them no local interval', () => {
    const stored = poll(
      [
        { id: 'a', startsAt: null, durationMinutes: null, date: '2026-11-02' },
        { id: 'b', startsAt: null, durationMinutes: null, date: '2026-11-03' },
      ],
      [person('x', 'Pacific/Honolulu', { a: 'no', b: 'yes' })],
    );
    expect(rankPoll(stored).map((r) => r.id)).toEqual(['b', 'a']);
    expect(participantChips(stored, 'b')[0]).toMatchObject({
      localStart: null,
      band: null,
      vote: 'yes',
    });
  });

  it('returns plain data that survives JSON, as the page sends it to the browser', () => {
    const ranked = rankPoll(
      poll(
        [{ id: 'a', ...hour('2026-10-28T16:00:00Z') }],
        [person('x', 'Asia/Kathmandu', { a: 'ifneedbe' })],
      ),
    );
    expect(JSON.parse(JSON.stringify(ranked))).toEqual(ranked);
  });
});

describe('the band of a slot chosen inside one’s own never window', () => {
  it('is night in the chip, as in the ranking’s worst line, since it counts as night', () => {
    const options = [{ id: 'late', ...hour('2026-06-10T21:30:00Z') }];
    const ana = {
      ...person('ana', 'Europe/London', { late: 'yes' as const }),
      neverWindow: { start: '23:00', end: '07:00' } as const,
      overrideNever: ['late'],
    };
    const stored = poll(options, [ana]);
    const worst = rankPoll(stored)[0]?.explanation.worst;
    expect(worst).toMatchObject({ kind: 'local-time', band: 'night' });
    expect(participantChips(stored, 'late')[0]).toMatchObject({
      localStart: '2026-06-10T22:30',
      band: 'night',
      fromWorkingHours: false,
    });
  });
});

describe('rankPollForPage', () => {
  const night = Array.from({ length: 8 }, (_, i) =>
    person(`la${i}`, 'America/Los_Angeles', { slot: 'yes' }),
  );
  const stored = poll(
    [{ id: 'slot', ...hour('2026-10-28T09:00:00Z') }],
    [person('rome', 'Europe/Rome', { slot: 'yes' }), ...night],
  );

  it('keeps the ranking and says the worst hour with names, not ids', () => {
    const [view] = rankPollForPage(stored);
    const [full] = rankPoll(stored);
    expect(view).toMatchObject({ id: full!.id, rank: full!.rank, keys: full!.keys });
    expect(view!.explanation.worst).toEqual({
      kind: 'local-time',
      name: 'LA0',
      place: 'Los Angeles',
      localStart: '2026-10-28T02:00',
      localEnd: '2026-10-28T03:00',
      band: 'night',
    });
    expect(view!.explanation.attendance).toEqual({
      canAttend: 9,
      participants: 9,
      yes: 9,
      ifNeedBe: 0,
    });
    expect(JSON.stringify(view)).not.toContain('"id":"la');
    expect(view).not.toHaveProperty('summary');
  });

  it('names the first few people of a list and counts the rest', () => {
    const [view] = rankPollForPage(stored);
    expect(view!.explanation.night).toEqual({
      names: ['LA0', 'LA1', 'LA2', 'LA3', 'LA4'].slice(0, NAMES_LISTED),
      more: 8 - NAMES_LISTED,
    });
    expect(view!.explanation.noZone).toEqual({ names: [], more: 0 });
  });

  it('is made once per poll record', () => {
    expect(rankPollForPage(stored)).toBe(rankPollForPage(stored));
    expect(rankPollForPage({ ...stored })).not.toBe(rankPollForPage(stored));
  });
});
