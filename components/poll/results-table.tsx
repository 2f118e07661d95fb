'use client';

import { Fragment, useState, type KeyboardEvent } from 'react';
import { useTranslations } from 'next-intl';
import { AnswerCell, optionLabel, type EditableRow } from '@/components/poll/answer-choices';
import { RemoveAnswer } from '@/components/poll/remove-answer';
import { NotCountedIcon, VoteIcon, VoteMark } from '@/components/ui/vote-mark';
import type { NotCounted, OptionTally } from '@/lib/fairness/option-tally';
import { moveCell, type GridCell } from '@/lib/poll/answer-grid';
import { groupByDay } from '@/lib/poll/day-groups';
import type { PollRecord } from '@/lib/poll/model';
import type { OptionView } from '@/lib/poll/option-view';
import type { Failure } from '@/lib/poll/problems';
import { useOverflows } from '@/components/poll/use-overflows';
import { describeTimedSlot, formatWallTime } from '@/lib/time/slot-display';
import { TimeHeader } from '@/components/poll/time-header';
import { placeName } from '@/lib/time/time-zone';

/**
 * Rows shown before the viewer asks for all: the totals row already sums everyone, and a
 * table of 200 participants × 50 options is ten thousand cells nobody reads on arrival
 * (they were most of the time it took to serve a large poll's page).
 */
const FIRST_ROWS = 25;

/** The editable row's key among the participants' ids in the keyboard's walk. */
const MINE = '';

/**
 * The grid people know from Doodle: options as columns under their day, participants as
 * rows, the viewer's own row editable in place (wide screens; phones answer in the list)
 * and the totals below. The fairest option is marked in words and with a star, so the
 * highlight never depends on colour; each answer's title gives that person's local time.
 * Every count is the ranking's (`tallies`): a yes the engine does not count is marked ⊘ in
 * its cell, with the reason in its label, and left out of "can attend".
 */
