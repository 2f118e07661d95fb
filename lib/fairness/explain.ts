import { IF_NEED_BE_PAIN, NIGHT_PAIN } from '@/lib/fairness/curve';
import type {
  ComfortBand,
  LocalInterval,
  ParticipantScore,
  PersonRef,
  SlotExplanation,
  Vote,
  WorstFact,
} from '@/lib/fairness/model';
import type { NormalSlot } from '@/lib/fairness/slot';
import { formatUtcOffset } from '@/lib/time/time-zone';

/** The explanation of a ranked slot (fairness.md §6): its facts, and their English rendering. */

/**
 * The facts of fairness.md §6 for one slot, from every participant's row; `worst` is the row
 * index of the worst-off attendee (−1 when nobody attends) and `worstPain` their pain.
 */
export function explainSlot(
  slot: NormalSlot,
  rows: readonly ParticipantScore[],
  worst: number,
  worstPain: number,
): SlotExplanation {
  const attendees = rows.filter((r) => r.pain !== null);
  const ref = (r: ParticipantScore): PersonRef => ({ id: r.id, name: r.name });
  const places = (keep: (r: ParticipantScore) => boolean) => [
    ...new Set(attendees.filter((r) => r.local !== null && keep(r)).map((r) => r.place as string)),
  ];
  const count = (vote: Vote | null) => rows.filter((r) => r.effectiveVote === vote).length;
  const yes = count('yes');
  const canAttend = attendees.length;
  const no = count('no');
  return {
    slot: slot.allDay
      ? { kind: 'all-day', date: slot.date as string }
      : { kind: 'timed', startMs: slot.startMs, endMs: slot.endMs },
    attendance: {
      canAttend,
      participants: rows.length,
      yes,
      ifNeedBe: canAttend - yes,
      no,
      noVote: rows.length - canAttend - no,
    },
    worst: worstFact(slot, rows[worst], worstPain),
    outsideWorkingHours: slot.allDay ? 0 : attendees.filter((r) => (r.timePain ?? 0) > 0).length,
    night: attendees.filter((r) => (r.pain as number) >= NIGHT_PAIN).map(ref),
    neverWindow: rows
      .filter((r) => r.never === 'counted-as-no')
      .map((r) => ({
        participant: ref(r),
        vote: r.vote === 'ifneedbe' ? ('ifneedbe' as const) : ('yes' as const),
        localTime: (r.local as LocalInterval).localStart.slice(11),
        place: r.place as string,
      })),
    neverOverridden: rows.filter((r) => r.never === 'overridden').map(ref),
    crossesMidnight: places((r) => (r.local as LocalInterval).crossesMidnight),
    clockChange: places((r) => (r.local as LocalInterval).clockChange),
    noZone: slot.allDay
      ? []
      : attendees.filter((r) => r.zoneStatus === 'unknown' || r.zoneStatus === 'invalid').map(ref),
    fixedOffset: slot.allDay ? [] : attendees.filter((r) => r.zoneStatus === 'fixed').map(ref),
    wallTime: slot.wallTime,
  };
}

function worstFact(slot: NormalSlot, row: ParticipantScore | undefined, pain: number): WorstFact {
  if (slot.allDay) return { kind: 'all-day' };
  if (!row) return { kind: 'nobody-attends' };
  if (pain <= 0) return { kind: 'no-pain' };
  const participant = { id: row.id, name: row.name };
  const fromVote =
    row.effectiveVote === 'ifneedbe' &&
    IF_NEED_BE_PAIN > (row.timePain ?? 0) &&
    pain === IF_NEED_BE_PAIN;
  if (fromVote || !row.local || row.band === null) {
    return {
      kind: 'vote',
      participant,
      place: row.place,
      localTime: row.local ? row.local.localStart.slice(11) : null,
      pain,
    };
  }
  return {
    kind: 'local-time',
    participant,
    place: row.place as string,
    interval: row.local,
    band: row.band,
    pain,
    ...(row.fromWorkingHours ? { fromWorkingHours: true as const } : {}),
  };
}

const BAND_LABEL: Record<ComfortBand, string> = {
  comfortable: 'comfortable',
  edge: 'edge of day',
  'early-late': 'early/late',
  antisocial: 'antisocial',
  night: 'night',
};

/**
 * Milli-pain as "0.33": two decimals, half-up on the integer, so 175 reads 0.18 in every
 * language. Every place that shows a pain calls this: rounding the fraction in floating point
 * shows 0.17, because 0.175 is stored as 0.17499….
 */
export function formatPain(pain: number): string {
  const hundredths = Math.floor((pain + 5) / 10);
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

function names(people: readonly PersonRef[]): string {
  return people.map((p) => p.name).join(', ');
}

/** The English rendering of §6; other languages render the same facts through the catalogue. */
export function renderSummary(x: SlotExplanation): string {
  const a = x.attendance;
  let counts = `${a.yes} yes, ${a.ifNeedBe} if-need-be`;
  if (a.no > 0) counts += `, ${a.no} no`;
  if (a.noVote > 0) counts += `, ${a.noVote} no vote`;
  const parts = [`${a.canAttend}/${a.participants} can attend (${counts})`];
  const w = x.worst;
  if (w.kind === 'all-day') parts.push('all-day option: local time-of-day not scored');
  else if (w.kind === 'no-pain') parts.push('everyone within their working hours');
  else if (w.kind === 'vote') {
    const where =
      w.localTime !== null && w.place !== null ? ` at ${w.localTime} in ${w.place}` : '';
    parts.push(
      `worst: ${w.participant.name} voted if-need-be${where} (pain ${formatPain(w.pain)})`,
    );
  } else if (w.kind === 'local-time') {
    const i = w.interval;
    const shift = i.dayShift > 0 ? `(+${i.dayShift}d)` : '';
    parts.push(
      `worst: ${i.weekday} ${i.localStart.slice(11)}-${i.localEnd.slice(11)}${shift} in ${w.place} ` +
        `(${w.participant.name}, UTC${formatUtcOffset(i.offsetStartMin)}; ${BAND_LABEL[w.band]}, pain ${formatPain(w.pain)})`,
    );
  }
  if (x.outsideWorkingHours > 0)
    parts.push(`${x.outsideWorkingHours} of ${a.canAttend} outside their working hours`);
  if (x.night.length > 0) parts.push(`night for ${names(x.night)}`);
  for (const n of x.neverWindow)
    parts.push(`never-window: ${n.participant.name} (${n.localTime} ${n.place}) counted as no`);
  if (x.neverOverridden.length > 0)
    parts.push(`inside own never-window by choice: ${names(x.neverOverridden)}`);
  if (x.crossesMidnight.length > 0)
    parts.push(`crosses local midnight for ${x.crossesMidnight.join(', ')}`);
  if (x.clockChange.length > 0)
    parts.push(`clock change during the slot in ${x.clockChange.join(', ')}`);
  if (x.noZone.length > 0) parts.push(`no time zone for ${names(x.noZone)}: local time not scored`);
  if (x.fixedOffset.length > 0)
    parts.push(`fixed UTC offset (DST not modelled) for ${names(x.fixedOffset)}`);
  if (x.wallTime?.kind === 'gap')
    parts.push(
      `proposed wall time did not exist (clock change); moved forward to ${x.wallTime.movedTo}`,
    );
  if (x.wallTime?.kind === 'fold')
    parts.push('proposed wall time occurred twice (clock change); first occurrence used');
  return parts.join('; ');
}
