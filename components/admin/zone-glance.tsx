'use client';

import { useTranslations } from 'next-intl';
import { BandIcon, bandStyle, useBandLabel } from '@/components/ui/comfort-band';
import type { OptionView } from '@/lib/poll/option-view';
import { describeWallInterval } from '@/lib/time/slot-display';
import type { GlanceCell } from '@/lib/fairness/zone-glance';

/** Options × places, each cell the local time there and its comfort band (icon and word). */
export function ZoneGlanceTable({
  zones,
  cells,
  views,
  locale,
}: {
  zones: { id: string; place: string }[];
  cells: [string, GlanceCell[]][];
  views: Map<string, OptionView>;
  locale: string;
}) {
  const t = useTranslations('glance');
  const bandLabel = useBandLabel();
  return (
    <section className="card p-5 sm:p-6" aria-labelledby="glance-heading">
      <h2 id="glance-heading" className="text-lg font-semibold">
        {t('heading')}
      </h2>
      <p className="hint mt-1">{t('hint')}</p>
      <div
        className="relative mt-4 overflow-x-auto"
        tabIndex={0}
        role="region"
        aria-label={t('scrollLabel')}
      >
        <table className="w-full border-separate border-spacing-0 text-sm">
          <thead>
            <tr>
              <th scope="col" className="sticky left-0 z-10 bg-surface p-2 text-left">
                {t('option')}
              </th>
              {zones.map((z) => (
                <th
                  key={z.id}
                  scope="col"
                  className="p-2 text-left font-semibold whitespace-nowrap"
                >
                  {z.place}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {cells.map(([optionId, row]) => {
              const view = views.get(optionId);
              if (!view) return null;
              return (
                <tr key={optionId}>
                  <th
                    scope="row"
                    className="sticky left-0 z-10 border-t border-line bg-surface p-2 text-left font-medium whitespace-nowrap"
                  >
                    {view.dateLabel}
                    {view.timeRange && (
                      <span className="block text-xs font-normal text-muted">{view.timeRange}</span>
                    )}
                  </th>
                  {row.map((cell, i) => {
                    const local = describeWallInterval(cell.localStart, cell.localEnd, { locale });
                    return (
                      <td key={zones[i]?.id ?? i} className="border-t border-line p-2 align-top">
                        <span className="block whitespace-nowrap">
                          {local.weekday} {local.timeRange}
                        </span>
                        <span
                          className={`mt-1 inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-semibold whitespace-nowrap ${bandStyle(cell.band)}`}
                        >
                          <BandIcon band={cell.band} />
                          {bandLabel(cell.band)}
                        </span>
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
