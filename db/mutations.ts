import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { options, participants, polls, votes } from '@/db/schema';
import { hashSecret, newPublicId, newSecret, newShortId, secretMatches } from '@/db/tokens';
import type { PreparedPoll } from '@/lib/poll-input';
import type { PreparedVote } from '@/lib/vote-input';

export function insertPoll(poll: PreparedPoll, now: number): { id: string; adminToken: string } {
  const id = newPublicId();
  const adminToken = newSecret();
  getDb().transaction((tx) => {
    tx.insert(polls)
      .values({
        id,
        adminTokenHash: hashSecret(adminToken),
        title: poll.title,
        description: poll.description,
        location: poll.location,
        organiserName: poll.organiserName,
        timeZone: poll.timeZone,
        kind: poll.kind,
        guestZones: poll.guestZones,
        status: 'open',
        createdAt: now,
        updatedAt: now,
      })
      .run();
    poll.options.forEach((option, position) => {
      tx.insert(options)
        .values(
          option.kind === 'timed'
            ? { id: newShortId(), pollId: id, startsAt: option.startsAt, durationMinutes: option.durationMinutes, position }
            : { id: newShortId(), pollId: id, date: option.date, position },
        )
        .run();
    });
  });
  return { id, adminToken };
}

function comfortColumns(vote: PreparedVote) {
  return {
    preferredStart: vote.workingHours?.start ?? null,
    preferredEnd: vote.workingHours?.end ?? null,
    neverStart: vote.neverWindow?.start ?? null,
    neverEnd: vote.neverWindow?.end ?? null,
  };
}

export type VoteWriteResult =
  | { ok: true; participantId: string; editToken: string | null }
  | { ok: false; reason: 'notFound' | 'closed' | 'unknownOption' };

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

function optionIdsOf(tx: Tx, pollId: string) {
  return new Set(
    tx.select({ id: options.id }).from(options).where(eq(options.pollId, pollId)).all().map((o) => o.id),
  );
}

/**
 * Stores a new answer. The poll's state and its options are re-read inside the
 * transaction, so an answer can never land on a closed poll or on another poll's option.
 * A repeated submission key returns the first participant without a second row (and
 * without a token: only its hash was kept).
 */
export function insertParticipant(pollId: string, vote: PreparedVote, now: number): VoteWriteResult {
  return getDb().transaction((tx): VoteWriteResult => {
    const poll = tx.select({ status: polls.status }).from(polls).where(eq(polls.id, pollId)).get();
    if (!poll) return { ok: false, reason: 'notFound' };
    if (poll.status !== 'open') return { ok: false, reason: 'closed' };
    if (vote.submissionKey) {
      const existing = tx
        .select({ id: participants.id })
        .from(participants)
        .where(and(eq(participants.pollId, pollId), eq(participants.submissionKey, vote.submissionKey)))
        .get();
      if (existing) return { ok: true, participantId: existing.id, editToken: null };
    }
    const known = optionIdsOf(tx, pollId);
    if (vote.votes.some((v) => !known.has(v.optionId))) return { ok: false, reason: 'unknownOption' };
    const participantId = newShortId();
    const editToken = newSecret();
    tx.insert(participants)
      .values({
        id: participantId,
        pollId,
        name: vote.name,
        timeZone: vote.timeZone,
        ...comfortColumns(vote),
        editTokenHash: hashSecret(editToken),
        submissionKey: vote.submissionKey ?? newShortId(),
        createdAt: now,
        updatedAt: now,
      })
      .run();
    if (vote.votes.length > 0) {
      tx.insert(votes)
        .values(vote.votes.map((v) => ({ participantId, optionId: v.optionId, value: v.value, overrideNever: v.overrideNever })))
        .run();
    }
    tx.update(polls).set({ updatedAt: now }).where(eq(polls.id, pollId)).run();
    return { ok: true, participantId, editToken };
  });
}

/** Replaces a participant's answer; a wrong token is indistinguishable from a missing one. */
export function updateParticipant(
  pollId: string,
  participantId: string,
  editToken: string,
  vote: PreparedVote,
  now: number,
): VoteWriteResult {
  return getDb().transaction((tx): VoteWriteResult => {
    const poll = tx.select({ status: polls.status }).from(polls).where(eq(polls.id, pollId)).get();
    const row = tx
      .select({ pollId: participants.pollId, hash: participants.editTokenHash })
      .from(participants)
      .where(eq(participants.id, participantId))
      .get();
    if (!poll || !row || row.pollId !== pollId || !secretMatches(editToken, row.hash)) {
      return { ok: false, reason: 'notFound' };
    }
    if (poll.status !== 'open') return { ok: false, reason: 'closed' };
    const known = optionIdsOf(tx, pollId);
    if (vote.votes.some((v) => !known.has(v.optionId))) return { ok: false, reason: 'unknownOption' };
    tx.update(participants)
      .set({ name: vote.name, timeZone: vote.timeZone, ...comfortColumns(vote), updatedAt: now })
      .where(eq(participants.id, participantId))
      .run();
    tx.delete(votes).where(eq(votes.participantId, participantId)).run();
    if (vote.votes.length > 0) {
      tx.insert(votes)
        .values(vote.votes.map((v) => ({ participantId, optionId: v.optionId, value: v.value, overrideNever: v.overrideNever })))
        .run();
    }
    tx.update(polls).set({ updatedAt: now }).where(eq(polls.id, pollId)).run();
    return { ok: true, participantId, editToken };
  });
}

export function deleteParticipant(pollId: string, participantId: string, now: number): boolean {
  return getDb().transaction((tx) => {
    const result = tx
      .delete(participants)
      .where(and(eq(participants.id, participantId), eq(participants.pollId, pollId)))
      .run();
    if (result.changes > 0) tx.update(polls).set({ updatedAt: now }).where(eq(polls.id, pollId)).run();
    return result.changes > 0;
  });
}

export function setPollStatus(pollId: string, status: 'open' | 'closed', now: number): boolean {
  const result = getDb()
    .update(polls)
    .set({ status, updatedAt: now })
    .where(eq(polls.id, pollId))
    .run();
  return result.changes > 0;
}

export function deletePoll(pollId: string): boolean {
  return getDb().delete(polls).where(eq(polls.id, pollId)).run().changes > 0;
}
