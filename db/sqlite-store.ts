import 'server-only';
import { handleOn, openConnections, transactionsOn } from '@/db/client';
import {
  deleteComment,
  deleteParticipant,
  giveFeed,
  deletePoll,
  insertAnswer,
  insertComment,
  insertPoll,
  replaceAnswer,
  writePollStatus,
  updatePoll,
} from '@/db/mutations';
import { enqueueDigest, getPendingDigest, updatePendingDigest } from '@/db/digest';
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
} from '@/db/outbox';
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
} from '@/db/queries';
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
} from '@/db/invitations';
import { forgetWriteBuckets, lockWriteBucket, saveWriteBucket } from '@/db/write-budget';
import type { Reader, Store } from '@/db/store';

/** The better-sqlite3 driver of the store, on the database file `file`. */
export function openSqliteStore(file: string): Store {
  const { reader, writer } = openConnections(file);
  return Object.assign(handleOn<Store>(reader), {
    transaction: transactionsOn(writer),
    // BEGIN IMMEDIATE already serialises every writer on the file.
    lockPoll: async () => {},
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
