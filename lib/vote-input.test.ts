import { describe, expect, it } from 'vitest';
import { prepareVote } from '@/lib/vote-input';

const options = ['a', 'b'];

describe('prepareVote', () => {
  it('accepts the three answers for the poll’s own options', () => {
    const r = prepareVote({ name: ' Ana ', timeZone: 'Asia/Kathmandu', votes: { a: 'yes', b: 'ifneedbe' } }, options);
    expect(r).toEqual({
      ok: true,
      value: { name: 'Ana', timeZone: 'Asia/Kathmandu', votes: [{ optionId: 'a', value: 'yes' }, { optionId: 'b', value: 'ifneedbe' }], submissionKey: null },
    });
  });

  it('refuses a vote for an option of another poll', () => {
    const r = prepareVote({ name: 'Ana', timeZone: 'UTC', votes: { zzz: 'yes' } }, options);
    expect(!r.ok && r.fieldErrors.votes?.[0]?.code).toBe('votes.unknownOption');
  });

  it('refuses a value other than yes, ifneedbe and no', () => {
    const r = prepareVote({ name: 'Ana', timeZone: 'UTC', votes: { a: 'maybe' } }, options);
    expect(!r.ok && r.fieldErrors.votes?.[0]?.code).toBe('votes.invalidValue');
  });

  it.each([
    ['an empty name', { name: '' }, 'name', 'name.required'],
    ['a name over 80 characters', { name: 'n'.repeat(81) }, 'name', 'name.tooLong'],
    ['an abbreviated zone', { timeZone: 'EST' }, 'timeZone', 'timeZone.unknown'],
  ])('refuses %s', (_label, patch, field, code) => {
    const r = prepareVote({ name: 'Ana', timeZone: 'UTC', votes: {}, ...patch }, options);
    expect(!r.ok && r.fieldErrors[field]?.[0]?.code).toBe(code);
  });
});
