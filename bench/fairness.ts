import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { rankOptions } from '@/lib/fairness/rank';
import type { DailyWindow, Participant, Slot, Vote } from '@/lib/fairness/model';
import { offsetAt, resolveZone } from '@/lib/time/time-zone';

/**
 * Ranks a large poll: 1,000 participants × 672 slots (a week of 15-minute slots) across 40
 * IANA zones, and compares it with a bare loop over the same participant × slot pairs. The
 * week contains the EU spring-forward (Sun 29 Mar 2026), so transitions are found and
 * slots are split. Figures are printed against their targets; nothing fails on time.
 */

const PARTICIPANTS = 1000;
const SLOT_COUNT = 7 * 24 * 4;
const SLOT_MINUTES = 15;
const WEEK_START = Date.UTC(2026, 2, 23);
const WARMUP_RUNS = 5;
const MEASURED_RUNS = 15;
const TARGET_MS = 30;
const TARGET_RATIO = 3;

const ZONES = [
  'America/Los_Angeles',
  'America/Denver',
  'America/Phoenix',
  'America/Chicago',
  'America/New_York',
  'America/Toronto',
  'America/Mexico_City',
  'America/Bogota',
  'America/Sao_Paulo',
  'America/Santiago',
  'America/Argentina/Buenos_Aires',
  'America/St_Johns',
  'America/Havana',
  'Pacific/Honolulu',
  'Europe/London',
  'Europe/Dublin',
  'Europe/Lisbon',
  'Europe/Paris',
  'Europe/Berlin',
  'Europe/Madrid',
  'Europe/Rome',
  'Europe/Warsaw',
  'Europe/Kyiv',
  'Europe/Istanbul',
  'Africa/Lagos',
  'Africa/Cairo',
  'Africa/Casablanca',
  'Africa/Nairobi',
  'Asia/Dubai',
  'Asia/Tehran',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Asia/Dhaka',
  'Asia/Singapore',
  'Asia/Shanghai',
  'Asia/Tokyo',
  'Australia/Adelaide',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Pacific/Auckland',
];

const PREFERRED: readonly DailyWindow[] = [
  { start: '08:00', end: '16:00' },
  { start: '10:00', end: '18:30' },
  { start: '22:00', end: '06:00' },
];
const NEVER: readonly DailyWindow[] = [
  { start: '23:00', end: '07:00' },
  { start: '22:00', end: '08:00' },
  { start: '12:00', end: '13:00' },
];

/** mulberry32: a small seeded generator, so every run ranks the same poll. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function buildBenchPoll(seed = 20260323): { slots: Slot[]; participants: Participant[] } {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const slots: Slot[] = Array.from({ length: SLOT_COUNT }, (_, s) => ({
    id: `s${String(s).padStart(3, '0')}`,
    start: new Date(WEEK_START + s * SLOT_MINUTES * 60_000).toISOString(),
    durationMin: SLOT_MINUTES,
  }));
  const participants = Array.from({ length: PARTICIPANTS }, (_, i): Participant => {
    const votes: Record<string, Vote> = {};
    const overrideNever: Record<string, true> = {};
    for (const slot of slots) {
      const r = random();
      if (r < 0.5) votes[slot.id] = 'yes';
      else if (r < 0.7) votes[slot.id] = 'ifneedbe';
      else if (r < 0.9) votes[slot.id] = 'no';
      if (random() < 0.01) overrideNever[slot.id] = true;
    }
    return {
      id: `p${String(i).padStart(4, '0')}`,
      name: `Participant ${i}`,
      zone: ZONES[i % ZONES.length] as string,
      ...(random() < 0.1 ? { preferred: pick(PREFERRED) } : {}),
      ...(random() < 0.15 ? { never: pick(NEVER), overrideNever } : {}),
      votes,
    };
  });
  return { slots, participants };
}

/**
 * The floor any ranking of this poll must pay: read every participant's vote for every slot
 * (in the engine's order, participant by participant) and do one integer operation with a
 * precomputed offset.
 */
