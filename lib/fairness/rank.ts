import type { Zone } from 'luxon';
import {
  curveFor,
  fromWorkingHours,
  IF_NEED_BE_PAIN,
  NIGHT_PAIN,
  PAIN_STEP,
  peakPain,
  personBand,
  UNITS_PER_MS,
  type Curve,
} from '@/lib/fairness/curve';
import { hitsNever, mod, neverWindowOf, type NeverWindow } from '@/lib/fairness/daily-window';
import { explainSlot, renderSummary } from '@/lib/fairness/explain';
import {
  coverage,
  forEachSegment,
  localiseZone,
  localInterval,
  placeOf,
  type ZoneLocalisation,
} from '@/lib/fairness/localise';
import type {
  LocalInterval,
  Participant,
  ParticipantScore,
  RankedOption,
  RankKeys,
  SlotExplanation,
  Slot,
  Vote,
} from '@/lib/fairness/model';
import { normaliseSlot, type NormalSlot } from '@/lib/fairness/slot';
import { VOTE_VALUES } from '@/lib/poll/model';
import { resolveZone, type ResolvedZone } from '@/lib/time/time-zone';
import { coveringTimeline } from '@/lib/time/zone-timeline';

/**
 * The slot-fairness/1.0 ranking (docs/fairness.md §4–§5).
 *
 * Cost model: offsets come from a per-zone timeline probed once for all slots, the time pain
 * and never-window hit are computed once per (zone, personal window, slot), and what is left
 * for every participant × slot pair is integer arithmetic on typed arrays.
 */

const MINUTE = 60_000;

interface Person {
  source: Participant;
  name: string;
  zone: ResolvedZone;
  /** Index into the localisations; −1 when the zone is unknown or invalid. */
  localisation: number;
  /** Row of the cell table; row 0 (no pain, no never window) serves unknown zones. */
  cellRow: number;
  /**
   * overrideNever as one flag per slot, null when no slot can hit the never window. Each
   * participant's override record has its own shape, so reading it by key in the pair loop
   * would be a megamorphic look-up (~100 ns) for every never-window hit.
   */
  overrides: Uint8Array | null;
  /** The person's working hours change their curve (their band is not the usual day's). */
  fromWorkingHours: boolean;
}

interface Scoring {
  slots: NormalSlot[];
  people: Person[];
  localisations: ZoneLocalisation[];
  /**
   * One row per distinct (local clock, working hours, never window), one cell per slot: the
   * time pain h, or −1 − h when the slot hits the never window. Row-major: cells[row · slots + s].
   */
  cells: Int16Array;
}

