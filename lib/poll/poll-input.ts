import { z } from 'zod';
import { canonicalZone } from '@/lib/places/zone-aliases';
import { optionalEmailSchema } from '@/lib/mail/address';
import { checkInvitees, inviteesSchema } from '@/lib/mail/invitees';
import { LIMITS } from '@/lib/poll/limits';
import type { PollKind } from '@/lib/poll/model';
import {
  addProblem,
  problemsFromZod,
  type FieldProblems,
  type Prepared,
} from '@/lib/poll/problems';
import type { Zone } from 'luxon';
import { formatWall, parseDate, parseWall, resolveZone } from '@/lib/time/time-zone';
import { wallInstant, type WallInstant } from '@/lib/time/wall-check';
import {
  HIDDEN_CONTROL,
  hasVisibleText,
  isCleanMultiLine,
  isCleanSingleLine,
} from '@/lib/poll/text-input';

// Zod 4 probes for `new Function` to compile faster parsers. The pages' CSP has no
// 'unsafe-eval', so in the browser that probe is blocked and reported as a violation on
// every page; this module is on every page that validates, and parses without it.
z.config({ jitless: true });

/** A real IANA Area/Location zone; abbreviations such as `IST` are refused (fairness.md §2.1). */
export const zoneSchema = z
  .string({ error: 'timeZone.required' })
  .trim()
  .min(1, 'timeZone.required')
  .max(64, 'timeZone.unknown')
  .refine((zone) => resolveZone(zone).status === 'iana', 'timeZone.unknown')
  .overwrite(canonicalZone);

/** The catalogue key for a real date outside LIMITS.firstYear–LIMITS.lastYear. */
export const YEAR_OUT_OF_RANGE = 'date.outOfRange';

function yearSupported(wallMs: number): boolean {
  const year = new Date(wallMs).getUTCFullYear();
  return year >= LIMITS.firstYear && year <= LIMITS.lastYear;
}

/**
 * The one reading of a typed wall time ("YYYY-MM-DDTHH:mm") or date ("YYYY-MM-DD") for every
 * field that takes one: it must exist on the calendar (no 30 February) and lie within the
 * supported years, so no stored value can later fail to display or export.
 */
export type CalendarRead = { ok: true; wallMs: number } | { ok: false; code: string };

export function readWall(text: string, malformed: string): CalendarRead {
  const wallMs = parseWall(text);
  if (wallMs === null) return { ok: false, code: malformed };
  return yearSupported(wallMs) ? { ok: true, wallMs } : { ok: false, code: YEAR_OUT_OF_RANGE };
}

export function readDate(text: string, malformed: string): CalendarRead {
  const wallMs = /^\d{4}-\d{2}-\d{2}$/.test(text) ? parseDate(text) : null;
  if (wallMs === null) return { ok: false, code: malformed };
  return yearSupported(wallMs) ? { ok: true, wallMs } : { ok: false, code: YEAR_OUT_OF_RANGE };
}

/** A zod check that reports the code `read` found (malformed, or out of range). */
const readable = (read: (text: string, malformed: string) => CalendarRead, malformed: string) =>
  z
    .string({ error: malformed })
    .max(32, malformed)
    .superRefine((text, ctx) => {
      const result = read(text, malformed);
      if (!result.ok) ctx.addIssue({ code: 'custom', message: result.code });
    });

const wallSchema = readable(readWall, 'options.malformedStart');
const dateSchema = readable(readDate, 'options.malformedDate');

/** One option as create and edit take it: a wall time (timed polls) or a date (all-day polls). */
export const optionSchema = z.union(
  [z.strictObject({ start: wallSchema }), z.strictObject({ date: dateSchema })],
  { error: 'options.malformedOption' },
);

/** Free text up to `max` characters, without hidden control characters. */
export const plainText = (max: number, code: string, { multiLine = false, missing = code } = {}) =>
  z
    .string({ error: missing })
    .trim()
    .max(max, code)
    .refine(multiLine ? isCleanMultiLine : isCleanSingleLine, HIDDEN_CONTROL);

const optionalText = (
  max: number,
  code: string,
  options: { multiLine?: boolean; missing?: string } = {},
) => plainText(max, code, options).optional().default('');

/** Shared by creation and editing: a poll's title, description and location read the same. */
export const titleSchema = z
  .string({ error: 'title.required' })
  .trim()
  .min(1, 'title.required')
  .max(LIMITS.title, 'title.tooLong')
  .refine(hasVisibleText, 'title.required')
  .refine(isCleanSingleLine, HIDDEN_CONTROL);
export const descriptionSchema = plainText(LIMITS.description, 'description.tooLong', {
  multiLine: true,
});
export const locationSchema = plainText(LIMITS.location, 'location.tooLong');

export const createPollSchema = z
  .object({
    title: titleSchema,
    description: descriptionSchema.optional().default(''),
    location: locationSchema.optional().default(''),
    organiserName: optionalText(LIMITS.name, 'organiserName.tooLong'),
    /** Where the admin link is mailed (when mail is on); never shown to anyone. */
    organiserEmail: optionalEmailSchema,
    /** Guests to mail a personal link (when mail is on); never shown to anyone but the organiser. */
    invitees: inviteesSchema.optional().default([]),
    timeZone: zoneSchema,
    kind: z.enum(['timed', 'allDay'], { error: 'kind.invalid' }),
    /** Where the organiser expects guests: their local times show before anyone answers. */
    guestZones: z
      .array(zoneSchema, { error: 'guestZones.invalid' })
      .max(LIMITS.guestZones, 'guestZones.tooMany')
      .optional()
      .default([]),
    durationMinutes: z
      .number({ error: 'durationMinutes.outOfRange' })
      .int('durationMinutes.outOfRange')
      .min(LIMITS.minDuration, 'durationMinutes.outOfRange')
      .max(LIMITS.maxDuration, 'durationMinutes.outOfRange')
      .optional(),
    options: z
      .array(optionSchema, { error: 'options.required' })
      .min(1, 'options.required')
      .max(LIMITS.options, 'options.tooMany'),
    /** The organiser confirms options in the past (refused otherwise: seldom meant). */
    allowPast: z
      .boolean({ error: 'allowPast.invalid' })
      .meta({ description: 'Confirms options in the past, which are refused without it.' })
      .optional()
      .default(false),
  })
  .strict();

