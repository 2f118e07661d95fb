import { useEffect, useState } from 'react';
import type { DailyWindow } from '@/lib/fairness/model';
import type { PickedPlace } from '@/lib/places/place-label';
import {
  PICKED_ZONE_COOKIE,
  decideViewerZone,
  encodePick,
  type ViewerZone,
} from '@/lib/time/viewer-zone';

/**
 * What this browser remembers for the viewer: the zone they picked in a cookie (so the server
 * renders their times on the next visit; a detected zone is never kept, see
 * lib/time/viewer-zone.ts), their clock and their hours in localStorage.
 */

const YEAR_SECONDS = 365 * 24 * 3600;
const CLOCK_KEY = 'kairos_clock';
const HOURS_KEY = 'kairos_hours';

export interface SavedHours {
  workingHours: DailyWindow;
  neverWindow: DailyWindow | null;
}

function rememberPick(zone: string, place: PickedPlace | null) {
  document.cookie = `${PICKED_ZONE_COOKIE}=${encodeURIComponent(encodePick(zone, place))}; path=/; max-age=${YEAR_SECONDS}; samesite=lax`;
}

/** The viewer's zone as the server rendered it, and the means to pick another. */
export function useViewerZone(initial: ViewerZone) {
  const [viewer, setViewer] = useState<ViewerZone>(initial);
  useEffect(() => {
    if (initial.source !== 'poll') return;
    // No cookie reached the server (cookies blocked): the browser's zone exists only here,
    // so it applies after hydration, which stays exact.
    const detected = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!detected) return;
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setViewer(decideViewerZone(undefined, detected, initial.zone));
  }, [initial]);
  const chooseZone = (zone: string, place: PickedPlace | null = null) => {
    setViewer({ zone, place, source: 'picked' });
    rememberPick(zone, place);
  };
  return [viewer, chooseZone] as const;
}

function readSavedClock(): boolean | null {
  try {
    const saved = localStorage.getItem(CLOCK_KEY);
    return saved === '12' ? true : saved === '24' ? false : null;
  } catch {
    return null;
  }
}

function saveClock(hour12: boolean) {
  try {
    localStorage.setItem(CLOCK_KEY, hour12 ? '12' : '24');
  } catch {
    // Without storage the choice lasts for this page only.
  }
}

/** 12 h or 24 h as the viewer chose in this browser; null follows the locale. */
export function useClockChoice() {
  const [hour12, setHour12] = useState<boolean | null>(null);
  useEffect(() => {
    const saved = readSavedClock();
    // The viewer's clock choice lives in this browser only; it applies after hydration.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (saved !== null) setHour12(saved);
  }, []);
  const chooseClock = (twelve: boolean) => {
    setHour12(twelve);
    saveClock(twelve);
  };
  return [hour12, chooseClock] as const;
}

export function readSavedHours(): SavedHours | null {
  try {
    const parsed = JSON.parse(localStorage.getItem(HOURS_KEY) ?? 'null') as unknown;
    return parsed && typeof parsed === 'object' && 'workingHours' in parsed
      ? (parsed as SavedHours)
      : null;
  } catch {
    return null;
  }
}

export function saveHours(hours: SavedHours) {
  try {
    localStorage.setItem(HOURS_KEY, JSON.stringify(hours));
  } catch {
    // Private modes may refuse storage; the hours still go with this answer.
  }
}
