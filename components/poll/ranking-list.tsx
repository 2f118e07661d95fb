'use client';

import { useState, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { BandIcon, bandStyle, useBandLabel } from '@/components/ui/comfort-band';
import { useExplanationText } from '@/components/ui/use-explanation-text';
import { NotCountedIcon, VoteIcon } from '@/components/ui/vote-mark';
import {
  participantChips,
  type ExplanationView,
  type ParticipantChip,
  type RankedOptionView,
} from '@/lib/fairness/poll-ranking';
import type { PollRecord } from '@/lib/poll/model';
import type { OptionView } from '@/lib/poll/option-view';
import { daysBetween, describeWallInterval, formatWallTime } from '@/lib/time/slot-display';

export type OptionOrder = 'ranked' | 'chronological';

/**
 * The fairest option shows everyone's local time from the start, up to this many people;
 * for a mailing-list poll it waits for a click instead, since 200 local times were a fifth
 * of a megabyte of page that the explanation above them already sums up.
 */
const OPEN_FIRST_UP_TO = 10;

/** A long poll shows its top three until asked: the grid above already lists every option. */
const ALL_UP_TO = 5;
const TOP = 3;

/**
 * The options with the engine's verdict: who can come, whose hour is worst, and each
 * participant's own local time. The ranking itself is computed on the server.
 */
export function RankingList({
  poll,
  ranking,
  views,
  order,
  onOrderChange,
  locale,
  itemAction,
  openBest = true,
  children,
}: {
  poll: PollRecord;
  ranking: readonly RankedOptionView[];
  views: Map<string, OptionView>;
  order: OptionOrder;
  onOrderChange: (order: OptionOrder) => void;
  locale: string;
  /** The organiser's button on each option ("Schedule this one"). */
  itemAction?: (ranked: RankedOptionView, label: string) => ReactNode;
  /** What follows the list in the same section (the organiser's scheduling controls). */
  children?: ReactNode;
  /** The fairest option opens on everyone's local time, unless another table shows them. */
  openBest?: boolean;
}) {
  const t = useTranslations('ranking');
  const byId = new Map(ranking.map((r) => [r.id, r]));
  // One translator for the whole list, not one per item (fifty on a large poll).
  const explain = useExplanationText(locale);
  const [showAll, setShowAll] = useState(false);
  const everything =
    order === 'ranked'
      ? ranking
      : [...views.keys()].map((id) => byId.get(id)).filter((r) => r !== undefined);
  const folds = everything.length > ALL_UP_TO;
  const ordered = folds && !showAll ? everything.slice(0, TOP) : everything;

  return (
    <section className="card p-5 sm:p-6" aria-labelledby="ranking-heading">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="ranking-heading" className="text-lg font-semibold">
          {t('heading')}
        </h2>
        {poll.participants.length > 0 && (
          <div
            className="inline-flex rounded-xl border border-line p-1"
            role="group"
            aria-label={t('orderLabel')}
          >
            {(['ranked', 'chronological'] as const).map((value) => (
              <button
                key={value}
                type="button"
                aria-pressed={order === value}
                onClick={() => onOrderChange(value)}
                className={`rounded-lg px-3 py-1.5 text-sm font-semibold ${order === value ? 'bg-accent text-accent-ink' : 'text-muted'}`}
              >
                {t(`order.${value}`)}
              </button>
            ))}
          </div>
        )}
      </div>
      {poll.participants.length === 0 ? (
        <p className="hint mt-1">{t('empty')}</p>
      ) : (
        <>
          <p className="hint mt-1">{t('intro')}</p>
          <ol id="ranking-items" className="mt-4 grid gap-3">
            {ordered.map((r) => {
              const view = views.get(r.id);
              if (!view) return null;
              return (
                <RankedItem
                  key={r.id}
                  poll={poll}
                  ranked={r}
                  view={view}
                  locale={locale}
                  explain={explain}
                  action={itemAction}
                  openBest={openBest}
                />
              );
            })}
          </ol>
          <div className="mt-3 flex flex-wrap items-end justify-between gap-3">
            {folds && (
              <button
                type="button"
                className="btn"
                aria-expanded={showAll}
                aria-controls="ranking-items"
                onClick={() => setShowAll((v) => !v)}
              >
                {showAll
                  ? t('showTop', { count: TOP })
                  : t('showAll', { count: everything.length })}
              </button>
            )}
            {children}
          </div>
        </>
      )}
      {poll.participants.length === 0 && children}
    </section>
  );
}

function RankedItem({
  poll,
  ranked,
  view,
  locale,
  explain,
  action,
  openBest,
}: {
  poll: PollRecord;
  ranked: RankedOptionView;
  view: OptionView;
  locale: string;
  explain: (x: ExplanationView) => string;
  action?: (ranked: RankedOptionView, label: string) => ReactNode;
  openBest: boolean;
}) {
  const t = useTranslations('ranking');
  const best = ranked.rank === 1 && ranked.keys.canAttend > 0;
  const [open, setOpen] = useState(
    openBest && best && poll.participants.length <= OPEN_FIRST_UP_TO,
  );
  const label = [view.dateLabel, view.timeRange].filter(Boolean).join(' ');
  return (
    <li
      className={`rounded-xl border p-3 sm:p-4 ${best ? 'border-accent bg-accent-soft' : 'border-line'}`}
      aria-label={label}
    >
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <span className="text-sm font-bold text-muted">{t('rank', { rank: ranked.rank })}</span>
        {best && (
          <span className="rounded-full bg-accent px-2 py-0.5 text-xs font-semibold text-accent-ink">
            ★ {t('best')}
          </span>
        )}
        <span className="font-semibold">
          {view.dateLabel}
          {view.timeRange && <span className="font-normal"> · {view.timeRange}</span>}
        </span>
        {action && <span className="ml-auto">{action(ranked, label)}</span>}
      </div>
      {/* The toggle ends the explanation's line rather than taking one of its own. */}
      <p className="mt-1 text-sm">
        {explain(ranked.explanation)}
        {poll.participants.length > 0 && (
          <>
            {' · '}
            <button
              type="button"
              className="font-medium text-accent underline"
              aria-expanded={open}
              onClick={() => setOpen((v) => !v)}
            >
              {t('everyone')}
            </button>
          </>
        )}
      </p>
      {open && (
        <ul className="mt-2 flex flex-wrap gap-2">
          {participantChips(poll, ranked.id).map((chip) => (
            <Chip key={chip.id} chip={chip} viewerDate={view.localDate} locale={locale} />
          ))}
        </ul>
      )}
    </li>
  );
}

function Chip({
  chip,
  viewerDate,
  locale,
}: {
  chip: ParticipantChip;
  viewerDate: string;
  locale: string;
}) {
  const t = useTranslations('ranking');
  const tv = useTranslations('poll.votes');
  const tr = useTranslations('results');
  const bandLabel = useBandLabel();
  const local =
    chip.localStart && chip.localEnd
      ? describeWallInterval(chip.localStart, chip.localEnd, { locale })
      : null;
  const shift = chip.localStart ? daysBetween(viewerDate, chip.localStart.slice(0, 10)) : 0;
  // A yes the engine counts as no (never window, not confirmed) shows as the yes it was, ⊘.
  const uncounted =
    chip.vote !== null && chip.vote !== 'no' && chip.effectiveVote === 'no' ? chip.vote : null;
  const vote = uncounted ?? chip.effectiveVote ?? chip.vote;
  const voteLabel =
    uncounted && chip.localStart
      ? tr('notCountedCell', {
          answer: tv(uncounted),
          time: formatWallTime(chip.localStart, { locale }),
          place: chip.place ?? '',
        })
      : vote && tv(vote);
  return (
    <li className="flex max-w-full flex-wrap items-center gap-x-2 gap-y-1 rounded-2xl border border-line bg-surface py-1 pr-1 pl-3 text-sm">
      <span className="font-medium">{chip.name}</span>
      {chip.place && <span className="text-muted">{chip.place}</span>}
      {local && (
        <span className="whitespace-nowrap">
          {local.timeRange}
          {shift !== 0 && (
            <span className="ml-1 text-xs text-muted">{t('dayShift', { days: shift })}</span>
          )}
        </span>
      )}
      {chip.band && (
        <span
          className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-semibold ${bandStyle(chip.band)}`}
        >
          <BandIcon band={chip.band} />
          {bandLabel(chip.band)}
        </span>
      )}
      {vote && (
        <span
          className="inline-flex items-center gap-1 rounded-full bg-raised px-2 py-0.5 text-xs"
          title={voteLabel ?? undefined}
        >
          <VoteIcon value={vote} className="size-3.5" />
          {uncounted && <NotCountedIcon />}
          <span className="sr-only">{voteLabel}</span>
        </span>
      )}
    </li>
  );
}
