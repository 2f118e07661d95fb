import nodeIcal from 'node-ical';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Context } from '@/server/context';
import { submitAnswer } from '@/server/answers';
import { feedPath } from '@/server/links';
import { deliverDue, DEFAULT_CLAIM_RULES, retryDelayMs } from '@/server/mail/mail-sender';
import { startSmtpSink } from '@/server/mail/smtp-sink';
import { smtpTransport } from '@/server/mail/smtp-transport';
import { createPoll, deletePoll, finalisePoll } from '@/server/polls';
import { createdPoll, withTemporaryStore } from '@/server/temporary-store';

const NOW = Date.UTC(2026, 9, 1, 9, 0);
const ORIGIN = 'https://kairos.example.org';
const FROM = 'Kairos <kairos@example.org>';
const { context } = withTemporaryStore();

let sink: Awaited<ReturnType<typeof startSmtpSink>>;
beforeAll(async () => {
  sink = await startSmtpSink(2525);
});
afterAll(() => sink.close());
beforeEach(() => {
  sink.received.length = 0;
  sink.refuse.clear();
});

function mailOn(now: number, locale: 'en' | 'fr' | 'de' | 'it' | 'es' = 'en'): Context {
  return context(now, undefined, { origin: ORIGIN, locale, from: FROM, digestMinutes: 15 });
}

/** Passes (one message each) until one sends nothing; returns how many went out. */
async function deliver(ctx: Context, at = ctx.now) {
  let sent = 0;
  for (;;) {
    const n = await deliverDue({
      store: ctx.store,
      transport: smtpTransport(sink.url),
      from: FROM,
      now: () => at,
    });
    if (n === 0) return sent;
    sent += n;
  }
}

const to = (mail: ParsedMail) =>
  (Array.isArray(mail.to) ? mail.to : [mail.to])
    .flatMap((a) => a?.value ?? [])
    .map((v) => v.address);

function calendarOf(mail: ParsedMail): string {
  const part = mail.attachments.find((a) => a.contentType.startsWith('text/calendar'));
  if (!part) throw new Error('no calendar part');
  // Unfolded (RFC 5545 §3.1), so a property reads as one line.
  return part.content.toString('utf8').replace(/\r\n[ \t]/g, '');
}

async function pollWithOrganiser(ctx: Context) {
  const created = await createPoll(
    {
      ok: true,
      value: {
        title: 'Workflow call',
        organiserName: 'Chiara',
        organiserEmail: 'chiara@example.org',
        timeZone: 'Europe/Rome',
        kind: 'timed',
        durationMinutes: 60,
        options: [{ start: '2026-10-28T17:00' }, { start: '2026-10-29T10:00' }],
      },
    },
    ctx,
  );
  if (!created.ok) throw new Error(JSON.stringify(created.problem));
  const optionIds = (await ctx.store.getOptionIds(ctx.store, created.id))!;
  return { ...created, optionIds };
}

async function answerWithEmail(
  ctx: Context,
  pollId: string,
  optionIds: string[],
  name: string,
  email: string,
  timeZone: string,
) {
  const answer = await submitAnswer(
    {
      pollId,
      editor: null,
      answer: {
        name,
        timeZone,
        email,
        votes: Object.fromEntries(optionIds.map((id) => [id, 'yes'])),
      },
    },
    ctx,
  );
  if (!answer.ok) throw new Error(JSON.stringify(answer.problem));
  return answer;
}

