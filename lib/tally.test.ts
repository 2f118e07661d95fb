import { describe, expect, it } from 'vitest';
import { tallyOptions } from '@/lib/tally';

describe('tallyOptions', () => {
  it('counts each answer and highlights the options most people can attend', () => {
    const { tallies, best } = tallyOptions(['a', 'b', 'c'], [
      { votes: { a: 'yes', b: 'ifneedbe', c: 'no' } },
      { votes: { a: 'no', b: 'yes' } },
    ]);
    expect(tallies.get('b')).toEqual({ yes: 1, ifneedbe: 1, no: 0, pending: 0 });
    expect(tallies.get('c')).toEqual({ yes: 0, ifneedbe: 0, no: 1, pending: 1 });
    expect([...best]).toEqual(['b']);
  });
  it('highlights nothing while nobody can come', () => {
    expect(tallyOptions(['a'], [{ votes: { a: 'no' } }]).best.size).toBe(0);
  });
});
