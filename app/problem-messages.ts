import { getTranslations } from 'next-intl/server';
import type { Failure, FieldProblems } from '@/lib/problems';

function errorsIn(locale: string | undefined) {
  return locale ? getTranslations({ locale, namespace: 'errors' }) : getTranslations('errors');
}

/** Renders problem codes through the catalogue: the viewer's language, or English for the API. */
export async function describeProblems(problems: FieldProblems, locale?: string): Promise<Failure> {
  const t = await errorsIn(locale);
  const fieldErrors: Record<string, string[]> = {};
  for (const [field, list] of Object.entries(problems)) {
    fieldErrors[field] = list.map((p) => (t.has(p.code) ? t(p.code, p.values) : t('form.invalidField', { field })));
  }
  return { ok: false, message: t('form.summary', { count: Object.keys(fieldErrors).length }), fieldErrors };
}

export async function failure(code: string, locale?: string, values?: Record<string, string | number>): Promise<Failure> {
  const t = await errorsIn(locale);
  return { ok: false, message: t(code, values), fieldErrors: {} };
}
