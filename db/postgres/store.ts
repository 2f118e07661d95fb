import 'server-only';
import { eq } from 'drizzle-orm';
import type { Postgres } from '@/db/postgres/client';
import { inTransaction, pgOf, poolHandle } from '@/db/postgres/handle';
import {
  deleteComment,
  deleteParticipant,
  giveFeed,
  deletePoll,
  insertAnswer,
  insertComment,
  insertPoll,
  replaceAnswer,
  updatePoll,
  writePollStatus,
} from '@/db/postgres/mutations';
import { enqueueDigest, getPendingDigest, updatePendingDigest } from '@/db/postgres/digest';
import {
  claimMail,
  dropQueuedMail,
  enqueueMail,
  getFailedMail,
  getMailRecipients,
  markMailFailed,
  markMailSent,
  stopMailTo,
  findUnsubscribe,
  forgetUnsubscribeTokens,
} from '@/db/postgres/outbox';
import {
  countYes,
  findFeed,
  findParticipantBySubmissionKey,
  getAdminTokenHash,
  getPollStamp,
  getAnswerRules,
  getEditTokenHash,
  getOptionIds,
  getPollWithVotes,
} from '@/db/postgres/queries';
import {
  addInvitationLinks,
  dropMailByKeys,
  findInvitation,
  getInvitations,
  getMailKeys,
  insertInvitations,
  linkInvitation,
  markInvitationsReminded,
  setMailDue,
} from '@/db/postgres/invitations';
import { polls } from '@/db/postgres/schema';
import { forgetWriteBuckets, lockWriteBucket, saveWriteBucket } from '@/db/postgres/write-budget';
import type { Reader, Store, Tx } from '@/db/store';

/**
 * The PostgreSQL driver of the store, on the pool `postgres` resolves to (opened, checked
 * and migrated by db/postgres/client.ts; the promise lets the store exist before the pool,
 * as the app asks for its store synchronously).
 *
 * Transactions are READ COMMITTED, one pooled client each. What SQLite's single writer gave
 * for free, the poll's row lock gives here: every use case that reads state it then writes
 * on (the yes count of a limited option, a submission key, the version counter) takes
 * lockPoll first, so writers to one poll run one after the other, and each sees what the
 * previous one committed. Writers to different polls run in parallel.
 */
export function openPostgresStore(postgres: () => Promise<Postgres>): Store {
  return Object.assign(poolHandle<Store>(postgres), {
    transaction: async <T>(fn: (tx: Tx) => Promise<T>) =>
      inTransaction(await postgres(), 'BEGIN', fn),
    lockPoll: async (tx: Tx, pollId: string) => {
      await (
        await pgOf(tx)
      )
        .select({ id: polls.id })
        .from(polls)
        .where(eq(polls.id, pollId))
        .for('update');
    },
    getPollWithVotes,
    getOptionIds,
    getAnswerRules,
    getAdminTokenHash,
    getPollStamp,
    getEditTokenHash,
    findParticipantBySubmissionKey,
    findFeed,
    countYes,
    insertPoll,
    insertAnswer,
    replaceAnswer,
    deleteParticipant,
    giveFeed,
    writePollStatus,
    updatePoll,
    insertComment,
    deleteComment,
    deletePoll,
    getMailRecipients,
    findUnsubscribe,
    forgetUnsubscribeTokens,
    stopMailTo,
    enqueueMail,
    dropQueuedMail,
    getPendingDigest,
    enqueueDigest,
    updatePendingDigest,
    claimMail,
    markMailSent,
    markMailFailed,
    getFailedMail,
    getInvitations,
    findInvitation,
    insertInvitations,
    addInvitationLinks,
    linkInvitation,
    markInvitationsReminded,
    getMailKeys,
    dropMailByKeys,
    setMailDue,
    lockWriteBucket,
    saveWriteBucket,
    forgetWriteBuckets,
  } satisfies Omit<Store, keyof Reader>);
}
