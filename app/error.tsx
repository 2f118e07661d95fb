'use client';

import { useTranslations } from 'next-intl';

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations('errorPage');
  return (
    <section className="card mx-auto mt-8 max-w-xl p-8 text-center" role="alert">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-2 text-muted">{t('body')}</p>
      <button type="button" className="btn btn-primary mt-6" onClick={reset}>
        {t('retry')}
      </button>
    </section>
  );
}
