'use client';

import { useMemo, useState } from 'react';
import { useTranslations } from 'next-intl';
import { runtimeZones } from '@/components/zone-picker';
import { buildZoneChoices, matchZone, zoneOffsetLabel } from '@/lib/slot-display';
import { placeName } from '@/lib/time-zone';

/** The cities the organiser expects guests in: a searchable add field and removable chips. */
export function GuestZonesField({
  zones,
  onChange,
  nowMs,
  error,
}: {
  zones: string[];
  onChange: (zones: string[]) => void;
  nowMs: number;
  error?: string;
}) {
  const t = useTranslations('create');
  const tz = useTranslations('zone');
  const [draft, setDraft] = useState('');
  const [invalid, setInvalid] = useState(false);
  const choices = useMemo(() => buildZoneChoices(runtimeZones(), nowMs), [nowMs]);

  function add() {
    const zone = matchZone(draft, choices);
    if (!zone) {
      setInvalid(draft.trim() !== '');
      return;
    }
    if (!zones.includes(zone)) onChange([...zones, zone]);
    setDraft('');
    setInvalid(false);
  }

  return (
    <div>
      <p className="label" id="guest-zones-label">
        {t('guestZones')}
      </p>
      <p className="hint mb-2">{t('guestZonesHint')}</p>
      {zones.length > 0 && (
        <ul className="mb-2 flex flex-wrap gap-2" aria-labelledby="guest-zones-label">
          {zones.map((zone) => (
            <li key={zone} className="flex items-center gap-1 rounded-full border border-line bg-raised py-1 pr-1 pl-3 text-sm">
              {placeName(zone)} <span className="text-muted">{zoneOffsetLabel(zone, nowMs)}</span>
              <button
                type="button"
                className="grid size-6 place-items-center rounded-full hover:bg-line"
                aria-label={t('removeGuestZone', { place: placeName(zone) })}
                onClick={() => onChange(zones.filter((z) => z !== zone))}
              >
                ×
              </button>
            </li>
          ))}
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
        <button type="button" className="btn" onClick={add}>
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
