import { describe, expect, it } from 'vitest';
import { parseMailConfig } from '@/lib/mail/mail-config';

describe('parseMailConfig', () => {
  it('turns mail off when no SMTP URL is set', () => {
    expect(parseMailConfig({})).toEqual({ ok: true, config: null });
    expect(parseMailConfig({ KAIROS_SMTP_URL: '  ' })).toEqual({ ok: true, config: null });
  });

  it('reads smtp:// and smtps:// with the default digest of 15 minutes', () => {
    const result = parseMailConfig({
      KAIROS_SMTP_URL: 'smtps://u:p@mail.example.org:465',
      KAIROS_MAIL_FROM: 'Kairos <k@example.org>',
    });
    expect(result).toEqual({
      ok: true,
      config: {
        smtpUrl: 'smtps://u:p@mail.example.org:465',
        from: 'Kairos <k@example.org>',
        digestMinutes: 15,
      },
    });
  });

  it('accepts a digest of 0 (each notification at once)', () => {
    const result = parseMailConfig({
      KAIROS_SMTP_URL: 'smtp://localhost:2525',
      KAIROS_MAIL_DIGEST_MINUTES: '0',
    });
    expect(result.ok && result.config?.digestMinutes).toBe(0);
  });

  it.each([
    [{ KAIROS_SMTP_URL: 'http://example.org' }, /smtp/],
    [{ KAIROS_SMTP_URL: 'not a url' }, /not a URL/],
    [{ KAIROS_SMTP_URL: 'smtp://h', KAIROS_MAIL_FROM: 'a@b\r\nBcc: x@y' }, /one address/],
    [{ KAIROS_SMTP_URL: 'smtp://h', KAIROS_MAIL_DIGEST_MINUTES: '-1' }, /whole number/],
    [{ KAIROS_SMTP_URL: 'smtp://h', KAIROS_MAIL_DIGEST_MINUTES: '1.5' }, /whole number/],
  ])('refuses a bad setting %#', (env, problem) => {
    const result = parseMailConfig(env);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toMatch(problem);
  });
});
