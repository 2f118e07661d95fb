import { useEffect, useState } from 'react';
import type { DailyWindow } from '@/lib/fairness/model';

/**
 * What this browser remembers for the viewer: their zone in a cookie (so the server renders
 * their times on the next visit), their clock and their hours in localStorage.
 */

const ZONE_COOKIE = 'kairos_tz';
const YEAR_SECONDS = 365 * 24 * 3600;
const CLOCK_KEY = 'kairos_clock';
const HOURS_KEY = 'kairos_hours';

export interface SavedHours {
  workingHours: DailyWindow;
  neverWindow: DailyWindow | null;
}

function rememberZone(zone: string) {
  document.cookie = `${ZONE_COOKIE}=${encodeURIComponent(zone)}; path=/; max-age=${YEAR_SECONDS}; samesite=lax`;
}

/** The viewer's zone: the server's guess from the cookie, else the browser's after hydration. */
export function useViewerZone(initialZone: string | null) {
  const [zone, setZone] = useState<string | null>(initialZone);
  useEffect(() => {
    if (initialZone) return;
    const detected = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
    // The browser's zone exists only on the client; SSR renders without times until now.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setZone(detected);
    rememberZone(detected);
  }, [initialZone]);
  const chooseZone = (next: string) => {
    setZone(next);
    rememberZone(next);
  };
  return [zone, chooseZone] as const;
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