describe('mail through a real SMTP server', () => {
  it('sends the organiser the participant link and the secret admin link, to them alone', async () => {
    const ctx = mailOn(NOW);
    const poll = await pollWithOrganiser(ctx);
    expect(await deliver(ctx)).toBe(1);
    const [mail] = sink.received;
    expect(to(mail!)).toEqual(['chiara@example.org']);
    expect(mail!.subject).toBe('Your poll “Workflow call” is ready');
    const adminUrl = `${ORIGIN}/p/${poll.id}/admin/${poll.adminToken}`;
    expect(mail!.text).toContain(adminUrl);
    expect(mail!.html).toContain(adminUrl);
    expect(mail!.text).toContain(`${ORIGIN}/p/${poll.id}\n`);
    expect(mail!.messageId).toBe(`<${poll.id}.created@kairos>`);
    // Sent once: a second pass finds nothing.
    expect(await deliver(ctx)).toBe(0);
    expect(sink.received).toHaveLength(1);
  });

  it('sends a participant their private edit link and calendar feed in their language, never the admin link', async () => {
    const ctx = mailOn(NOW);
    const poll = await pollWithOrganiser(ctx);
    const answer = await answerWithEmail(
      mailOn(NOW, 'fr'),
      poll.id,
      poll.optionIds,
      'Léa',
      'lea@example.org',
      'Europe/Paris',
    );
    await deliver(ctx);
    const mail = sink.received.find((m) => to(m).includes('lea@example.org'))!;
    expect(mail.subject).toBe('Votre réponse à « Workflow call »');
    expect(mail.text).toContain(
      `${ORIGIN}/p/${poll.id}/edit/${answer.participantId}/${answer.editToken}`,
    );
    const feed = `webcal://kairos.example.org${feedPath(answer.editToken!)}`;
    expect(mail.text).toContain(`S’abonner dans votre agenda:\n${feed}\n`);
    expect(mail.html).toContain(`href="${feed}"`);
    expect(mail.text).not.toContain(poll.adminToken);
    expect(mail.html).not.toContain(poll.adminToken);
  });

  it('invites everyone at the chosen instant, in their own zone beside the organiser’s', async () => {
    const ctx = mailOn(NOW);
    const poll = await pollWithOrganiser(ctx);
    await answerWithEmail(
      ctx,
      poll.id,
      poll.optionIds,
      'Anil',
      'anil@example.org',
      'Asia/Kathmandu',
    );
    await deliver(ctx);
    sink.received.length = 0;

    const chosen = await finalisePoll(
      {
        pollId: poll.id,
        adminToken: poll.adminToken,
        payload: { ok: true, value: { optionId: poll.optionIds[0] } },
      },
      mailOn(NOW + 1000),
    );
    expect(chosen.ok).toBe(true);
    expect(await deliver(ctx, NOW + 1000)).toBe(2);
    const anil = sink.received.find((m) => to(m).includes('anil@example.org'))!;
    expect(anil.text).toMatch(/Your time \(Asia\/Kathmandu\): Wednesday, 28 October 2026 at 21:45/);
    expect(anil.text).toMatch(
      /Organiser’s time \(Europe\/Rome\): Wednesday, 28 October 2026 at 17:00/,
    );
    const ics = calendarOf(anil);
    expect(ics).toContain('METHOD:REQUEST');
    const event = Object.values(nodeIcal.sync.parseICS(ics)).find((c) => c?.type === 'VEVENT')!;
    expect(event.type === 'VEVENT' && event.start.toISOString()).toBe('2026-10-28T16:00:00.000Z');
    expect(ics).toMatch(/ORGANIZER;CN="?Chiara"?:mailto:chiara@example.org/);
    expect(ics).toMatch(/ATTENDEE[^:]*:mailto:anil@example.org/i);
    const uid = /UID:(.+)/.exec(ics)![1]!.trim();
    const sequence = Number(/SEQUENCE:(\d+)/.exec(ics)![1]);

    // Another time: the same event, a higher SEQUENCE.
    sink.received.length = 0;
    await finalisePoll(
      {
        pollId: poll.id,
        adminToken: poll.adminToken,
        payload: { ok: true, value: { optionId: poll.optionIds[1] } },
      },
      mailOn(NOW + 2000),
    );
    await deliver(ctx, NOW + 2000);
    const moved = calendarOf(sink.received.find((m) => to(m).includes('anil@example.org'))!);
    expect(/UID:(.+)/.exec(moved)![1]!.trim()).toBe(uid);
    expect(Number(/SEQUENCE:(\d+)/.exec(moved)![1])).toBeGreaterThan(sequence);
    expect(sink.received[0]!.subject).toBe('New time: Workflow call');

    // Reopened: a cancellation of the same event.
    sink.received.length = 0;
    await finalisePoll(
      {
        pollId: poll.id,
        adminToken: poll.adminToken,
        payload: { ok: true, value: { optionId: null } },
      },
      mailOn(NOW + 3000),
    );
    await deliver(ctx, NOW + 3000);
    expect(sink.received).toHaveLength(2);
    const cancel = calendarOf(sink.received[0]!);
    expect(cancel).toContain('METHOD:CANCEL');
    expect(/UID:(.+)/.exec(cancel)![1]!.trim()).toBe(uid);
  });

  it('cancels the invitation when a scheduled poll is deleted', async () => {
    const ctx = mailOn(NOW);
    const poll = await pollWithOrganiser(ctx);
    await finalisePoll(
      {
        pollId: poll.id,
        adminToken: poll.adminToken,
        payload: { ok: true, value: { optionId: poll.optionIds[0] } },
      },
      ctx,
    );
    await deliver(ctx);
    sink.received.length = 0;
    expect((await deletePoll({ pollId: poll.id, adminToken: poll.adminToken }, ctx)).ok).toBe(true);
    await deliver(ctx);
    expect(sink.received.map((m) => calendarOf(m).includes('METHOD:CANCEL'))).toEqual([true]);
  });
});

