'use client';

import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslations } from 'next-intl';
import { BandIcon, bandStyle, useBandLabel } from '@/components/ui/comfort-band';
import { PairReport } from '@/components/create/pair-report';
import { SuggestionList } from '@/components/create/suggestion-list';
import { VoteIcon } from '@/components/ui/vote-mark';
import {
  weekHeatmap,
  HEATMAP_STEPS,
  type HeatmapCell,
  type HeatmapStep,
  type PlaceInput,
  type WeekHeatmap,
} from '@/lib/finder/heatmap';
import {
  suggestAlternatingPair,
  type AlternatingPairResult,
} from '@/lib/finder/alternating-series';
import { suggestSlots, type SuggestedSlot } from '@/lib/finder/weekly-suggestions';
import { describeDate, formatWallTime } from '@/lib/time/slot-display';
import { placeName } from '@/lib/time/time-zone';
import { mondayOf, shortDayLabel } from '@/lib/time/week-days';

/**
 * The whole week across everyone's clocks: rows are the organiser's times, columns the days,
 * each cell showing its worst comfort band (colour, icon and name) across the listed places.
 * A cell toggles the option at that time; arrow keys move, Enter or Space toggles, and a live
 * region reads out every place's local time.
 */
export function FairTimeFinder({
  organiserZone,
  guests,
  durationMinutes,
  initialWeek,
  locale,
  selected,
  onSet,
}: {
  organiserZone: string;
  guests: PlaceInput[];
  durationMinutes: number;
  initialWeek: string;
  locale: string;
  selected: ReadonlySet<string>;
  onSet: (wall: string, on: boolean) => void;
}) {
  const t = useTranslations('finder');
  const bandLabel = useBandLabel();
  const [week, setWeek] = useState(mondayOf(initialWeek));
  const [step, setStep] = useState<HeatmapStep>(60);
  const [focus, setFocus] = useState<[number, number]>([9, 0]);
  const [announcement, setAnnouncement] = useState('');
  const [suggestions, setSuggestions] = useState<SuggestedSlot[] | null>(null);
  const [pair, setPair] = useState<AlternatingPairResult | null>(null);
  const drag = useRef<boolean | null>(null);
  const cellRefs = useRef(new Map<string, HTMLTableCellElement>());

  const places: PlaceInput[] = useMemo(
    () => [{ zone: organiserZone }, ...guests.filter((g) => g.zone !== organiserZone)],
    [organiserZone, guests],
  );
  const map: WeekHeatmap | null = useMemo(() => {
    try {
      return weekHeatmap({
        organiserZone,
        places,
        weekStart: week,
        stepMinutes: step,
        durationMinutes,
      });
    } catch {
      // An unknown zone or date while the organiser is still typing: show nothing yet.
      return null;
    }
  }, [organiserZone, places, week, step, durationMinutes]);

  useEffect(() => {
    const end = () => {
      drag.current = null;
    };
    window.addEventListener('pointerup', end);
    return () => window.removeEventListener('pointerup', end);
  }, []);

  const describeCell = useCallback(
    (cell: HeatmapCell) => {
      const when = `${shortDayLabel(cell.date, locale)} ${cell.wall}`;
      if (cell.wallTime === 'missing') return t('missing', { when });
      const at = cell.places
        .map((p, i) =>
          t('placeAt', {
            place: map?.places[i]?.place ?? '',
            time: formatWallTime(p.localStart, { locale }),
            band: bandLabel(p.band),
          }),
        )
        .join('; ');
      return `${when}: ${at}`;
    },
    [bandLabel, locale, map, t],
  );

  if (!map) return null;
  const rows = map.rows.length;
  const wallOf = (cell: HeatmapCell) => `${cell.date}T${cell.wall}`;

  function moveTo(row: number, day: number) {
    const r = Math.max(0, Math.min(rows - 1, row));
    const d = Math.max(0, Math.min(6, day));
    setFocus([r, d]);
    const cell = map?.cells[r]?.[d];
    if (cell) setAnnouncement(describeCell(cell));
    cellRefs.current.get(`${r}-${d}`)?.focus();
  }

  function toggle(cell: HeatmapCell, on?: boolean) {
    if (cell.wallTime === 'missing') return;
    const wall = wallOf(cell);
    const next = on ?? !selected.has(wall);
    onSet(wall, next);
    setAnnouncement(`${next ? t('added') : t('removed')}: ${describeCell(cell)}`);
  }

  function onKeyDown(e: KeyboardEvent, row: number, day: number, cell: HeatmapCell) {
    const moves: Record<string, [number, number]> = {
      ArrowUp: [row - 1, day],
      ArrowDown: [row + 1, day],
      ArrowLeft: [row, day - 1],
      ArrowRight: [row, day + 1],
      Home: [row, 0],
      End: [row, 6],
      PageUp: [row - 4, day],
      PageDown: [row + 4, day],
    };
    const target = moves[e.key];
    if (target) {
      e.preventDefault();
      moveTo(target[0], target[1]);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      toggle(cell);
    }
  }

  return (
    <section
      className="grid gap-3 rounded-xl border border-line p-3 sm:p-4"
      aria-labelledby="finder-heading"
    >
      <div>
        <h3 id="finder-heading" className="font-semibold">
          {t('heading')}
        </h3>
        <p className="hint">
          {guests.length === 0
            ? t('noGuests')
            : t('hint', { places: places.map((p) => placeName(p.zone)).join(', ') })}
        </p>
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label className="label" htmlFor="finder-week">
            {t('week')}
          </label>
          <input
            id="finder-week"
            type="date"
            className="field"
            value={week}
            onChange={(e) => e.target.value && setWeek(mondayOf(e.target.value))}
          />
        </div>
        <div>
          <label className="label" htmlFor="finder-step">
            {t('rows')}
          </label>
          <select
            id="finder-step"
            className="field"
            value={step}
            onChange={(e) => setStep(Number(e.target.value) as HeatmapStep)}
          >
            {HEATMAP_STEPS.map((s) => (
              <option key={s} value={s}>
                {t('rowsValue', { minutes: s })}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="btn"
          onClick={() =>
            setSuggestions(
              suggestSlots({
                organiserZone,
                places,
                weekStart: week,
                stepMinutes: step,
                durationMinutes,
                count: 5,
                weekdays: [1, 2, 3, 4, 5],
              }),
            )
          }
        >
          {t('suggest')}
        </button>
        <button
          type="button"
          className="btn"
          onClick={() =>
            setPair(
              suggestAlternatingPair({
                places,
                anchorZone: organiserZone,
                durationMinutes,
                horizonStart: week,
                weeks: 52,
                stepMinutes: 60,
              }),
            )
          }
        >
          {t('pairButton')}
        </button>
      </div>

      {suggestions && (
        <SuggestionList
          suggestions={suggestions}
          selected={selected}
          onSet={onSet}
          locale={locale}
        />
      )}

      {pair && <PairReport result={pair} locale={locale} />}

      <div className="relative overflow-x-auto" tabIndex={-1}>
        <table
          role="grid"
          aria-label={t('gridLabel')}
          className="w-full border-separate border-spacing-0.5 text-xs"
        >
          <thead>
            <tr>
              <th scope="col" className="p-1 text-left font-normal text-muted">
                {placeName(organiserZone)}
              </th>
              {map.days.map((d) => (
                <th
                  key={d.date}
                  scope="col"
                  className="p-1 text-center font-semibold whitespace-nowrap"
                >
                  {describeDate(d.date, { locale }).weekday} {describeDate(d.date, { locale }).day}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {map.cells.map((row, r) => (
              <tr key={map.rows[r]?.wall}>
                <th scope="row" className="p-1 pr-2 text-right font-normal text-muted tabular-nums">
                  {map.rows[r]?.wall}
                </th>
                {row.map((cell, d) => {
                  const on = selected.has(wallOf(cell));
                  const missing = cell.wallTime === 'missing';
                  return (
                    <td
                      key={cell.date}
                      ref={(el) => {
                        if (el) cellRefs.current.set(`${r}-${d}`, el);
                      }}
                      role="gridcell"
                      aria-selected={on}
                      aria-disabled={missing || undefined}
                      aria-label={describeCell(cell)}
                      tabIndex={focus[0] === r && focus[1] === d ? 0 : -1}
                      onFocus={() => {
                        setFocus([r, d]);
                        setAnnouncement(describeCell(cell));
                      }}
                      onKeyDown={(e) => onKeyDown(e, r, d, cell)}
                      onPointerDown={(e) => {
                        e.preventDefault();
                        drag.current = !on;
                        toggle(cell, !on);
                      }}
                      onPointerEnter={() => {
                        if (drag.current !== null) toggle(cell, drag.current);
                      }}
                      className={`h-7 min-w-9 cursor-pointer rounded text-center select-none ${missing ? 'cursor-not-allowed bg-raised text-muted line-through' : bandStyle(cell.worstBand)} ${on ? 'outline-2 outline-offset-[-2px] outline-accent' : ''}`}
                    >
                      <span className="inline-flex items-center gap-0.5">
                        {!missing && <BandIcon band={cell.worstBand} className="size-3" />}
                        {on && <VoteIcon value="yes" className="size-3" />}
                      </span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
      <ul className="flex flex-wrap gap-2 text-xs" aria-label={t('legend')}>
        {(['comfortable', 'edge', 'early-late', 'antisocial', 'night'] as const).map((band) => (
          <li
            key={band}
            className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 font-semibold ${bandStyle(band)}`}
          >
            <BandIcon band={band} className="size-3" />
            {bandLabel(band)}
          </li>
        ))}
      </ul>
    </section>
  );
}