function prepare(slotsIn: readonly Slot[], participants: readonly Participant[]): Scoring {
  const slots = slotsIn.map(normaliseSlot);
  const seen = new Set<string>();
  for (const s of slots) {
    if (seen.has(s.id)) throw new RangeError(`duplicate slot id ${s.id}`);
    seen.add(s.id);
  }
  const ranges = coverage(slots);
  const n = slots.length;

  // Zones whose offsets agree over the poll (Paris and Berlin, links such as Asia/Calcutta)
  // share one localisation, and so one row of pains.
  const byZone = new Map<string, number>();
  const bySignature = new Map<string, number>();
  const localisations: ZoneLocalisation[] = [];
  const localisationOf = (zoneId: string, zone: Zone): number => {
    const known = byZone.get(zoneId);
    if (known !== undefined) return known;
    const timeline = coveringTimeline(zone, ranges);
    const signature = `${timeline.at.join(',')}|${timeline.offset.join(',')}`;
    let index = bySignature.get(signature);
    if (index === undefined) {
      index = localisations.length;
      bySignature.set(signature, index);
      localisations.push(localiseZone(timeline, slots));
    }
    byZone.set(zoneId, index);
    return index;
  };

  const slotIndex = new Map(slots.map((slot, s) => [slot.id, s]));
  const painRows = new Map<string, Int16Array>();
  const neverRows = new Map<string, Uint8Array>();
  const cellRows = new Map<string, number>();
  const rows: { pains: Int16Array; hits: Uint8Array | undefined }[] = [
    { pains: new Int16Array(n), hits: undefined },
  ];
  const peakMemo = new Map<string, Int16Array>();

  /** The cell row of a (zone, working hours, never window) combination, built on first use. */
  const cellRowOf = (li: number, curve: Curve, never: NeverWindow | null): number => {
    const loc = localisations[li] as ZoneLocalisation;
    const painKey = `${li}|${curve.key}`;
    const neverKey = never ? `${li}|${never.startMs}|${never.lengthMs}` : '';
    const cellKey = `${painKey}|${neverKey}`;
    const known = cellRows.get(cellKey);
    if (known !== undefined) return known;
    let pains = painRows.get(painKey);
    if (!pains) {
      pains = timePainRow(loc, slots, curve, peakMemo);
      painRows.set(painKey, pains);
    }
    let hits = never ? neverRows.get(neverKey) : undefined;
    if (never && !hits) {
      hits = neverHitRow(loc, slots, never);
      neverRows.set(neverKey, hits);
    }
    cellRows.set(cellKey, rows.length);
    return rows.push({ pains, hits }) - 1;
  };

  // Most participants share their zone and windows with others: resolve each combination once.
  const profiles = new Map<
    string,
    Omit<Person, 'source' | 'name' | 'overrides'> & { hasNever: boolean }
  >();
  const people = participants.map((p): Person => {
    const zoneKey = p.zone ?? '\u0001';
    const profileKey =
      p.preferred || p.never
        ? `${zoneKey}\u0000${p.preferred?.start}-${p.preferred?.end}\u0000${p.never?.start}-${p.never?.end}`
        : zoneKey;
    let profile = profiles.get(profileKey);
    if (!profile) {
      const zone = resolveZone(p.zone);
      const never = neverWindowOf(p.never);
      if (zone.zone === null) {
        profile = {
          zone,
          localisation: -1,
          cellRow: 0,
          hasNever: false,
          fromWorkingHours: false,
        };
      } else {
        const li = localisationOf(zone.id, zone.zone);
        profile = {
          zone,
          localisation: li,
          cellRow: cellRowOf(li, curveFor(p.preferred), never),
          hasNever: never !== null,
          fromWorkingHours: fromWorkingHours(p.preferred),
        };
      }
      profiles.set(profileKey, profile);
    }
    return {
      source: p,
      name: p.name ?? p.id,
      zone: profile.zone,
      localisation: profile.localisation,
      cellRow: profile.cellRow,
      overrides: profile.hasNever ? overrideFlags(p, slotIndex) : null,
      fromWorkingHours: profile.fromWorkingHours,
    };
  });

  const cells = new Int16Array(rows.length * n);
  rows.forEach(({ pains, hits }, r) => {
    for (let s = 0; s < n; s++) {
      const h = pains[s] as number;
      cells[r * n + s] = hits?.[s] === 1 ? -1 - h : h;
    }
  });
  return { slots, people, localisations, cells };
}

function overrideFlags(p: Participant, slotIndex: ReadonlyMap<string, number>): Uint8Array | null {
  if (!p.overrideNever) return null;
  const flags = new Uint8Array(slotIndex.size);
  for (const [id, value] of Object.entries(p.overrideNever)) {
    const s = slotIndex.get(id);
    if (s !== undefined && value === true) flags[s] = 1;
  }
  return flags;
}

/**
 * h for every slot of one (zone, working hours) row. A slot without a clock change inside
 * depends only on its local start minute and duration, so a week of slots repeats the same
 * values: those are computed once per (curve, duration) in `memo`.
 */
function timePainRow(
  loc: ZoneLocalisation,
  slots: readonly NormalSlot[],
  curve: Curve,
  memo: Map<string, Int16Array>,
): Int16Array {
  const row = new Int16Array(slots.length);
  if (curve.max === 0) return row;
  // A local copy of the import, read once per slot (see tally).
  const modulo = mod;
  let memoDuration = -1;
  let byMinute: Int16Array = new Int16Array(0);
  slots.forEach((slot, s) => {
    if (slot.allDay) return;
    const startWall = slot.startMs + (loc.offsetStart[s] as number) * MINUTE;
    if (loc.firstInside[s] === loc.lastInside[s] && Number.isInteger(startWall / MINUTE)) {
      const durationMin = (slot.endMs - slot.startMs) / MINUTE;
      if (durationMin !== memoDuration) {
        const memoKey = `${curve.key}/${durationMin}`;
        byMinute = memo.get(memoKey) ?? Int16Array.from({ length: 1440 }, () => -1);
        memo.set(memoKey, byMinute);
        memoDuration = durationMin;
      }
      const minute = modulo(startWall / MINUTE, 1440);
      let h = byMinute[minute] as number;
      if (h < 0) {
        h = peakPain(
          curve,
          startWall * UNITS_PER_MS,
          (startWall + durationMin * MINUTE) * UNITS_PER_MS,
        );
        byMinute[minute] = h;
      }
      row[s] = h;
      return;
    }
    let peak = 0;
    forEachSegment(loc, slot, s, (a, b) => {
      peak = Math.max(peak, peakPain(curve, a * UNITS_PER_MS, b * UNITS_PER_MS));
    });
    row[s] = peak;
  });
  return row;
}

