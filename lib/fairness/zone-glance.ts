import { comfortBand } from '@/lib/fairness/curve';
import { rankOptions } from '@/lib/fairness/rank';
import type { ComfortBand, Slot } from '@/lib/fairness/model';
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
  const slots: Slot[] = poll.options.flatMap((o) =>
    o.startsAt !== null && o.durationMinutes !== null
      ? [{ id: o.id, start: new Date(o.startsAt).toISOString(), durationMin: o.durationMinutes }]
      : [],
  );
  const cells = new Map<string, GlanceCell[]>();
  if (slots.length > 0 && ids.length > 0) {
    // Each place as a participant who can come to everything: the engine localises once per zone.
    const votes = Object.fromEntries(slots.map((s) => [s.id, 'yes' as const]));
    const ranked = rankOptions({
      slots,
      participants: ids.map((zone, i) => ({ id: String(i), zone, votes })),
    });
    for (const option of ranked) {
      cells.set(
        option.id,
        option.participants.flatMap((p) =>
          p.local
            ? [
                {
                  localStart: p.local.localStart,
                  localEnd: p.local.localEnd,
                  band: comfortBand(p.timePain ?? 0),
                },
              ]
            : [],
        ),
      );
    }
  }
  return { zones: ids.map((id) => ({ id, place: placeName(id) })), cells };
}
