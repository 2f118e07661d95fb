'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { BandIcon, bandStyle, useBandLabel } from '@/components/ui/comfort-band';
import type { OptionView } from '@/lib/poll/option-view';
import { describeWallInterval } from '@/lib/time/slot-display';
import type { GlanceCell, GlanceColumn } from '@/lib/fairness/zone-glance';

const BANDS = ['comfortable', 'edge', 'early-late', 'antisocial', 'night'] as const;
/** Rows shown before "show all": the options worth deciding between, as the ranking shows them. */
const TOP = 5;

/**
 * Options × places, each cell the local time there with its comfort band (icon, tint, and the
 * word for screen readers and on hover; the legend says the words once). Beside the option:
 * its rank and the place worst off, so the hardest hour is on screen however far the table
 * scrolls. Rows come best first and only the top few show until asked: the page is read at a
 * glance, and a poll of twenty options would otherwise be a wall of times.
 */
export function ZoneGlanceTable({
  zones,
  cells,
  worst,
  views,
  ranks,
  locale,
}: {
  zones: Pick<GlanceColumn, 'id' | 'place' | 'workingHours'>[];
  cells: [string, GlanceCell[]][];
  worst: Map<string, number>;
  views: Map<string, OptionView>;
  ranks: Map<string, number>;
  locale: string;
}) {
  const t = useTranslations('glance');
  const tr = useTranslations('ranking');
  const bandLabel = useBandLabel();
  const [showAll, setShowAll] = useState(false);
  const unranked = cells.length;
  const byRank = [...cells].sort(
    (a, b) => (ranks.get(a[0]) ?? unranked) - (ranks.get(b[0]) ?? unranked),
  );
  const folds = byRank.length > TOP;
  const rows = folds && !showAll ? byRank.slice(0, TOP) : byRank;
  // The weekday only where the place's date is not the option's: the row header says the day.
  const pill = (cell: GlanceCell, viewerDate: string) => {
    const local = describeWallInterval(cell.localStart, cell.localEnd, { locale });
    const otherDay = cell.localStart.slice(0, 10) !== viewerDate;
    return (
      <span
        className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 whitespace-nowrap ${bandStyle(cell.band)}`}
        title={bandLabel(cell.band)}
      >
        <BandIcon band={cell.band} />
        {otherDay ? <strong>{local.weekday}</strong> : null} {local.timeRange}
        <span className="sr-only">{bandLabel(cell.band)}</span>
      </span>
    );
  };
  return (
    <section className="card min-w-0 p-4 sm:p-6" aria-labelledby="glance-heading">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="glance-heading" className="text-lg font-semibold">
          {t('heading')}
        </h2>
        {folds && (
          <button
            type="button"
            className="btn"
            aria-expanded={showAll}
            aria-controls="glance-rows"
            onClick={() => setShowAll((v) => !v)}
          >
            {showAll ? tr('showTop', { count: TOP }) : tr('showAll', { count: byRank.length })}
          </button>
        )}
      </div>
      <p className="hint mt-1">{t('hint')}</p>
      <ul className="mt-2 flex flex-wrap gap-1.5 py-1 text-xs" aria-label={t('legend')}>
        {BANDS.map((band) => (
          <li
            key={band}
            className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 font-semibold ${bandStyle(band)}`}
          >
            <BandIcon band={band} />
            {bandLabel(band)}
          </li>
        ))}
      </ul>
      {zones.some((z) => z.workingHours) && <p className="hint mt-1">{t('ownHoursNote')}</p>}
      <div
        className="relative mt-3 overflow-x-auto"
        tabIndex={0}
        role="region"
        aria-label={t('scrollLabel')}
      >
        <table className="w-full border-separate border-spacing-0 text-xs">
          <thead>
            <tr>
              <th scope="col" className="sticky left-0 z-10 bg-surface px-1.5 py-1 text-left">
                {t('option')}
              </th>
              <th scope="col" className="px-1.5 py-1 text-left font-semibold whitespace-nowrap">
                {t('worst')}
              </th>
              {zones.map((z, i) => (
                <th
                  key={`${z.id}-${i}`}
                  scope="col"
                  className="px-1.5 py-1 text-left font-semibold whitespace-nowrap"
                >
                  {z.place}
                  {z.workingHours && (
                    <span className="block font-normal text-muted">
                      {t('ownHours', { start: z.workingHours.start, end: z.workingHours.end })}
                    </span>
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody id="glance-rows">
            {rows.map(([optionId, row]) => {
              const view = views.get(optionId);
              if (!view) return null;
              const rank = ranks.get(optionId);
              const w = worst.get(optionId);
              const worstCell = w === undefined ? undefined : row[w];
              return (
                <tr key={optionId}>
                  <th
                    scope="row"
                    className="sticky left-0 z-10 border-t border-line bg-surface px-1.5 py-1 text-left font-medium whitespace-nowrap"
                  >
                    {view.dateLabel} {view.timeRange}
                    {rank !== undefined && (
                      <span className="ml-1.5 font-bold text-muted">{tr('rank', { rank })}</span>
                    )}
                  </th>
                  <td className="border-t border-line px-1.5 py-1 whitespace-nowrap">
                    {worstCell ? (
                      <>
                        <span className="mr-1 font-semibold">{zones[w ?? 0]?.place}</span>
                        {pill(worstCell, view.localDate)}
                      </>
                    ) : (
                      <span className="text-muted">{t('nobodyWorse')}</span>
                    )}
                  </td>
                  {row.map((cell, i) => (
                    <td key={zones[i]?.id ?? i} className="border-t border-line px-1.5 py-1">
                      {pill(cell, view.localDate)}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