describe('the outbox', () => {
  it('queues nothing and keeps no address when mail is off', async () => {
    const ctx = context(NOW);
    const poll = await pollWithOrganiser(ctx);
    await answerWithEmail(
      ctx,
      poll.id,
      poll.optionIds,
      'Anil',
      'anil@example.org',
      'Asia/Kathmandu',
    );
    expect(await ctx.store.getMailRecipients(ctx.store, poll.id)).toEqual([]);
    expect(await deliver(ctx)).toBe(0);
  });

  it('refuses a malformed or injected address with a field error, and queues nothing', async () => {
    const ctx = mailOn(NOW);
    for (const organiserEmail of ['chiara', 'chiara@example.org\r\nBcc: eve@example.org']) {
      const created = await createPoll(
        {
          ok: true,
          value: {
            title: 'Workflow call',
            organiserEmail,
            timeZone: 'Europe/Rome',
            kind: 'timed',
            durationMinutes: 60,
            options: [{ start: '2026-10-28T17:00' }],
          },
        },
        ctx,
      );
      expect(created.ok).toBe(false);
      if (!created.ok && created.problem.code === 'invalid')
        expect(created.problem.fieldErrors.organiserEmail?.[0]?.code).toBe('email.invalid');
      else throw new Error('expected a field error');
    }
    expect(await deliver(ctx)).toBe(0);
  });

  it('sends nothing for a change that rolled back', async () => {
    const ctx = mailOn(NOW);
    const { id } = await createdPoll(ctx);
    await expect(
      ctx.store.transaction(async (tx) => {
        await ctx.store.enqueueMail(
          tx,
          [
            {
              pollId: id,
              kind: 'editLink',
              recipient: 'a@example.org',
              idempotencyKey: 'k1',
              message: { subject: 's', text: 't', html: '<p>t</p>', headers: {}, calendar: null },
              unsubscribeTokenHash: 'token-1',
            },
          ],
          NOW,
        );
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await deliver(ctx)).toBe(0);
    expect(sink.received).toHaveLength(0);
  });

  it('retries a refused message with growing delays, then shows it as failed', async () => {
    const ctx = mailOn(NOW);
    sink.refuse.add('chiara@example.org');
    const poll = await pollWithOrganiser(ctx);
    let at = NOW;
    for (let attempt = 1; attempt <= DEFAULT_CLAIM_RULES.maxAttempts; attempt += 1) {
      expect(await deliver(ctx, at)).toBe(0);
      // Not due again before its delay.
      expect(await deliver(ctx, at + retryDelayMs(attempt) - 1)).toBe(0);
      at += retryDelayMs(attempt);
    }
    const failed = await ctx.store.getFailedMail(
      ctx.store,
      poll.id,
      DEFAULT_CLAIM_RULES.maxAttempts,
    );
    expect(failed).toEqual([
      expect.objectContaining({
        kind: 'organiserCreated',
        recipient: 'chiara@example.org',
        attempts: 8,
      }),
    ]);
    expect(failed[0]!.lastError).toMatch(/550/);
    sink.refuse.clear();
    expect(await deliver(ctx, at + 86_400_000)).toBe(0);
  });

  it('leaves a claimed message to its sender until the lease runs out (a crash), then sends it once', async () => {
    const ctx = mailOn(NOW);
    await pollWithOrganiser(ctx);
    const claimed = await ctx.store.transaction((tx) =>
      ctx.store.claimMail(tx, NOW, DEFAULT_CLAIM_RULES),
    );
    expect(claimed).toHaveLength(1);
    // The sender that claimed it died: a second one keeps off while the lease holds…
    expect(await deliver(ctx, NOW + DEFAULT_CLAIM_RULES.leaseMs - 1)).toBe(0);
    // …and takes it once the lease has run out, with the same Message-ID.
    expect(await deliver(ctx, NOW + DEFAULT_CLAIM_RULES.leaseMs)).toBe(1);
    expect(await deliver(ctx, NOW + 10 * DEFAULT_CLAIM_RULES.leaseMs)).toBe(0);
    expect(sink.received.map((m) => m.messageId)).toEqual(
      [claimed[0]!.idempotencyKey].map((k) => `<${k}@kairos>`),
    );
  });
});
