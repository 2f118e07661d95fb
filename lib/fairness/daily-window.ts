import type { DailyWindow } from '@/lib/fairness/model';

/** Daily windows in local wall time ("HH:mm"–"HH:mm", may wrap midnight) and the never window (fairness.md §3.4). */

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;

/** Minutes of "HH:mm"; "24:00" only where `allow24` (as a window's end). */
export function minutesOf(hm: string, allow24: boolean): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hm);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59) return null;
  if (h === 24 && min === 0 && allow24) return 1440;
  return h > 23 ? null : h * 60 + min;
}

/** a mod n in [0, n). Floor division instead of `%`, which is a slow fmod on doubles. */
export function mod(a: number, n: number): number {
  return a - Math.floor(a / n) * n;
}

export interface NeverWindow {
  startMs: number;
  lengthMs: number;
}

export function neverWindowOf(window: DailyWindow | undefined): NeverWindow | null {
  if (!window) return null;
  const start = minutesOf(window.start, false);
  const end = minutesOf(window.end, true);
  if (start === null || end === null) return null;
  let length = mod(end - start, 1440);
  if (length === 0) {
    if (start !== 0 || end !== 1440) return null;
    length = 1440;
  }
  return { startMs: start * MINUTE, lengthMs: length * MINUTE };
}

/** Whether wall interval [a, b) meets a daily copy of the window; both are half-open. */
export function hitsNever(w: NeverWindow, a: number, b: number): boolean {
  const sinceOpen = mod(a - w.startMs, DAY);
  return sinceOpen < w.lengthMs || a - sinceOpen + DAY < b;
}

/** Whether wall segments [a, b) (as `localise` gives them) meet the daily window `never`. */
export function meetsNeverWindow(
  segments: readonly (readonly [number, number])[],
  never: DailyWindow,
): boolean {
  const window = neverWindowOf(never);
  return window !== null && segments.some(([a, b]) => hitsNever(window, a, b));
}
