import { useTranslations } from 'next-intl';
import type { PollRecord } from '@/lib/poll/model';
import { placeName } from '@/lib/time/time-zone';

function isLink(text: string): boolean {
  return /^https?:\/\/\S+$/i.test(text);
}

export function PollHeader({ poll }: { poll: PollRecord }) {
  const t = useTranslations('poll');
  return (
    <section className="card p-5 sm:p-6">
      <div className="flex flex-wrap items-center gap-2">
        <span className="rounded-full bg-raised px-2.5 py-0.5 text-xs font-semibold text-muted">
          {t(`kinds.${poll.kind}`)}
        </span>
        <span
          className={`rounded-full px-2.5 py-0.5 text-xs font-semibold ${poll.status === 'open' ? 'bg-yes-soft text-yes' : 'bg-raised text-muted'}`}
        >
          {t(`status.${poll.status}`)}
        </span>
      </div>
      <h1 className="mt-3 text-2xl font-bold tracking-tight break-words sm:text-3xl">
        {poll.title}
      </h1>
      {poll.description && (
        <p className="mt-2 whitespace-pre-line break-words text-muted">{poll.description}</p>
      )}
      <dl className="mt-4 grid gap-x-6 gap-y-1 text-sm sm:flex sm:flex-wrap">
        {poll.organiserName && (
          <div className="flex gap-1">
            <dt className="text-muted">{t('organiser')}</dt>
            <dd className="font-medium break-words">{poll.organiserName}</dd>
          </div>
        )}
        {poll.location && (
          <div className="flex gap-1">
            <dt className="text-muted">{t('location')}</dt>
            <dd className="font-medium break-all">
              {isLink(poll.location) ? (
                <a
                  className="text-accent underline"
                  href={poll.location}
                  rel="noopener noreferrer"
                  target="_blank"
                >
                  {poll.location}
                </a>
              ) : (
                poll.location
              )}
            </dd>
          </div>
        )}
        {poll.kind === 'timed' && (
          <div className="flex gap-1">
            <dt className="text-muted">{t('organiserZone')}</dt>
            <dd className="font-medium">{placeName(poll.timeZone)}</dd>
          </div>
        )}
        <div className="flex gap-1">
          <dt className="text-muted">{t('optionCountLabel')}</dt>
          <dd className="font-medium">{poll.options.length}</dd>
        </div>
      </dl>
    </section>
  );
}
