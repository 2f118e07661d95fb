import { describe, expect, it } from 'vitest';
import type { ClaimedMail } from '@/db/store';
import { removeAnswer, submitAnswer } from '@/server/answers';
import { exportResultsCsv } from '@/server/exports';
import type { Context } from '@/server/context';
import { invitationsOf, openInvitation, remindGuests } from '@/server/invitations';
import { DEFAULT_CLAIM_RULES } from '@/server/mail/mail-sender';
import { createPoll, deletePoll, editPoll, setPollStatus } from '@/server/polls';
import { withTemporaryStore } from '@/server/temporary-store';

const NOW = Date.UTC(2026, 9, 1, 9, 0);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const { context } = withTemporaryStore();

function mailOn(now: number, locale: 'en' | 'fr' = 'en'): Context {
  return context(now, undefined, {
    origin: 'https://kairos.example.org',
    locale,
    from: 'k@example.org',
    digestMinutes: 15,
  });
}

async function poll(ctx: Context, extra: object = {}) {
  const created = await createPoll(
    {
      ok: true,
      value: {
        title: 'Team call',
        organiserName: 'Chiara',
        organiserEmail: 'chiara@example.org',
        invitees: ['Ana@Example.org', 'bo@example.org'],
        timeZone: 'Europe/Rome',
        kind: 'timed',
        durationMinutes: 60,
        options: [{ start: '2026-10-28T17:00' }],
        ...extra,
      },
    },
    ctx,
  );
  if (!created.ok) throw new Error(JSON.stringify(created.problem));
  const optionIds = (await ctx.store.getOptionIds(ctx.store, created.id))!;
  return { pollId: created.id, adminToken: created.adminToken, optionId: optionIds[0]! };
}

/** What a sender takes at `at` (all that is due, marked sent). */
async function sent(ctx: Context, at: number): Promise<ClaimedMail[]> {
  const taken = await ctx.store.transaction((tx) =>
    ctx.store.claimMail(tx, at, { ...DEFAULT_CLAIM_RULES, limit: 100 }),
  );
  for (const mail of taken)
    await ctx.store.transaction((tx) => ctx.store.markMailSent(tx, mail.id, at));
  return taken;
}

function personalToken(mail: ClaimedMail | undefined): string {
  const match = /\/p\/[\w-]+\/invite\/([\w-]+)/.exec(mail?.message.text ?? '');
  if (!match) throw new Error('no personal link in the mail');
  return match[1]!;
}

function byRecipient(mails: ClaimedMail[], kind: string) {
  return Object.fromEntries(
    mails.filter((m) => m.kind === kind).map((m) => [m.recipient, m] as const),
  );
}

async function answer(ctx: Context, pollId: string, optionId: string, token: string | null) {
  const result = await submitAnswer(
    {
      pollId,
      editor: null,
      invitation: token,
      answer: { name: 'Guest', timeZone: 'Europe/Rome', votes: { [optionId]: 'yes' } },
    },
    ctx,
  );
  if (!result.ok) throw new Error(JSON.stringify(result.problem));
  return result;
}

async function setDeadline(
  ctx: Context,
  target: { pollId: string; adminToken: string },
  at: number,
) {
  const edited = await editPoll(
    { ...target, payload: { ok: true, value: { deadline: new Date(at).toISOString() } } },
    ctx,
  );
  expect(edited.ok).toBe(true);
}