function neverHitRow(
  loc: ZoneLocalisation,
  slots: readonly NormalSlot[],
  never: NeverWindow,
): Uint8Array {
  const row = new Uint8Array(slots.length);
  // A local copy of the import, called once per slot (see tally).
  const meets = hitsNever;
  slots.forEach((slot, s) => {
    if (slot.allDay) return;
    let hit = false;
    if (loc.firstInside[s] === loc.lastInside[s]) {
      const off = (loc.offsetStart[s] as number) * MINUTE;
      hit = meets(never, slot.startMs + off, slot.endMs + off);
    } else {
      forEachSegment(loc, slot, s, (a, b) => {
        hit ||= meets(never, a, b);
      });
    }
    row[s] = hit ? 1 : 0;
  });
  return row;
}

interface Totals {
  attend: Int32Array;
  yes: Int32Array;
  night: Int32Array;
  total: Float64Array;
  /** −1 when nobody attends. */
  worst: Int32Array;
  worstWho: Int32Array;
}

/**
 * The participant × slot pass: one table look-up and integer arithmetic per pair. It runs
 * participant by participant because reading `votes[slotId]` dominates the cost, and one
 * participant's votes stay in cache while all slots are read.
 */
function tally(sc: Scoring): Totals {
  const n = sc.slots.length;
  const ids = sc.slots.map((slot) => slot.id);
  const t: Totals = {
    attend: new Int32Array(n),
    yes: new Int32Array(n),
    night: new Int32Array(n),
    total: new Float64Array(n),
    worst: new Int32Array(n).fill(-1),
    worstWho: new Int32Array(n).fill(-1),
  };
  const { attend, yes, night, total, worst, worstWho } = t;
  const { cells } = sc;
  // Transpiled to CommonJS (tsx, as the bench runs), an imported binding is read through a
  // module getter at every use: copied here, it costs nothing in the pair loop, which runs
  // for every participant × slot (measured: a quarter of rankOptions otherwise).
  const nightPain = NIGHT_PAIN;
  const ifNeedBePain = IF_NEED_BE_PAIN;
  // Participants are visited in id order, so among equal worst pains the smaller id is kept.
  const byId = sc.people
    .map((_, i) => i)
    .sort((a, b) => compareIds(sc.people[a]?.source.id, sc.people[b]?.source.id));

  for (const i of byId) {
    const person = sc.people[i] as Person;
    const votes = person.source.votes;
    const overrides = person.overrides;
    const base = person.cellRow * n;
    for (let s = 0; s < n; s++) {
      const vote = votes[ids[s] as string];
      if (vote !== 'yes' && vote !== 'ifneedbe') continue;
      let h = cells[base + s] as number;
      let floor = 0;
      if (h < 0) {
        if (overrides?.[s] !== 1) continue;
        h = -1 - h;
        floor = nightPain;
      }
      let p = vote === 'yes' || h > ifNeedBePain ? h : ifNeedBePain;
      if (p < floor) p = floor;
      attend[s] = (attend[s] as number) + 1;
      if (vote === 'yes') yes[s] = (yes[s] as number) + 1;
      if (p >= nightPain) night[s] = (night[s] as number) + 1;
      total[s] = (total[s] as number) + p;
      if (p > (worst[s] as number)) {
        worst[s] = p;
        worstWho[s] = i;
      }
    }
  }
  return t;
}

function compareIds(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  return (a ?? '') < (b ?? '') ? -1 : 1;
}

/**
 * Ranks the slots best first by K = (−attendees, #night, ceil(worst/50), total, worst, −#yes,
 * start, id). Pure: no clock, no environment. `explanation`, `summary` and `participants` are
 * computed on first access (a 1000 × 672 poll would otherwise build 672 000 rows nobody
 * reads); they read the inputs then, so do not mutate the inputs before reading them.
 */
