import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { median } from './fairness';
import type { DailyWindow } from '@/lib/fairness/model';
import { weekHeatmap, type PlaceInput } from '@/lib/finder/heatmap';
import { suggestAlternatingPair } from '@/lib/finder/alternating-series';
import { suggestSlots } from '@/lib/finder/weekly-suggestions';

/**
 * The poll-creation heatmap: 7 days × 96 rows (15-minute steps) for 20 places, scored for a
 * one-hour meeting. The week is 19–25 October 2026: Europe (and the organiser, in Rome) falls
 * back on Sunday 25 October, so the organiser's day has repeated wall times and some places'
 * meetings hold a clock change. Figures are printed against their targets; nothing fails on time.
 */

const WARMUP_RUNS = 5;
const MEASURED_RUNS = 25;
const TARGET_MS = 20;
const ORGANISER = 'Europe/Rome';
const WEEK_START = '2026-10-19';

const ZONES = [
  'America/Los_Angeles',
  'America/Denver',
  'America/Chicago',
  'America/New_York',
  'America/Sao_Paulo',
  'America/Santiago',
  'Europe/London',
  'Europe/Paris',
  'Europe/Rome',
  'Europe/Kyiv',
  'Africa/Lagos',
  'Africa/Cairo',
  'Asia/Dubai',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Australia/Adelaide',
  'Australia/Sydney',
  'Pacific/Auckland',
];

const HOURS: readonly (DailyWindow | undefined)[] = [
  undefined,
  { start: '08:00', end: '16:00' },
  undefined,
  { start: '10:00', end: '18:30' },
];

export function buildBenchPlaces(): PlaceInput[] {
  return ZONES.map((zone, i) => {
    const workingHours = HOURS[i % HOURS.length];
    return { zone, headcount: 1 + (i % 3), ...(workingHours ? { workingHours } : {}) };
  });
}

function timeOnce(task: () => unknown): number {
  const t0 = performance.now();
  task();
  return performance.now() - t0;
}

function medianTime(task: () => unknown, warmup: number, measured: number): number {
  for (let i = 0; i < warmup; i++) task();
  return median(Array.from({ length: measured }, () => timeOnce(task)));
}

export function runHeatmapBench(): void {
  const places = buildBenchPlaces();
  const heatmap = () =>
    weekHeatmap({
      organiserZone: ORGANISER,
      places,
      weekStart: WEEK_START,
      stepMinutes: 15,
      durationMinutes: 60,
    });

  // The first call also fills the engine's pain tables and warms the JIT: what a page pays once.
  const coldMs = timeOnce(heatmap);
  const heatmapMs = medianTime(heatmap, WARMUP_RUNS, MEASURED_RUNS);
  const map = heatmap();
  const cells = map.cells.length * (map.cells[0]?.length ?? 0);

  const suggestMs = medianTime(
    () =>
      suggestSlots({
        organiserZone: ORGANISER,
        places,
        weekStart: WEEK_START,
        stepMinutes: 15,
        durationMinutes: 60,
        count: 5,
      }),
    2,
    5,
  );
  const pairMs = medianTime(
    () =>
      suggestAlternatingPair({
        places: places.slice(0, 6),
        anchorZone: 'America/Los_Angeles',
        durationMinutes: 60,
        horizonStart: '2026-01-05',
      }),
    1,
    3,
  );

  const verdict = (ok: boolean) => (ok ? 'ok' : 'ABOVE TARGET');
  console.log(
    `heatmap bench: ${map.days.length} days × ${map.rows.length} rows (${cells} cells) × ${places.length} places, ` +
      `week of ${WEEK_START} in ${ORGANISER}; median of ${MEASURED_RUNS} runs after ${WARMUP_RUNS} warm-up runs`,
  );
  console.log(
    `  weekHeatmap                        ${heatmapMs.toFixed(2)} ms   target ≤ ${TARGET_MS} ms   ${verdict(heatmapMs <= TARGET_MS)}`,
  );
  console.log(`  first call (tables, JIT)           ${coldMs.toFixed(2)} ms   (informational)`);
  console.log(
    `  suggestSlots, 5 of the week        ${suggestMs.toFixed(2)} ms   (${places.reduce((n, p) => n + (p.headcount ?? 1), 0)} people; informational)`,
  );
  console.log(
    `  suggestAlternatingPair             ${pairMs.toFixed(2)} ms   (6 places, 52 weeks, Mon–Fri hourly; informational)`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    runHeatmapBench();
  } catch (error: unknown) {
    console.error(error);
    process.exitCode = 1;
  }
}
