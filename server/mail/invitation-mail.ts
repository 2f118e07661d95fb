import 'server-only';
import type { InvitationLink, InvitationRecord, OutgoingMail, Store, Tx } from '@/db/store';
import { hashSecret, newSecret } from '@/db/tokens';
import {
  autoReminderDue,
  everyoneAnswered,
  isPending,
  remindableNow,
} from '@/lib/mail/invitation-rules';
import { formatInstantFor, type MailBlock } from '@/lib/mail/mail-layout';
import type { MailKind, MailRecipient } from '@/lib/mail/mail-message';
import type { PollRecord } from '@/lib/poll/model';
import type { MailRequest } from '@/server/context';
import { adminPath, invitePath } from '@/server/links';
import { greeting, message, outgoing, translator } from '@/server/mail/compose-mail';

/**
 * The guests' mail: the invitation with a personal link, the reminders (by the organiser's
 * button, and automatically 24 h before the deadline) and the organiser's note once everyone
 * invited has answered. Each mail carrying the personal link gets its own token (only its
 * hash is kept, in invitation_links), so a reminder can hold the link again.
 */

/** Never due: the note that everyone answered waits here until the last guest answers. */
const PARKED = 8_640_000_000_000_000;

function allAnsweredKey(pollId: string): string {
  return `${pollId}.allAnswered`;
}

type PollSummary = Pick<PollRecord, 'id' | 'title' | 'organiserName' | 'timeZone'>;

function guestMail(
  mail: MailRequest,
  poll: PollSummary,
  invitation: InvitationRecord,
  kind: Extract<MailKind, 'invitation' | 'invitationReminder' | 'autoReminder'>,
  key: string,
  deadline: number | null,
): { mail: OutgoingMail; link: InvitationLink } {
  const token = newSecret();
  const url = `${mail.origin}${invitePath(poll.id, token)}`;
  const { locale } = invitation;
  const t = translator(locale);
  const invitationText = kind === 'invitation';
  const blocks: MailBlock[] = [
    greeting(locale, ''),
    {
      kind: 'paragraph',
      text: invitationText
        ? t('invitation.intro', { title: poll.title })
        : t('reminder.intro', { title: poll.title }),
    },
  ];
  if (poll.organiserName)
    blocks.push({ kind: 'paragraph', text: t('invitation.from', { name: poll.organiserName }) });
  if (deadline !== null)
    blocks.push({
      kind: 'highlight',
      text: t('reminder.deadline', {
        when: formatInstantFor(deadline, poll.timeZone, locale),
        zone: poll.timeZone,
      }),
    });
  blocks.push(
    { kind: 'action', label: t('invitation.button'), url },
    { kind: 'paragraph', text: t('invitation.personal') },
  );
  const subject = invitationText
    ? t('invitation.subject', { title: poll.title })
    : t('reminder.subject', { title: poll.title });
  return {
    mail: outgoing(poll.id, kind, invitation.email, key, mail.origin, (unsubscribeUrl) =>
      message(locale, subject, blocks, unsubscribeUrl),
    ),
    link: { invitationId: invitation.id, tokenHash: hashSecret(token), mailKey: key },
  };
}

async function queueGuestMail(
  store: Store,
  tx: Tx,
  built: { mail: OutgoingMail; link: InvitationLink }[],
  now: number,
): Promise<void> {
  await store.addInvitationLinks(
    tx,
    built.map((b) => b.link),
    now,
  );
  await store.enqueueMail(
    tx,
    built.map((b) => b.mail),
    now,
  );
}

function organiserOf(recipients: MailRecipient[]): MailRecipient | undefined {
  return recipients.find((r) => r.role.kind === 'organiser');
}

/**
 * Invites the addresses (checked, and not yet invited): each gets its invitation mail in the
 * organiser's language. With an organiser's address, their note that everyone answered is
 * written now, while their admin token is at hand, and parked until it holds.
 */
