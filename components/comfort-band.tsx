import { useTranslations } from 'next-intl';
import type { ComfortBand } from '@/lib/fairness';

const BAND_KEY = {
  comfortable: 'comfortable',
  edge: 'edge',
  'early-late': 'earlyLate',
  antisocial: 'antisocial',
  night: 'night',
} as const satisfies Record<ComfortBand, string>;

const BAND_STYLE: Record<ComfortBand, string> = {
  comfortable: 'bg-yes-soft text-yes',
  edge: 'bg-accent-soft text-accent',
  'early-late': 'bg-maybe-soft text-maybe',
  antisocial: 'bg-no-soft text-no',
  night: 'bg-ink text-canvas',
};

/** Sun, sunrise, sunset, moon, moon and stars: the band reads by shape as well as colour. */
export function BandIcon({ band, className = 'size-3.5' }: { band: ComfortBand; className?: string }) {
  return (
    <svg viewBox="0 0 16 16" className={className} aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round">
      {band === 'comfortable' && (
        <>
          <circle cx="8" cy="8" r="3" />
          <path d="M8 1.5v1.5M8 13v1.5M1.5 8H3M13 8h1.5M3.4 3.4l1 1M11.6 11.6l1 1M3.4 12.6l1-1M11.6 4.4l1-1" />
        </>
      )}
      {band === 'edge' && <path d="M2 11h12M4.5 11a3.5 3.5 0 0 1 7 0M8 4v2M3.5 6.5l1 1M12.5 6.5l-1 1" />}
      {band === 'early-late' && <path d="M2 12h12M5 12a3 3 0 0 1 6 0M8 6v2.5M6.5 7.5L8 9l1.5-1.5" />}
      {band === 'antisocial' && <path d="M11.5 10.5A5 5 0 0 1 5.5 4.5a5 5 0 1 0 6 6z" />}
      {band === 'night' && (
        <>
          <path d="M10.5 11A4.5 4.5 0 0 1 5 5.5a4.5 4.5 0 1 0 5.5 5.5z" />
          <path d="M12 2.5v2M11 3.5h2M13.5 7v1.5M12.8 7.8h1.4" />
        </>
      )}
    </svg>
  );
}

export function useBandLabel() {
  const t = useTranslations('band');
  return (band: ComfortBand) => t(BAND_KEY[band]);
}

export function bandStyle(band: ComfortBand): string {
  return BAND_STYLE[band];
}
