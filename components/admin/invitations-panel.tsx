'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import type { CountResult } from '@/components/poll/action-results';
import { FieldError } from '@/components/ui/field-error';

export interface InvitationRow {
  email: string;
  answered: boolean;
  stopped: boolean;
  /** When the organiser last reminded them, already in words; null = never. */
  reminded: string | null;
}

type CountAction = (prev: CountResult | null, data: FormData) => Promise<CountResult>;

/**
 * The organiser's guests invited by address: who answered, a button that reminds the rest
 * (at most once a day each), and a form to invite more. Only the organiser sees addresses.
 */
export function InvitationsPanel({
  rows,
  remindable,
  invite,
  remind,
}: {
  rows: InvitationRow[];
  /** How many the button would remind now. */
  remindable: number;
  invite: CountAction;
  remind: () => Promise<CountResult>;
}) {
  const t = useTranslations('admin.invitations');
  const [invited, inviteAction, inviting] = useActionState(invite, null);
  const [reminded, remindAction, reminding] = useActionState(() => remind(), null);
  const answered = rows.filter((r) => r.answered).length;
  const pending = rows.filter((r) => !r.answered && !r.stopped).length;
  return (
    <section className="card grid gap-4 p-5 sm:p-6" aria-labelledby="invitations-heading">
      <h2 id="invitations-heading" className="text-lg font-semibold">
        {t('heading')}
      </h2>
      {rows.length > 0 && (
        <>
          <p className="font-medium">{t('summary', { answered, total: rows.length })}</p>
          <ul className="grid gap-1 text-sm" aria-label={t('heading')}>
            {rows.map((row) => (
              <li key={row.email} className="flex flex-wrap items-baseline gap-x-3 gap-y-0.5">
                <span className="min-w-0 font-medium break-all">{row.email}</span>
                <span className={row.answered ? 'text-yes font-semibold' : 'hint'}>
                  {row.answered ? t('answered') : row.stopped ? t('stopped') : t('pending')}
                </span>
                {!row.answered && row.reminded && (
                  <span className="hint">{t('remindedAt', { when: row.reminded })}</span>
                )}
              </li>
            ))}
          </ul>
          {pending > 0 && (
            <form action={remindAction} className="grid gap-2">
              {remindable > 0 ? (
                <div>
                  <button type="submit" className="btn" disabled={reminding}>
                    {t('remind', { count: remindable })}
                  </button>
                </div>
              ) : (
                <p className="hint">{t('allReminded')}</p>
              )}
              <p className="hint">{t('remindRule')}</p>
            </form>
          )}
          {reminded?.ok && (
            <p role="status" className="text-sm font-semibold">
              {t('reminded', { count: reminded.count })}
            </p>
          )}
          {reminded && !reminded.ok && (
            <p role="alert" className="error-text">
              {reminded.message}
            </p>
          )}
        </>
      )}
      <form action={inviteAction} className="grid gap-2">
        <InviteeField
          // A refused list comes back as typed, to be fixed; one sent leaves the field empty.
          key={invited ? JSON.stringify(invited) : 'new'}
          sent={invited && !invited.ok ? (invited.sent ?? '') : ''}
          errors={invited && !invited.ok ? invited.fieldErrors.invitees : undefined}
        />
        <p className="hint">{t('inviteHint')}</p>
        <div>
          <button type="submit" className="btn btn-primary" disabled={inviting}>
            {t('inviteButton')}
          </button>
        </div>
        {invited?.ok && (
          <p role="status" className="text-sm font-semibold">
            {t('invited', { count: invited.count })}
          </p>
        )}
        {invited && !invited.ok && !invited.fieldErrors.invitees && (
          <p role="alert" className="error-text">
            {invited.message}
          </p>
        )}
      </form>
    </section>
  );
}

function InviteeField({ sent, errors }: { sent: string; errors: string[] | undefined }) {
  const t = useTranslations('admin.invitations');
  return (
    <div>
      <label className="label" htmlFor="invite-guests">
        {t('inviteLabel')}
      </label>
      <textarea
        id="invite-guests"
        name="invitees"
        className="field min-h-20"
        placeholder={t('placeholder')}
        defaultValue={sent}
        aria-invalid={Boolean(errors?.length)}
        aria-describedby="invite-guests-error"
      />
      <FieldError id="invite-guests-error" messages={errors} />
    </div>
  );
}
