'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import type { OptionView } from '@/lib/poll/option-view';
import { VoteMark } from '@/components/ui/vote-mark';
import type { PollRecord } from '@/lib/poll/model';
import type { Failure } from '@/lib/poll/problems';
import { useFailableAction } from '@/components/ui/use-failable-action';
import type { OptionTally } from '@/lib/poll/tally';
import { placeName } from '@/lib/time/time-zone';

/**
 * Rows shown before the viewer asks for all: the totals row already sums everyone, and a
 * table of 200 participants × 50 options is ten thousand cells nobody reads on arrival
 * (they were most of the time it took to serve a large poll's page).
 */
const FIRST_ROWS = 25;

/**
 * Participants × options, in the order the viewer chose (fairest first or by date). The
 * fairest option is marked in words and with a star, so the highlight never depends on colour.
 */
export function ResultsTable({
  poll,
  views,
  tallies,
  best,
  highlightId,
  removeAction,
}: {
  poll: PollRecord;
  views: OptionView[];
  tallies: Map<string, OptionTally>;
  best: Set<string>;
  highlightId: string | null;
  removeAction?: (participantId: string) => Promise<Failure | null>;
}) {
  const t = useTranslations('results');
  const tv = useTranslations('poll.votes');
  const count = poll.participants.length;
  const [showAll, setShowAll] = useState(false);
  const rows = showAll ? poll.participants : firstRows(poll.participants, highlightId);
  // Said once, not once per cell: a large poll has ten thousand cells.
  const labels = { yes: tv('yes'), ifneedbe: tv('ifneedbe'), no: tv('no'), none: t('noAnswer') };

  return (
    <section className="card p-5 sm:p-6" aria-labelledby="results-heading">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="results-heading" className="text-lg font-semibold">
          {t('heading')}
        </h2>
        <p className="hint">{t('participants', { count })}</p>
      </div>
      {count === 0 ? (
        <p className="hint mt-3">{t('empty')}</p>
      ) : (
        <div
          className="relative mt-4 overflow-x-auto"
          tabIndex={0}
          role="region"
          aria-label={t('scrollLabel')}
        >
          <table className="w-full border-separate border-spacing-0 text-sm">
            <caption className="sr-only">{t('caption')}</caption>
            <thead>
              <tr>
                <th
                  scope="col"
                  className="sticky left-0 z-10 min-w-36 bg-surface p-2 text-left align-bottom font-semibold"
                >
                  {t('participantColumn')}
                </th>
                {views.map((v) => (
                  <th
                    key={v.id}
                    scope="col"
                    className={`min-w-24 rounded-t-lg p-2 text-center align-bottom font-normal ${best.has(v.id) ? 'bg-accent-soft' : ''}`}
                  >
                    {best.has(v.id) && (
                      <span className="mb-1 inline-block rounded-full bg-accent px-2 py-0.5 text-xs font-semibold text-accent-ink">
                        ★ {t('best')}
                      </span>
                    )}
                    <span className="block text-xs text-muted uppercase">{v.weekday}</span>
                    <span className="block font-semibold whitespace-nowrap">{v.dayMonth}</span>
                    {v.timeRange && (
                      <span className="block text-xs whitespace-nowrap">{v.timeRange}</span>
                    )}
                    {v.crossesMidnight && (
                      <span className="block text-xs text-maybe">{t('crossesMidnightShort')}</span>
                    )}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody id="results-rows">
              {rows.map((p) => (
                <tr key={p.id} className={p.id === highlightId ? 'font-semibold' : ''}>
                  <th
                    scope="row"
                    className="sticky left-0 z-10 border-t border-line bg-surface p-2 text-left font-medium"
                  >
                    <span className="block max-w-48 truncate">
                      {p.name}
                      {p.id === highlightId && (
                        <span className="hint font-normal"> {t('you')}</span>
                      )}
                    </span>
                    <span className="hint block text-xs font-normal">{placeName(p.timeZone)}</span>
                    {removeAction && (
                      <RemoveParticipant name={p.name} onRemove={() => removeAction(p.id)} />
                    )}
                  </th>
                  {views.map((v) => (
                    <td
                      key={v.id}
                      className={best.has(v.id) ? 'result-cell bg-accent-soft' : 'result-cell'}
                    >
                      <VoteMark value={p.votes[v.id]} label={labels[p.votes[v.id] ?? 'none']} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th
                  scope="row"
                  className="sticky left-0 z-10 border-t-2 border-line bg-surface p-2 text-left font-semibold"
                >
                  {t('total')}
                </th>
                {views.map((v) => {
                  const tally = tallies.get(v.id);
                  return (
                    <td
                      key={v.id}
                      className={`rounded-b-lg border-t-2 border-line p-2 text-center ${best.has(v.id) ? 'bg-accent-soft' : ''}`}
                    >
                      <span className="block font-semibold">
                        {t('canAttend', { count: (tally?.yes ?? 0) + (tally?.ifneedbe ?? 0) })}
                      </span>
                      <span className="hint block text-xs">
                        {t('tallyDetail', { yes: tally?.yes ?? 0, ifneedbe: tally?.ifneedbe ?? 0 })}
                      </span>
                    </td>
                  );
                })}
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      {count > FIRST_ROWS && (
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <p className="hint" aria-live="polite">
            {t('shownOf', { shown: rows.length, count })}
          </p>
          <button
            type="button"
            className="btn"
            aria-expanded={showAll}
            aria-controls="results-rows"
            onClick={() => setShowAll((v) => !v)}
          >
            {showAll ? t('showFirst', { count: FIRST_ROWS }) : t('showAll', { count })}
          </button>
        </div>
      )}
    </section>
  );
}

/** The first rows, and the viewer's own row wherever it falls: people look for their answer. */
function firstRows<P extends { id: string }>(
  participants: readonly P[],
  highlightId: string | null,
): readonly P[] {
  const first = participants.slice(0, FIRST_ROWS);
  const mine = highlightId === null ? undefined : participants.find((p) => p.id === highlightId);
  return mine && !first.includes(mine) ? [...first, mine] : first;
}

function RemoveParticipant({
  name,
  onRemove,
}: {
  name: string;
  onRemove: () => Promise<Failure | null>;
}) {
  const t = useTranslations('results');
  const [confirming, setConfirming] = useState(false);
  const { pending, error, run } = useFailableAction();
  if (!confirming) {
    return (
      <button
        type="button"
        className="btn-danger mt-1 text-left text-xs font-normal underline"
        onClick={() => setConfirming(true)}
      >
        {t('remove', { name })}
      </button>
    );
  }
  return (
    <span className="mt-1 flex flex-wrap gap-2 text-xs font-normal">
      <button
        type="button"
        className="btn-danger font-semibold underline"
        disabled={pending}
        onClick={() => run(onRemove)}
      >
        {t('confirmRemove', { name })}
      </button>
      <button type="button" className="underline" onClick={() => setConfirming(false)}>
        {t('cancel')}
      </button>
      {error && (
        <span role="alert" className="text-danger">
          {error}
        </span>
      )}
    </span>
  );
}
