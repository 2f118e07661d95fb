'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { ZonePicker } from '@/components/ui/zone-picker';
import type { PickedPlace } from '@/lib/places/place-label';
import { placeLabel } from '@/lib/places/place-label';
import { zoneOffsetLabel } from '@/lib/time/offset-label';
import { usesHour12 } from '@/lib/time/slot-display';
import type { ViewerZone } from '@/lib/time/viewer-zone';

/** Which zone and clock the page's times are in, with the means to change both. */
export function ZoneBar({
  viewer,
  onZone,
  hour12,
  onHour12,
  locale,
  nowMs,
  instantsMs,
}: {
  viewer: ViewerZone;
  onZone: (zone: string, place: PickedPlace | null) => void;
  /** The viewer's choice; null follows the locale. */
  hour12: boolean | null;
  onHour12: (hour12: boolean) => void;
  locale: string;
  nowMs: number;
  /** The options' instants: the offsets shown are theirs, not today's. */
  instantsMs: readonly number[];
}) {
  const t = useTranslations('poll');
  const tz = useTranslations('zone');
  // A browser that names no city is asked for one at once, with the field open.
  const [changingZone, setChangingZone] = useState(viewer.source === 'noCity');
  const offset = zoneOffsetLabel(viewer.zone, instantsMs, {
    locale,
    nowMs,
    from: (o, date) => tz('offsetFrom', { offset: o, date }),
  });
  return (
    <section
      className="card flex flex-wrap items-center justify-between gap-3 px-5 py-4"
      aria-label={t('zoneBarLabel')}
    >
      <p>
        {t('timesIn')}{' '}
        <strong>{t('zoneName', { place: placeLabel(viewer.place ?? viewer.zone, locale) })}</strong>{' '}
        <span className="text-muted">({offset})</span>
        {viewer.source === 'poll' && <span className="text-muted"> · {t('pollZoneNote')}</span>}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <div
          className="inline-flex rounded-xl border border-line p-1"
          role="group"
          aria-label={t('clock')}
        >
          {([true, false] as const).map((twelve) => (
            <button
              key={String(twelve)}
              type="button"
              aria-pressed={(hour12 ?? usesHour12(locale)) === twelve}
              onClick={() => onHour12(twelve)}
              className={`rounded-lg px-2.5 py-1 text-sm font-semibold ${(hour12 ?? usesHour12(locale)) === twelve ? 'bg-accent text-accent-ink' : 'text-muted'}`}
            >
              {twelve ? t('clock12') : t('clock24')}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="btn"
          aria-expanded={changingZone}
          onClick={() => setChangingZone((v) => !v)}
        >
          {t('changeZone')}
        </button>
      </div>
      {viewer.source === 'noCity' && (
        <p role="status" className="w-full rounded-lg bg-warn-soft px-3 py-2 text-sm">
          {t('utcHint')}
        </p>
      )}
      {changingZone && (
        <div className="w-full">
          <ZonePicker
            label={t('zonePickerLabel')}
            value={viewer.zone}
            place={viewer.place}
            nowMs={nowMs}
            instantsMs={instantsMs}
            onChange={(zone, place) => {
              onZone(zone, place);
              setChangingZone(false);
            }}
          />
        </div>
      )}
    </section>
  );
}
