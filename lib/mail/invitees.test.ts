import { describe, expect, it } from 'vitest';
import { splitAddresses } from '@/lib/mail/address-list';
import { checkInvitees, inviteesSchema } from '@/lib/mail/invitees';
import { LIMITS } from '@/lib/poll/limits';
import type { FieldProblems } from '@/lib/poll/problems';

function check(raw: string[], already: string[] = []) {
  const problems: FieldProblems = {};
  const accepted = checkInvitees(raw, new Set(already), problems);
  return { accepted, problems: problems.invitees ?? [] };
}

describe('checkInvitees', () => {
  it('folds addresses to lower case and keeps their order', () => {
    expect(check(['Ana@Example.org', ' bo@example.org ']).accepted).toEqual([
      'ana@example.org',
      'bo@example.org',
    ]);
  });

  it('refuses a header injection and a malformed address, naming each', () => {
    const { problems } = check(['ana@example.org\r\nBcc: eve@example.org', 'not-an-address']);
    expect(problems).toEqual([
      { code: 'invitees.invalid', values: { address: 'ana@example.org Bcc: eve@example.org' } },
      { code: 'invitees.invalid', values: { address: 'not-an-address' } },
    ]);
  });

  it('refuses the same address twice, however it is written', () => {
    const { accepted, problems } = check(['ana@example.org', 'ANA@example.org']);
    expect(accepted).toEqual(['ana@example.org']);
    expect(problems).toEqual([
      { code: 'invitees.duplicate', values: { address: 'ana@example.org' } },
    ]);
  });

  it('refuses an address already invited to the poll', () => {
    expect(check(['Ana@example.org'], ['ana@example.org']).problems).toEqual([
      { code: 'invitees.alreadyInvited', values: { address: 'ana@example.org' } },
    ]);
  });

  it(`holds at most ${LIMITS.invitees} invitations per poll, counting those already sent`, () => {
    const already = Array.from({ length: LIMITS.invitees - 1 }, (_, i) => `g${i}@example.org`);
    expect(check(['x@example.org'], already).problems).toEqual([]);
    expect(check(['x@example.org', 'y@example.org'], already).problems).toEqual([
      { code: 'invitees.tooMany', values: { max: LIMITS.invitees } },
    ]);
  });

  it('shortens a long refused address', () => {
    const [problem] = check([`${'a'.repeat(300)}@example.org`]).problems;
    expect(String(problem?.values?.address)).toHaveLength(60);
  });
});

describe('inviteesSchema', () => {
  it('takes a list of strings, bounded', () => {
    expect(inviteesSchema.safeParse(['a@b.org']).success).toBe(true);
    expect(inviteesSchema.safeParse('a@b.org').success).toBe(false);
    expect(inviteesSchema.safeParse([1]).success).toBe(false);
    expect(inviteesSchema.safeParse(Array(LIMITS.invitees + 1).fill('a@b.org')).success).toBe(
      false,
    );
  });
});

describe('splitAddresses', () => {
  it('splits on lines, commas, semicolons and spaces', () => {
    expect(splitAddresses('a@b.org, c@d.org;e@f.org\r\n\n  g@h.org ')).toEqual([
      'a@b.org',
      'c@d.org',
      'e@f.org',
      'g@h.org',
    ]);
    expect(splitAddresses('  \n ')).toEqual([]);
  });
});
