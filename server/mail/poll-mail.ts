import 'server-only';
import type { Store, Tx } from '@/db/store';
import type { PollRecord } from '@/lib/poll/model';
import type { MailRequest } from '@/server/context';
import { scheduledEvent } from '@/server/exports';
import { adminPath, editPath, feedUrl, pollPath } from '@/server/links';
import { newShortId } from '@/db/tokens';
import { digestDueAt, type DigestEntry } from '@/lib/mail/digest';
import {
  cancelledMails,
  deadlineMail,
  digestMail,
  editLinkMail,
  organiserCreatedMail,
  scheduledMails,
} from '@/server/mail/compose-mail';

/**
 * The mail each use case queues, inside its transaction: what is queued commits or rolls
 * back with the change. The sender (mail-sender.ts) delivers it after the commit.
 */

export async function queueOrganiserCreated(
  store: Store,
  tx: Tx,
  mail: MailRequest,
  input: { pollId: string; title: string; organiserName: string; to: string; adminToken: string },
  now: number,
): Promise<void> {
  await store.enqueueMail(
    tx,
    [
      organiserCreatedMail({
        pollId: input.pollId,
        title: input.title,
        organiserName: input.organiserName,
        to: input.to,
        locale: mail.locale,
        origin: mail.origin,
        pollUrl: `${mail.origin}${pollPath(input.pollId)}`,
        adminUrl: `${mail.origin}${adminPath(input.pollId, input.adminToken)}`,
      }),
    ],
    now,
  );
}

export async function queueEditLink(
  store: Store,
  tx: Tx,
  mail: MailRequest,
  input: { pollId: string; participantId: string; editToken: string; name: string; to: string },
  now: number,
): Promise<void> {
  const poll = await store.getPollWithVotes(tx, input.pollId);
  if (!poll) return;
  await store.enqueueMail(
    tx,
    [
      editLinkMail({
        pollId: input.pollId,
        participantId: input.participantId,
        title: poll.title,
        name: input.name,
        to: input.to,
        locale: mail.locale,
        origin: mail.origin,
        editUrl: `${mail.origin}${editPath(input.pollId, input.participantId, input.editToken)}`,
        feedUrl: feedUrl(mail.origin, input.editToken),
      }),
    ],
    now,
  );
}

/** `Kairos <k@example.org>` → `k@example.org`. */
function addressOf(from: string): string {
  return /<([^>]+)>/.exec(from)?.[1] ?? from;
}

async function invitationParties(store: Store, tx: Tx, mail: MailRequest, poll: PollRecord) {
  const recipients = await store.getMailRecipients(tx, poll.id);
  const organiserAddress = recipients.find((r) => r.role.kind === 'organiser')?.address;
  return {
    recipients,
    organiser: {
      name: poll.organiserName || 'Kairos',
      email: organiserAddress ?? addressOf(mail.from),
    },
  };
}

/**
 * After a change of the final choice: `before` and `after` are the poll on both sides of it.
 * Scheduled (first or again): a REQUEST to everyone; unscheduled: a CANCEL.
 */
export async function queueScheduleChange(
  store: Store,
  tx: Tx,
  mail: MailRequest,
  before: PollRecord,
  after: PollRecord,
  now: number,
): Promise<void> {
  const event = scheduledEvent(after, mail.origin);
  const previous = scheduledEvent(before, mail.origin);
  if (!event && !previous) return;
  const { recipients, organiser } = await invitationParties(store, tx, mail, after);
  if (recipients.length === 0) return;
  const mails = event
    ? scheduledMails({
        event,
        origin: mail.origin,
        organiser,
        organiserZone: after.timeZone,
        recipients,
        update: previous !== null,
      })
    : cancelledMails({
        event: { ...previous!, sequence: after.finalSequence, stampMs: now },
        origin: mail.origin,
        organiser,
        recipients,
      });
  await store.enqueueMail(tx, mails, now);
}

/** Before a scheduled poll is deleted: its recipients must be read while it still exists. */
export async function prepareDeletionCancel(
  store: Store,
  tx: Tx,
  mail: MailRequest,
  pollId: string,
  now: number,
): Promise<(() => Promise<void>) | null> {
  const poll = await store.getPollWithVotes(tx, pollId);
  const event = poll ? scheduledEvent(poll, mail.origin) : null;
  if (!poll || !event) return null;
  const { recipients, organiser } = await invitationParties(store, tx, mail, poll);
  if (recipients.length === 0) return null;
  const mails = cancelledMails({
    event: { ...event, sequence: poll.finalSequence + 1, stampMs: now },
    origin: mail.origin,
    organiser,
    recipients,
  });
  return () => store.enqueueMail(tx, mails, now);
}

/**
 * A participant answered, changed their answer or commented: the organiser hears of it in
 * their digest. The entry joins the poll's pending digest, rendered again; when a sender
 * already took that one (or there is none), a new digest opens, due one period from now.
 */
export async function queueDigest(
  store: Store,
  tx: Tx,
  mail: MailRequest,
  pollId: string,
  entry: DigestEntry,
  now: number,
): Promise<void> {
  const poll = await store.getPollWithVotes(tx, pollId);
  if (!poll) return;
  const recipients = await store.getMailRecipients(tx, pollId);
  const organiser = recipients.find((r) => r.role.kind === 'organiser');
  if (!organiser) return;
  const compose = (entries: DigestEntry[], key: string) =>
    digestMail({
      pollId,
      title: poll.title,
      organiser,
      entries,
      origin: mail.origin,
      pollUrl: `${mail.origin}${pollPath(pollId)}`,
      key,
    });
  const pending = await store.getPendingDigest(tx, pollId);
  if (pending) {
    const entries = [...pending.entries, entry];
    const again = compose(entries, pending.idempotencyKey);
    if (await store.updatePendingDigest(tx, pending.id, again, entries, now)) return;
  }
  await store.enqueueDigest(
    tx,
    compose([entry], `${pollId}.digest.${newShortId()}`),
    [entry],
    digestDueAt(now, mail.digestMinutes),
    now,
  );
}

/**
 * After any change of the poll's deadline or status: the note that the deadline passed is
 * queued, due at it, while the poll is open with a deadline ahead and the organiser gave an
 * address; a note that no longer holds (deadline moved or removed, poll closed, scheduled or
 * deleted) is dropped.
 */
export async function syncDeadlineNote(
  store: Store,
  tx: Tx,
  mail: MailRequest | null,
  pollId: string,
  now: number,
): Promise<void> {
  await store.dropQueuedMail(tx, pollId, 'deadline');
  if (!mail) return;
  const poll = await store.getPollWithVotes(tx, pollId);
  if (!poll || poll.status !== 'open' || poll.deadline === null || poll.deadline <= now) return;
  const organiser = (await store.getMailRecipients(tx, pollId)).find(
    (r) => r.role.kind === 'organiser',
  );
  if (!organiser) return;
  await store.enqueueMail(
    tx,
    [
      deadlineMail({
        pollId,
        title: poll.title,
        organiser,
        deadline: poll.deadline,
        origin: mail.origin,
        pollUrl: `${mail.origin}${pollPath(pollId)}`,
      }),
    ],
    now,
  );
}
