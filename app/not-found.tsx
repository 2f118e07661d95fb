import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

async function pageTitle(): Promise<string> {
  const [t, meta] = await Promise.all([getTranslations('notFound'), getTranslations('meta')]);
  return meta('titleTemplate').replace('%s', t('title'));
}

export async function generateMetadata(): Promise<Metadata> {
  return { title: { absolute: await pageTitle() } };
}

export default async function NotFound() {
  const t = await getTranslations('notFound');
  return (
    <section className="card mx-auto mt-8 max-w-xl p-8 text-center">
      {/* After notFound() in a page, hydration drops the metadata's <title> (vercel/next.js
          #95836), leaving the page untitled; React hoists this one into <head>. */}
      <title>{await pageTitle()}</title>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-2 text-muted">{t('body')}</p>
      <Link href="/" className="btn btn-primary mt-6">
        {t('home')}
      </Link>
    </section>
  );
}
