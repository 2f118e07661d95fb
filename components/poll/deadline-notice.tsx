import { useTranslations } from 'next-intl';
import { DateTime } from 'luxon';
import { formatLocal } from '@/lib/time/slot-display';

/** When answers stop (or stopped), in the viewer's zone, with how long is left. */
export function DeadlineNotice({
  deadline,
  zone,
  locale,
  nowMs,
}: {
  deadline: number;
  zone: string;
  locale: string;
  nowMs: number;
}) {
  const t = useTranslations('deadline');
  const when = DateTime.fromMillis(deadline, { zone, locale });
  const date = formatLocal(when, DateTime.DATETIME_MED_WITH_WEEKDAY);
  return (
    <p role="status" className="card px-5 py-3 text-sm font-medium">
      {deadline > nowMs
        ? t('closesAt', {
            date,
            relative: when.toRelative({ base: DateTime.fromMillis(nowMs) }) ?? '',
          })
        : t('closed', { date })}
    </p>
  );
}
