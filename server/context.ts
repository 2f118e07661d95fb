import 'server-only';
import { getStore } from '@/db/store-selection';
import type { Store } from '@/db/store';
import type { Locale } from '@/lib/i18n/locales';
import { mailConfig } from '@/server/mail/mail-settings';

/** What a use case needs to write mail, or nothing when mail is off. */
export interface MailRequest {
  /** The public origin, for the links in the mail. */
  origin: string;
  /** The language of the person making the request: their own mail is written in it. */
  locale: Locale;
  /** KAIROS_MAIL_FROM, also the ORGANIZER of an invitation when the organiser gave no address. */
  from: string;
  /** KAIROS_MAIL_DIGEST_MINUTES: the organiser's digest period, 0 for each at once. */
  digestMinutes: number;
}

/**
 * What an adapter read from the transport and a use case needs: the store, the request's
 * instant (tests pass any instant, so no test waits for a clock) and, for writes, the write
 * budget's verdict from proxy.ts.
 */
export interface Context {
  store: Store;
  now: number;
  /** Seconds this client must wait before writing again; null while within its budget. */
  writeRefusedFor: number | null;
  /** Null when mail is off (no KAIROS_SMTP_URL) or the use case writes none. */
  mail: MailRequest | null;
}

export function requestContext(
  now: number,
  writeRefusedFor: number | null = null,
  mail: Omit<MailRequest, 'from' | 'digestMinutes'> | null = null,
): Context {
  const config = mailConfig();
  return {
    store: getStore(),
    now,
    writeRefusedFor,
    mail:
      mail && config ? { ...mail, from: config.from, digestMinutes: config.digestMinutes } : null,
  };
}
