import { z } from 'zod';
import { emailSchema, headerSafe } from '@/lib/mail/address';
import { LIMITS } from '@/lib/poll/limits';
import { addProblem, type FieldProblems } from '@/lib/poll/problems';

/** The shape the API takes (`invitees`): a list of addresses, each checked by `checkInvitees`. */
export const inviteesSchema = z
  .array(z.string({ error: 'invitees.notAList' }), { error: 'invitees.notAList' })
  .max(LIMITS.invitees, 'invitees.tooMany')
  .meta({
    description: `Guests' addresses, with mail on (ignored with it off): each is mailed a personal link, and its answer is marked as theirs. At most ${LIMITS.invitees} per poll; refused whole when one is malformed, twice in the list or already invited. Shown to nobody but the organiser.`,
  });

/** How an address that was refused is named back: on one line, and short. */
function shown(raw: string): string {
  const line = headerSafe(raw);
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}

/**
 * The guests' addresses as they will be stored: each one a single valid mailbox (no CR/LF,
 * no second recipient), folded to lower case, not twice in the list, not already invited,
 * and no more than LIMITS.invitees with those already invited. Each refusal names the address.
 */
export function checkInvitees(
  raw: readonly string[],
  alreadyInvited: ReadonlySet<string>,
  problems: FieldProblems,
  field = 'invitees',
): string[] {
  const accepted: string[] = [];
  const seen = new Set<string>();
  for (const piece of raw) {
    const parsed = emailSchema.safeParse(piece);
    if (!parsed.success) {
      addProblem(problems, field, { code: 'invitees.invalid', values: { address: shown(piece) } });
      continue;
    }
    const address = parsed.data;
    if (seen.has(address))
      addProblem(problems, field, { code: 'invitees.duplicate', values: { address } });
    else if (alreadyInvited.has(address))
      addProblem(problems, field, { code: 'invitees.alreadyInvited', values: { address } });
    else accepted.push(address);
    seen.add(address);
  }
  if (alreadyInvited.size + accepted.length > LIMITS.invitees)
    addProblem(problems, field, { code: 'invitees.tooMany', values: { max: LIMITS.invitees } });
  return accepted;
}
