import { describe, expect, it } from 'vitest';
import type { Context } from '@/server/context';
import { submitAnswer } from '@/server/answers';
import { postComment } from '@/server/comments';
import { DEFAULT_CLAIM_RULES } from '@/server/mail/mail-sender';
import { queueDigest } from '@/server/mail/poll-mail';
import { createPoll } from '@/server/polls';
import { withTemporaryStore } from '@/server/temporary-store';

const NOW = Date.UTC(2026, 9, 1, 9, 0);
const MINUTE = 60_000;
const ORIGIN = 'https://kairos.example.org';
const { context } = withTemporaryStore();

function mailOn(now: number, digestMinutes = 15, locale: 'en' | 'fr' = 'en'): Context {
  return context(now, undefined, { origin: ORIGIN, locale, from: 'k@example.org', digestMinutes });
}

async function poll(ctx: Context, organiserEmail: string | null = 'chiara@example.org') {
  const created = await createPoll(
    {
      ok: true,
      value: {
        title: 'Digest call',
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
  const [optionId] = (await ctx.store.getOptionIds(ctx.store, created.id))!;
  return { ...created, optionId: optionId! };
}

async function answer(ctx: Context, pollId: string, optionId: string, name: string) {
  const result = await submitAnswer(
    {
      pollId,
      editor: null,
      answer: { name, timeZone: 'Asia/Kathmandu', votes: { [optionId]: 'yes' } },
    },
    ctx,
  );
  if (!result.ok) throw new Error(JSON.stringify(result.problem));
  return result;
}

/** The digests a sender takes at `at`. */
async function digestsDue(ctx: Context, at: number) {
  const taken = await ctx.store.transaction((tx) =>
    ctx.store.claimMail(tx, at, { ...DEFAULT_CLAIM_RULES, limit: 100 }),
  );
  for (const mail of taken)
    await ctx.store.transaction((tx) => ctx.store.markMailSent(tx, mail.id, at));
  return taken.filter((mail) => mail.kind === 'digest');
}

describe('the organiser’s digest', () => {
  it('collects answers and comments of one period into one mail, sent when it has run', async () => {
    const ctx = mailOn(NOW);
    const { id, optionId } = await poll(ctx);
    await answer(ctx, id, optionId, 'Anil');
    await answer(mailOn(NOW + 5 * MINUTE), id, optionId, 'Bea');
    await postComment(
      { pollId: id, comment: { author: 'Chen', body: 'Tuesday works too' } },
      mailOn(NOW + 6 * MINUTE),
    );
    expect(await digestsDue(ctx, NOW + 14 * MINUTE)).toEqual([]);
    const [digest, ...more] = await digestsDue(ctx, NOW + 15 * MINUTE);
    expect(more).toEqual([]);
    expect(digest!.recipient).toBe('chiara@example.org');
    expect(digest!.message.subject).toBe('New on “Digest call”');
    const text = digest!.message.text;
    expect(text).toContain('Answered: Anil and Bea');
    expect(text).toContain('Commented: Chen');
    expect(text).toContain(`${ORIGIN}/p/${id}`);
    expect(text).toContain('use the admin link from your first mail');
    expect(text).not.toContain('/admin/');
    expect(digest!.message.headers['List-Unsubscribe']).toMatch(/^<https:\/\/.+\/unsubscribe\//);
  });

  it('opens the next digest only after one went out, a period after its first entry', async () => {
    const ctx = mailOn(NOW);
    const { id, optionId } = await poll(ctx);
    const anil = await answer(ctx, id, optionId, 'Anil');
    expect(await digestsDue(ctx, NOW + 15 * MINUTE)).toHaveLength(1);
    const later = NOW + 20 * MINUTE;
    await submitAnswer(
      {
        pollId: id,
        editor: { participantId: anil.participantId, editToken: anil.editToken! },
        answer: { name: 'Anil', timeZone: 'Asia/Kathmandu', votes: { [optionId]: 'no' } },
      },
      mailOn(later),
    );
    expect(await digestsDue(ctx, later + 14 * MINUTE)).toEqual([]);
    const [digest] = await digestsDue(ctx, later + 15 * MINUTE);
    expect(digest!.message.text).toContain('Changed their answer: Anil');
    expect(digest!.message.text).not.toContain('Answered:');
  });

  it('starts a new digest when a sender has already taken the pending one', async () => {
    const ctx = mailOn(NOW, 0);
    const { id, optionId } = await poll(ctx);
    await answer(ctx, id, optionId, 'Anil');
    const taken = await ctx.store.transaction((tx) =>
      ctx.store.claimMail(tx, NOW, { ...DEFAULT_CLAIM_RULES, limit: 100 }),
    );
    expect(taken.filter((m) => m.kind === 'digest')).toHaveLength(1);
    // Bea answers while that digest is on its way out.
    await answer(ctx, id, optionId, 'Bea');
    for (const mail of taken)
      await ctx.store.transaction((tx) => ctx.store.markMailSent(tx, mail.id, NOW));
    const [next] = await digestsDue(ctx, NOW + 2 * MINUTE);
    expect(next!.message.text).toContain('Answered: Bea');
    expect(next!.message.text).not.toContain('Anil');
  });

  it('sends each at once with a period of 0, in the organiser’s language', async () => {
    const { id, optionId } = await poll(mailOn(NOW, 0, 'fr'));
    await answer(mailOn(NOW, 0, 'en'), id, optionId, 'Anil');
    const [digest] = await digestsDue(mailOn(NOW), NOW);
    expect(digest!.message.text).toContain('Ont répondu : Anil');
  });

  it('writes nothing without an organiser address, nor for a change that rolled back', async () => {
    const ctx = mailOn(NOW, 0);
    const quiet = await poll(ctx, null);
    await answer(ctx, quiet.id, quiet.optionId, 'Anil');
    expect(await ctx.store.getPendingDigest(ctx.store, quiet.id)).toBeNull();

    const { id } = await poll(ctx);
    await expect(
      ctx.store.transaction(async (tx) => {
        await queueDigest(ctx.store, tx, ctx.mail!, id, { kind: 'answer', name: 'Bea' }, NOW);
        throw new Error('the answer failed');
      }),
    ).rejects.toThrow('the answer failed');
    expect(await ctx.store.getPendingDigest(ctx.store, id)).toBeNull();
    expect(await digestsDue(ctx, NOW + 60 * MINUTE)).toEqual([]);
  });
});
