import type { Payload } from '@/server/problem';

/** The JSON a form sends in its `payload` field, as a use case takes it. */
export function formPayload(formData: FormData): Payload {
  try {
    return { ok: true, value: JSON.parse(String(formData.get('payload') ?? '')) as unknown };
  } catch {
    return { ok: false };
  }
}
