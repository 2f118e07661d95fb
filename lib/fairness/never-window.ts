import { rankOptions } from '@/lib/fairness/rank';
import type { DailyWindow, Slot } from '@/lib/fairness/model';
import type { PollRecord } from '@/lib/poll/model';

/** The form's defaults: a working day, and "nobody at 2 a.m." unless the person says so. */
export const DEFAULT_WORKING_HOURS: DailyWindow = { start: '09:00', end: '17:00' };
export const DEFAULT_NEVER_WINDOW: DailyWindow = { start: '00:00', end: '06:00' };

/**
 * The timed options that fall inside `never` for someone in `zone`, with their local
 * interval, so the form can ask "count it anyway?" before the engine counts them as no.
 * It asks the engine itself, so the form and the ranking can never disagree.
 */
export function neverWindowConflicts(
  options: PollRecord['options'],
  zone: string,
  never: DailyWindow | null,
): Map<string, { localStart: string; localEnd: string }> {
  const conflicts = new Map<string, { localStart: string; localEnd: string }>();
  const slots: Slot[] = options.flatMap((o) =>
    o.startsAt !== null && o.durationMinutes !== null
      ? [{ id: o.id, start: new Date(o.startsAt).toISOString(), durationMin: o.durationMinutes }]
      : [],
  );
  if (!never || slots.length === 0) return conflicts;
  const votes = Object.fromEntries(slots.map((s) => [s.id, 'yes' as const]));
  for (const ranked of rankOptions({ slots, participants: [{ id: 'me', zone, never, votes }] })) {
    const me = ranked.participants[0];
    if (me?.never === 'counted-as-no' && me.local) {
      conflicts.set(ranked.id, { localStart: me.local.localStart, localEnd: me.local.localEnd });
    }
  }
  return conflicts;
}
