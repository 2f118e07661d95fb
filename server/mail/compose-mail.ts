import 'server-only';
import { createTranslator } from 'next-intl';
import type { OutgoingMail } from '@/db/store';
import { buildIcs, type CalendarEvent } from '@/lib/export/ics-export';
import { formattingLocale, type Locale } from '@/lib/i18n/locales';
import { summariseDigest, type DigestEntry } from '@/lib/mail/digest';
import { headerSafe } from '@/lib/mail/address';
import {
  formatDateFor,
  formatInstantFor,
  renderMail,
  type MailBlock,
} from '@/lib/mail/mail-layout';
import type { MailKind, MailMessage, MailRecipient } from '@/lib/mail/mail-message';
import de from '@/messages/de.json';
import en from '@/messages/en.json';
import es from '@/messages/es.json';
import fr from '@/messages/fr.json';
import it from '@/messages/it.json';
import { newUnsubscribeLink } from '@/server/mail/unsubscribe-link';

const CATALOGUES = { en, fr, de, it, es } as const;

export function translator(locale: Locale) {
  return createTranslator({ locale, messages: CATALOGUES[locale], namespace: 'mail' });
}

/**
 * Every mail carries its own unsubscribe link: visible under the text, and as the RFC 2369
 * header with RFC 8058's one-click POST, which mail clients show as their own button.
 */
