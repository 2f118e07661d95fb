import { getTranslations } from 'next-intl/server';
import type { Failure, FieldProblems } from '@/lib/poll/problems';
import type { Problem } from '@/server/problem';

/** The API speaks English; pages speak the viewer's language. */
export type Audience = 'page' | 'api';

function errorsFor(audience: Audience) {
  return audience === 'api'
    ? getTranslations({ locale: 'en', namespace: 'errors' })
    : getTranslations('errors');
}

/** Renders problem codes through the catalogue, one message list per field. */
export async function describeProblems(
  problems: FieldProblems,
  audience: Audience = 'page',
): Promise<Failure> {
  const t = await errorsFor(audience);
  // fromEntries defines own keys: a field named `__proto__` stays a field, not a prototype.
  const fieldErrors: Record<string, string[]> = Object.fromEntries(
    Object.entries(problems).map(([field, list]) => [
      field,
      list.map((p) => (t.has(p.code) ? t(p.code, p.values) : t('form.invalidField', { field }))),
    ]),
  );
  const fields = Object.keys(fieldErrors);
  // An API client needs the field names; a page points at the fields, highlighted in place.
  const message =
    audience === 'api'
      ? t('api.invalid', { fields: fields.join(', ') })
      : t('form.summary', { count: fields.length });
  return { ok: false, message, fieldErrors };
}

export async function failure(
  code: string,
  audience: Audience = 'page',
  values?: Record<string, string | number>,
): Promise<Failure> {
  const t = await errorsFor(audience);
  return { ok: false, message: t(code, values), fieldErrors: {} };
}

/** A use case's problem in words, with the HTTP status an API answer carries. */
export async function describeProblem(
  problem: Problem,
  audience: Audience = 'page',
): Promise<{ status: number; body: Failure }> {
  switch (problem.code) {
    case 'notFound':
    case 'commentNotFound':
      return {
        status: 404,
        body: await failure(audience === 'api' ? 'api.notFound' : 'poll.notFound', audience),
      };
    case 'participantNotFound':
      return {
        status: 404,
        body: await failure(audience === 'api' ? 'api.notFound' : 'participant.notFound', audience),
      };
    case 'writeRefused':
      return {
        status: 429,
        body: await failure('api.rateLimited', audience, { seconds: problem.seconds }),
      };
    case 'malformed':
      return { status: 400, body: await failure('form.malformed', audience) };
    case 'invalid':
      return { status: 400, body: await describeProblems(problem.fieldErrors, audience) };
    case 'closed':
      return { status: 409, body: await failure('poll.closed', audience) };
    case 'deadline':
      return { status: 409, body: await failure('poll.deadlinePassed', audience) };
    case 'optionFull':
      return {
        status: 409,
        body: await describeProblems(
          { votes: [{ code: 'votes.optionFull', values: { optionId: problem.optionId } }] },
          audience,
        ),
      };
    case 'statusNotAllowed':
      return { status: 409, body: await failure(problem.reason, audience) };
    case 'unknownFinalOption':
      return {
        status: 400,
        body:
          audience === 'api'
            ? await describeProblems({ optionId: [{ code: 'finalOption.unknown' }] }, audience)
            : await failure('finalOption.unknown', audience),
      };
  }
}
