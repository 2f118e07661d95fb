import type { Locale } from '@/lib/i18n/locales';

/** What the outbox keeps of one mail: everything the sender needs, already rendered. */
export interface MailMessage {
  subject: string;
  text: string;
  html: string;
  /** Extra headers (List-Unsubscribe, …); values never hold CR or LF. */
  headers: Record<string, string>;
  /** An iCalendar part (text/calendar; method=…), for invitations and cancellations. */
  calendar: { method: 'REQUEST' | 'CANCEL'; content: string } | null;
}

export type MailKind =
  | 'organiserCreated'
  | 'editLink'
  | 'scheduled'
  | 'cancelled'
  | 'digest'
  | 'deadline'
  | 'invitation'
  | 'invitationReminder'
  | 'autoReminder'
  | 'allAnswered';

/** Someone a poll may write to, with what their mail is written in. */
export interface MailRecipient {
  address: string;
  name: string;
  locale: Locale;
  timeZone: string;
  /** The organiser, or the participant's id. */
  role: { kind: 'organiser' } | { kind: 'participant'; participantId: string };
}
