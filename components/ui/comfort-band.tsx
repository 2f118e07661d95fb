import { useTranslations } from 'next-intl';
import type { ComfortBand } from '@/lib/fairness/model';

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
  night: 'bg-night text-night-ink',
};

/** Sun, sunrise, sunset, moon, moon and stars: the band reads by shape as well as colour (globals.css). */
export function BandIcon({
  band,
  className = 'size-3.5',
}: {
  band: ComfortBand;
  className?: string;
}) {
  return <span aria-hidden="true" className={`mask-icon icon-band-${band} ${className}`} />;
}

export function useBandLabel() {
  const t = useTranslations('band');
  return (band: ComfortBand) => t(BAND_KEY[band]);
}

export function bandStyle(band: ComfortBand): string {
  return BAND_STYLE[band];
}
