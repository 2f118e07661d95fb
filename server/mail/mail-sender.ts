import 'server-only';
import type { ClaimedMail, ClaimRules, Store } from '@/db/store';

/** One message as it leaves: the transport turns it into SMTP (smtp-transport.ts). */
export interface SendableMail {
  from: string;
  to: string;
  /** The outbox's idempotency key, as `<key@kairos>`: the same on every retry. */
  messageId: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  calendar: ClaimedMail['message']['calendar'];
}

export interface MailTransport {
  /** Resolves once the server accepted the message; rejects with why it did not. */
  send(mail: SendableMail): Promise<void>;
}

export interface SenderOptions {
  store: Store;
  transport: MailTransport;
  from: string;
  /** The clock, injected so tests move time instead of waiting for it. */
  now: () => number;
  rules?: Partial<ClaimRules>;
}

/**
 * One message per claim, so a lease covers one send: the transport gives up on a connection
 * within 40 s (smtp-transport.ts), well inside the 60 s lease, so a live sender's message is
 * never taken by another.
 */
const DAY_MS = 86_400_000;

/**
 * How long a mail's unsubscribe link keeps working. Every newer mail about the poll carries a
 * fresh one, and a stop itself is kept for good: only the tokens of old mail are forgotten.
 */
export const UNSUBSCRIBE_LINK_DAYS = 400;

/** Deletes the unsubscribe tokens of mail older than the links' lifetime. */
export async function forgetOldUnsubscribeLinks(store: Store, now: number): Promise<number> {
  return store.transaction((tx) =>
    store.forgetUnsubscribeTokens(tx, now - UNSUBSCRIBE_LINK_DAYS * DAY_MS),
  );
}

export const DEFAULT_CLAIM_RULES: ClaimRules = { leaseMs: 60_000, limit: 1, maxAttempts: 8 };

/** 30 s, 1 min, 2 min, … up to 6 h between tries: 8 tries span about two hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 6 * 3_600_000);
}

export function messageIdOf(idempotencyKey: string): string {
  return `<${idempotencyKey}@kairos>`;
}

/**
 * One pass over the outbox: claim what is due, send it, mark each sent or failed. Returns
 * how many went out.
 *
 * Claim → send → mark sent, each in its own step. The claim commits before the first byte
 * leaves, with a lease: a sender killed after the claim leaves the row claimed, and once the
 * lease runs out another pass (this process restarted, or another instance) takes it again,
 * so no message is lost. A kill in the window between the SMTP server's "250 accepted" and
 * the commit of "sent" (one local SQLite write, well under a millisecond) means that retry
 * sends the message a second time; it then carries the same Message-ID, the idempotency key,
 * by which receiving servers and clients recognise and drop the copy. Outside that window
 * nothing is ever sent twice: a row marked sent is never claimed again, and a live lease
 * keeps a second sender off a row the first is still sending.
 */
export async function deliverDue(options: SenderOptions): Promise<number> {
  const { store, transport } = options;
  const rules = { ...DEFAULT_CLAIM_RULES, ...options.rules };
  const claimed = await store.transaction((tx) => store.claimMail(tx, options.now(), rules));
  let sent = 0;
  for (const mail of claimed) {
    try {
      await transport.send({
        from: options.from,
        to: mail.recipient,
        messageId: messageIdOf(mail.idempotencyKey),
        ...mail.message,
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      await store.transaction((tx) =>
        store.markMailFailed(tx, mail.id, reason, options.now() + retryDelayMs(mail.attempts)),
      );
      continue;
    }
    await store.transaction((tx) => store.markMailSent(tx, mail.id, options.now()));
    sent += 1;
  }
  return sent;
}

const globalForSender = globalThis as unknown as { kairosMailWake?: () => void };

/**
 * Use cases call this after a commit that queued mail, so it leaves at once instead of at the
 * next poll. The sender and the route handlers may be separate module copies in one Next.js
 * process, hence the global.
 */
export function wakeMailSender(): void {
  globalForSender.kairosMailWake?.();
}

/**
 * Runs passes in this process: at once when woken, else every `intervalMs` (which also picks
 * up retries that fell due and mail queued by another instance). At most once an hour a pass
 * first forgets old unsubscribe tokens. The timer is unref'd, so it never holds the process
 * open at shutdown.
 */
export function startMailSender(options: SenderOptions & { intervalMs?: number }): {
  stop: () => void;
} {
  const intervalMs = options.intervalMs ?? 5_000;
  let timer: NodeJS.Timeout | null = null;
  let running = false;
  let again = false;
  let stopped = false;
  let forgotten = -Infinity;
  const pass = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    if (timer) clearTimeout(timer);
    try {
      const now = options.now();
      if (now - forgotten >= DAY_MS / 24) {
        forgotten = now;
        await forgetOldUnsubscribeLinks(options.store, now);
      }
      do {
        again = false;
        // A full batch means more may be waiting.
        while ((await deliverDue(options)) >= (options.rules?.limit ?? DEFAULT_CLAIM_RULES.limit));
      } while (again && !stopped);
    } catch (error) {
      console.error('kairos: mail pass failed', error);
    } finally {
      running = false;
      if (!stopped) timer = setTimeout(() => void pass(), intervalMs).unref();
    }
  };
  globalForSender.kairosMailWake = () => void pass();
  void pass();
  return {
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      globalForSender.kairosMailWake = undefined;
    },
  };
}