describe('inviting guests by address', () => {
  it('mails each guest a personal link in the organiser’s language, which names their invitation', async () => {
    const ctx = mailOn(NOW, 'fr');
    const { pollId } = await poll(ctx);
    const mails = byRecipient(await sent(ctx, NOW), 'invitation');
    expect(Object.keys(mails).sort()).toEqual(['ana@example.org', 'bo@example.org']);
    const ana = mails['ana@example.org']!;
    expect(ana.message.subject).toBe('Vous êtes invité : Team call');
    expect(ana.message.html).toContain('/invite/');
    expect(ana.message.headers['List-Unsubscribe']).toMatch(/\/unsubscribe\//);
    const token = personalToken(ana);
    expect(token.length).toBeGreaterThanOrEqual(22);
    expect(await openInvitation({ pollId, token }, ctx)).not.toBeNull();
    expect(await openInvitation({ pollId, token: `${token.slice(0, -1)}x` }, ctx)).toBeNull();
    expect(await openInvitation({ pollId: 'AAAAAAAAAAAAAAAA', token }, ctx)).toBeNull();
  });

  it('refuses a bad list whole, naming the address, and stores nothing', async () => {
    const ctx = mailOn(NOW);
    const refused = await createPoll(
      {
        ok: true,
        value: {
          title: 'Team call',
          invitees: [
            'ana@example.org',
            'ana@example.org\r\nBcc: eve@example.org',
            'ANA@example.org',
          ],
          timeZone: 'Europe/Rome',
          kind: 'allDay',
          options: [{ date: '2026-10-28' }],
        },
      },
      ctx,
    );
    expect(refused.ok).toBe(false);
    if (refused.ok || refused.problem.code !== 'invalid') throw new Error('not refused');
    expect(refused.problem.fieldErrors.invitees).toEqual([
      { code: 'invitees.invalid', values: { address: 'ana@example.org Bcc: eve@example.org' } },
      { code: 'invitees.duplicate', values: { address: 'ana@example.org' } },
    ]);
    expect(await sent(ctx, NOW)).toEqual([]);
  });

  it('invites more from the edit route, refusing one already invited, and moves the version', async () => {
    const ctx = mailOn(NOW);
    const target = await poll(ctx);
    await sent(ctx, NOW);
    const before = (await ctx.store.getPollStamp(ctx.store, target.pollId))!.version;
    const again = await editPoll(
      {
        ...target,
        payload: { ok: true, value: { invitees: ['cy@example.org', 'BO@example.org'] } },
      },
      ctx,
    );
    expect(again).toMatchObject({
      ok: false,
      problem: {
        fieldErrors: {
          invitees: [{ code: 'invitees.alreadyInvited', values: { address: 'bo@example.org' } }],
        },
      },
    });
    expect((await ctx.store.getPollStamp(ctx.store, target.pollId))!.version).toBe(before);
    const added = await editPoll(
      { ...target, payload: { ok: true, value: { invitees: ['cy@example.org'] } } },
      ctx,
    );
    expect(added.ok).toBe(true);
    expect((await ctx.store.getPollStamp(ctx.store, target.pollId))!.version).toBeGreaterThan(
      before,
    );
    expect(Object.keys(byRecipient(await sent(ctx, NOW), 'invitation'))).toEqual([
      'cy@example.org',
    ]);
    expect((await invitationsOf(target, ctx)).map((i) => i.email)).toEqual([
      'ana@example.org',
      'bo@example.org',
      'cy@example.org',
    ]);
    expect(await invitationsOf({ ...target, adminToken: 'wrong' }, ctx)).toEqual([]);
  });

  it('keeps no address with mail off', async () => {
    const ctx = context(NOW);
    const target = await poll(ctx);
    expect(await invitationsOf(target, ctx)).toEqual([]);
  });
});

describe('answering from a personal link', () => {
  it('links the answer to the invitation and gives the participant the guest’s address', async () => {
    const ctx = mailOn(NOW);
    const target = await poll(ctx);
    const mails = byRecipient(await sent(ctx, NOW), 'invitation');
    const answered = await answer(
      ctx,
      target.pollId,
      target.optionId,
      personalToken(mails['ana@example.org']),
    );
    const invitations = await invitationsOf(target, ctx);
    expect(invitations.map((i) => [i.email, i.participantId])).toEqual([
      ['ana@example.org', answered.participantId],
      ['bo@example.org', null],
    ]);
    const recipients = await ctx.store.getMailRecipients(ctx.store, target.pollId);
    expect(recipients.map((r) => r.address)).toContain('ana@example.org');
    // Their edit link goes to that address too.
    expect(Object.keys(byRecipient(await sent(ctx, NOW), 'editLink'))).toEqual(['ana@example.org']);
  });

  it('puts the guest’s address in the organiser’s CSV, and nowhere for a wrong admin token', async () => {
    const ctx = mailOn(NOW);
    const target = await poll(ctx);
    const mails = byRecipient(await sent(ctx, NOW), 'invitation');
    await answer(ctx, target.pollId, target.optionId, personalToken(mails['bo@example.org']));
    await answer(ctx, target.pollId, target.optionId, null);
    const csv = await exportResultsCsv(target, ctx);
    if (!csv.ok) throw new Error('no CSV');
    const lines = csv.csv.split('\r\n');
    expect(lines[0]!.endsWith(',"Email"')).toBe(true);
    // Both answered at the same instant: their order is not the point.
    expect(lines.slice(1, 3).sort()).toEqual([
      '"Guest","Europe/Rome","yes",""',
      '"Guest","Europe/Rome","yes","bo@example.org"',
    ]);
    const stranger = await exportResultsCsv({ ...target, adminToken: 'x'.repeat(32) }, ctx);
    expect(stranger.ok).toBe(false);
  });

  it('takes the token in the answer itself, as an API client sends it', async () => {
    const ctx = mailOn(NOW);
    const target = await poll(ctx);
    const mails = byRecipient(await sent(ctx, NOW), 'invitation');
    const votes = { [target.optionId]: 'yes' };
    const base = { name: 'Bo', timeZone: 'America/New_York', votes };
    const wrong = await submitAnswer(
      { pollId: target.pollId, editor: null, answer: { ...base, invitation: 'x'.repeat(32) } },
      ctx,
    );
    expect(wrong).toEqual({ ok: false, problem: { code: 'notFound' } });
    // Even with the rest of the answer wrong, a wrong token is a missing poll.
    const wrongAndBad = await submitAnswer(
      { pollId: target.pollId, editor: null, answer: { votes: 3, invitation: 'x'.repeat(32) } },
      ctx,
    );
    expect(wrongAndBad).toEqual(wrong);
    const answered = await submitAnswer(
      {
        pollId: target.pollId,
        editor: null,
        answer: { ...base, invitation: personalToken(mails['bo@example.org']) },
      },
      ctx,
    );
    if (!answered.ok) throw new Error(JSON.stringify(answered.problem));
    expect((await invitationsOf(target, ctx)).map((i) => [i.email, i.participantId])).toEqual([
      ['ana@example.org', null],
      ['bo@example.org', answered.participantId],
    ]);
  });

  it('refuses a wrong token as a missing poll, storing nothing', async () => {
    const ctx = mailOn(NOW);
    const target = await poll(ctx);
    const result = await submitAnswer(
      {
        pollId: target.pollId,
        editor: null,
        invitation: 'not-a-token',
        answer: { name: 'Eve', timeZone: 'Europe/Rome', votes: { [target.optionId]: 'yes' } },
      },
      ctx,
    );
    expect(result).toEqual({ ok: false, problem: { code: 'notFound' } });
    const stored = await ctx.store.getPollWithVotes(ctx.store, target.pollId);
    expect(stored!.participants).toEqual([]);
  });

  it('counts the guest as not answered again when the organiser removes the answer', async () => {
    const ctx = mailOn(NOW);
    const target = await poll(ctx);
    const mails = byRecipient(await sent(ctx, NOW), 'invitation');
    const answered = await answer(
      ctx,
      target.pollId,
      target.optionId,
      personalToken(mails['bo@example.org']),
    );
    await removeAnswer({ ...target, participantId: answered.participantId }, ctx);
    expect((await invitationsOf(target, ctx)).every((i) => i.participantId === null)).toBe(true);
  });
});

describe('reminding guests who have not answered', () => {
  it('reminds only the pending ones, each at most once in 24 h, with a working personal link', async () => {
    const ctx = mailOn(NOW);
    const target = await poll(ctx);
    const mails = byRecipient(await sent(ctx, NOW), 'invitation');
    await answer(ctx, target.pollId, target.optionId, personalToken(mails['ana@example.org']));
    await sent(ctx, NOW);
    expect(await remindGuests(target, mailOn(NOW + HOUR))).toEqual({ ok: true, reminded: 1 });
    const reminders = (await sent(ctx, NOW + HOUR)).filter((m) => m.kind === 'invitationReminder');
    expect(reminders.map((m) => m.recipient)).toEqual(['bo@example.org']);
    expect(reminders[0]!.message.subject).toBe('Reminder: Team call');
    const token = personalToken(reminders[0]);
    expect(await openInvitation({ pollId: target.pollId, token }, ctx)).not.toBeNull();
    // The invitation's own link still works beside it.
    expect(
      await openInvitation(
        { pollId: target.pollId, token: personalToken(mails['bo@example.org']) },
        ctx,
      ),
    ).not.toBeNull();
    const bo = (await invitationsOf(target, ctx)).find((i) => i.email === 'bo@example.org');
    expect(bo?.remindedAt).toBe(NOW + HOUR);

    expect(await remindGuests(target, mailOn(NOW + HOUR + DAY - 1))).toEqual({
      ok: true,
      reminded: 0,
    });
    expect(await remindGuests(target, mailOn(NOW + HOUR + DAY))).toEqual({ ok: true, reminded: 1 });
    expect(await remindGuests({ ...target, adminToken: 'wrong' }, mailOn(NOW + 3 * DAY))).toEqual({
      ok: false,
      problem: { code: 'notFound' },
    });
  });

  it('queues an automatic reminder 24 h before the deadline, for the pending ones only', async () => {
    const ctx = mailOn(NOW);
    const target = await poll(ctx);
    const mails = byRecipient(await sent(ctx, NOW), 'invitation');
    const deadline = NOW + 3 * DAY;
    await setDeadline(ctx, target, deadline);
    expect((await sent(ctx, deadline - DAY - 1)).filter((m) => m.kind === 'autoReminder')).toEqual(
      [],
    );
    // Ana answers meanwhile: hers is dropped before it leaves.
    await answer(
      mailOn(NOW + DAY),
      target.pollId,
      target.optionId,
      personalToken(mails['ana@example.org']),
    );
    const auto = (await sent(ctx, deadline - DAY)).filter((m) => m.kind === 'autoReminder');
    expect(auto.map((m) => m.recipient)).toEqual(['bo@example.org']);
    expect(auto[0]!.message.text).toContain('Answers close on');
    expect(
      await openInvitation({ pollId: target.pollId, token: personalToken(auto[0]) }, ctx),
    ).not.toBeNull();
  });

  it('moves the automatic reminder with the deadline and drops it when the poll closes', async () => {
    const ctx = mailOn(NOW);
    const target = await poll(ctx);
    await sent(ctx, NOW);
    await setDeadline(ctx, target, NOW + 3 * DAY);
    await setDeadline(ctx, target, NOW + 5 * DAY);
    expect((await sent(ctx, NOW + 3 * DAY)).filter((m) => m.kind === 'autoReminder')).toEqual([]);
    await setPollStatus({ ...target, status: 'closed' }, ctx);
    expect((await sent(ctx, NOW + 5 * DAY)).filter((m) => m.kind === 'autoReminder')).toEqual([]);
    await setPollStatus({ ...target, status: 'open' }, ctx);
    const auto = (await sent(ctx, NOW + 4 * DAY)).filter((m) => m.kind === 'autoReminder');
    expect(auto.map((m) => m.recipient).sort()).toEqual(['ana@example.org', 'bo@example.org']);
  });

  it('drops every automatic reminder and the parked note when the poll is deleted', async () => {
    const ctx = mailOn(NOW);
    const target = await poll(ctx);
    await sent(ctx, NOW);
    await setDeadline(ctx, target, NOW + 3 * DAY);
    await deletePoll(target, ctx);
    const keys = await ctx.store.getMailKeys(ctx.store, target.pollId, 'autoReminder');
    expect(keys).toEqual([]);
    expect(await ctx.store.getMailKeys(ctx.store, target.pollId, 'allAnswered')).toEqual([]);
  });
});

describe('the organiser’s note that everyone answered', () => {
  it('leaves once, with the admin link, when the last guest answers', async () => {
    const ctx = mailOn(NOW);
    const target = await poll(ctx);
    const mails = byRecipient(await sent(ctx, NOW), 'invitation');
    await answer(ctx, target.pollId, target.optionId, personalToken(mails['ana@example.org']));
    expect((await sent(ctx, NOW + DAY)).filter((m) => m.kind === 'allAnswered')).toEqual([]);
    await answer(
      mailOn(NOW + DAY),
      target.pollId,
      target.optionId,
      personalToken(mails['bo@example.org']),
    );
    const notes = (await sent(ctx, NOW + DAY)).filter((m) => m.kind === 'allAnswered');
    expect(notes.map((m) => m.recipient)).toEqual(['chiara@example.org']);
    expect(notes[0]!.message.subject).toBe('Everyone you invited has answered: Team call');
    expect(notes[0]!.message.text).toContain(`/p/${target.pollId}/admin/${target.adminToken}`);
  });

  it('is not written when the organiser gave no address', async () => {
    const ctx = mailOn(NOW);
    const target = await poll(ctx, { organiserEmail: null });
    const mails = byRecipient(await sent(ctx, NOW), 'invitation');
    await answer(ctx, target.pollId, target.optionId, personalToken(mails['ana@example.org']));
    await answer(ctx, target.pollId, target.optionId, personalToken(mails['bo@example.org']));
    expect((await sent(ctx, NOW)).filter((m) => m.kind === 'allAnswered')).toEqual([]);
  });
});
