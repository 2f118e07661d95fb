'use client';

import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import type * as PlaceFinder from '@/lib/places/place-finder';
import type { PickedPlace } from '@/lib/places/place-label';
import type { PlaceSuggestion } from '@/lib/places/place-search';
import { zoneOffsetLabel } from '@/lib/time/offset-label';
import { resolveZone } from '@/lib/time/time-zone';

type Finder = typeof PlaceFinder;

let finderLoading: Promise<Finder> | null = null;

/** The city search and its data, fetched as its own chunk the first time a field is used. */
function loadFinder(): Promise<Finder> {
  finderLoading ??= import('@/lib/places/place-finder').catch((error: unknown) => {
    finderLoading = null;
    throw error;
  });
  return finderLoading;
}

/** A typed IANA name ("Europe/Rome", "Asia/Calcutta") counts at once, as it always did. */
function typedZone(text: string): string | null {
  const resolved = resolveZone(text.trim());
  return resolved.status === 'iana' && (text.includes('/') || resolved.id === 'UTC')
    ? resolved.id
    : null;
}

function pickedPlace(s: PlaceSuggestion): PickedPlace | null {
  return s.kind === 'city' ? { name: s.name, zone: s.zone } : null;
}

/**
 * A city search as an ARIA combobox (list autocomplete): type "München", "Bombay", "NYC",
 * "Eastern Time" or "IST", move through the suggestions with the arrow keys, Enter picks,
 * Escape closes. `onPick` gets the IANA zone, and the city when a city was picked.
 */
export function PlaceCombobox({
  label,
  onPick,
  nowMs,
  instantsMs = [],
  text,
  clearOnPick = false,
  error,
  describedBy,
}: {
  label: string;
  onPick: (zone: string, place: PickedPlace | null) => void;
  nowMs: number;
  /** The instants the suggestions' offsets are for (the poll's options); none: now. */
  instantsMs?: readonly number[];
  /** What the field shows while it is not being edited. */
  text: string;
  clearOnPick?: boolean;
  error?: string;
  describedBy?: string;
}) {
  const t = useTranslations('zone');
  const locale = useLocale();
  const id = useId();
  const listId = `${id}-list`;
  const [draft, setDraft] = useState<string | null>(null);
  const [finder, setFinder] = useState<Finder | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [refused, setRefused] = useState<string | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);

  const query = draft?.trim() ?? '';
  const suggestions = useMemo(
    () => (finder && query !== '' ? finder.findPlaces(query) : []),
    [finder, query],
  );
  const expanded = open && query !== '' && suggestions.length > 0;
  const regions = useMemo(() => new Intl.DisplayNames([locale], { type: 'region' }), [locale]);

  function load() {
    if (finder) return;
    loadFinder().then(setFinder, () => setLoadFailed(true));
  }

  function pick(s: PlaceSuggestion) {
    onPick(s.zone, pickedPlace(s));
    setDraft(clearOnPick ? '' : null);
    setOpen(false);
    setRefused(null);
  }

  function refuse() {
    if (query !== '') setRefused(query);
    setOpen(false);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        e.preventDefault();
        if (suggestions.length === 0) return;
        setOpen(true);
        const step = e.key === 'ArrowDown' ? 1 : -1;
        setActive((i) =>
          !expanded || i === -1
            ? step === 1
              ? 0
              : suggestions.length - 1
            : (i + step + suggestions.length) % suggestions.length,
        );
        return;
      }
      case 'Enter': {
        if (draft === null) return;
        e.preventDefault();
        const highlighted = expanded ? suggestions[active] : undefined;
        // A typed IANA name is that zone, whatever the city search ranks first for its words.
        const zone = highlighted ? null : typedZone(query);
        if (zone) {
          onPick(zone, null);
          setDraft(clearOnPick ? '' : null);
          setOpen(false);
          setRefused(null);
          return;
        }
        const chosen = highlighted || suggestions[0];
        if (chosen) pick(chosen);
        else if (finder || loadFailed) refuse();
        else {
          // Enter typed before the data arrived: answer it once it has.
          const typed = query;
          loadFinder().then((f) => {
            const first = f.findPlaces(typed)[0];
            if (first) pick(first);
            else refuse();
          }, refuse);
        }
        return;
      }
      case 'Escape':
        if (expanded) {
          e.preventDefault();
          setOpen(false);
        } else if (draft !== null) {
          e.preventDefault();
          setDraft(clearOnPick ? '' : null);
          setRefused(null);
        }
        return;
    }
  }

  const optionId = (i: number) => `${id}-option-${i}`;
  const hasError = refused !== null || Boolean(error);

  return (
    <div className="relative">
      <label className="label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="field"
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        aria-invalid={hasError}
        aria-describedby={[describedBy, hasError ? `${id}-error` : null].filter(Boolean).join(' ')}
        value={draft ?? text}
        autoComplete="off"
        spellCheck={false}
        onFocus={load}
        onChange={(e) => {
          const value = e.target.value;
          setDraft(value);
          setActive(-1);
          setOpen(true);
          setRefused(null);
          load();
          const zone = typedZone(value);
          if (zone && !clearOnPick) {
            onPick(zone, null);
            setDraft(null);
          }
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setOpen(false);
          if (query !== '' && finder && suggestions.length === 0) refuse();
          else if (!clearOnPick) setDraft(null);
        }}
      />
      {expanded && (
        <ul
          id={listId}
          role="listbox"
          aria-label={t('suggestions')}
          className="absolute z-20 mt-1 max-h-80 w-full overflow-y-auto rounded-xl border border-line bg-raised py-1 shadow-lg"
        >
          {suggestions.map((s, i) => (
            <li
              key={`${s.kind}:${s.zone}:${'name' in s ? s.name : ''}:${i}`}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className={`cursor-pointer px-3 py-2 text-sm ${i === active ? 'bg-accent text-accent-ink' : 'hover:bg-line'}`}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(s)}
            >
              <span className="font-semibold">
                {s.kind === 'zone' ? finder?.suggestionLabel(s.zone, locale) : s.name}
              </span>
              {s.kind === 'city' && s.matched !== undefined && <span> ({s.matched})</span>}
              <span className={`block text-xs ${i === active ? '' : 'text-muted'}`}>
                {[
                  s.kind === 'city' ? regions.of(s.country) : null,
                  s.kind === 'zoneName' ? finder?.suggestionLabel(s.zone, locale) : null,
                  s.zone,
                  zoneOffsetLabel(s.zone, instantsMs, {
                    locale,
                    nowMs,
                    from: (offset, date) => t('offsetFrom', { offset, date }),
                  }),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="sr-only" role="status" aria-live="polite">
        {draft === null || query === ''
          ? ''
          : !finder && !loadFailed
            ? t('loading')
            : t('results', { count: suggestions.length })}
      </p>
      {hasError && (
        <p id={`${id}-error`} className="error-text" role="alert">
          {refused !== null ? t('noPlace', { value: refused }) : error}
        </p>
      )}
    </div>
  );
}
