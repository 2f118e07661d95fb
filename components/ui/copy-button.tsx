'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';

export function CopyField({ label, value, id }: { label: string; value: string; id: string }) {
  const t = useTranslations('copy');
  const [copied, setCopied] = useState(false);
  return (
    <div>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          className="field min-w-0 font-mono text-sm"
          readOnly
          value={value}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button
          type="button"
          className="btn shrink-0"
          onClick={() => {
            navigator.clipboard.writeText(value).then(
              () => {
                setCopied(true);
                setTimeout(() => setCopied(false), 2000);
              },
              () => document.getElementById(id)?.focus(),
            );
          }}
        >
          {copied ? t('copied') : t('copy')}
        </button>
      </div>
      <span className="sr-only" aria-live="polite">
        {copied ? t('copiedAnnouncement') : ''}
      </span>
    </div>
  );
}
