'use client';

import { useTranslations } from 'next-intl';
import { NotCountedIcon, VoteIcon, VOTE_STYLE } from '@/components/ui/vote-mark';
import { ANSWER_FIELDS } from '@/lib/poll/answer-form';
import { cycleVote } from '@/lib/poll/answer-grid';
import { groupByDay } from '@/lib/poll/day-groups';
import { VOTE_VALUES, type VoteValue } from '@/lib/poll/model';
import type { OptionView } from '@/lib/poll/option-view';
import type { OptionTally } from '@/lib/fairness/option-tally';

/** The viewer's answers while they edit them, shared by the grid row and the phone list. */
export interface AnswerState {
  votes: Record<string, VoteValue>;
  setVote: (optionId: string, value: VoteValue) => void;
  /** The three answers' names, translated once for the whole page. */
  labels: Record<VoteValue, string>;
}

/** The grid's editable row: the answers, the name typed so far, and whether to draw it. */
export interface EditableRow extends AnswerState {
  name: string;
  /** False once the browser knows it is a phone, where the list answers instead. */
  editable: boolean;
}

export function optionLabel(view: OptionView): string {
  return [view.dateLabel, view.timeRange].filter(Boolean).join(' ');
}

/**
 * The viewer's cell of one option in the grid: one button that cycles yes → if need be → no
 * (click, tap, Space or Enter). The grid moves the focus between cells with the arrow keys
 * and gives this button its roving tabindex, so Tab enters and leaves the grid in one step.
 */
export function AnswerCell({
  view,
  answers,
  cell,
  tabIndex,
}: {
  view: OptionView;
  answers: AnswerState;
  /** "row col", the grid's address of this cell for the arrow keys. */
  cell: string;
  tabIndex: 0 | -1;
}) {
  const t = useTranslations('poll');
  const tr = useTranslations('results');
  const current = answers.votes[view.id];
  const answer = current ? answers.labels[current] : tr('noAnswer');
  return (
    <button
      type="button"
      data-cell={cell}
      tabIndex={tabIndex}
      aria-label={t('answerCell', { option: optionLabel(view), answer })}
      title={`${answer} · ${optionLabel(view)}`}
      className={`cell-choice ${current ? VOTE_STYLE[current] : 'border border-dashed border-line text-muted'}`}
      onClick={() => answers.setVote(view.id, cycleVote(current))}
    >
      {current && <VoteIcon value={current} className="size-4" />}
    </button>
  );
}

/**
 * The answer form on a phone: the date said once per day, then one row per option with its
 * time, the count of people who can come and the three answers as large targets.
 */
export function AnswerList({
  views,
  tallies,
  answers,
  grouped,
  className,
}: {
  views: OptionView[];
  /** The ranking's tally of each option: "yes" counts only where the ranking counts it. */
  tallies: Map<string, OptionTally>;
  answers: AnswerState;
  /** Timed polls group under day headers; an all-day option is its own date. */
  grouped: boolean;
  className: string;
}) {
  const t = useTranslations('poll');
  const tr = useTranslations('results');
  const groups = grouped ? groupByDay(views) : [{ date: '', items: views }];
  return (
    <div className={className}>
      {groups.map((group) => (
        <section key={`${group.date}-${group.items[0]?.id}`} className="mt-2">
          {grouped && group.items[0] && (
            <h3 className="sticky top-0 z-10 bg-surface py-1.5 text-sm font-bold">
              {group.items[0].weekday} {group.items[0].dayMonth}
            </h3>
          )}
          <ul className="grid">
            {group.items.map((v) => {
              const tally = tallies.get(v.id);
              const current = answers.votes[v.id];
              return (
                <li key={v.id} className="grid gap-2 border-t border-line py-2.5">
                  <div className="flex items-baseline justify-between gap-3">
                    <div className="min-w-0">
                      <p className="font-semibold">
                        {v.timeRange ?? v.dateLabel}
                        {v.crossesMidnight && (
                          <span className="ml-2 inline-block rounded-full bg-warn-soft px-2 py-0.5 text-xs font-medium whitespace-nowrap">
                            {t('crossesMidnight')}
                          </span>
                        )}
                      </p>
                      {v.organiserNote && <p className="hint">{v.organiserNote}</p>}
                    </div>
                    {tally && (
                      <p className="hint shrink-0 text-right whitespace-nowrap">
                        {t('tally', { yes: tally.yes, ifneedbe: tally.ifNeedBe })}
                        {tally.notCounted.length > 0 && (
                          <span className="block">
                            <NotCountedIcon />{' '}
                            {tr('notCountedTotal', { count: tally.notCounted.length })}
                          </span>
                        )}
                      </p>
                    )}
                  </div>
                  <div
                    className="grid grid-cols-[1fr_1.5fr_1fr] gap-1 rounded-xl bg-raised p-1"
                    role="radiogroup"
                    aria-label={t('answerFor', { option: optionLabel(v) })}
                  >
                    {VOTE_VALUES.map((value) => (
                      <label
                        key={value}
                        className={`vote-choice ${current === value ? `${VOTE_STYLE[value]} ring-1 ring-current` : 'text-muted hover:bg-surface'}`}
                      >
                        <input
                          type="radio"
                          className="absolute inset-0 cursor-pointer opacity-0"
                          name={`${ANSWER_FIELDS.votePrefix}${v.id}`}
                          value={value}
                          checked={current === value}
                          onChange={() => answers.setVote(v.id, value)}
                        />
                        <VoteIcon value={value} className="size-4 shrink-0" />
                        <span className="whitespace-nowrap">{answers.labels[value]}</span>
                      </label>
                    ))}
                  </div>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
