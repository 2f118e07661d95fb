import { describe, expect, it } from 'vitest';
import type { Context } from '@/server/context';
import { submitAnswer } from '@/server/answers';
import {
  DEFAULT_CLAIM_RULES,
  forgetOldUnsubscribeLinks,
  UNSUBSCRIBE_LINK_DAYS,
} from '@/server/mail/mail-sender';
import { createPoll, finalisePoll } from '@/server/polls';
import { withTemporaryStore } from '@/server/temporary-store';
import { unsubscribe, viewUnsubscribe } from '@/server/unsubscribe';

const NOW = Date.UTC(2026, 9, 1, 9, 0);
const ORIGIN = 'https://kairos.example.org';
const { context } = withTemporaryStore();

function mailOn(now: number): Context {
  return context(now, undefined, {
    origin: ORIGIN,
    locale: 'en',
    from: 'Kairos <k@example.org>',
    digestMinutes: 15,
  });
}

async function pollWithAnswers(ctx: Context) {
  const created = await createPoll(
    {
      ok: true,
      value: {
        title: 'Quiet call',
        organiserName: 'Chiara',
        organiserEmail: 'chiara@example.org',
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
  for (const [name, email] of [
    ['Anil', 'anil@example.org'],
    ['Bea', 'bea@example.org'],
  ])
    await submitAnswer(
      {
        pollId: created.id,
        editor: null,
        answer: { name, email, timeZone: 'Asia/Kathmandu', votes: { [optionId!]: 'yes' } },
      },
      ctx,
    );
  return { ...created, optionId: optionId! };
}

/** Everything due, taken off the outbox as the sender would. */
async function takeQueued(ctx: Context) {
  return ctx.store.transaction((tx) =>
    ctx.store.claimMail(tx, ctx.now, { ...DEFAULT_CLAIM_RULES, limit: 100 }),
  );
}

function tokenIn(headers: Record<string, string>): string {
  const match = /^<https:\/\/kairos\.example\.org\/unsubscribe\/([A-Za-z0-9_-]+)>$/.exec(
    headers['List-Unsubscribe'] ?? '',
  );
  if (!match) throw new Error(`no unsubscribe link in ${JSON.stringify(headers)}`);
  return match[1]!;
}

describe('one-click unsubscribe', () => {
  it('puts a link of its own in every mail: both headers, and visible in text and HTML', async () => {
    const ctx = mailOn(NOW);
    await pollWithAnswers(ctx);
    const queued = await takeQueued(ctx);
    expect(queued).toHaveLength(3);
    const tokens = new Set(queued.map((mail) => tokenIn(mail.message.headers)));
    expect(tokens.size).toBe(3);
    for (const mail of queued) {
      const token = tokenIn(mail.message.headers);
      expect(token.length).toBeGreaterThanOrEqual(22); // ≥ 128 bits in base64url
      expect(mail.message.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
      const url = `${ORIGIN}/unsubscribe/${token}`;
      expect(mail.message.text).toContain(`Stop mail about this poll: ${url}`);
      expect(mail.message.html).toContain(`href="${url}"`);
    }
  });

  it('keeps a mail’s link working for its lifetime, then answers it as an unknown page', async () => {
    const ctx = mailOn(NOW);
    await pollWithAnswers(ctx);
    const token = tokenIn((await takeQueued(ctx))[0]!.message.headers);
    const lifetime = UNSUBSCRIBE_LINK_DAYS * 86_400_000;
    expect(await forgetOldUnsubscribeLinks(ctx.store, NOW + lifetime)).toBe(0);
    expect(await viewUnsubscribe(token, ctx)).toMatchObject({ ok: true, stopped: false });
    // Every token of those three mails (and of the file's earlier tests, made at NOW too) is
    // older than the lifetime a millisecond later.
    expect(await forgetOldUnsubscribeLinks(ctx.store, NOW + lifetime + 1)).toBeGreaterThanOrEqual(
      3,
    );
    expect(await viewUnsubscribe(token, ctx)).toEqual(await viewUnsubscribe('A'.repeat(32), ctx));
    expect((await unsubscribe(token, ctx)).ok).toBe(false);
  });

  it('shows the page without stopping anything, then stops that address alone', async () => {
    const ctx = mailOn(NOW);
    const poll = await pollWithAnswers(ctx);
    const delivered = await takeQueued(ctx);
    for (const mail of delivered)
      await ctx.store.transaction((tx) => ctx.store.markMailSent(tx, mail.id, NOW));
    const anil = delivered.find((mail) => mail.recipient === 'anil@example.org')!;
    const token = tokenIn(anil.message.headers);

    expect(await viewUnsubscribe(token, ctx)).toEqual({
      ok: true,
      pollTitle: 'Quiet call',
      stopped: false,
    });
    expect(await viewUnsubscribe(token, ctx)).toMatchObject({ stopped: false });

    expect(await unsubscribe(token, ctx)).toEqual({
      ok: true,
      pollTitle: 'Quiet call',
      dropped: 0,
    });
    expect(await viewUnsubscribe(token, ctx)).toMatchObject({ ok: true, stopped: true });
    expect(await unsubscribe(token, ctx)).toMatchObject({ ok: true });

    const scheduled = await finalisePoll(
      {
        pollId: poll.id,
        adminToken: poll.adminToken,
        payload: { ok: true, value: { optionId: poll.optionId } },
      },
      ctx,
    );
    expect(scheduled.ok).toBe(true);
    const invited = (await takeQueued(ctx)).map((mail) => mail.recipient).sort();
    expect(invited).toEqual(['bea@example.org', 'chiara@example.org']);
  });

  it('drops what is queued for the address and not yet sent', async () => {
    const ctx = mailOn(NOW);
    await pollWithAnswers(ctx);
    const [first] = await ctx.store.transaction((tx) =>
      ctx.store.claimMail(tx, NOW, { ...DEFAULT_CLAIM_RULES, limit: 1 }),
    );
    // The organiser's first mail, claimed but unsent, and the digest waiting for its period.
    expect(first!.recipient).toBe('chiara@example.org');
    const token = tokenIn(first!.message.headers);
    const stopped = await unsubscribe(token, ctx);
    expect(stopped).toMatchObject({ ok: true, dropped: 2 });
    const rest = await takeQueued(mailOn(NOW + 120_000));
    expect(rest.map((mail) => mail.recipient)).not.toContain(first!.recipient);
    expect(rest).toHaveLength(2);
  });

  it('answers a wrong, a malformed and a missing token alike, and stops nothing', async () => {
    const ctx = mailOn(NOW);
    await pollWithAnswers(ctx);
    const notFound = { ok: false, problem: { code: 'notFound' } };
    for (const token of ['A'.repeat(32), 'short', '../../etc', '', null, 42]) {
      expect(await viewUnsubscribe(token, ctx)).toEqual(notFound);
      expect(await unsubscribe(token, ctx)).toEqual(notFound);
    }
    expect(await takeQueued(ctx)).toHaveLength(3);
  });

  it('spends a write: over the budget it stops nothing', async () => {
    const ctx = mailOn(NOW);
    await pollWithAnswers(ctx);
    const [mail] = await takeQueued(ctx);
    const token = tokenIn(mail!.message.headers);
    expect(await unsubscribe(token, { ...ctx, writeRefusedFor: 7 })).toEqual({
      ok: false,
      problem: { code: 'writeRefused', seconds: 7 },
    });
    expect(await viewUnsubscribe(token, ctx)).toMatchObject({ stopped: false });
  });
});
