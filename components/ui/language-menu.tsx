'use client';

import { useId, useOptimistic, useTransition } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { LOCALE_NAMES, LOCALES } from '@/lib/i18n/locales';

/**
 * A native select: compact at 390 px, operable by keyboard and screen reader as is. Each
 * language is named in itself (and marked with its `lang`), so a reader finds theirs
 * whatever the page is in. The same URL re-renders in the chosen language.
 */
export function LanguageMenu({ choose }: { choose: (locale: string) => Promise<void> }) {
  const t = useTranslations('header');
  const id = useId();
  const router = useRouter();
  const locale = useLocale();
  const [shown, setShown] = useOptimistic(locale);
  const [pending, startTransition] = useTransition();

  return (
    <div className="flex shrink-0 items-center gap-1.5">
      <label htmlFor={id} className="sr-only">
        {t('language')}
      </label>
      <svg
        viewBox="0 0 16 16"
        className="size-4 text-muted"
        aria-hidden="true"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.4"
      >
        <circle cx="8" cy="8" r="6.3" />
        <path d="M1.7 8h12.6M8 1.7c-1.9 1.8-2.8 3.9-2.8 6.3s.9 4.5 2.8 6.3c1.9-1.8 2.8-3.9 2.8-6.3S9.9 3.5 8 1.7z" />
      </svg>
      <select
        id={id}
        className="field w-auto py-1.5 text-sm"
        value={shown}
        aria-busy={pending}
        onChange={(e) => {
          const next = e.target.value;
          startTransition(async () => {
            setShown(next);
            await choose(next);
            router.refresh();
          });
        }}
      >
        {LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LOCALE_NAMES[code]}
          </option>
        ))}
      </select>
    </div>
  );
}
