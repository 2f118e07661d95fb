'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import type { Failure } from '@/lib/poll/problems';

/**
 * The one button that stops the mail. The hidden field is RFC 8058's body, so the form sent
 * by a browser without JavaScript is the same POST a mail client makes (proxy.ts).
 */
export function StopMailForm({
  action,
  token,
}: {
  action: (previous: Failure | null, form: FormData) => Promise<Failure | null>;
  token: string;
}) {
  const t = useTranslations('unsubscribe');
  const [failure, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="mt-6">
      <input type="hidden" name="List-Unsubscribe" value="One-Click" />
      <input type="hidden" name="token" value={token} />
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {t('button')}
      </button>
      {failure && (
        <p role="alert" className="mt-3 text-danger">
          {failure.message}
        </p>
      )}
    </form>
  );
}
