import { describe, expect, it } from 'vitest';
import { optionTally } from '@/lib/fairness/option-tally';
import { rankPoll } from '@/lib/fairness/poll-ranking';
import { participantRecord, pollRecord } from '@/lib/fixtures/poll-record';
import type { PollRecord } from '@/lib/poll/model';

const NEVER = { start: '00:00', end: '06:00' } as const;

/** Wednesday 28 October 2026, 09:00 UTC: 02:00 in Los Angeles, 10:00 in Rome. */
const EARLY = {
  id: 'early',
  startsAt: Date.parse('2026-10-28T09:00:00Z'),
  durationMinutes: 60,
  date: null,
};
const FAIR = {
  id: 'fair',
  startsAt: Date.parse('2026-10-28T16:00:00Z'),
  durationMinutes: 60,
  date: null,
};

function tallyOf(poll: PollRecord, optionId: string) {
  const ranked = rankPoll(poll).find((r) => r.id === optionId);
  if (!ranked) throw new Error(`no option ${optionId}`);
  return optionTally(ranked.explanation);
}

describe('optionTally', () => {
  it('counts each answer per option and who has not answered it', () => {
    const poll = pollRecord({
      options: ['a', 'b', 'c'].map((id, i) => ({
        ...FAIR,
        id,
        startsAt: FAIR.startsAt + i * 3.6e6,
      })),
      participants: [
        participantRecord('p1', 'Europe/Rome', { a: 'yes', b: 'ifneedbe', c: 'no' }),
        participantRecord('p2', 'Europe/Rome', { a: 'no', b: 'yes' }),
      ],
    });
    expect(tallyOf(poll, 'b')).toEqual({
      participants: 2,
      canAttend: 2,
      yes: 1,
      ifNeedBe: 1,
      no: 0,
      notCounted: [],
      noVote: 0,
    });
    expect(tallyOf(poll, 'c')).toMatchObject({ canAttend: 0, no: 1, noVote: 1 });
  });

  it('leaves out a yes inside the voter’s never window they did not confirm, and says why', () => {
    // The example: four yes in Rome and one yes at 02:00 in Los Angeles. The raw
    // count said "can attend 5 (4 yes, 1 if need be)"; the ranking says 4 of 5.
    const rome = ['a', 'b', 'c', 'd'].map((id) =>
      participantRecord(id, 'Europe/Rome', { early: 'yes', fair: 'yes' }),
    );
    const nic = participantRecord(
      'nic',
      'America/Los_Angeles',
      { early: 'ifneedbe', fair: 'yes' },
      { neverWindow: NEVER },
    );
    const poll = pollRecord({
      options: [EARLY, FAIR],
      participants: [...rome, nic],
    });
    const tally = tallyOf(poll, 'early');
    expect(tally).toEqual({
      participants: 5,
      canAttend: 4,
      yes: 4,
      ifNeedBe: 0,
      no: 0,
      notCounted: [
        {
          participantId: 'nic',
          vote: 'ifneedbe',
          reason: 'never-window',
          localTime: '02:00',
          place: 'Los Angeles',
        },
      ],
      noVote: 0,
    });
    expect(tally.canAttend).toBe(rankPoll(poll).find((r) => r.id === 'early')?.keys.canAttend);
    expect(tallyOf(poll, 'fair')).toMatchObject({ canAttend: 5, yes: 5, notCounted: [] });
  });

  it('counts the yes once the voter confirmed the slot inside their never window', () => {
    const poll = pollRecord({
      options: [EARLY],
      participants: [
        participantRecord(
          'nic',
          'America/Los_Angeles',
          { early: 'yes' },
          { neverWindow: NEVER, overrideNever: ['early'] },
        ),
      ],
    });
    expect(tallyOf(poll, 'early')).toMatchObject({ canAttend: 1, yes: 1, notCounted: [] });
  });

  it('keeps a no a no, inside the never window or not', () => {
    const poll = pollRecord({
      options: [EARLY],
      participants: [
        participantRecord('nic', 'America/Los_Angeles', { early: 'no' }, { neverWindow: NEVER }),
      ],
    });
    expect(tallyOf(poll, 'early')).toMatchObject({ canAttend: 0, no: 1, notCounted: [] });
  });

  it('applies no never window to an all-day option', () => {
    const poll = pollRecord({
      kind: 'allDay',
      options: [{ id: 'd', startsAt: null, durationMinutes: null, date: '2026-10-28' }],
      participants: [
        participantRecord('nic', 'America/Los_Angeles', { d: 'yes' }, { neverWindow: NEVER }),
      ],
    });
    expect(tallyOf(poll, 'd')).toMatchObject({ canAttend: 1, yes: 1, notCounted: [] });
  });
});
