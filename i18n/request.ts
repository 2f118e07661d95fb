import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { isLocale, negotiateLocale, type Locale } from '@/lib/i18n/locales';

export const LOCALE_COOKIE = 'kairos_locale';

/**
 * The language follows the viewer, not the link: the one they chose from the menu (a
 * cookie), else the best their browser accepts. One URL serves every language.
 */
async function viewerLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  return negotiateLocale((await headers()).get('accept-language'));
}

export default getRequestConfig(async ({ locale: explicit }) => {
  // An explicit locale (the JSON API answers in English) wins over the viewer's.
  const locale = isLocale(explicit) ? explicit : await viewerLocale();
  return {
    locale,
    messages: (await import(`../messages/${locale}.json`)).default,
  };
});
