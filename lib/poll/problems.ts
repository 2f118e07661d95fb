import type { z } from 'zod';

/**
 * Expected failures are data, not English: a key of the `errors` section of the message
 * catalogue plus its ICU values, so the page can say it in the viewer's language and the
 * API in English.
 */
export interface Problem {
  code: string;
  values?: Record<string, string | number>;
}

export type FieldProblems = Record<string, Problem[]>;

export type Prepared<T> = { ok: true; value: T } | { ok: false; fieldErrors: FieldProblems };

/** A refusal names this many problems per field at most: enough to fix, bounded to send. */
export const MAX_PROBLEMS_PER_FIELD = 10;
/** …and this many fields (a body of 8,000 unknown keys is answered with the first 20). */
export const MAX_FIELDS = 20;

const fieldCounts = new WeakMap<FieldProblems, number>();

/** What each field already holds, by problem identity, so adding one costs the same at any size. */
const seenIn = new WeakMap<Problem[], Set<string>>();

/**
 * Adds a problem to a field, once: two checks that find the same fault say it once, and a
 * field holds at most MAX_PROBLEMS_PER_FIELD, a refusal at most MAX_FIELDS fields (a request
 * naming 7,000 unknown options gets a short answer, in time linear in what it sent). Field names come from the request (an
 * unknown key names itself), so they are looked up as own properties only: `constructor` or
 * `__proto__` must not reach Object.prototype.
 */
export function addProblem(into: FieldProblems, field: string, problem: Problem): void {
  let list = Object.hasOwn(into, field) ? into[field] : undefined;
  if (!list) {
    const fields = fieldCounts.get(into) ?? Object.keys(into).length;
    if (fields >= MAX_FIELDS) return;
    fieldCounts.set(into, fields + 1);
    list = [];
    Object.defineProperty(into, field, {
      value: list,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  if (list.length >= MAX_PROBLEMS_PER_FIELD) return;
  let seen = seenIn.get(list);
  if (!seen) {
    seen = new Set(list.map(problemKey));
    seenIn.set(list, seen);
  }
  const key = problemKey(problem);
  if (seen.has(key)) return;
  seen.add(key);
  list.push(problem);
}

function problemKey(problem: Problem): string {
  return JSON.stringify([problem.code, problem.values ?? null]);
}

/**
 * Our schemas name their catalogue key as the issue message; anything else (a wrong type
 * sent to the API, an unknown key) falls back to a generic key that names the field.
 */
export function problemsFromZod(error: z.ZodError): FieldProblems {
  const out: FieldProblems = {};
  for (const issue of error.issues) {
    // A strict object names the keys it does not know; the body itself may not be an object.
    if (issue.code === 'unrecognized_keys' && issue.path.length === 0) {
      for (const key of issue.keys)
        addProblem(out, key, { code: 'form.unknownField', values: { field: key } });
      continue;
    }
    if (issue.code === 'invalid_type' && issue.path.length === 0) {
      addProblem(out, 'form', { code: 'form.notAnObject' });
      continue;
    }
    const field = issue.path.length > 0 ? String(issue.path[0]) : 'form';
    const known = issue.message.includes('.') && !issue.message.includes(' ');
    const values = issue.code === 'custom' ? (issue.params as Problem['values']) : undefined;
    addProblem(
      out,
      field,
      known
        ? { code: issue.message, ...(values ? { values } : {}) }
        : { code: 'form.invalidField', values: { field } },
    );
  }
  return out;
}

/** What a server action or API route returns for an expected failure, already in words. */
export interface Failure {
  ok: false;
  message: string;
  fieldErrors: Record<string, string[]>;
}
