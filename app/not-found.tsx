import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export default async function NotFound() {
  const t = await getTranslations('notFound');
  return (
    <section className="card mx-auto mt-8 max-w-xl p-8 text-center">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-2 text-muted">{t('body')}</p>
      <Link href="/" className="btn btn-primary mt-6">
        {t('home')}
      </Link>
    </section>
  );
}
