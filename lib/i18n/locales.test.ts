import { describe, expect, it } from 'vitest';
import { formattingLocale, negotiateLocale, parseAcceptLanguage } from '@/lib/i18n/locales';

describe('negotiateLocale', () => {
  it('picks the supported language the browser ranks highest, whatever the order of the header', () => {
    expect(negotiateLocale('fr-FR,fr;q=0.9,en;q=0.8')).toBe('fr');
    expect(negotiateLocale('en;q=0.3, de-AT;q=0.9, it;q=0.5')).toBe('de');
    expect(negotiateLocale('nl-NL,nl;q=0.9,es;q=0.7,en;q=0.6')).toBe('es');
  });

  it('keeps header order between equal q-values', () => {
    expect(negotiateLocale('it, fr')).toBe('it');
    expect(negotiateLocale('fr;q=0.8, it;q=0.8')).toBe('fr');
  });

  it('ignores languages refused with q=0 and malformed q-values', () => {
    expect(negotiateLocale('de;q=0, fr;q=0.1')).toBe('fr');
    expect(negotiateLocale('de;q=2, es;q=0.5')).toBe('es');
  });

  it('reads language subtags case-insensitively', () => {
    expect(negotiateLocale('ES-mx')).toBe('es');
  });

  it('falls back to English for nothing supported, a wildcard or no header', () => {
    expect(negotiateLocale('ja-JP,zh;q=0.8')).toBe('en');
    expect(negotiateLocale('*')).toBe('en');
    expect(negotiateLocale('')).toBe('en');
    expect(negotiateLocale(null)).toBe('en');
  });
});

describe('parseAcceptLanguage', () => {
  it('orders tags by q-value and skips garbage', () => {
    expect(parseAcceptLanguage('en;q=0.5, ;q=1, de-DE, x y, fr;q=0.7').map((r) => r.tag)).toEqual([
      'de-DE',
      'fr',
      'en',
    ]);
  });
});

describe('formattingLocale', () => {
  it('keeps the browser region when it belongs to the chosen language', () => {
    expect(formattingLocale('en', 'en-US,en;q=0.9')).toBe('en-US');
    expect(formattingLocale('en', 'en-GB')).toBe('en-GB');
    expect(formattingLocale('es', 'es-MX,es;q=0.9')).toBe('es-MX');
  });

  it('uses the language’s default region when the browser speaks another language', () => {
    expect(formattingLocale('fr', 'en-US,en;q=0.9')).toBe('fr-FR');
    expect(formattingLocale('de', 'it-IT')).toBe('de-DE');
  });

  it('uses the default region when the browser names the language without one', () => {
    expect(formattingLocale('en', 'en')).toBe('en-GB');
    expect(formattingLocale('it', null)).toBe('it-IT');
  });

  it('gives a 12-hour clock only to English in the US', () => {
    const hourCycle = (locale: string) =>
      new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions().hourCycle;
    expect(hourCycle(formattingLocale('en', 'en-US'))).toMatch(/h1[12]/);
    for (const [language, header] of [
      ['en', 'en-GB'],
      ['fr', 'en-US'],
      ['de', 'de-DE'],
      ['it', 'it'],
      ['es', 'es-ES'],
    ] as const) {
      expect(hourCycle(formattingLocale(language, header))).toMatch(/h2[34]/);
    }
  });
});
