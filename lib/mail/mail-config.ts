/**
 * Mail settings read from the environment by the caller (lib/ never reads process.env).
 * Without an SMTP URL mail is off: no address field is shown and nothing is queued.
 */
export interface MailConfig {
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://user:pass@host:465. */
  smtpUrl: string;
  from: string;
  /** 0 sends each notification at once; otherwise at most one digest per poll per period. */
  digestMinutes: number;
}

export type MailConfigResult =
  { ok: true; config: MailConfig | null } | { ok: false; problem: string };

const DEFAULT_FROM = 'Kairos <kairos@localhost>';
const DEFAULT_DIGEST_MINUTES = 15;

export function parseMailConfig(env: {
  KAIROS_SMTP_URL?: string;
  KAIROS_MAIL_FROM?: string;
  KAIROS_MAIL_DIGEST_MINUTES?: string;
}): MailConfigResult {
  const smtpUrl = env.KAIROS_SMTP_URL?.trim();
  if (!smtpUrl) return { ok: true, config: null };
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch {
    return { ok: false, problem: 'KAIROS_SMTP_URL is not a URL' };
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:')
    return { ok: false, problem: 'KAIROS_SMTP_URL must start with smtp:// or smtps://' };
  const from = env.KAIROS_MAIL_FROM?.trim() || DEFAULT_FROM;
  if (/[\r\n]/.test(from) || !/@/.test(from))
    return {
      ok: false,
      problem: 'KAIROS_MAIL_FROM must be one address, e.g. Kairos <k@example.org>',
    };
  const rawDigest = env.KAIROS_MAIL_DIGEST_MINUTES?.trim();
  const digestMinutes = rawDigest ? Number(rawDigest) : DEFAULT_DIGEST_MINUTES;
  if (!Number.isInteger(digestMinutes) || digestMinutes < 0 || digestMinutes > 24 * 60)
    return {
      ok: false,
      problem: 'KAIROS_MAIL_DIGEST_MINUTES must be a whole number from 0 to 1440',
    };
  return { ok: true, config: { smtpUrl, from, digestMinutes } };
}
