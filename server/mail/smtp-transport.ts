import 'server-only';
import nodemailer from 'nodemailer';
import type { MailTransport } from '@/server/mail/mail-sender';

/**
 * nodemailer on KAIROS_SMTP_URL: smtp:// upgrades with STARTTLS when the server offers it,
 * smtps:// is TLS from the first byte. One connection per message (no pool): a pass sends a
 * few mails, and a pooled socket left open would outlive a SIGTERM.
 */
export function smtpTransport(smtpUrl: string): MailTransport {
  // Bounded waits: a send must end (or fail) inside the outbox lease (mail-sender.ts).
  const transporter = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    async send(mail) {
      await transporter.sendMail({
        from: mail.from,
        to: mail.to,
        messageId: mail.messageId,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: mail.headers,
        ...(mail.calendar
          ? {
              icalEvent: {
                method: mail.calendar.method,
                filename: 'invite.ics',
                content: mail.calendar.content,
              },
            }
          : {}),
      });
    },
  };
}
