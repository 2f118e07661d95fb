import 'server-only';
import { z } from 'zod';
import { hashSecret, newSecret } from '@/db/tokens';
import type { PollRecord } from '@/lib/poll/model';
import { finaliseSchema, preparePollUpdate } from '@/lib/poll/poll-admin';
import { moveStatus, type StatusChange } from '@/lib/poll/poll-status';
import { preparePoll, type FoldNotice, type PreparedPoll } from '@/lib/poll/poll-input';
import { addPastProblems } from '@/lib/poll/past-options';
import { problemsFromZod, type FieldProblems } from '@/lib/poll/problems';
import type { Tx } from '@/db/store';
import type { Context } from '@/server/context';
import { organiserWrite } from '@/server/organiser-write';
import { wakeMailSender } from '@/server/mail/mail-sender';
import { queueInvitations, syncAutoReminders } from '@/server/mail/invitation-mail';
import {
  prepareDeletionCancel,
  queueOrganiserCreated,
  queueScheduleChange,
  syncDeadlineNote,
} from '@/server/mail/poll-mail';
import { refuse, writeBudgetProblem, type Outcome, type Payload } from '@/server/problem';

export type CreatePollOutcome = Outcome<{
  id: string;
  /** Shown once: only its hash is stored. */
  adminToken: string;
  notices: PreparedPoll['notices'];
}>;

/**
 * Anyone may create a poll; its admin token is the organiser's secret. With mail on and an
 * address given, the organiser is mailed both links (the admin link to them alone), and each
 * guest listed is mailed a personal link; with mail off no address is kept.
 */
export async function createPoll(payload: Payload, context: Context): Promise<CreatePollOutcome> {
  const budget = writeBudgetProblem(context.writeRefusedFor);
  if (budget) return refuse(budget);
  if (!payload.ok) return refuse({ code: 'malformed' });
  const prepared = preparePoll(payload.value);
  if (!prepared.ok) return refuse({ code: 'invalid', fieldErrors: prepared.fieldErrors });
  const { notices, allowPast, invitees, ...poll } = prepared.value;
  const { store, now, mail } = context;
  const past: FieldProblems = {};
  if (!allowPast)
    addPastProblems(past, poll.options, { zoneId: poll.timeZone, nowMs: now, field: 'options' });
  if (Object.keys(past).length > 0) return refuse({ code: 'invalid', fieldErrors: past });
  const organiserEmail = mail ? poll.organiserEmail : null;
  const adminToken = newSecret();
  const id = await store.transaction(async (tx) => {
    const id = await store.insertPoll(
      tx,
      {
        ...poll,
        organiserEmail,
        organiserLocale: mail?.locale ?? 'en',
        adminTokenHash: hashSecret(adminToken),
      },
      now,
    );
    if (mail && organiserEmail)
      await queueOrganiserCreated(
        store,
        tx,
        mail,
        {
          pollId: id,
          title: poll.title,
          organiserName: poll.organiserName,
          to: organiserEmail,
          adminToken,
        },
        now,
      );
    if (mail && invitees.length > 0)
      await queueInvitations(
        store,
        tx,
        mail,
        { poll: { ...poll, id }, emails: invitees, adminToken },
        now,
      );
    return id;
  });
  if (mail && (organiserEmail || invitees.length > 0)) wakeMailSender();
  return { ok: true, id, adminToken, notices };
}

interface OrganiserTarget {
  pollId: string;
  adminToken: string | null;
}

/**
 * Details, options, deadline, limit, privacy and more guests to invite (with mail on; with
 * it off their addresses are not kept); returns the poll as it now stands and the folds met.
 */
export async function editPoll(
  input: OrganiserTarget & { payload: Payload },
  context: Context,
): Promise<Outcome<{ poll: PollRecord; notices: FoldNotice[] }>> {
  const { store, now, mail } = context;
  const outcome = await organiserWrite(input, context, async (tx) => {
    if (!input.payload.ok) return refuse({ code: 'malformed' });
    const poll = await store.getPollWithVotes(tx, input.pollId);
    if (!poll) return refuse({ code: 'notFound' });
    const invited = new Set((await store.getInvitations(tx, input.pollId)).map((i) => i.email));
    const prepared = preparePollUpdate(input.payload.value, poll, now, invited);
    if (!prepared.ok) return refuse({ code: 'invalid', fieldErrors: prepared.fieldErrors });
    if (!(await store.updatePoll(tx, input.pollId, prepared.value, now)))
      return refuse({ code: 'notFound' });
    // Removing the chosen option unschedules the poll, as reopening it would.
    if (
      poll.finalOptionId !== null &&
      prepared.value.removeOptionIds.includes(poll.finalOptionId)
    ) {
      const moved = await changeStatus(tx, poll, { kind: 'reopen' }, context);
      if (!moved.ok) return moved;
    }
    const updated = await store.getPollWithVotes(tx, input.pollId);
    if (!updated) return refuse({ code: 'notFound' });
    if (mail && input.adminToken && prepared.value.invitees.length > 0)
      await queueInvitations(
        store,
        tx,
        mail,
        { poll: updated, emails: prepared.value.invitees, adminToken: input.adminToken },
        now,
      );
    await syncDeadlineNote(store, tx, mail, input.pollId, now);
    await syncAutoReminders(store, tx, mail, input.pollId, now);
    // Read again: inviting moved the version.
    const current = await store.getPollWithVotes(tx, input.pollId);
    return current
      ? { ok: true, poll: current, notices: prepared.value.notices }
      : refuse({ code: 'notFound' });
  });
  if (outcome.ok && mail) wakeMailSender();
  return outcome;
}

