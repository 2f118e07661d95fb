'use client';

import { useLocale, useTranslations } from 'next-intl';
import { PlaceCombobox } from '@/components/ui/place-combobox';
import type { HM } from '@/lib/fairness/model';
import type { PlaceInput } from '@/lib/finder/heatmap';
import { placeLabel } from '@/lib/places/place-label';
import { zoneOffsetLabel } from '@/lib/time/offset-label';

/** The cities the organiser expects guests in: a searchable add field and removable chips. */
export function GuestZonesField({
  places,
  onChange,
  nowMs,
  instantsMs,
  error,
}: {
  places: PlaceInput[];
  onChange: (places: PlaceInput[]) => void;
  nowMs: number;
  /** The options' instants so far: each city's offset is the one they have then. */
  instantsMs: readonly number[];
  error?: string;
}) {
  const t = useTranslations('create');
  const tz = useTranslations('zone');
  const locale = useLocale();

  return (
    <div>
      <p className="label" id="guest-zones-label">
        {t('guestZones')}
      </p>
      <p className="hint mb-2">{t('guestZonesHint')}</p>
      {places.length > 0 && (
        <ul className="mb-2 grid gap-2" aria-labelledby="guest-zones-label">
          {places.map((place, index) => {
            const update = (patch: Partial<PlaceInput>) =>
              onChange(places.map((p, i) => (i === index ? { ...p, ...patch } : p)));
            const city = placeLabel(place.zone, locale);
            return (
              <li
                key={place.zone}
                className="flex flex-wrap items-center gap-x-3 gap-y-2 rounded-xl border border-line bg-raised px-3 py-2 text-sm"
              >
                <span className="font-semibold">{city}</span>
                <span className="text-muted">
                  {zoneOffsetLabel(place.zone, instantsMs, {
                    locale,
                    nowMs,
                    from: (offset, date) => tz('offsetFrom', { offset, date }),
                  })}
                </span>
                <label className="flex items-center gap-1">
                  {t('guestHeadcount')}
                  <input
                    type="number"
                    min={1}
                    max={5000}
                    className="field w-20 py-1"
                    value={place.headcount ?? 1}
                    aria-label={t('guestHeadcountFor', { place: city })}
                    onChange={(e) =>
                      update({
                        headcount: Math.max(
                          1,
                          Math.min(5000, Math.round(Number(e.target.value) || 1)),
                        ),
                      })
                    }
                  />
                </label>
                <span className="flex items-center gap-1">
                  {t('guestHours')}
                  <input
                    type="time"
                    className="field w-32 py-1"
                    aria-label={t('guestHoursFrom', { place: city })}
                    value={place.workingHours?.start ?? '09:00'}
                    onChange={(e) =>
                      /^\d{2}:\d{2}$/.test(e.target.value) &&
                      update({
                        workingHours: {
                          start: e.target.value as HM,
                          end: place.workingHours?.end ?? '17:00',
                        },
                      })
                    }
                  />
                  <span aria-hidden="true">–</span>
                  <input
                    type="time"
                    className="field w-32 py-1"
                    aria-label={t('guestHoursTo', { place: city })}
                    value={place.workingHours?.end ?? '17:00'}
                    onChange={(e) =>
                      /^\d{2}:\d{2}$/.test(e.target.value) &&
                      update({
                        workingHours: {
                          start: place.workingHours?.start ?? '09:00',
                          end: e.target.value as HM,
                        },
                      })
                    }
                  />
                </span>
                <button
                  type="button"
                  className="ml-auto grid size-6 place-items-center rounded-full hover:bg-line"
                  aria-label={t('removeGuestZone', { place: city })}
                  onClick={() => onChange(places.filter((_, i) => i !== index))}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <PlaceCombobox
        label={t('addGuestZone')}
        text=""
        clearOnPick
        nowMs={nowMs}
        instantsMs={instantsMs}
        error={error}
        onPick={(zone) => {
          if (!places.some((p) => p.zone === zone)) onChange([...places, { zone }]);
        }}
      />
    </div>
  );
}
