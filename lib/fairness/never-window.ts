import { meetsNeverWindow } from '@/lib/fairness/daily-window';
import { localise } from '@/lib/fairness/localise';
import type { DailyWindow } from '@/lib/fairness/model';
import { timedSpans } from '@/lib/fairness/poll-slots';
import type { PollRecord } from '@/lib/poll/model';
import { resolveZone } from '@/lib/time/time-zone';

/** The form's defaults: a working day, and "nobody at 2 a.m." unless the person says so. */
export const DEFAULT_WORKING_HOURS: DailyWindow = { start: '09:00', end: '17:00' };
export const DEFAULT_NEVER_WINDOW: DailyWindow = { start: '00:00', end: '06:00' };

/**
 * The timed options that fall inside `never` for someone in `zone`, with their local
 * interval, so the form can ask "count it anyway?" before the engine counts them as no.
 * It uses the engine's own localisation and never-window test, so the form and the ranking
 * can never disagree.
 */
export function neverWindowConflicts(
  options: PollRecord['options'],
  zone: string,
  never: DailyWindow | null,
): Map<string, { localStart: string; localEnd: string }> {
  const conflicts = new Map<string, { localStart: string; localEnd: string }>();
  const clock = resolveZone(zone).zone;
  const spans = timedSpans(options);
  if (!never || !clock || spans.length === 0) return conflicts;
  localise(clock, spans).forEach((view, i) => {
    const span = spans[i];
    if (span && meetsNeverWindow(view.segments, never)) {
      conflicts.set(span.id, { localStart: view.localStart, localEnd: view.localEnd });
    }
  });
  return conflicts;
}