const statusSchema = z.enum(['open', 'closed']);

/** Closes the poll to answers, or opens it again. */
export function setPollStatus(
  input: OrganiserTarget & { status: unknown },
  context: Context,
): Promise<Outcome> {
  return organiserWrite(input, context, async (tx) => {
    const status = statusSchema.safeParse(input.status);
    if (!status.success) return refuse({ code: 'malformed' });
    const poll = await context.store.getPollWithVotes(tx, input.pollId);
    if (!poll) return refuse({ code: 'notFound' });
    const moved = await changeStatus(
      tx,
      poll,
      { kind: status.data === 'open' ? 'reopen' : 'close' },
      context,
    );
    if (moved.ok) {
      await syncDeadlineNote(context.store, tx, context.mail, input.pollId, context.now);
      await syncAutoReminders(context.store, tx, context.mail, input.pollId, context.now);
    }
    return moved;
  });
}

/**
 * Schedules the poll on one of its options (`{ optionId }`), or reopens it (`null`). Everyone
 * with an address is mailed the invitation, or its cancellation.
 */
export async function finalisePoll(
  input: OrganiserTarget & { payload: Payload },
  context: Context,
): Promise<Outcome<{ poll: PollRecord }>> {
  const { store, now, mail } = context;
  const outcome = await organiserWrite(input, context, async (tx) => {
    if (!input.payload.ok) return refuse({ code: 'malformed' });
    const parsed = finaliseSchema.safeParse(input.payload.value);
    if (!parsed.success)
      return refuse({ code: 'invalid', fieldErrors: problemsFromZod(parsed.error) });
    const { optionId } = parsed.data;
    const current = await store.getPollWithVotes(tx, input.pollId);
    if (!current) return refuse({ code: 'notFound' });
    if (optionId !== null && !current.options.some((o) => o.id === optionId))
      return refuse({ code: 'unknownFinalOption' });
    const change: StatusChange =
      optionId === null ? { kind: 'reopen' } : { kind: 'schedule', optionId };
    const moved = await changeStatus(tx, current, change, context);
    if (!moved.ok) return moved;
    const poll = await store.getPollWithVotes(tx, input.pollId);
    if (!poll) return refuse({ code: 'notFound' });
    if (mail) await queueScheduleChange(store, tx, mail, current, poll, now);
    await syncDeadlineNote(store, tx, mail, input.pollId, now);
    await syncAutoReminders(store, tx, mail, input.pollId, now);
    return { ok: true, poll };
  });
  if (outcome.ok && mail) wakeMailSender();
  return outcome;
}

/** The poll goes with its options, answers and comments; a scheduled one is cancelled by mail. */
export async function deletePoll(input: OrganiserTarget, context: Context): Promise<Outcome> {
  const { store, now, mail } = context;
  const outcome = await organiserWrite(input, context, async (tx): Promise<Outcome> => {
    const cancel = mail ? await prepareDeletionCancel(store, tx, mail, input.pollId, now) : null;
    if (!(await store.deletePoll(tx, input.pollId))) return refuse({ code: 'notFound' });
    await cancel?.();
    await syncDeadlineNote(store, tx, null, input.pollId, now);
    await syncAutoReminders(store, tx, null, input.pollId, now);
    await store.dropQueuedMail(tx, input.pollId, 'allAnswered');
    return { ok: true };
  });
  if (outcome.ok && mail) wakeMailSender();
  return outcome;
}

/** Every status change goes through lib/poll/poll-status.ts, which knows the allowed moves. */
async function changeStatus(
  tx: Tx,
  poll: PollRecord,
  change: StatusChange,
  context: Context,
): Promise<Outcome> {
  const move = moveStatus(poll, change);
  if (!move.ok) return refuse({ code: 'statusNotAllowed', reason: move.code });
  if (!(await context.store.writePollStatus(tx, poll.id, move, context.now)))
    return refuse({ code: 'notFound' });
  return { ok: true };
}
