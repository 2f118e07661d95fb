import { useMemo } from 'react';
import { useTranslations } from 'next-intl';
import type { RankedOptionView } from '@/lib/fairness/poll-ranking';
import { unpackPoll, type PackedPoll } from '@/lib/poll/packed-poll';
import { describeOptions, type OptionView } from '@/lib/poll/option-view';
import { slotClockChanges } from '@/lib/time/slot-clock-changes';

/**
 * The poll as this viewer sees it: the options in their zone, locale and clock, the ranking's
 * tallies, and the clock changes that fall between the options.
 */
export function usePollViewModel({
  packed,
  ranking,
  zone,
  locale,
}: {
  packed: PackedPoll;
  ranking: readonly RankedOptionView[];
  /** The viewer's zone; null until the browser reports it. */
  zone: string | null;
  locale: string;
}) {
  const t = useTranslations('poll');
  const poll = useMemo(() => unpackPoll(packed), [packed]);
  const views: OptionView[] = useMemo(
    () =>
      describeOptions(
        poll.options,
        { viewerZone: zone, pollZone: poll.timeZone, locale },
        (organiser) =>
          t(organiser.otherDate ? 'organiserTimeOtherDate' : 'organiserTime', {
            place: organiser.place,
            time: organiser.timeRange,
            date: organiser.dateLabel,
          }),
      ),
    [poll.options, poll.timeZone, zone, locale, t],
  );
  // The engine's count, not the raw answers: a yes in a never window does not attend.
  const tallies = useMemo(() => new Map(ranking.map((r) => [r.id, r.tally])), [ranking]);
  const viewsById = useMemo(() => new Map(views.map((v) => [v.id, v])), [views]);
  const top = ranking[0];
  const best = new Set(top && top.keys.canAttend > 0 ? [top.id] : []);
  const finalView =
    poll.status === 'scheduled' && poll.finalOptionId
      ? viewsById.get(poll.finalOptionId)
      : undefined;
  const clockNotices = useMemo(
    () =>
      slotClockChanges({
        slots: poll.options.flatMap((o) =>
          o.startsAt !== null && o.durationMinutes !== null
            ? [{ startMs: o.startsAt, durationMinutes: o.durationMinutes }]
            : [],
        ),
        zones: [
          zone ?? poll.timeZone,
          poll.timeZone,
          ...poll.guestZones,
          ...poll.participants.map((p) => p.timeZone),
        ],
        referenceZone: zone ?? poll.timeZone,
      }),
    [poll.options, poll.timeZone, poll.guestZones, poll.participants, zone],
  );
  return { poll, views, viewsById, tallies, best, finalView, clockNotices };
}
