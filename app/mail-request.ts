import { getLocale } from 'next-intl/server';
import { isLocale, DEFAULT_LOCALE } from '@/lib/i18n/locales';
import { requestOrigin } from '@/app/origin';

/** What a use case needs to write mail for this request: the links' origin and the asker's language. */
export async function mailRequest() {
  const locale = await getLocale();
  return { origin: await requestOrigin(), locale: isLocale(locale) ? locale : DEFAULT_LOCALE };
}
