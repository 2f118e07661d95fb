/**
 * The addresses typed into one field, one per line or separated by commas or semicolons, as
 * people paste them from a mail client. Shared by the forms (no zod in the browser); each
 * piece is then checked on its own by lib/mail/invitees.ts.
 */
export function splitAddresses(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((piece) => piece.trim())
    .filter((piece) => piece !== '');
}
