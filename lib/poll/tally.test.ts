import { describe, expect, it } from 'vitest';
import { tallyOptions } from '@/lib/poll/tally';

describe('tallyOptions', () => {
  it('counts each answer per option and who has not answered it', () => {
    const tallies = tallyOptions(
      ['a', 'b', 'c'],
      [{ votes: { a: 'yes', b: 'ifneedbe', c: 'no' } }, { votes: { a: 'no', b: 'yes' } }],
    );
    expect(tallies.get('b')).toEqual({ yes: 1, ifneedbe: 1, no: 0, pending: 0 });
    expect(tallies.get('c')).toEqual({ yes: 0, ifneedbe: 0, no: 1, pending: 1 });
  });
});
