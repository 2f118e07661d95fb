import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { StopMailForm } from '@/components/unsubscribe/stop-mail-form';
import { requestContext } from '@/server/context';
import { viewUnsubscribe } from '@/server/unsubscribe';
import { requestTime } from '@/app/clock';
import { stopMail } from '@/app/unsubscribe/[token]/actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('unsubscribe');
  return { title: t('title'), robots: { index: false } };
}

/**
 * The page behind every mail's unsubscribe link. Opening it stops nothing (mail scanners
 * open links to check them); its button does. A wrong token is the same 404 as any other.
 */
export default async function UnsubscribePage({ params }: PageProps<'/unsubscribe/[token]'>) {
  const { token } = await params;
  const view = await viewUnsubscribe(token, requestContext(requestTime()));
  if (!view.ok) notFound();
  const t = await getTranslations('unsubscribe');
  const title = view.pollTitle;
  return (
    <section className="card mx-auto mt-8 max-w-xl p-8">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      {view.stopped ? (
        <p role="status" className="mt-4">
          {title === null ? t('stoppedGone') : t('stopped', { title })}
        </p>
      ) : (
        <>
          <p className="mt-4">{title === null ? t('introGone') : t('intro', { title })}</p>
          <StopMailForm action={stopMail} token={token} />
        </>
      )}
    </section>
  );
}
