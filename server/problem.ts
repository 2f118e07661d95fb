import 'server-only';
import type { FieldProblems } from '@/lib/poll/problems';

/**
 * Why a use case said no, as data: the edge (app/problem-messages.ts) puts it into words
 * through the catalogue and picks the HTTP status.
 */
export type Problem =
  /** A missing poll, a missing answer and a wrong token all look the same. */
  | { code: 'notFound' }
  | { code: 'participantNotFound' }
  | { code: 'commentNotFound' }
  | { code: 'writeRefused'; seconds: number }
  /** The payload could not be read at all (not JSON, not text, too large). */
  | { code: 'malformed' }
  | { code: 'invalid'; fieldErrors: FieldProblems }
  | { code: 'closed' }
  | { code: 'deadline' }
  | { code: 'optionFull'; optionId: string }
  | { code: 'unknownFinalOption' }
  /** The poll's status cannot make this move (lib/poll/poll-status.ts). */
  | { code: 'statusNotAllowed'; reason: 'status.closeScheduled' };

export type Outcome<T extends object = object> =
  ({ ok: true } & T) | { ok: false; problem: Problem };

export function refuse(problem: Problem): { ok: false; problem: Problem } {
  return { ok: false, problem };
}

/** A request body or form payload as the adapter read it. */
export type Payload = { ok: true; value: unknown } | { ok: false };

export function writeBudgetProblem(writeRefusedFor: number | null): Problem | null {
  return writeRefusedFor === null ? null : { code: 'writeRefused', seconds: writeRefusedFor };
}
