'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { useZoneChoices } from '@/components/ui/zone-picker';
import { matchZone, zoneOffsetLabel } from '@/lib/time/slot-display';
import type { HM } from '@/lib/fairness/model';
import type { PlaceInput } from '@/lib/finder/heatmap';
import { placeName } from '@/lib/time/time-zone';

/** The cities the organiser expects guests in: a searchable add field and removable chips. */
export function GuestZonesField({
  places,
  onChange,
  nowMs,
  error,
}: {
  places: PlaceInput[];
  onChange: (places: PlaceInput[]) => void;
  nowMs: number;
  error?: string;
}) {
  const t = useTranslations('create');
  const tz = useTranslations('zone');
  const [draft, setDraft] = useState('');
  const [invalid, setInvalid] = useState(false);
  const { choices, load } = useZoneChoices(nowMs);

  function add() {
    const zone = matchZone(draft, choices);
    if (!zone) {
      setInvalid(draft.trim() !== '');
      return;
    }
    if (!places.some((p) => p.zone === zone)) onChange([...places, { zone }]);
    setDraft('');
    setInvalid(false);
  }

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
            const city = placeName(place.zone);
            return (
              <li
                key={place.zone}
                className="flex flex-wrap items-center gap-x-3 gap-y-2 rounded-xl border border-line bg-raised px-3 py-2 text-sm"
              >
                <span className="font-semibold">{city}</span>
                <span className="text-muted">{zoneOffsetLabel(place.zone, nowMs)}</span>
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
      <div className="flex items-end gap-2">
        <div className="grow">
          <label className="label" htmlFor="guest-zone-draft">
            {t('addGuestZone')}
          </label>
          <input
            id="guest-zone-draft"
            className="field"
            list="guest-zone-choices"
            value={draft}
            autoComplete="off"
            aria-invalid={invalid || Boolean(error)}
            aria-describedby="guest-zone-error"
            onFocus={load}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              }
            }}
          />
          <datalist id="guest-zone-choices">
            {choices.map((c) => (
              <option key={c.id} value={c.id} label={c.label} />
            ))}
          </datalist>
        </div>
        <button type="button" className="btn whitespace-nowrap" onClick={add}>
          {t('addGuestZoneButton')}
        </button>
      </div>
      {(invalid || error) && (
        <p id="guest-zone-error" className="error-text" role="alert">
          {invalid ? tz('unknown', { value: draft }) : error}
        </p>
      )}
    </div>
  );
}
