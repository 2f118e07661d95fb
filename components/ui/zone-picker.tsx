'use client';

import dynamic from 'next/dynamic';
import { useId, useState } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { placeLabel, type PickedPlace } from '@/lib/places/place-label';
import { zoneOffsetLabel } from '@/lib/time/offset-label';
import { resolveZone } from '@/lib/time/time-zone';

// Its own chunk: the zone bar shows the field only after "Change time zone", so the
// participant page's first load does not carry the combobox.
const PlaceCombobox = dynamic(() =>
  import('@/components/ui/place-combobox').then((m) => m.PlaceCombobox),
);

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
  instantsMs = [],
  place,
}: {
  value: string;
  onChange: (zone: string, place: PickedPlace | null) => void;
  label: string;
  name?: string;
  error?: string;
  nowMs: number;
  /** The instants the field's zone is for (the poll's options): its offset is theirs. */
  instantsMs?: readonly number[];
  place?: PickedPlace | null;
}) {
  const t = useTranslations('zone');
  const locale = useLocale();
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
        instantsMs={instantsMs}
        error={error}
        describedBy={`${id}-hint`}
        onPick={(zone, chosen) => {
          setPicked(chosen);
          onChange(zone, chosen);
        }}
      />
      <p id={`${id}-hint`} className="hint mt-1">
        {t('current', {
          place: city ?? placeLabel(current, locale),
          offset: zoneOffsetLabel(current, instantsMs, {
            locale,
            nowMs,
            from: (offset, date) => t('offsetFrom', { offset, date }),
          }),
        })}
      </p>
    </div>
  );
}