export function message(
  locale: Locale,
  subject: string,
  blocks: MailBlock[],
  unsubscribeUrl: string,
  calendar: MailMessage['calendar'] = null,
): MailMessage {
  const t = translator(locale);
  const safeSubject = headerSafe(subject);
  const { text, html } = renderMail(locale, safeSubject, [
    ...blocks,
    { kind: 'small', text: t('footer') },
    { kind: 'link', label: t('unsubscribe'), url: unsubscribeUrl },
  ]);
  return {
    subject: safeSubject,
    text,
    html,
    headers: {
      'List-Unsubscribe': `<${unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
    calendar,
  };
}

export function greeting(locale: Locale, name: string): MailBlock {
  const t = translator(locale);
  return {
    kind: 'paragraph',
    text: name ? t('greeting', { name: headerSafe(name) }) : t('greetingAnonymous'),
  };
}

export function outgoing(
  pollId: string,
  kind: MailKind,
  to: string,
  key: string,
  origin: string,
  build: (unsubscribeUrl: string) => MailMessage,
): OutgoingMail {
  const link = newUnsubscribeLink(origin);
  return {
    pollId,
    kind,
    recipient: to,
    idempotencyKey: key,
    message: build(link.url),
    unsubscribeTokenHash: link.tokenHash,
  };
}

/** The organiser's first mail: the participant link and the secret admin link, for them alone. */
export function organiserCreatedMail(input: {
  pollId: string;
  title: string;
  organiserName: string;
  to: string;
  locale: Locale;
  origin: string;
  pollUrl: string;
  adminUrl: string;
}): OutgoingMail {
  const t = translator(input.locale);
  const subject = t('created.subject', { title: input.title });
  return outgoing(
    input.pollId,
    'organiserCreated',
    input.to,
    `${input.pollId}.created`,
    input.origin,
    (unsubscribeUrl) =>
      message(
        input.locale,
        subject,
        [
          greeting(input.locale, input.organiserName),
          { kind: 'paragraph', text: t('created.intro', { title: input.title }) },
          { kind: 'action', label: t('pollButton'), url: input.pollUrl },
          { kind: 'paragraph', text: t('created.adminIntro') },
          { kind: 'action', label: t('created.adminButton'), url: input.adminUrl },
        ],
        unsubscribeUrl,
      ),
  );
}

/** A participant's private edit link, to the address they gave with their answer. */
export function editLinkMail(input: {
  pollId: string;
  participantId: string;
  title: string;
  name: string;
  to: string;
  locale: Locale;
  origin: string;
  editUrl: string;
  /** Their private calendar feed, webcal:// (server/links.ts, feedUrl). */
  feedUrl: string;
}): OutgoingMail {
  const t = translator(input.locale);
  return outgoing(
    input.pollId,
    'editLink',
    input.to,
    `${input.pollId}.${input.participantId}.edit`,
    input.origin,
    (unsubscribeUrl) =>
      message(
        input.locale,
        t('editLink.subject', { title: input.title }),
        [
          greeting(input.locale, input.name),
          { kind: 'paragraph', text: t('editLink.intro', { title: input.title }) },
          { kind: 'action', label: t('editLink.button'), url: input.editUrl },
          { kind: 'paragraph', text: t('editLink.keep') },
          { kind: 'paragraph', text: t('editLink.feedIntro') },
          { kind: 'action', label: t('editLink.feedButton'), url: input.feedUrl },
        ],
        unsubscribeUrl,
      ),
  );
}

function whenFor(event: CalendarEvent, zone: string, locale: Locale): string {
  return event.when.kind === 'timed'
    ? formatInstantFor(event.when.startMs, zone, locale)
    : formatDateFor(event.when.date, locale);
}

function recipientKey(recipient: MailRecipient): string {
  return recipient.role.kind === 'organiser' ? 'organiser' : recipient.role.participantId;
}

/**
 * The chosen time to everyone with an address, each in their own language and zone with the
 * organiser's beside it, and an iCalendar REQUEST whose UID stays and whose SEQUENCE grows,
 * so a second mail moves the event instead of adding one.
 */
export function scheduledMails(input: {
  event: CalendarEvent;
  origin: string;
  organiser: { name: string; email: string };
  organiserZone: string;
  recipients: MailRecipient[];
  /** Not the first time chosen: an update. */
  update: boolean;
}): OutgoingMail[] {
  const { event, recipients } = input;
  return recipients.map((recipient) => {
    const t = translator(recipient.locale);
    const ics = buildIcs(event, {
      method: 'REQUEST',
      organiser: input.organiser,
      attendees: [{ name: recipient.name, email: recipient.address }],
    });
    const times: MailBlock[] = [
      {
        kind: 'highlight',
        text: t('scheduled.yourTime', {
          zone: recipient.timeZone,
          when: whenFor(event, recipient.timeZone, recipient.locale),
        }),
      },
    ];
    if (event.when.kind === 'timed' && recipient.timeZone !== input.organiserZone)
      times.push({
        kind: 'paragraph',
        text: t('scheduled.organiserTime', {
          zone: input.organiserZone,
          when: whenFor(event, input.organiserZone, recipient.locale),
        }),
      });
    return outgoing(
      event.pollId,
      'scheduled',
      recipient.address,
      `${event.pollId}.${recipientKey(recipient)}.seq${event.sequence}`,
      input.origin,
      (unsubscribeUrl) =>
        message(
          recipient.locale,
          t(input.update ? 'scheduled.updatedSubject' : 'scheduled.subject', {
            title: event.title,
          }),
          [
            greeting(recipient.locale, recipient.name),
            {
              kind: 'paragraph',
              text: t(input.update ? 'scheduled.updatedIntro' : 'scheduled.intro', {
                title: event.title,
              }),
            },
            ...times,
            { kind: 'paragraph', text: t('scheduled.calendar') },
            { kind: 'action', label: t('pollButton'), url: event.url },
          ],
          unsubscribeUrl,
          { method: 'REQUEST', content: ics },
        ),
    );
  });
}

/** The event is off (reopened or deleted): METHOD:CANCEL with the same UID, a higher SEQUENCE. */
export function cancelledMails(input: {
  event: CalendarEvent;
  origin: string;
  organiser: { name: string; email: string };
  recipients: MailRecipient[];
}): OutgoingMail[] {
  const { event } = input;
  return input.recipients.map((recipient) => {
    const t = translator(recipient.locale);
    const ics = buildIcs(event, {
      method: 'CANCEL',
      organiser: input.organiser,
      attendees: [{ name: recipient.name, email: recipient.address }],
    });
    return outgoing(
      event.pollId,
      'cancelled',
      recipient.address,
      `${event.pollId}.${recipientKey(recipient)}.cancel${event.sequence}`,
      input.origin,
      (unsubscribeUrl) =>
        message(
          recipient.locale,
          t('cancelled.subject', { title: event.title }),
          [
            greeting(recipient.locale, recipient.name),
            { kind: 'paragraph', text: t('cancelled.intro', { title: event.title }) },
          ],
          unsubscribeUrl,
          { method: 'CANCEL', content: ics },
        ),
    );
  });
}

/**
 * The organiser's digest of who answered or commented. Only the admin token's hash is kept,
 * so the link is the participant page, and the text points to the admin link of their first
 * mail.
 */
export function digestMail(input: {
  pollId: string;
  title: string;
  organiser: MailRecipient;
  entries: readonly DigestEntry[];
  origin: string;
  pollUrl: string;
  /** Unique per digest: the Message-ID of its every retry. */
  key: string;
}): OutgoingMail {
  const { locale } = input.organiser;
  const t = translator(locale);
  const list = new Intl.ListFormat(formattingLocale(locale, null), { type: 'conjunction' });
  const names = (people: string[]) => ({ names: list.format(people.map(headerSafe)) });
  const summary = summariseDigest(input.entries);
  const lines: MailBlock[] = [];
  if (summary.answered.length > 0)
    lines.push({ kind: 'paragraph', text: t('digest.answered', names(summary.answered)) });
  if (summary.changed.length > 0)
    lines.push({ kind: 'paragraph', text: t('digest.changed', names(summary.changed)) });
  if (summary.commented.length > 0)
    lines.push({ kind: 'paragraph', text: t('digest.commented', names(summary.commented)) });
  return outgoing(
    input.pollId,
    'digest',
    input.organiser.address,
    input.key,
    input.origin,
    (unsubscribeUrl) =>
      message(
        locale,
        t('digest.subject', { title: input.title }),
        [
          greeting(locale, input.organiser.name),
          { kind: 'paragraph', text: t('digest.intro', { title: input.title }) },
          ...lines,
          { kind: 'action', label: t('pollButton'), url: input.pollUrl },
          { kind: 'paragraph', text: t('adminHint') },
        ],
        unsubscribeUrl,
      ),
  );
}

/** The organiser's note that the deadline has passed, written when it is set, due at it. */
export function deadlineMail(input: {
  pollId: string;
  title: string;
  organiser: MailRecipient;
  deadline: number;
  origin: string;
  pollUrl: string;
}): OutgoingMail {
  const { locale } = input.organiser;
  const t = translator(locale);
  return {
    ...outgoing(
      input.pollId,
      'deadline',
      input.organiser.address,
      `${input.pollId}.deadline.${input.deadline}`,
      input.origin,
      (unsubscribeUrl) =>
        message(
          locale,
          t('deadline.subject', { title: input.title }),
          [
            greeting(locale, input.organiser.name),
            { kind: 'paragraph', text: t('deadline.intro', { title: input.title }) },
            { kind: 'action', label: t('pollButton'), url: input.pollUrl },
            { kind: 'paragraph', text: t('adminHint') },
          ],
          unsubscribeUrl,
        ),
    ),
    dueAt: input.deadline,
  };
}
