import { requestTime } from '@/app/clock';
import { getTranslations } from 'next-intl/server';
import { CreatePollForm } from '@/components/create/create-poll-form';
import { createPoll } from '@/app/actions';
import { formatLocale } from '@/app/format-locale';
import { savedViewerZone } from '@/app/viewer-zone';
import { mailEnabled } from '@/server/mail/mail-settings';

export default async function HomePage() {
  const t = await getTranslations('home');
  const [zone, locale] = await Promise.all([savedViewerZone(), formatLocale()]);
  const nowMs = requestTime();
  return (
    <div className="grid grid-cols-1 gap-8">
      <section className="pt-4 sm:pt-8">
        <h1 className="max-w-2xl text-3xl font-bold tracking-tight sm:text-4xl">{t('headline')}</h1>
        <p className="mt-3 max-w-2xl text-lg text-muted">{t('lede')}</p>
      </section>
      <CreatePollForm
        action={createPoll}
        initialZone={zone}
        nowMs={nowMs}
        locale={locale}
        mailEnabled={mailEnabled()}
      />
    </div>
  );
}