export type CreatePollInput = z.input<typeof createPollSchema>;

export type PreparedOption =
  { kind: 'timed'; startsAt: number; durationMinutes: number } | { kind: 'allDay'; date: string };

export interface PreparedPoll {
  title: string;
  description: string;
  location: string;
  organiserName: string;
  organiserEmail: string | null;
  invitees: string[];
  timeZone: string;
  kind: PollKind;
  guestZones: string[];
  options: PreparedOption[];
  /** Options that needed a decision the organiser should hear about (a fold). */
  notices: FoldNotice[];
  allowPast: boolean;
}

export type OptionInput = { start: string } | { date: string };

/** A wall time that happens twice: which occurrence was used, and the request field it came in. */
export interface FoldNotice {
  field: string;
  wall: string;
  offsetUsed: string;
  offsetOther: string;
}

/**
 * The one conversion of a wall time to an instant for a write: a fold is noted in
 * `notices` (under `field`), a gap comes back for the caller to refuse in its own words.
 */
export function convertWall(
  zone: Zone,
  wallMs: number,
  field: string,
  notices: FoldNotice[],
): WallInstant {
  const result = wallInstant(zone, wallMs);
  if (result.status === 'fold')
    notices.push({
      field,
      wall: formatWall(wallMs).replace('T', ' '),
      offsetUsed: result.used,
      offsetOther: result.other,
    });
  return result;
}

/**
 * Wall times become instants in the zone (a wall time inside a spring-forward gap is a
 * problem naming the clock change, a fall-back one takes its first occurrence and is
 * noted); dates stay floating. Duplicates merge; the result is in time order.
 */
export function resolveOptions(
  input: readonly OptionInput[],
  {
    kind,
    zoneId,
    durationMinutes,
    problems,
    field = 'options',
  }: {
    kind: PollKind;
    zoneId: string;
    durationMinutes: number;
    problems: FieldProblems;
    /** The request field the options came in, which the problems name. */
    field?: string;
  },
): { options: PreparedOption[]; notices: FoldNotice[] } {
  const zone = resolveZone(zoneId).zone;
  const notices: FoldNotice[] = [];
  if (!zone) return { options: [], notices };
  if (kind === 'allDay') {
    const dates = new Set<string>();
    for (const option of input) {
      if (!('date' in option)) {
        addProblem(problems, field, { code: 'options.kindMismatch' });
        break;
      }
      dates.add(option.date);
    }
    return { options: [...dates].sort().map((date) => ({ kind: 'allDay', date })), notices };
  }
  const seen = new Set<number>();
  const options: PreparedOption[] = [];
  for (const option of input) {
    if (!('start' in option)) {
      addProblem(problems, field, { code: 'options.kindMismatch' });
      break;
    }
    const wall = readWall(option.start, 'options.malformedStart');
    if (!wall.ok) {
      addProblem(problems, field, { code: wall.code });
      continue;
    }
    const resolved = convertWall(zone, wall.wallMs, field, notices);
    if (resolved.status === 'gap') {
      const values = { wall: option.start.replace('T', ' '), zone: zoneId };
      addProblem(
        problems,
        field,
        resolved.wholeDay
          ? { code: 'options.dayMissing', values }
          : {
              code: 'options.nonexistent',
              values: { ...values, from: resolved.from, to: resolved.to },
            },
      );
      continue;
    }
    if (seen.has(resolved.utcMs)) continue;
    seen.add(resolved.utcMs);
    options.push({ kind: 'timed', startsAt: resolved.utcMs, durationMinutes });
  }
  options.sort((a, b) => (a.kind === 'timed' && b.kind === 'timed' ? a.startsAt - b.startsAt : 0));
  return { options, notices };
}

/**
 * Turns untrusted input into the poll to store: wall times become instants in the
 * organiser's zone (a wall time inside a spring-forward gap is refused, a fall-back one
 * takes its first occurrence), duplicates merge and options come out in time order.
 */
export function preparePoll(raw: unknown): Prepared<PreparedPoll> {
  const parsed = createPollSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, fieldErrors: problemsFromZod(parsed.error) };
  const input = parsed.data;
  const problems: FieldProblems = {};
  if (input.kind === 'timed' && input.durationMinutes === undefined) {
    addProblem(problems, 'durationMinutes', { code: 'durationMinutes.outOfRange' });
  }
  const { options, notices } = resolveOptions(input.options, {
    kind: input.kind,
    zoneId: input.timeZone,
    durationMinutes: input.durationMinutes ?? LIMITS.minDuration,
    problems,
  });
  const invitees = checkInvitees(input.invitees, new Set(), problems);

  if (Object.keys(problems).length > 0) return { ok: false, fieldErrors: problems };
  return {
    ok: true,
    value: {
      title: input.title,
      description: input.description,
      location: input.location,
      organiserName: input.organiserName,
      organiserEmail: input.organiserEmail,
      invitees,
      timeZone: input.timeZone,
      kind: input.kind,
      guestZones: [...new Set(input.guestZones)],
      options,
      notices,
      allowPast: input.allowPast,
    },
  };
}
