import { describe, expect, it } from 'vitest';
import { digestDueAt, digestPeople, summariseDigest } from '@/lib/mail/digest';

const NOW = Date.UTC(2026, 9, 1, 9, 0);

describe('the organiser’s digest', () => {
  it('goes out when the period has run, or at once with a period of 0', () => {
    expect(digestDueAt(NOW, 15)).toBe(NOW + 15 * 60_000);
    expect(digestDueAt(NOW, 0)).toBe(NOW);
  });

  it('names each person once per kind, in the order they came', () => {
    const summary = summariseDigest([
      { kind: 'answer', name: 'Anil' },
      { kind: 'comment', name: 'Bea' },
      { kind: 'answer', name: 'Bea' },
      { kind: 'comment', name: 'Bea' },
      { kind: 'change', name: 'Chen' },
      { kind: 'change', name: 'Chen' },
    ]);
    expect(summary).toEqual({
      answered: ['Anil', 'Bea'],
      changed: ['Chen'],
      commented: ['Bea'],
    });
    expect(digestPeople(summary)).toBe(3);
  });

  it('counts a new answer changed before the digest as a new answer', () => {
    expect(
      summariseDigest([
        { kind: 'answer', name: 'Anil' },
        { kind: 'change', name: 'Anil' },
      ]),
    ).toEqual({ answered: ['Anil'], changed: [], commented: [] });
  });
});
