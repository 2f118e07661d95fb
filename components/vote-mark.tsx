import type { VoteValue } from '@/lib/poll-shape';

const STYLE: Record<VoteValue, string> = {
  yes: 'bg-yes-soft text-yes',
  ifneedbe: 'bg-maybe-soft text-maybe',
  no: 'bg-no-soft text-no',
};

/** Check, wavy check and cross: the answer reads by shape, not only by colour. */
export function VoteIcon({ value, className = 'size-4' }: { value: VoteValue; className?: string }) {
  return (
    <svg viewBox="0 0 16 16" className={className} aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round">
      {value === 'yes' && <path d="M3 8.5l3.2 3L13 4.5" />}
      {value === 'ifneedbe' && <path d="M2.5 9.5c1-1 1.8 1 2.8 0s1.8 1 2.8 0M7 11.5L13.5 4.5" />}
      {value === 'no' && <path d="M4 4l8 8M12 4l-8 8" />}
    </svg>
  );
}

/**
 * One cell of the results table, of which a large poll has ten thousand: two elements, the
 * icon drawn by a CSS rule (globals.css, the same shapes as VoteIcon) instead of an SVG per
 * cell, which made the table most of a 7 MB page.
 */
export function VoteMark({ value, label }: { value: VoteValue | undefined; label: string }) {
  return (
    <span className={`vote-mark vote-${value ?? 'none'}`} title={label}>
      <span className="sr-only">{label}</span>
    </span>
  );
}

export const VOTE_STYLE = STYLE;
