import { z } from 'zod';
import { canonicalZone } from '@/lib/places/zone-aliases';
import {
  descriptionSchema,
  locationSchema,
  optionSchema,
  convertWall,
  plainText,
  readDate,
  readWall,
  resolveOptions,
  titleSchema,
  zoneSchema,
  type FoldNotice,
  type OptionInput,
  type PreparedOption,
} from '@/lib/poll/poll-input';
import { LIMITS } from '@/lib/poll/limits';
import { addPastProblems } from '@/lib/poll/past-options';
import { checkInvitees, inviteesSchema } from '@/lib/mail/invitees';
import { PRIVACY_LEVELS, type PollRecord, type Privacy } from '@/lib/poll/model';
import {
  addProblem,
  problemsFromZod,
  type FieldProblems,
  type Prepared,
} from '@/lib/poll/problems';
import { hasVisibleText } from '@/lib/poll/text-input';
import { formatWall, resolveZone, wallAt } from '@/lib/time/time-zone';

const MAX_OPTION_LIMIT = 10_000;

/** Everything the organiser can change after creation; absent fields stay as they are. */
export const updatePollSchema = z
  .object({
    title: titleSchema,
    description: descriptionSchema,
    location: locationSchema,
    timeZone: zoneSchema,
    addOptions: z
      .array(optionSchema, { error: 'options.malformedOption' })
      .max(LIMITS.options, 'options.tooMany'),
    removeOptionIds: z
      .array(z.string().max(64), { error: 'options.unknownOption' })
      .max(LIMITS.options, 'options.tooMany'),
    /** An instant with its offset ("2026-10-20T12:00:00Z"), or a wall time in the poll's zone; null clears it. */
    deadline: z.string({ error: 'deadline.malformed' }).max(40, 'deadline.malformed').nullable(),
    optionLimit: z
      .number({ error: 'optionLimit.invalid' })
      .int('optionLimit.invalid')
      .min(1, 'optionLimit.invalid')
      .max(MAX_OPTION_LIMIT, 'optionLimit.invalid')
      .nullable(),
    privacy: z.enum(PRIVACY_LEVELS, { error: 'privacy.invalid' }),
    /** The organiser confirms added options in the past, as at creation. */
    allowPast: z
      .boolean({ error: 'allowPast.invalid' })
      .meta({ description: 'Confirms options in the past, which are refused without it.' }),
    /** More guests to invite by address (with mail on); those already invited are refused. */
    invitees: inviteesSchema,
  })
  .partial()
  .strict();

export type UpdatePollInput = z.input<typeof updatePollSchema>;

export interface PollUpdate {
  details: { title?: string; description?: string; location?: string; timeZone?: string };
  settings: { deadline?: number | null; optionLimit?: number | null; privacy?: Privacy };
  addOptions: PreparedOption[];
  removeOptionIds: string[];
  /** New guests' addresses, checked and folded (lib/mail/invitees.ts). */
  invitees: string[];
  /** When the zone changes before anyone answered, each option keeps its wall time in the new zone. */
  reanchored: { id: string; startsAt: number }[];
  notices: FoldNotice[];
}

const INSTANT = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * A deadline as an instant: ISO with offset, or a wall time in `zoneId` (gap refused, fold →
 * first). Its calendar date is read as every other date is: Date.parse alone would take
 * 30 February as 2 March.
 */
export function parseDeadline(
  text: string,
  zoneId: string,
  notices: FoldNotice[] = [],
): { ok: true; ms: number } | { ok: false; code: string } {
  const instant = INSTANT.exec(text);
  if (instant) {
    const date = readDate(instant[1] ?? '', 'deadline.malformed');
    if (!date.ok) return date;
    const ms = Date.parse(text);
    return Number.isNaN(ms) ? { ok: false, code: 'deadline.malformed' } : { ok: true, ms };
  }
  const wall = readWall(text, 'deadline.malformed');
  const zone = resolveZone(zoneId).zone;
  if (!wall.ok) return wall;
  if (!zone) return { ok: false, code: 'deadline.malformed' };
  const resolved = convertWall(zone, wall.wallMs, 'deadline', notices);
  return resolved.status === 'gap'
    ? { ok: false, code: 'deadline.nonexistent' }
    : { ok: true, ms: resolved.utcMs };
}

/**
 * Validates an organiser's change against the stored poll: answers to the options that stay
 * are never touched, a poll keeps at least one option, the zone is frozen once someone has
 * answered, a deadline lies in the future and a limit is not below what is already taken.
 */
