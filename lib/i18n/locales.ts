/**
 * The languages Kairos speaks. Each has a catalogue `messages/<code>.json`; English is the
 * reference the others must match.
 */
export const LOCALES = ['en', 'fr', 'de', 'it', 'es'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** Each language named in itself, so a reader finds theirs whatever the page is in. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  fr: 'Français',
  de: 'Deutsch',
  it: 'Italiano',
  es: 'Español',
};

/**
 * The region whose date conventions a language gets when the browser names none of its own:
 * en-GB rather than en-US, so English without a region reads a 24-hour clock like the rest
 * of Europe, where most Kairos polls are organised.
 */
const DEFAULT_REGION: Record<Locale, string> = {
  en: 'en-GB',
  fr: 'fr-FR',
  de: 'de-DE',
  it: 'it-IT',
  es: 'es-ES',
};

export function isLocale(value: string | undefined | null): value is Locale {
  return (LOCALES as readonly string[]).includes(value ?? '');
}

interface Range {
  tag: string;
  language: string;
  q: number;
  position: number;
}

/** The tags of an Accept-Language header, best first (by q-value, then by order). */
export function parseAcceptLanguage(header: string | null | undefined): Range[] {
  const ranges: Range[] = [];
  for (const [position, part] of (header ?? '').split(',').entries()) {
    const [rawTag, ...params] = part.split(';');
    const tag = rawTag?.trim() ?? '';
    if (!/^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(tag)) continue;
    let q = 1;
    for (const param of params) {
      const [key, value] = param.split('=').map((s) => s.trim());
      if (key?.toLowerCase() !== 'q') continue;
      q = /^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(value ?? '') ? Number(value) : 0;
    }
    if (q > 0) ranges.push({ tag, language: tag.split('-')[0]!.toLowerCase(), q, position });
  }
  return ranges.sort((a, b) => b.q - a.q || a.position - b.position);
}

/** The supported language the browser ranks highest, or English. */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  for (const { language } of parseAcceptLanguage(acceptLanguage)) {
    if (isLocale(language)) return language;
  }
  return DEFAULT_LOCALE;
}

/**
 * The locale for dates and times. The catalogue language decides the words ("mer." or
 * "Wed"); the browser may refine the region of that same language (en-US reads "2:00 PM",
 * en-GB "14:00", es-MX differs from es-ES). A region of another language is ignored, so a
 * French page never shows English month names.
 */
export function formattingLocale(
  catalogue: Locale,
  acceptLanguage: string | null | undefined,
): string {
  const own = parseAcceptLanguage(acceptLanguage).find(
    (r) => r.language === catalogue && r.tag.includes('-'),
  );
  if (own) {
    try {
      const [supported] = Intl.DateTimeFormat.supportedLocalesOf(own.tag);
      if (supported) return supported;
    } catch {
      // A tag Intl refuses is the browser's quirk: fall back to the language's own region.
    }
  }
  return DEFAULT_REGION[catalogue];
}
