/**
 * The organiser picks dates and start times; every pair is an option. Wall-time strings
 * stay strings here: turning them into instants needs the zone and happens in preparePoll.
 */
export const MAX_GENERATED = 500;

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isTimeOfDay(value: string): boolean {
  return TIME.test(value);
}

/** Sorted, duplicate-free "YYYY-MM-DDTHH:mm" wall times, minus the ones the organiser removed. */
export function generateWallTimes(
  dates: readonly string[],
  times: readonly string[],
  removed: ReadonlySet<string> = new Set(),
): string[] {
  const out = new Set<string>();
  for (const date of dates) {
    if (!DATE.test(date)) continue;
    for (const time of times) {
      if (!TIME.test(time)) continue;
      const wall = `${date}T${time}`;
      if (!removed.has(wall)) out.add(wall);
    }
  }
  return [...out].sort();
}

export function generateDates(
  dates: readonly string[],
  removed: ReadonlySet<string> = new Set(),
): string[] {
  return [...new Set(dates.filter((d) => DATE.test(d) && !removed.has(d)))].sort();
}