export function preparePollUpdate(
  raw: unknown,
  poll: PollRecord,
  now: number,
  invited: ReadonlySet<string> = new Set(),
): Prepared<PollUpdate> {
  const parsed = updatePollSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, fieldErrors: problemsFromZod(parsed.error) };
  const input = parsed.data;
  const problems: FieldProblems = {};
  const known = new Set(poll.options.map((o) => o.id));
  const zoneId = input.timeZone ?? poll.timeZone;

  // A poll stored under an old name (Asia/Calcutta) is not moved by sending its current one.
  const zoneChanges =
    input.timeZone !== undefined && input.timeZone !== canonicalZone(poll.timeZone);
  if (zoneChanges && poll.participants.length > 0)
    addProblem(problems, 'timeZone', { code: 'timeZone.locked' });

  const removeOptionIds = [...new Set(input.removeOptionIds ?? [])];
  for (const id of removeOptionIds) {
    if (!known.has(id)) addProblem(problems, 'removeOptionIds', { code: 'options.unknownOption' });
  }
  const duration = poll.options.find((o) => o.durationMinutes !== null)?.durationMinutes ?? 60;
  const { options: added, notices } = resolveOptions((input.addOptions ?? []) as OptionInput[], {
    kind: poll.kind,
    zoneId,
    durationMinutes: duration,
    problems,
    field: 'addOptions',
  });
  const removed = new Set(removeOptionIds);
  const kept = poll.options.filter((o) => !removed.has(o.id));

  const reanchored: PollUpdate['reanchored'] = [];
  const oldZone = resolveZone(poll.timeZone).zone;
  const newZone = resolveZone(zoneId).zone;
  if (zoneChanges && oldZone && newZone) {
    for (const o of kept) {
      if (o.startsAt === null) continue;
      const resolved = convertWall(newZone, wallAt(oldZone, o.startsAt), 'timeZone', notices);
      if (resolved.status === 'gap') {
        addProblem(problems, 'timeZone', {
          code: 'timeZone.reanchorGap',
          values: { wall: formatWall(wallAt(oldZone, o.startsAt)).replace('T', ' ') },
        });
      } else reanchored.push({ id: o.id, startsAt: resolved.utcMs });
    }
  }
  // Where each kept option will be: two that land on one instant (both sides of a fall-back
  // hour keep one wall time) would be one option twice; the organiser must choose.
  const movedTo = new Map(reanchored.map((m) => [m.id, m.startsAt]));
  const keptAt = new Map<string, PollRecord['options'][number]>();
  for (const o of kept) {
    const startsAt = movedTo.get(o.id) ?? o.startsAt;
    const key = startsAt !== null ? String(startsAt) : (o.date ?? o.id);
    const other = keptAt.get(key);
    if (other?.startsAt != null && o.startsAt !== null && oldZone) {
      addProblem(problems, 'timeZone', {
        code: 'timeZone.reanchorCollision',
        values: {
          first: formatWall(wallAt(oldZone, other.startsAt)).replace('T', ' '),
          second: formatWall(wallAt(oldZone, o.startsAt)).replace('T', ' '),
          firstId: other.id,
          secondId: o.id,
        },
      });
    } else keptAt.set(key, o);
  }
  const addOptions = added.filter(
    (o) => !keptAt.has(o.kind === 'timed' ? String(o.startsAt) : o.date),
  );
  if (input.allowPast !== true)
    addPastProblems(problems, addOptions, { zoneId, nowMs: now, field: 'addOptions' });
  if (kept.length + addOptions.length === 0)
    addProblem(problems, 'removeOptionIds', { code: 'options.lastOption' });
  if (kept.length + addOptions.length > LIMITS.options)
    addProblem(problems, 'addOptions', { code: 'options.tooMany' });

  const settings: PollUpdate['settings'] = {};
  if (input.deadline !== undefined) {
    if (input.deadline === null) settings.deadline = null;
    else {
      const deadline = parseDeadline(input.deadline, zoneId, notices);
      if (!deadline.ok) addProblem(problems, 'deadline', { code: deadline.code });
      else if (deadline.ms <= now) addProblem(problems, 'deadline', { code: 'deadline.past' });
      else settings.deadline = deadline.ms;
    }
  }
  if (input.optionLimit !== undefined) {
    const taken = Math.max(
      0,
      ...kept.map((o) => poll.participants.filter((p) => p.votes[o.id] === 'yes').length),
    );
    if (input.optionLimit !== null && input.optionLimit < taken) {
      addProblem(problems, 'optionLimit', {
        code: 'optionLimit.belowCurrent',
        values: { current: taken },
      });
    } else settings.optionLimit = input.optionLimit;
  }
  if (input.privacy !== undefined) settings.privacy = input.privacy;
  const invitees = checkInvitees(input.invitees ?? [], invited, problems);

  if (Object.keys(problems).length > 0) return { ok: false, fieldErrors: problems };
  const details: PollUpdate['details'] = {};
  if (input.title !== undefined) details.title = input.title;
  if (input.description !== undefined) details.description = input.description;
  if (input.location !== undefined) details.location = input.location;
  if (zoneChanges) details.timeZone = zoneId;
  return {
    ok: true,
    value: { details, settings, addOptions, removeOptionIds, invitees, reanchored, notices },
  };
}

export const finaliseSchema = z.strictObject({
  /** The option to hold; null reopens the poll. */
  optionId: z.string({ error: 'finalOption.unknown' }).max(64).nullable(),
});

export const commentSchema = z.strictObject({
  author: plainText(LIMITS.name, 'name.tooLong', { missing: 'comment.authorRequired' }).refine(
    hasVisibleText,
    'comment.authorRequired',
  ),
  body: plainText(LIMITS.comment, 'comment.tooLong', {
    multiLine: true,
    missing: 'comment.bodyRequired',
  }).refine(hasVisibleText, 'comment.bodyRequired'),
});

export function prepareComment(raw: unknown): Prepared<z.output<typeof commentSchema>> {
  const parsed = commentSchema.safeParse(raw);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, fieldErrors: problemsFromZod(parsed.error) };
}
