import { z } from 'zod';

/** RFC 5321 caps a path at 256 octets, so an address at 254 characters. */
const MAX_ADDRESS = 254;

/**
 * One mailbox address, as a person types it. Refuses CR/LF and anything else that could
 * smuggle a header or a second recipient into the mail (`a@b.c\r\nBcc: …`, `a@b.c, d@e.f`),
 * and display-name syntax: the address alone, nothing around it.
 */
export const emailSchema = z
  .string({ error: 'email.invalid' })
  .trim()
  .max(MAX_ADDRESS, 'email.invalid')
  .refine((s) => !/[\s,;<>"()\\]/.test(s), 'email.invalid')
  .pipe(z.email({ error: 'email.invalid' }))
  .transform((s) => s.toLowerCase());

/** Optional in a form: an empty field is no address. */
export const optionalEmailSchema = z
  .preprocess(
    (value) =>
      value === null || (typeof value === 'string' && value.trim() === '') ? undefined : value,
    emailSchema.optional(),
  )
  .transform((s) => s ?? null);

/** A name or a title that goes into a header: no line breaks, however they were typed. */
export function headerSafe(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ').trim();
}