export function rankOptions(input: {
  slots: readonly Slot[];
  participants: readonly Participant[];
}): RankedOption[] {
  const sc = prepare(input.slots, input.participants);
  const t = tally(sc);
  const keys = sc.slots.map((_, s): RankKeys => {
    const worstPain = Math.max(0, t.worst[s] as number);
    return {
      canAttend: t.attend[s] as number,
      night: t.night[s] as number,
      worstStep: Math.ceil(worstPain / PAIN_STEP),
      totalPain: t.total[s] as number,
      worstPain,
      yes: t.yes[s] as number,
    };
  });
  const order = sc.slots.map((_, s) => s).sort((a, b) => compareSlots(sc, keys, a, b));
  return order.map((s, position) => rankedOption(sc, t, keys[s] as RankKeys, s, position + 1));
}

function compareSlots(sc: Scoring, keys: readonly RankKeys[], a: number, b: number): number {
  const ka = keys[a] as RankKeys;
  const kb = keys[b] as RankKeys;
  const sa = sc.slots[a] as NormalSlot;
  const sb = sc.slots[b] as NormalSlot;
  return (
    kb.canAttend - ka.canAttend ||
    ka.night - kb.night ||
    ka.worstStep - kb.worstStep ||
    ka.totalPain - kb.totalPain ||
    ka.worstPain - kb.worstPain ||
    kb.yes - ka.yes ||
    sa.startMs - sb.startMs ||
    compareIds(sa.id, sb.id)
  );
}

function rankedOption(
  sc: Scoring,
  t: Totals,
  keys: RankKeys,
  s: number,
  rank: number,
): RankedOption {
  const slot = sc.slots[s] as NormalSlot;
  let rows: ParticipantScore[] | undefined;
  let explanation: SlotExplanation | undefined;
  let summary: string | undefined;
  const scored = () => (rows ??= scoreParticipants(sc, s));
  const explained = () =>
    (explanation ??= explainSlot(slot, scored(), t.worstWho[s] as number, t.worst[s] as number));
  return {
    id: slot.id,
    rank,
    keys,
    get explanation() {
      return explained();
    },
    get summary() {
      return (summary ??= renderSummary(explained()));
    },
    get participants() {
      return scored();
    },
  };
}

/** Every participant's view of slot s; the local interval and place are computed once per zone. */
function scoreParticipants(sc: Scoring, s: number): ParticipantScore[] {
  const slot = sc.slots[s] as NormalSlot;
  const perZone = new Map<string, { local: LocalInterval; place: string | null }>();
  return sc.people.map((person): ParticipantScore => {
    const raw = person.source.votes[slot.id];
    const vote: Vote | null = raw !== undefined && VOTE_VALUES.includes(raw) ? raw : null;
    const loc = slot.allDay ? undefined : sc.localisations[person.localisation];
    let view: { local: LocalInterval; place: string | null } | undefined;
    if (loc && person.zone.id !== null) {
      view = perZone.get(person.zone.id);
      if (!view) {
        const local = localInterval(loc, slot, s);
        view = { local, place: placeOf(person.zone, local.offsetStartMin) };
        perZone.set(person.zone.id, view);
      }
    }
    const cell = sc.cells[person.cellRow * sc.slots.length + s] as number;
    const hit = cell < 0;
    const timePain = slot.allDay ? 0 : view ? (hit ? -1 - cell : cell) : null;
    const attending = vote === 'yes' || vote === 'ifneedbe';
    const overridden = hit && attending && person.overrides?.[s] === 1;
    const never = hit && attending ? (overridden ? 'overridden' : 'counted-as-no') : 'clear';
    const effectiveVote = never === 'counted-as-no' ? 'no' : vote;
    let pain: number | null = null;
    if (effectiveVote === 'yes' || effectiveVote === 'ifneedbe') {
      const votePain = effectiveVote === 'ifneedbe' ? IF_NEED_BE_PAIN : 0;
      pain = Math.max(timePain ?? 0, votePain, overridden ? NIGHT_PAIN : 0);
    }
    return {
      id: person.source.id,
      name: person.name,
      zone: person.source.zone,
      zoneStatus: person.zone.status,
      place: view?.place ?? null,
      local: view?.local ?? null,
      vote,
      effectiveVote,
      never,
      timePain,
      pain,
      band: view && timePain !== null && !slot.allDay ? personBand(timePain, overridden) : null,
      fromWorkingHours: person.fromWorkingHours,
    };
  });
}
