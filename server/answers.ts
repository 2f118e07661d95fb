import 'server-only';
import type { InvitationRecord, Store, Tx } from '@/db/store';
import { feedTokenOf, hashSecret, newSecret } from '@/db/tokens';
import { answersRefused } from '@/lib/poll/model';
import { invitationNamedIn, prepareVote, type PreparedVote } from '@/lib/poll/vote-input';
import { isEditor, type EditorCredential } from '@/server/access';
import type { Context, MailRequest } from '@/server/context';
import { syncAllAnswered, syncAutoReminders } from '@/server/mail/invitation-mail';
import { wakeMailSender } from '@/server/mail/mail-sender';
import { queueDigest, queueEditLink } from '@/server/mail/poll-mail';
import { organiserWrite } from '@/server/organiser-write';
import { refuse, writeBudgetProblem, type Outcome, type Problem } from '@/server/problem';

export interface AnswerInput {
  pollId: string;
  /** Present when the person changes their own answer. */
  editor: EditorCredential | null;
  /** The answer as sent, validated here. */
  answer: unknown;
  /**
   * The token of the guest's personal link the answer came from, if any (a page's path); an
   * API client names it in the answer's `invitation` field instead.
   */
  invitation?: string | null;
}

export type AnswerOutcome = Outcome<{
  participantId: string;
  /** The new answer's edit token, shown once; null when the submission key repeated one. */
  editToken: string | null;
}>;

/**
 * A new answer, or a change of one's own (with the edit token). Everything from the token
 * check to the write runs in one transaction under the poll's lock, so an answer never
 * lands on a closed poll, on another poll's option, or past an option's limit of yes
 * answers (first come, first served).
 */
export async function submitAnswer(input: AnswerInput, context: Context): Promise<AnswerOutcome> {
  const { store, now, mail } = context;
  const { pollId, editor } = input;
  const outcome = await store.transaction(async (tx): Promise<AnswerOutcome> => {
    await store.lockPoll(tx, pollId);
    if (editor && !(await isEditor(store, tx, pollId, editor))) return refuse({ code: 'notFound' });
    const budget = writeBudgetProblem(context.writeRefusedFor);
    if (budget) return refuse(budget);
    const optionIds = await store.getOptionIds(tx, pollId);
    if (!optionIds) return refuse({ code: 'notFound' });
    // A wrong personal link is a missing poll, as every wrong token is.
    const token = input.invitation || invitationNamedIn(input.answer);
    const invitation = token ? await store.findInvitation(tx, pollId, hashSecret(token)) : null;
    if (token && !invitation) return refuse({ code: 'notFound' });
    const prepared = prepareVote(input.answer, optionIds);
    if (!prepared.ok) return refuse({ code: 'invalid', fieldErrors: prepared.fieldErrors });
    // With mail off an address is not kept: nothing would ever be sent to it. A guest who
    // gives none is written to at the address they were invited at.
    const vote = {
      ...prepared.value,
      email: mail ? (prepared.value.email ?? invitation?.email ?? null) : null,
    };
    if (editor) {
      const refused = await refusal(store, tx, pollId, editor.participantId, vote, now);
      if (refused) return refuse(refused);
      await store.replaceAnswer(
        tx,
        pollId,
        editor.participantId,
        { ...vote, feedTokenHash: hashSecret(feedTokenOf(editor.editToken)) },
        now,
      );
      await answeredInvitation(store, tx, mail, invitation, editor.participantId, pollId, now);
      if (mail)
        await queueDigest(store, tx, mail, pollId, { kind: 'change', name: vote.name }, now);
      return { ok: true, participantId: editor.participantId, editToken: editor.editToken };
    }
    // A repeated submission key is the same answer sent twice: the first one stands, and its
    // token cannot be shown again (only its hash was kept).
    if (vote.submissionKey) {
      const existing = await store.findParticipantBySubmissionKey(tx, pollId, vote.submissionKey);
      if (existing) return { ok: true, participantId: existing, editToken: null };
    }
    const refused = await refusal(store, tx, pollId, null, vote, now);
    if (refused) return refuse(refused);
    const editToken = newSecret();
    const participantId = await store.insertAnswer(
      tx,
      pollId,
      {
        ...vote,
        editTokenHash: hashSecret(editToken),
        feedTokenHash: hashSecret(feedTokenOf(editToken)),
        locale: mail?.locale ?? 'en',
      },
      now,
    );
    await answeredInvitation(store, tx, mail, invitation, participantId, pollId, now);
    if (mail) await queueDigest(store, tx, mail, pollId, { kind: 'answer', name: vote.name }, now);
    if (mail && vote.email)
      await queueEditLink(
        store,
        tx,
        mail,
        { pollId, participantId, editToken, name: vote.name, to: vote.email },
        now,
      );
    return { ok: true, participantId, editToken };
  });
  if (outcome.ok && mail) wakeMailSender();
  return outcome;
}

/**
 * An answer from a guest's personal link marks their invitation answered (the first answer
 * stands), which drops their automatic reminder and may release the organiser's note that
 * everyone answered.
 */
async function answeredInvitation(
  store: Store,
  tx: Tx,
  mail: MailRequest | null,
  invitation: InvitationRecord | null,
  participantId: string,
  pollId: string,
  now: number,
): Promise<void> {
  if (!invitation || invitation.participantId !== null) return;
  await store.linkInvitation(tx, invitation.id, participantId);
  await settleInvitations(store, tx, mail, pollId, now);
}

/** After who answered changed: the automatic reminders and the note that everyone answered follow. */
async function settleInvitations(
  store: Store,
  tx: Tx,
  mail: MailRequest | null,
  pollId: string,
  now: number,
): Promise<void> {
  if (!mail) return;
  await syncAutoReminders(store, tx, mail, pollId, now);
  await syncAllAnswered(store, tx, pollId, now);
}

/**
 * The checks that must see the same data as the write: the poll takes answers now, and no
 * option goes past its limit of yes answers (the participant's own earlier yes aside).
 */
async function refusal(
  store: Store,
  tx: Tx,
  pollId: string,
  participantId: string | null,
  vote: PreparedVote,
  now: number,
): Promise<Problem | null> {
  const rules = await store.getAnswerRules(tx, pollId);
  if (!rules) return { code: 'notFound' };
  const refused = answersRefused(rules, now);
  if (refused) return { code: refused };
  if (rules.optionLimit === null) return null;
  for (const v of vote.votes) {
    if (v.value !== 'yes') continue;
    if ((await store.countYes(tx, v.optionId, participantId)) >= rules.optionLimit)
      return { code: 'optionFull', optionId: v.optionId };
  }
  return null;
}

export interface RemoveAnswerInput {
  pollId: string;
  adminToken: string;
  participantId: string;
}

/** The organiser removes someone's answer; a guest who gave it counts as not answered again. */
export function removeAnswer(input: RemoveAnswerInput, context: Context): Promise<Outcome> {
  const { store, now, mail } = context;
  return organiserWrite(input, context, async (tx) => {
    if (!(await store.deleteParticipant(tx, input.pollId, input.participantId, now)))
      return refuse({ code: 'participantNotFound' });
    await settleInvitations(store, tx, mail, input.pollId, now);
    return { ok: true };
  });
}
