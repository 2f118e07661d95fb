'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { useFailableAction } from '@/components/ui/use-failable-action';
import type { Failure } from '@/lib/poll/problems';

/**
 * The organiser's menu on one participant's row: a small button beside the name, and the
 * confirmation in a panel under it, so the grid is not striped with red links.
 */
export function RemoveAnswer({
  name,
  onRemove,
}: {
  name: string;
  onRemove: () => Promise<Failure | null>;
}) {
  const t = useTranslations('results');
  const [open, setOpen] = useState(false);
  const { pending, error, run } = useFailableAction();
  return (
    <span className="relative shrink-0">
      <button
        type="button"
        className="row-menu"
        aria-label={t('remove', { name })}
        aria-expanded={open}
        onClick={() => setOpen((v) => !v)}
      >
        <span aria-hidden="true" className="row-menu-dots" />
      </button>
      {open && (
        <span className="absolute top-full left-0 z-20 mt-1 grid w-56 gap-2 rounded-xl border border-line bg-surface p-3 text-xs font-normal shadow-lg">
          <button
            type="button"
            className="btn btn-danger text-xs"
            disabled={pending}
            onClick={() => run(onRemove)}
          >
            {t('confirmRemove', { name })}
          </button>
          <button type="button" className="btn text-xs" onClick={() => setOpen(false)}>
            {t('cancel')}
          </button>
          {error && (
            <span role="alert" className="text-danger">
              {error}
            </span>
          )}
        </span>
      )}
    </span>
  );
}
