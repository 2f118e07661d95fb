'use server';

import { cookies } from 'next/headers';
import { isLocale } from '@/lib/i18n/locales';
import { LOCALE_COOKIE } from '@/i18n/request';

const YEAR_SECONDS = 365 * 24 * 3600;

/** Remembers the language picked from the menu; the caller refreshes the same URL. */
export async function chooseLocale(locale: string): Promise<void> {
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, {
    path: '/',
    maxAge: YEAR_SECONDS,
    sameSite: 'lax',
    httpOnly: true,
  });
}
