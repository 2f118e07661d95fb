import { describe, expect, it } from 'vitest';
import type { Context } from '@/server/context';
import { DEFAULT_CLAIM_RULES } from '@/server/mail/mail-sender';
import { createPoll, deletePoll, editPoll, finalisePoll, setPollStatus } from '@/server/polls';
import { withTemporaryStore } from '@/server/temporary-store';

const NOW = Date.UTC(2026, 9, 1, 9, 0);
const HOUR = 3_600_000;
const { context } = withTemporaryStore();

function mailOn(now: number): Context {
  return context(now, undefined, {
    origin: 'https://kairos.example.org',
    locale: 'en',
    from: 'k@example.org',
    digestMinutes: 15,
  });
}

async function poll(ctx: Context, organiserEmail: string | null = 'chiara@example.org') {
  const created = await createPoll(
    {
      ok: true,
      value: {
        title: 'Deadline call',
        organiserName: 'Chiara',
        organiserEmail,
        timeZone: 'Europe/Rome',
        kind: 'timed',
        durationMinutes: 60,
        options: [{ start: '2026-10-28T17:00' }],
      },
    },
    ctx,
  );
  if (!created.ok) throw new Error(JSON.stringify(created.problem));
  const target = { pollId: created.id, adminToken: created.adminToken };
  const setDeadline = async (deadline: number | null) => {
    const edited = await editPoll(
      {
        ...target,
        payload: {
          ok: true,
          value: { deadline: deadline === null ? null : new Date(deadline).toISOString() },
        },
      },
      ctx,
    );
    expect(edited.ok).toBe(true);
  };
  // Taken off the outbox: the organiser's first mail.
  await notesDue(ctx, NOW);
  return { ...target, setDeadline };
}

/** The deadline notes a sender takes at `at` (everything due is taken and marked sent). */
async function notesDue(ctx: Context, at: number) {
  const taken = await ctx.store.transaction((tx) =>
    ctx.store.claimMail(tx, at, { ...DEFAULT_CLAIM_RULES, limit: 100 }),
  );
  for (const mail of taken)
    await ctx.store.transaction((tx) => ctx.store.markMailSent(tx, mail.id, at));
  return taken.filter((mail) => mail.kind === 'deadline');
}

describe('the organiser’s note when the deadline passes', () => {
  it('is queued when the deadline is set and leaves at the deadline, not before', async () => {
    const ctx = mailOn(NOW);
    const { setDeadline } = await poll(ctx);
    await setDeadline(NOW + 48 * HOUR);
    expect(await notesDue(ctx, NOW + 48 * HOUR - 1)).toEqual([]);
    const [note, ...more] = await notesDue(ctx, NOW + 48 * HOUR);
    expect(more).toEqual([]);
    expect(note!.recipient).toBe('chiara@example.org');
    expect(note!.message.subject).toBe('Answers are closed: Deadline call');
    expect(note!.message.text).toContain('use the admin link from your first mail');
    expect(note!.message.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
  });

  it('moves with the deadline, and goes when the deadline is removed', async () => {
    const ctx = mailOn(NOW);
    const { setDeadline } = await poll(ctx);
    await setDeadline(NOW + 48 * HOUR);
    await setDeadline(NOW + 72 * HOUR);
    expect(await notesDue(ctx, NOW + 71 * HOUR)).toEqual([]);
    expect(await notesDue(ctx, NOW + 72 * HOUR)).toHaveLength(1);

    const other = await poll(ctx);
    await other.setDeadline(NOW + 48 * HOUR);
    await other.setDeadline(null);
    expect(await notesDue(ctx, NOW + 100 * HOUR)).toEqual([]);
  });

  it('goes when the poll is closed, scheduled or deleted; a reopened poll has it again', async () => {
    const ctx = mailOn(NOW);
    const closed = await poll(ctx);
    await closed.setDeadline(NOW + 48 * HOUR);
    expect((await setPollStatus({ ...closed, status: 'closed' }, ctx)).ok).toBe(true);
    expect(await notesDue(ctx, NOW + 48 * HOUR)).toEqual([]);
    expect((await setPollStatus({ ...closed, status: 'open' }, ctx)).ok).toBe(true);
    expect(await notesDue(ctx, NOW + 48 * HOUR)).toHaveLength(1);

    const scheduled = await poll(ctx);
    await scheduled.setDeadline(NOW + 48 * HOUR);
    const [optionId] = (await ctx.store.getOptionIds(ctx.store, scheduled.pollId))!;
    const chosen = await finalisePoll(
      { ...scheduled, payload: { ok: true, value: { optionId } } },
      ctx,
    );
    expect(chosen.ok).toBe(true);
    const deleted = await poll(ctx);
    await deleted.setDeadline(NOW + 48 * HOUR);
    expect((await deletePoll(deleted, ctx)).ok).toBe(true);
    expect(await notesDue(ctx, NOW + 100 * HOUR)).toEqual([]);
  });

  it('is not written without an organiser address', async () => {
    const ctx = mailOn(NOW);
    const { setDeadline } = await poll(ctx, null);
    await setDeadline(NOW + 48 * HOUR);
    expect(await notesDue(ctx, NOW + 48 * HOUR)).toEqual([]);
  });
});
