import { getTranslations } from 'next-intl/server';
import type { PollRecord } from '@/lib/poll/model';
import { visiblePoll } from '@/lib/poll/privacy';

/** The poll as this viewer may see it, with hidden names in the viewer's language. */
export async function pollForViewer(
  poll: PollRecord,
  viewer: { admin: boolean; participantId: string | null },
  audience: 'page' | 'api' = 'page',
) {
  const t =
    audience === 'api'
      ? await getTranslations({ locale: 'en', namespace: 'privacyNotice' })
      : await getTranslations('privacyNotice');
  return visiblePoll(poll, viewer, (n) => t('anonymous', { n }));
}
