import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { participantRecord, pollRecord } from '@/lib/fixtures/poll-record';
import { visiblePoll } from '@/lib/poll/privacy';

const people = [
  participantRecord('ana', 'UTC', { a: 'yes' }),
  participantRecord('bo', 'UTC', { a: 'no' }),
];
const label = (n: number) => `Participant ${n}`;

describe('visiblePoll', () => {
  it('shows everything to the organiser whatever the setting', () => {
    const poll = pollRecord({ privacy: 'organiserOnly', participants: people });
    expect(
      visiblePoll(poll, { admin: true, participantId: null }, label).poll.participants,
    ).toHaveLength(2);
  });

  it('hides other people’s names but not the viewer’s own', () => {
    const { poll } = visiblePoll(
      pollRecord({ privacy: 'hideNames', participants: people }),
      { admin: false, participantId: 'bo' },
      label,
    );
    expect(poll.participants.map((p) => p.name)).toEqual(['Participant 1', 'BO']);
  });

  it('shows results only after the viewer has answered', () => {
    const poll = pollRecord({ privacy: 'afterAnswer', participants: people });
    expect(visiblePoll(poll, { admin: false, participantId: null }, label)).toMatchObject({
      hidden: 'afterAnswer',
      poll: { participants: [] },
    });
    expect(
      visiblePoll(poll, { admin: false, participantId: 'ana' }, label).poll.participants,
    ).toHaveLength(2);
  });

  it('shows a participant only their own answer when results are for the organiser', () => {
    const { poll, hidden } = visiblePoll(
      pollRecord({ privacy: 'organiserOnly', participants: people }),
      { admin: false, participantId: 'ana' },
      label,
    );
    expect(hidden).toBe('organiserOnly');
    expect(poll.participants.map((p) => p.id)).toEqual(['ana']);
  });
});

describe('what a viewer cannot see does not change what they receive', () => {
  const t0 = Date.parse('2026-10-01T12:00:00Z');
  /** A hidden participant, answering at any time after the poll was made. */
  const hiddenAnswers = fc.array(
    fc.record({
      id: fc.constantFrom('h1', 'h2', 'h3'),
      at: fc.integer({ min: t0, max: t0 + 30 * 86_400_000 }),
      vote: fc.constantFrom('yes' as const, 'no' as const, 'ifneedbe' as const),
    }),
    { maxLength: 5 },
  );
  const stored = (
    answers: { id: string; at: number; vote: 'yes' | 'no' | 'ifneedbe' }[],
    privacy: 'afterAnswer' | 'organiserOnly',
  ) => {
    const participants = [
      participantRecord('me', 'UTC', { a: 'yes' }, { createdAt: t0 + 5, updatedAt: t0 + 5 }),
      ...[...new Map(answers.map((a) => [a.id, a])).values()].map((a) =>
        participantRecord(a.id, 'UTC', { a: a.vote }, { createdAt: a.at, updatedAt: a.at }),
      ),
    ];
    const updatedAt = Math.max(t0, ...participants.map((p) => p.updatedAt));
    return pollRecord({ privacy, createdAt: t0, updatedAt, participants });
  };

  it.each([
    ['organiserOnly', 'me'],
    ['organiserOnly', null],
    ['afterAnswer', null],
  ] as const)(
    'under %s, viewer %s receives the same poll however many hidden answers came, and when',
    (privacy, participantId) => {
      fc.assert(
        fc.property(hiddenAnswers, hiddenAnswers, (one, other) => {
          const see = (answers: typeof one) =>
            visiblePoll(
              stored(answers, privacy),
              { admin: false, participantId: participantId ?? 'nobody' },
              label,
            );
          expect(see(one)).toEqual(see(other));
        }),
      );
    },
  );

  it('under hideNames, an anonymous row carries no time of its own', () => {
    fc.assert(
      fc.property(fc.integer({ min: t0, max: t0 + 86_400_000 }), (at) => {
        const poll = pollRecord({
          privacy: 'hideNames',
          createdAt: t0,
          participants: [
            participantRecord('ana', 'UTC', { a: 'yes' }, { createdAt: at, updatedAt: at }),
          ],
        });
        const { poll: seen } = visiblePoll(poll, { admin: false, participantId: null }, label);
        expect(seen.participants.map((p) => [p.createdAt, p.updatedAt])).toEqual([[t0, t0]]);
      }),
    );
  });
});
