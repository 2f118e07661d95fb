import { headers } from 'next/headers';
import { getLocale } from 'next-intl/server';
import { formattingLocale, isLocale, DEFAULT_LOCALE } from '@/lib/i18n/locales';

/**
 * The locale for dates and times: the catalogue language, refined by the browser's region
 * of that same language (en-US reads "2:00 PM", en-GB "14:00"). Pages pass it to
 * components as `locale`.
 */
export async function formatLocale(): Promise<string> {
  const [catalogue, accepted] = await Promise.all([getLocale(), headers()]);
  return formattingLocale(
    isLocale(catalogue) ? catalogue : DEFAULT_LOCALE,
    accepted.get('accept-language'),
  );
}
