'use client';

import { useId, useMemo, useState } from 'react';
import { useTranslations } from 'next-intl';
import { buildZoneChoices, matchZone, zoneOffsetLabel } from '@/lib/time/slot-display';
import { isIanaZone, placeName } from '@/lib/time/time-zone';

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
 * A searchable zone field: type a city ("new york", "kolkata") and pick it from the list.
 * It commits only real IANA zones, so an abbreviation such as IST is never stored.
 */
export function ZonePicker({
  value,
  onChange,
  label,
  name,
  error,
  nowMs,
}: {
  value: string;
  onChange: (zone: string) => void;
  label: string;
  name?: string;
  error?: string;
  nowMs: number;
}) {
  const t = useTranslations('zone');
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const { choices, load } = useZoneChoices(nowMs);
  const invalid = draft !== null && draft.trim() !== '' && !isIanaZone(draft.trim());
  const shown = draft ?? value;

  function commit(text: string) {
    const zone = matchZone(text, choices);
    if (zone) {
      onChange(zone);
      setDraft(null);
    }
  }

  return (
    <div>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        name={name}
        className="field"
        list={`${id}-zones`}
        value={shown}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={invalid || Boolean(error)}
        aria-describedby={`${id}-hint`}
        onFocus={load}
        onChange={(e) => {
          setDraft(e.target.value);
          commit(e.target.value);
        }}
        onBlur={() => {
          if (draft !== null && !invalid) setDraft(null);
        }}
      />
      <datalist id={`${id}-zones`}>
        {choices.map((c) => (
          <option key={c.id} value={c.id} label={c.label} />
        ))}
      </datalist>
      <p
        id={`${id}-hint`}
        className={invalid || error ? 'error-text' : 'hint mt-1'}
        role={invalid || error ? 'alert' : undefined}
      >
        {invalid
          ? t('unknown', { value: draft ?? '' })
          : error
            ? error
            : t('current', { place: placeName(value), offset: zoneOffsetLabel(value, nowMs) })}
      </p>
    </div>
  );
}
