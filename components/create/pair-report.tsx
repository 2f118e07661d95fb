import { useTranslations } from 'next-intl';
import { useBandLabel } from '@/components/ui/comfort-band';
import type { AlternatingPairResult } from '@/lib/finder/alternating-series';
import { formatPain } from '@/lib/fairness/explain';
import { describeDate } from '@/lib/time/slot-display';
import { addDays, placeName } from '@/lib/time/time-zone';

/**
 * Two times that take turns, week by week, against the best single time: each place's
 * average pain under the pair, and the worst week it leads to.
 */
export function PairReport({ result, locale }: { result: AlternatingPairResult; locale: string }) {
  const t = useTranslations('finder');
  const bandLabel = useBandLabel();
  const [first, second] = result.pair.members;
  if (!first || !second) return null;
  const weekday = describeDate(addDays('2024-01-01', first.time.weekday - 1), { locale }).weekday;
  const worstPair = Math.max(...result.pair.places.map((p) => p.averagePain));
  const worstSingle = Math.max(...result.single.places.map((p) => p.averagePain));
  const single = result.single.members[0];
  const ww = result.pair.worstWeek;
  return (
    <div className="rounded-lg bg-raised p-3 text-sm" role="status">
      <h4 className="font-semibold">{t('pairHeading')}</h4>
      <p className="mt-1">
        {t('pairTimes', {
          weekday,
          first: first.time.wall,
          second: second.time.wall,
          place: placeName(first.time.zone),
        })}
      </p>
      <ul className="mt-1 grid gap-0.5">
        {result.pair.places.map((p) => (
          <li key={p.zone}>
            {t('pairPlace', {
              place: p.place,
              pain: formatPain(p.averagePain),
              band: bandLabel(p.band),
            })}
          </li>
        ))}
      </ul>
      <p className="mt-1">
        {result.pairIsBetter
          ? t('pairBetter', {
              pair: formatPain(worstPair),
              single: single?.time.wall ?? '',
              singleWorst: formatPain(worstSingle),
            })
          : t('pairNotBetter', { single: single?.time.wall ?? '' })}
      </p>
      <p className="mt-1 text-muted">
        {t('worstWeek', {
          date: describeDate(ww.date, { locale }).dateLabel,
          time: ww.localStart.slice(11),
          place: ww.place,
          band: bandLabel(ww.band),
        })}
      </p>
    </div>
  );
}
