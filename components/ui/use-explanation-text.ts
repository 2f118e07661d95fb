import { useTranslations } from 'next-intl';
import { useBandLabel } from '@/components/ui/comfort-band';
import type { ExplanationView, NameList } from '@/lib/fairness/poll-ranking';
import { describeWallInterval } from '@/lib/time/slot-display';

/** The engine's facts in the viewer's language; the English `summary` stays for the API. */
export function useExplanationText(locale: string): (x: ExplanationView) => string {
  const t = useTranslations('ranking');
  const bandLabel = useBandLabel();
  return (x) => {
    const names = (list: NameList) =>
      list.more > 0
        ? t('namesAndMore', { names: list.names.join(', '), count: list.more })
        : list.names.join(', ');
    const parts: string[] = [
      t('attendance', {
        canAttend: x.attendance.canAttend,
        participants: x.attendance.participants,
        yes: x.attendance.yes,
        ifNeedBe: x.attendance.ifNeedBe,
      }),
    ];
    const worst = x.worst;
    if (worst.kind === 'all-day') parts.push(t('allDay'));
    else if (worst.kind === 'no-pain') parts.push(t('noPain'));
    else if (worst.kind === 'nobody-attends') parts.push(t('nobody'));
    else if (worst.kind === 'vote') parts.push(t('worstVote', { name: worst.name }));
    else {
      const local = describeWallInterval(worst.localStart, worst.localEnd, { locale });
      parts.push(
        t('worstLocalTime', {
          weekday: local.weekday,
          time: local.timeRange,
          place: worst.place,
          name: worst.name,
          // One band per person and slot everywhere; say when it is read against their own day.
          band: worst.fromWorkingHours
            ? t('bandByOwnHours', { band: bandLabel(worst.band) })
            : bandLabel(worst.band),
        }),
      );
    }
    if (x.outsideWorkingHours > 0 && worst.kind !== 'all-day') {
      parts.push(t('outside', { count: x.outsideWorkingHours, total: x.attendance.canAttend }));
    }
    if (x.night.names.length > 0) parts.push(t('night', { names: names(x.night) }));
    if (x.neverWindow.names.length > 0)
      parts.push(t('neverWindow', { names: names(x.neverWindow) }));
    if (x.crossesMidnight.length > 0)
      parts.push(t('crossesMidnight', { places: x.crossesMidnight.join(', ') }));
    if (x.clockChange.length > 0)
      parts.push(t('clockChange', { places: x.clockChange.join(', ') }));
    if (x.noZone.names.length > 0) parts.push(t('noZone', { names: names(x.noZone) }));
    return parts.join('; ');
  };
}
