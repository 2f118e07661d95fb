'use client';

import dynamic from 'next/dynamic';
import { useId, useMemo, useState } from 'react';
import { useTranslations } from 'next-intl';
import type { PickedPlace } from '@/lib/places/place-label';
import { buildZoneChoices, zoneOffsetLabel } from '@/lib/time/slot-display';
import { placeName, resolveZone } from '@/lib/time/time-zone';

// Its own chunk: the zone bar shows the field only after "Change time zone", so the
// participant page's first load does not carry the combobox.
const PlaceCombobox = dynamic(() =>
  import('@/components/ui/place-combobox').then((m) => m.PlaceCombobox),
);

function runtimeZones(): string[] {
  return typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
}

/**
 * The zone list behind a searchable field, built when the field is first focused: 400-odd
 * zones with their offsets were most of the home page's markup and server time, for a list
 * that is only read while typing.
 */
export function useZoneChoices(nowMs: number) {
  const [wanted, setWanted] = useState(false);
  const choices = useMemo(
    () => (wanted ? buildZoneChoices(runtimeZones(), nowMs) : []),
    [wanted, nowMs],
  );
  return { choices, load: () => setWanted(true) };
}

/**
 * The zone field of the create form and the zone bar: a city search that commits only real
 * IANA zones, so an abbreviation such as IST is never stored, only the zone it was picked as.
 * `place` is the city the viewer picked, if the caller keeps it, so the field can name it.
 */
export function ZonePicker({
  value,
  onChange,
  label,
  name,
  error,
  nowMs,
  place,
}: {
  value: string;
  onChange: (zone: string, place: PickedPlace | null) => void;
  label: string;
  name?: string;
  error?: string;
  nowMs: number;
  place?: PickedPlace | null;
}) {
  const t = useTranslations('zone');
  const id = useId();
  // The city picked here, unless the caller keeps it (the zone bar remembers it across visits).
  const [picked, setPicked] = useState<PickedPlace | null>(null);
  const shown = place === undefined ? picked : place;
  const current = resolveZone(value).id ?? value;
  const city = shown && resolveZone(shown.zone).id === current ? shown.name : null;
  return (
    <div>
      {name !== undefined && <input type="hidden" name={name} value={current} />}
      <PlaceCombobox
        label={label}
        text={city ?? current}
        nowMs={nowMs}
        error={error}
        describedBy={`${id}-hint`}
        onPick={(zone, chosen) => {
          setPicked(chosen);
          onChange(zone, chosen);
        }}
      />
      <p id={`${id}-hint`} className="hint mt-1">
        {t('current', {
          place: city ?? placeName(current),
          offset: zoneOffsetLabel(current, nowMs),
        })}
      </p>
    </div>
  );
}
