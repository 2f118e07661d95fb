'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import type { PollStatus } from '@/lib/poll/model';
import type { Failure } from '@/lib/poll/problems';
import { useFailableAction } from '@/components/ui/use-failable-action';

export function AdminControls({
  status,
  participantUrl,
  changeStatus,
  deletePoll,
}: {
  status: PollStatus;
  participantUrl: string;
  changeStatus: (status: 'open' | 'closed') => Promise<Failure | null>;
  deletePoll: () => Promise<Failure | null>;
}) {
  const t = useTranslations('admin');
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const { pending, error, run } = useFailableAction();

  return (
    <div className="grid gap-3">
      {status !== 'scheduled' && (
        <p className="hint">{status === 'open' ? t('openHint') : t('closedHint')}</p>
      )}
      <div className="flex flex-wrap gap-3">
        {status === 'open' && (
          <button
            type="button"
            className="btn"
            disabled={pending}
            onClick={() => run(() => changeStatus('closed'))}
          >
            {t('close')}
          </button>
        )}
        {status === 'closed' && (
          <button
            type="button"
            className="btn"
            disabled={pending}
            onClick={() => run(() => changeStatus('open'))}
          >
            {t('reopen')}
          </button>
        )}
        <a className="btn" href={participantUrl}>
          {t('openAsParticipant')}
        </a>
        {!confirmingDelete ? (
          <button
            type="button"
            className="btn btn-danger"
            onClick={() => setConfirmingDelete(true)}
          >
            {t('delete')}
          </button>
        ) : (
          <div
            role="group"
            aria-label={t('deleteConfirmLabel')}
            className="flex w-full flex-wrap items-center gap-3 rounded-xl border border-danger bg-no-soft p-3"
          >
            <p className="grow text-sm font-medium">{t('deleteConfirm')}</p>
            <button
              type="button"
              className="btn btn-danger"
              disabled={pending}
              onClick={() => run(deletePoll)}
            >
              {t('deleteForever')}
            </button>
            <button type="button" className="btn" onClick={() => setConfirmingDelete(false)}>
              {t('cancel')}
            </button>
          </div>
        )}
      </div>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
    </div>
  );
}
