import { fromWorkingHours, personBand, timePain } from '@/lib/fairness/curve';
import { localise } from '@/lib/fairness/localise';
import type { ComfortBand, DailyWindow } from '@/lib/fairness/model';
import { timedSpans } from '@/lib/fairness/poll-slots';
import type { PollRecord } from '@/lib/poll/model';
import { placeName, resolveZone } from '@/lib/time/time-zone';

export interface GlanceCell {
  localStart: string;
  localEnd: string;
  band: ComfortBand;
}

/** One column of the table: a place, and whose day its bands are read against. */
export interface GlanceColumn {
  /** The IANA zone. Two columns share it when people there keep different working hours. */
  id: string;
  place: string;
  /** Unique among the columns: the zone, with the working hours when they apply. */
  key: string;
  /** Present when the bands come from these people's working hours, not the usual day. */
  workingHours?: DailyWindow;
  fromWorkingHours?: true;
  /** Names of the participants the column stands for (none for the organiser's or a guest zone). */
  people: string[];
}

export interface ZoneGlance {
  zones: GlanceColumn[];
  /** optionId → one cell per column, in `zones` order. */
  cells: Map<string, GlanceCell[]>;
  /**
   * optionId → the column of the place worst off at that option, by time pain (the first on a
   * tie); absent when every place is comfortable. The table shows it beside the option, so the
   * hardest hour is never the column scrolled out of sight.
   */
  worst: Map<string, number>;
}

/**
 * Every timed option at the local clock of each place that matters: the organiser's zone, the
 * places they said guests are in, and every participant's zone. Works before anyone answers.
 *
 * A participant's band here is the one the ranking shows for them (`personBand` of their time
 * pain under their own working hours), so a zone whose people keep different hours gets one
 * column per set of hours. A zone nobody has answered from is read against the usual day.
 */
export function glanceAtZones(poll: PollRecord): ZoneGlance {
  const ids = [
    ...new Set([poll.timeZone, ...poll.guestZones, ...poll.participants.map((p) => p.timeZone)]),
  ].filter((z) => resolveZone(z).status === 'iana');
  const columns = ids.flatMap((id) => columnsOf(poll, id));
  const spans = timedSpans(poll.options);
  const cells = new Map<string, GlanceCell[]>();
  const worst = new Map<string, number>();
  const worstPain = new Map<string, number>();
  if (columns.length === 0) return { zones: columns, cells, worst };
  for (const span of spans) cells.set(span.id, []);
  for (const id of ids) {
    const clock = resolveZone(id).zone;
    if (!clock) continue;
    const views = localise(clock, spans);
    columns.forEach((column, c) => {
      if (column.id !== id) return;
      views.forEach((view, i) => {
        const optionId = spans[i]?.id ?? '';
        const row = cells.get(optionId);
        if (!row) return;
        const pain = timePain(view.segments, column.workingHours);
        const band = personBand(pain);
        row[c] = { localStart: view.localStart, localEnd: view.localEnd, band };
        // Columns are visited left to right, so a strict > keeps the first on a tie.
        if (band !== 'comfortable' && pain > (worstPain.get(optionId) ?? -Infinity)) {
          worst.set(optionId, c);
          worstPain.set(optionId, pain);
        }
      });
    });
  }
  return { zones: columns, cells, worst };
}

/** The zone's columns: one per distinct working hours among its participants, else the usual day. */
function columnsOf(poll: PollRecord, id: string): GlanceColumn[] {
  const place = placeName(id);
  const byHours = new Map<string, GlanceColumn>();
  for (const p of poll.participants) {
    if (p.timeZone !== id) continue;
    const own = p.workingHours !== null && fromWorkingHours(p.workingHours);
    const hoursKey = own && p.workingHours ? `${p.workingHours.start}-${p.workingHours.end}` : '';
    let column = byHours.get(hoursKey);
    if (!column) {
      column = {
        id,
        place,
        key: hoursKey ? `${id} ${hoursKey}` : id,
        ...(own && p.workingHours
          ? { workingHours: p.workingHours, fromWorkingHours: true as const }
          : {}),
        people: [],
      };
      byHours.set(hoursKey, column);
    }
    column.people.push(p.name);
  }
  return byHours.size > 0 ? [...byHours.values()] : [{ id, place, key: id, people: [] }];
}
