'use client';

import { useTranslations } from 'next-intl';
import { CopyField } from '@/components/ui/copy-button';

/**
 * The participant's private calendar subscription: the webcal:// link opens their calendar
 * app's subscribe dialog; the copy field is for apps that ask for the address instead.
 */
export function CalendarFeed({
  url,
  level = 3,
  className = '',
}: {
  url: string;
  /** Its own card among the page's sections (2), or a part of the answer form's (3). */
  level?: 2 | 3;
  className?: string;
}) {
  const t = useTranslations('poll.feed');
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section aria-labelledby="calendar-feed-heading" className={`grid gap-2 ${className}`}>
      <Heading
        id="calendar-feed-heading"
        className={level === 2 ? 'text-lg font-semibold' : 'font-semibold'}
      >
        {t('heading')}
      </Heading>
      <p className="text-sm">{t('hint')}</p>
      <p>
        <a className="btn" href={url} aria-describedby="calendar-feed-private">
          {t('subscribe')}
        </a>
      </p>
      <CopyField id="calendar-feed-link" label={t('label')} value={url} />
      <p id="calendar-feed-private" className="text-sm text-muted">
        {t('private')}
      </p>
    </section>
  );
}
