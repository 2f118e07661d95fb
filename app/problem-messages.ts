import { getTranslations } from 'next-intl/server';
import type { Failure, FieldProblems } from '@/lib/poll/problems';

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
