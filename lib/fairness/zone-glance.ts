import { comfortBand, timePain } from '@/lib/fairness/curve';
import { localise } from '@/lib/fairness/localise';
import type { ComfortBand } from '@/lib/fairness/model';
import { timedSpans } from '@/lib/fairness/poll-slots';
import type { PollRecord } from '@/lib/poll/model';
import { placeName, resolveZone } from '@/lib/time/time-zone';

export interface GlanceCell {
  localStart: string;
  localEnd: string;
  band: ComfortBand;
}

export interface ZoneGlance {
  zones: { id: string; place: string }[];
  /** optionId → one cell per zone, in `zones` order. */
  cells: Map<string, GlanceCell[]>;
}

/**
 * Every timed option at the local clock of each place that matters: the organiser's zone, the
 * places they said guests are in, and every participant's zone. Works before anyone answers.
 */
export function glanceAtZones(poll: PollRecord): ZoneGlance {
  const ids = [
    ...new Set([poll.timeZone, ...poll.guestZones, ...poll.participants.map((p) => p.timeZone)]),
  ].filter((z) => resolveZone(z).status === 'iana');
  const spans = timedSpans(poll.options);
  const cells = new Map<string, GlanceCell[]>();
  if (ids.length > 0) {
    for (const span of spans) cells.set(span.id, []);
    for (const id of ids) {
      const clock = resolveZone(id).zone;
      if (!clock) continue;
      localise(clock, spans).forEach((view, i) => {
        cells.get(spans[i]?.id ?? '')?.push({
          localStart: view.localStart,
          localEnd: view.localEnd,
          band: comfortBand(timePain(view.segments)),
        });
      });
    }
  }
  return { zones: ids.map((id) => ({ id, place: placeName(id) })), cells };
}