function bareLoop(
  slotIds: readonly string[],
  startMinutes: Int32Array,
  votes: readonly Record<string, Vote>[],
  zoneOf: Int32Array,
  offsets: Int32Array,
): number {
  let acc = 0;
  for (let i = 0; i < votes.length; i++) {
    const mine = votes[i] as Record<string, Vote>;
    const base = (zoneOf[i] as number) * slotIds.length;
    for (let s = 0; s < slotIds.length; s++) {
      const vote = mine[slotIds[s] as string];
      if (vote === 'yes' || vote === 'ifneedbe') {
        acc = (acc + (((startMinutes[s] as number) + (offsets[base + s] as number)) % 1440)) | 0;
      }
    }
  }
  return acc;
}

export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * Median time of each task. The tasks take turns within every round, so a burst of load on
 * this shared machine slows all of them alike and the ratio stays meaningful.
 */
function medianTimes(tasks: readonly (() => unknown)[]): number[] {
  const samples = tasks.map((): number[] => []);
  for (let round = 0; round < WARMUP_RUNS + MEASURED_RUNS; round++) {
    tasks.forEach((task, k) => {
      const t0 = performance.now();
      task();
      if (round >= WARMUP_RUNS) samples[k]?.push(performance.now() - t0);
    });
  }
  return samples.map(median);
}

export async function runFairnessBench(): Promise<void> {
  const poll = buildBenchPoll();
  const slotIds = poll.slots.map((s) => s.id);
  const startMinutes = Int32Array.from(slotIds, (_, s) => (s * SLOT_MINUTES) % 1440);
  const votes = poll.participants.map((p) => p.votes);
  const zoneOf = Int32Array.from(poll.participants, (_, i) => i % ZONES.length);
  const offsets = new Int32Array(SLOT_COUNT * ZONES.length);
  ZONES.forEach((id, z) => {
    const zone = resolveZone(id).zone;
    if (!zone) throw new Error(`bench zone ${id} does not resolve`);
    for (let s = 0; s < SLOT_COUNT; s++)
      offsets[z * SLOT_COUNT + s] = offsetAt(zone, WEEK_START + s * SLOT_MINUTES * 60_000);
  });

  const [rankMs = NaN, bareMs = NaN, pageMs = NaN] = medianTimes([
    () => rankOptions(poll),
    () => bareLoop(slotIds, startMinutes, votes, zoneOf, offsets),
    () =>
      rankOptions(poll)
        .slice(0, 10)
        .map((option) => option.summary),
  ]);
  const ratio = rankMs / bareMs;
  const verdict = (ok: boolean) => (ok ? 'ok' : 'ABOVE TARGET');

  console.log(
    `fairness bench: ${PARTICIPANTS} participants × ${SLOT_COUNT} slots (${SLOT_MINUTES}-min slots covering a week), ` +
      `${ZONES.length} zones; node ${process.version}, tzdata ${process.versions.tz ?? 'unknown'}; ` +
      `median of ${MEASURED_RUNS} interleaved runs after ${WARMUP_RUNS} warm-up rounds`,
  );
  console.log(
    `  rankOptions                       ${rankMs.toFixed(2)} ms   target ≤ ${TARGET_MS} ms   ${verdict(rankMs <= TARGET_MS)}`,
  );
  console.log(`  bare loop (vote read + offset)    ${bareMs.toFixed(2)} ms`);
  console.log(
    `  ratio rank / bare loop            ${ratio.toFixed(2)}×      target ≤ ${TARGET_RATIO}×       ${verdict(ratio <= TARGET_RATIO)}`,
  );
  console.log(
    `  rank + summaries of the 10 best   ${pageMs.toFixed(2)} ms   (what a results page renders; informational)`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runFairnessBench().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
