import { describe, expect, it } from 'vitest';
import { prepareVote } from '@/lib/poll/vote-input';

const options = ['a', 'b'];

describe('prepareVote', () => {
  it('accepts the three answers for the poll’s own options', () => {
    const r = prepareVote(
      { name: ' Ana ', timeZone: 'Asia/Kathmandu', votes: { a: 'yes', b: 'ifneedbe' } },
      options,
    );
    expect(r).toEqual({
      ok: true,
      value: {
        name: 'Ana',
        timeZone: 'Asia/Kathmandu',
        votes: [
          { optionId: 'a', value: 'yes', overrideNever: false },
          { optionId: 'b', value: 'ifneedbe', overrideNever: false },
        ],
        workingHours: null,
        neverWindow: null,
        submissionKey: null,
        email: null,
      },
    });
  });

  it('keeps an optional address and refuses a malformed or injected one', () => {
    const answer = { name: 'Ana', timeZone: 'Asia/Kathmandu', votes: { a: 'yes' } };
    const kept = prepareVote({ ...answer, email: 'Ana@Example.org' }, options);
    expect(kept.ok && kept.value.email).toBe('ana@example.org');
    for (const email of ['ana', 'ana@example.org\r\nBcc: eve@example.org']) {
      const r = prepareVote({ ...answer, email }, options);
      expect(!r.ok && r.fieldErrors.email?.[0]?.code).toBe('email.invalid');
    }
  });

  it('refuses a vote for an option of another poll', () => {
    const r = prepareVote({ name: 'Ana', timeZone: 'UTC', votes: { zzz: 'yes' } }, options);
    expect(!r.ok && r.fieldErrors.votes?.[0]?.code).toBe('votes.unknownOption');
  });

  it('refuses a value other than yes, ifneedbe and no', () => {
    const r = prepareVote({ name: 'Ana', timeZone: 'UTC', votes: { a: 'maybe' } }, options);
    expect(!r.ok && r.fieldErrors.votes?.[0]?.code).toBe('votes.invalidValue');
  });

  it('keeps working hours, the never window and the confirmed exceptions to it', () => {
    const r = prepareVote(
      {
        name: 'Ana',
        timeZone: 'UTC',
        votes: { a: 'yes', b: 'no' },
        workingHours: { start: '07:00', end: '15:00' },
        neverWindow: { start: '23:00', end: '07:00' },
        overrideNever: ['a', 'b'],
      },
      options,
    );
    expect(r.ok && r.value.workingHours).toEqual({ start: '07:00', end: '15:00' });
    expect(r.ok && r.value.neverWindow).toEqual({ start: '23:00', end: '07:00' });
    // An override only means something on a yes or if-need-be.
    expect(r.ok && r.value.votes.map((v) => v.overrideNever)).toEqual([true, false]);
  });

  it('refuses malformed hours and overrides of foreign options', () => {
    const bad = prepareVote(
      { name: 'Ana', timeZone: 'UTC', votes: {}, neverWindow: { start: '25:00', end: '06:00' } },
      options,
    );
    expect(!bad.ok && bad.fieldErrors.neverWindow?.[0]?.code).toBe('hours.malformed');
    const foreign = prepareVote(
      { name: 'Ana', timeZone: 'UTC', votes: {}, overrideNever: ['zzz'] },
      options,
    );
    expect(!foreign.ok && foreign.fieldErrors.overrideNever?.[0]?.code).toBe('votes.unknownOption');
  });

  it.each([
    ['an empty name', { name: '' }, 'name', 'name.required'],
    ['a name over 80 characters', { name: 'n'.repeat(81) }, 'name', 'name.tooLong'],
    ['an abbreviated zone', { timeZone: 'EST' }, 'timeZone', 'timeZone.unknown'],
  ])('refuses %s', (_label, patch, field, code) => {
    const r = prepareVote({ name: 'Ana', timeZone: 'UTC', votes: {}, ...patch }, options);
    expect(!r.ok && r.fieldErrors[field]?.[0]?.code).toBe(code);
  });

  it('names the hidden control in a name, and treats an invisible-only name as missing', () => {
    const ask = (name: string) => prepareVote({ name, timeZone: 'UTC', votes: {} }, options);
    const hidden = ask('Ana\u202E');
    expect(!hidden.ok && hidden.fieldErrors.name?.[0]?.code).toBe('text.hiddenControl');
    const invisible = ask('\u200F');
    expect(!invisible.ok && invisible.fieldErrors.name?.[0]?.code).toBe('name.required');
    expect(ask('👩‍💻 \u200Fمريم').ok).toBe(true);
  });

  it('calls an over-long option id an unknown option, not a malformed answer', () => {
    const r = prepareVote(
      { name: 'Ana', timeZone: 'UTC', votes: { ['x'.repeat(100)]: 'yes' } },
      options,
    );
    expect(!r.ok && r.fieldErrors.votes?.[0]?.code).toBe('votes.unknownOption');
  });
});
