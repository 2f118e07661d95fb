import { getTranslations } from 'next-intl/server';

/** The name shown for a hidden participant, in the viewer's language (the API's: English). */
export async function anonymousName(
  audience: 'page' | 'api' = 'page',
): Promise<(position: number) => string> {
  const t =
    audience === 'api'
      ? await getTranslations({ locale: 'en', namespace: 'privacyNotice' })
      : await getTranslations('privacyNotice');
  return (n) => t('anonymous', { n });
}