export async function queueInvitations(
  store: Store,
  tx: Tx,
  mail: MailRequest,
  input: { poll: PollSummary; emails: string[]; adminToken: string },
  now: number,
): Promise<void> {
  const { poll } = input;
  const created = await store.insertInvitations(tx, poll.id, input.emails, mail.locale, now);
  if (created.length === 0) return;
  await queueGuestMail(
    store,
    tx,
    created.map((invitation) =>
      guestMail(mail, poll, invitation, 'invitation', `${poll.id}.invite.${invitation.id}`, null),
    ),
    now,
  );
  const organiser = organiserOf(await store.getMailRecipients(tx, poll.id));
  if (organiser) {
    const t = translator(organiser.locale);
    const note = outgoing(
      poll.id,
      'allAnswered',
      organiser.address,
      allAnsweredKey(poll.id),
      mail.origin,
      (unsubscribeUrl) =>
        message(
          organiser.locale,
          t('allAnswered.subject', { title: poll.title }),
          [
            greeting(organiser.locale, organiser.name),
            { kind: 'paragraph', text: t('allAnswered.intro', { title: poll.title }) },
            {
              kind: 'action',
              label: t('created.adminButton'),
              url: `${mail.origin}${adminPath(poll.id, input.adminToken)}`,
            },
          ],
          unsubscribeUrl,
        ),
    );
    await store.enqueueMail(tx, [{ ...note, dueAt: PARKED }], now);
  }
  await syncAllAnswered(store, tx, poll.id, now);
}

/** The organiser's button: one reminder to each pending guest not reminded in the last 24 h. */
export async function queueReminders(
  store: Store,
  tx: Tx,
  mail: MailRequest,
  poll: PollRecord,
  now: number,
): Promise<number> {
  const due = remindableNow(await store.getInvitations(tx, poll.id), now);
  if (due.length === 0) return 0;
  await queueGuestMail(
    store,
    tx,
    due.map((invitation) =>
      guestMail(
        mail,
        poll,
        invitation,
        'invitationReminder',
        `${poll.id}.remind.${invitation.id}.${now}`,
        poll.status === 'open' && poll.deadline !== null && poll.deadline > now
          ? poll.deadline
          : null,
      ),
    ),
    now,
  );
  await store.markInvitationsReminded(
    tx,
    poll.id,
    due.map((i) => i.id),
    now,
  );
  return due.length;
}

/**
 * After any change of the deadline, the status or who answered: each pending guest has one
 * automatic reminder queued, due 24 h before the deadline of the open poll; one that no longer
 * holds (the guest answered, the deadline moved or went, the poll closed or went) is dropped
 * before it leaves. With `mail` null (mail off, the poll deleted) every unsent one is dropped.
 */
export async function syncAutoReminders(
  store: Store,
  tx: Tx,
  mail: MailRequest | null,
  pollId: string,
  now: number,
): Promise<void> {
  const existing = await store.getMailKeys(tx, pollId, 'autoReminder');
  const poll = mail ? await store.getPollWithVotes(tx, pollId) : null;
  const due = poll ? autoReminderDue(poll, now) : null;
  const wanted = new Map<string, InvitationRecord>();
  if (poll && due !== null)
    for (const invitation of await store.getInvitations(tx, pollId))
      if (isPending(invitation))
        wanted.set(`${pollId}.auto.${invitation.id}.${poll.deadline}`, invitation);
  await store.dropMailByKeys(
    tx,
    existing.filter((k) => !k.sent && !wanted.has(k.key)).map((k) => k.key),
  );
  if (!mail || !poll || due === null) return;
  const known = new Set(existing.map((k) => k.key));
  const added = [...wanted].filter(([key]) => !known.has(key));
  await queueGuestMail(
    store,
    tx,
    added.map(([key, invitation]) => {
      const built = guestMail(mail, poll, invitation, 'autoReminder', key, poll.deadline);
      return { ...built, mail: { ...built.mail, dueAt: due } };
    }),
    now,
  );
}

/** The parked note that everyone answered leaves once it holds, and waits again if not. */
export async function syncAllAnswered(
  store: Store,
  tx: Tx,
  pollId: string,
  now: number,
): Promise<void> {
  const done = everyoneAnswered(await store.getInvitations(tx, pollId));
  await store.setMailDue(tx, allAnsweredKey(pollId), done ? now : PARKED);
}