export function ResultsTable({
  poll,
  views,
  tallies,
  best,
  highlightId,
  locale,
  mine,
  removeAction,
}: {
  poll: PollRecord;
  /** The options by date: the day headers span neighbouring columns. */
  views: OptionView[];
  /** The ranking's tally of each option. */
  tallies: Map<string, OptionTally>;
  best: Set<string>;
  highlightId: string | null;
  locale: string;
  /** The viewer's editable row, when they can answer. */
  mine?: EditableRow;
  removeAction?: (participantId: string) => Promise<Failure | null>;
}) {
  const t = useTranslations('results');
  const tv = useTranslations('poll.votes');
  const tp = useTranslations('poll');
  const count = poll.participants.length;
  const [showAll, setShowAll] = useState(false);
  const [scroller, scrolls] = useOverflows();
  // The column the pointer or focus is on, described in full under the grid.
  const [activeId, setActiveId] = useState<string | null>(null);
  const active =
    views.find((v) => v.id === activeId) ?? views.find((v) => best.has(v.id)) ?? views[0];
  const follow = (target: EventTarget) => {
    const id = (target as HTMLElement).closest('[data-option]')?.getAttribute('data-option');
    if (id) setActiveId(id);
  };
  const rows = showAll ? poll.participants : firstRows(poll.participants, highlightId);
  // A viewer who has not answered yet gets a new row at the bottom, as in Doodle.
  const stored = rows.some((p) => p.id === highlightId);
  // Said once, not once per cell: a large poll has ten thousand cells.
  const labels = { yes: tv('yes'), ifneedbe: tv('ifneedbe'), no: tv('no'), none: t('noAnswer') };
  const days = groupByDay(views);
  const starts = new Map(poll.options.map((o) => [o.id, o]));
  const localTime = (zone: string, optionId: string): string | null => {
    const o = starts.get(optionId);
    if (!o || o.startsAt === null || o.durationMinutes === null) return null;
    const v = describeTimedSlot(o.startsAt, o.durationMinutes, zone, poll.timeZone, { locale });
    return `${v.weekday} ${v.timeRange} · ${placeName(zone)}`;
  };
  // The few answers that do not count, by option and participant: most polls have none.
  const notCounted = new Map<string, NotCounted>();
  for (const [optionId, tally] of tallies)
    for (const n of tally.notCounted) notCounted.set(`${optionId} ${n.participantId}`, n);
  const notCountedLabel = (answer: string, n: NotCounted) =>
    t('notCountedCell', {
      answer,
      time: formatWallTime(`2000-01-01T${n.localTime}`, { locale }),
      place: n.place,
    });
  const tallyDetail = (tally: OptionTally | undefined) => {
    const counts = { yes: tally?.yes ?? 0, ifneedbe: tally?.ifNeedBe ?? 0 };
    const uncounted = tally?.notCounted.length ?? 0;
    return uncounted > 0
      ? t('tallyDetailNotCounted', { ...counts, notCounted: uncounted })
      : t('tallyDetail', counts);
  };
  // The grid's rows as the arrow keys walk them: the stored own row is hidden behind the
  // editable one, and a viewer who has not answered yet has theirs at the bottom.
  const grid = Boolean(mine?.editable);
  const walked = rows.flatMap((p) => (p.id !== highlightId || !mine ? [p.id] : grid ? [MINE] : []));
  if (grid && !stored) walked.push(MINE);
  const rowOf = new Map(walked.map((id, i) => [id, i]));
  const mineRow = rowOf.get(MINE) ?? 0;
  const [focus, setFocus] = useState<GridCell | null>(null);
  const at = focus ?? { row: mineRow, col: 0 };
  const cellProps = (rowId: string, col: number) => {
    const row = rowOf.get(rowId);
    if (!grid || row === undefined) return {};
    return {
      'data-cell': `${row} ${col}`,
      tabIndex: (at.row === row && at.col === col ? 0 : -1) as 0 | -1,
    };
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    const from = (e.target as HTMLElement).closest('[data-cell]')?.getAttribute('data-cell');
    if (!from) return;
    const [row = 0, col = 0] = from.split(' ').map(Number);
    const to = moveCell(
      { row, col },
      e.key,
      { rows: walked.length, cols: views.length },
      e.ctrlKey,
    );
    if (!to) return;
    e.preventDefault();
    setFocus(to);
    e.currentTarget.querySelector<HTMLElement>(`[data-cell="${to.row} ${to.col}"]`)?.focus();
  };
  const dayStart = new Set(days.map((d) => d.items[0]?.id));
  const edge = (id: string) => (dayStart.has(id) ? 'day-start' : '');

  const editable = mine?.editable && (
    <tr className="mine-row max-[899px]:hidden">
      <th
        scope="row"
        className="sticky left-0 z-10 border-t border-line bg-accent-soft p-2 text-left font-semibold"
      >
        <span className="block max-w-40 truncate">
          {mine.name || t('yourRow')} <span className="hint text-xs font-normal">{t('you')}</span>
        </span>
      </th>
      {views.map((v, col) => (
        <td key={v.id} data-option={v.id} className={`${edge(v.id)} result-cell bg-accent-soft`}>
          <AnswerCell
            view={v}
            answers={mine}
            cell={`${mineRow} ${col}`}
            tabIndex={at.row === mineRow && at.col === col ? 0 : -1}
          />
        </td>
      ))}
    </tr>
  );

  return (
    <section
      className={mine ? 'min-w-0 border-t border-line pt-4' : 'card min-w-0 p-4 sm:p-6'}
      aria-labelledby="results-heading"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="results-heading" className="text-lg font-semibold">
          {t('heading')}
        </h2>
        <p className="hint">{t('participants', { count })}</p>
      </div>
      {count === 0 && <p className="hint mt-3">{t('empty')}</p>}
      {(count > 0 || mine) && (
        <div
          ref={scroller}
          className={`relative mt-3 overflow-x-auto ${count === 0 ? 'max-[899px]:hidden' : ''}`}
          tabIndex={0}
          role="region"
          aria-label={t('scrollLabel')}
        >
          <table
            role={grid ? 'grid' : undefined}
            aria-labelledby={grid ? 'results-heading' : undefined}
            onKeyDown={grid ? onKeyDown : undefined}
            className="results-grid w-full border-separate border-spacing-0 text-sm"
            onMouseOver={(e) => follow(e.target)}
            onFocus={(e) => follow(e.target)}
          >
            <caption className="sr-only">{t('caption')}</caption>
            <thead>
              <tr>
                <td className="sticky left-0 z-10 bg-surface" />
                {days.map((d) => (
                  <th
                    key={`${d.date}-${d.items[0]?.id}`}
                    scope="colgroup"
                    colSpan={d.items.length}
                    className="day-start border-b border-line px-1 pb-1 text-left font-semibold whitespace-nowrap"
                  >
                    <span className="text-xs text-muted uppercase">{d.items[0]?.weekday}</span>{' '}
                    {d.items[0]?.dayMonth}
                  </th>
                ))}
              </tr>
              <tr>
                <th
                  scope="col"
                  className="sticky left-0 z-10 min-w-28 bg-surface p-2 text-left align-bottom font-semibold"
                >
                  {t('participantColumn')}
                </th>
                {views.map((v) => (
                  <th
                    key={v.id}
                    data-option={v.id}
                    scope="col"
                    className={`${edge(v.id)} min-w-11 px-0 pt-1.5 pb-1 text-center align-bottom font-normal ${best.has(v.id) ? 'bg-accent-soft' : ''}`}
                  >
                    {best.has(v.id) && (
                      <span className="mb-1 block text-xs font-semibold text-accent">
                        ★ {t('best')}
                      </span>
                    )}
                    {v.timeRange ? (
                      <TimeHeader range={v.timeRange} />
                    ) : (
                      <span className="block font-semibold whitespace-nowrap">{v.dayMonth}</span>
                    )}
                    {v.crossesMidnight && (
                      <span className="block text-[11px] leading-tight text-maybe">
                        {tp('crossesMidnight')}
                      </span>
                    )}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody id="results-rows">
              {rows.map((p) => (
                <Fragment key={p.id}>
                  {p.id === highlightId && editable}
                  <tr
                    className={
                      p.id !== highlightId
                        ? ''
                        : mine
                          ? 'font-semibold min-[900px]:hidden'
                          : 'font-semibold'
                    }
                  >
                    <th
                      scope="row"
                      className="sticky left-0 z-10 border-t border-line bg-surface px-2 py-0.5 text-left leading-tight font-medium"
                    >
                      <span className="flex items-center justify-between gap-1">
                        {/* One line per person, the place after the name: the grid stays short. */}
                        <span className="block max-w-48 min-w-0 truncate">
                          {p.name}
                          {p.id === highlightId && (
                            <span className="hint font-normal"> {t('you')}</span>
                          )}{' '}
                          <span className="hint text-xs font-normal">{placeName(p.timeZone)}</span>
                        </span>
                        {removeAction && (
                          <RemoveAnswer name={p.name} onRemove={() => removeAction(p.id)} />
                        )}
                      </span>
                    </th>
                    {views.map((v, col) => {
                      const uncounted = notCounted.get(`${v.id} ${p.id}`);
                      const answer = labels[p.votes[v.id] ?? 'none'];
                      const label = uncounted ? notCountedLabel(answer, uncounted) : answer;
                      const local = localTime(p.timeZone, v.id);
                      return (
                        <td
                          key={v.id}
                          {...cellProps(p.id, col)}
                          className={`${edge(v.id)} result-cell ${best.has(v.id) ? 'bg-accent-soft' : ''}`}
                        >
                          <VoteMark
                            value={p.votes[v.id]}
                            label={label}
                            title={local ? `${label} · ${local}` : label}
                            notCounted={uncounted !== undefined}
                          />
                        </td>
                      );
                    })}
                  </tr>
                </Fragment>
              ))}
              {!stored && editable}
            </tbody>
            {count > 0 && (
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
                    const detail = tallyDetail(tally);
                    const uncounted = tally?.notCounted.length ?? 0;
                    return (
                      <td
                        key={v.id}
                        data-option={v.id}
                        className={`${edge(v.id)} border-t-2 border-line p-1.5 text-center ${best.has(v.id) ? 'bg-accent-soft' : ''}`}
                        title={detail}
                      >
                        <span className="block text-base font-bold">
                          {t('canAttend', { count: tally?.canAttend ?? 0 })}
                        </span>
                        <span className="sr-only">{detail}</span>
                        {(tally?.ifNeedBe ?? 0) > 0 && (
                          <span
                            aria-hidden="true"
                            className="hint inline-flex items-center gap-0.5 text-xs"
                          >
                            <VoteIcon value="ifneedbe" className="size-3" />
                            {tally?.ifNeedBe}
                          </span>
                        )}
                        {uncounted > 0 && (
                          <span aria-hidden="true" className="hint ml-1 text-xs">
                            <NotCountedIcon /> {uncounted}
                          </span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              </tfoot>
            )}
          </table>
        </div>
      )}
      {/* One line under the grid: what the focused column holds, and that it scrolls. */}
      <div className="mt-1 flex flex-wrap-reverse items-baseline justify-between gap-x-4 gap-y-1">
        {active && (count > 0 || mine) && !(mine && !mine.editable) && (
          <p className={`detail-strip hint ${count === 0 ? 'max-[899px]:hidden' : ''}`}>
            <span className="font-semibold text-ink">{optionLabel(active)}</span>
            {active.organiserNote && <span>{active.organiserNote}</span>}
            {tallies.get(active.id) && <span>{tallyDetail(tallies.get(active.id))}</span>}
          </p>
        )}
        {scrolls && (
          <p className="hint ml-auto text-right" data-testid="results-scroll-hint">
            {t('scrollHint', { count: views.length })}
          </p>
        )}
      </div>
      {!mine && notCounted.size > 0 && (
        <ul className="mt-2 text-sm" aria-label={tp('legend')}>
          <li className="flex items-center gap-1.5">
            <NotCountedIcon />
            {t('notCountedLegend')}
          </li>
        </ul>
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
