import type { VoteValue } from '@/lib/poll-shape';

const STYLE: Record<VoteValue, string> = {
  yes: 'bg-yes-soft text-yes',
  ifneedbe: 'bg-maybe-soft text-maybe',
  no: 'bg-no-soft text-no',
};

/** Check, wavy check and cross: the answer reads by shape, not only by colour (globals.css). */
export function VoteIcon({ value, className = 'size-4' }: { value: VoteValue; className?: string }) {
  return <span aria-hidden="true" className={`mask-icon icon-vote-${value} ${className}`} />;
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
