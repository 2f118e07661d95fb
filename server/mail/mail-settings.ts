import 'server-only';
import { parseMailConfig, type MailConfig } from '@/lib/mail/mail-config';

let config: MailConfig | null | undefined;

/**
 * The mail settings of this process, or null when KAIROS_SMTP_URL is unset (mail off). A
 * setting that is present but wrong stops the start (instrumentation reads it first), rather
 * than losing every mail later.
 */
export function mailConfig(): MailConfig | null {
  if (config !== undefined) return config;
  const parsed = parseMailConfig({
    KAIROS_SMTP_URL: process.env.KAIROS_SMTP_URL,
    KAIROS_MAIL_FROM: process.env.KAIROS_MAIL_FROM,
    KAIROS_MAIL_DIGEST_MINUTES: process.env.KAIROS_MAIL_DIGEST_MINUTES,
  });
  if (!parsed.ok) throw new Error(`kairos: ${parsed.problem}`);
  return (config = parsed.config);
}

export function mailEnabled(): boolean {
  return mailConfig() !== null;
}
