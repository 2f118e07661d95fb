'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { ZonePicker } from '@/components/ui/zone-picker';
import { usesHour12, zoneOffsetLabel } from '@/lib/time/slot-display';
import { placeName } from '@/lib/time/time-zone';

/** Which zone and clock the page's times are in, with the means to change both. */
export function ZoneBar({
  zone,
  onZone,
  hour12,
  onHour12,
  locale,
  nowMs,
}: {
  /** Null until the browser reports its zone. */
  zone: string | null;
  onZone: (zone: string) => void;
  /** The viewer's choice; null follows the locale. */
  hour12: boolean | null;
  onHour12: (hour12: boolean) => void;
  locale: string;
  nowMs: number;
}) {
  const t = useTranslations('poll');
  const [changingZone, setChangingZone] = useState(false);
  const utcHint = zone !== null && (zone === 'UTC' || zone === 'Etc/UTC');
  return (
    <section
      className="card flex flex-wrap items-center justify-between gap-3 px-5 py-4"
      aria-label={t('zoneBarLabel')}
    >
      <p>
        {zone ? (
          <>
            {t('timesIn')} <strong>{t('zoneName', { place: placeName(zone) })}</strong>{' '}
            <span className="text-muted">({zoneOffsetLabel(zone, nowMs)})</span>
          </>
        ) : (
          <span className="text-muted">{t('detectingZone')}</span>
        )}
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
      {utcHint && (
        <p role="status" className="w-full rounded-lg bg-warn-soft px-3 py-2 text-sm">
          {t('utcHint')}
        </p>
      )}
      {changingZone && zone && (
        <div className="w-full">
          <ZonePicker label={t('zonePickerLabel')} value={zone} nowMs={nowMs} onChange={onZone} />
        </div>
      )}
    </section>
  );
}
