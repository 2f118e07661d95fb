/** A run of options that start on the same local date, for one date header over them. */
export interface DayGroup<T> {
  date: string;
  items: T[];
}

/**
 * Consecutive items that share a local date, in their order: a grid's day header spans the
 * options below it, and a phone list says the date once per day instead of once per option.
 * Only neighbours are merged, so an order the caller chose is never rearranged.
 */
export function groupByDay<T extends { localDate: string }>(items: readonly T[]): DayGroup<T>[] {
  const groups: DayGroup<T>[] = [];
  for (const item of items) {
    const last = groups.at(-1);
    if (last && last.date === item.localDate) last.items.push(item);
    else groups.push({ date: item.localDate, items: [item] });
  }
  return groups;
}
