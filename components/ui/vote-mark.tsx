import type { VoteValue } from '@/lib/poll/model';

const STYLE: Record<VoteValue, string> = {
  yes: 'bg-yes-soft text-yes',
  ifneedbe: 'bg-maybe-soft text-maybe',
  no: 'bg-no-soft text-no',
};

/** Check, wavy check and cross: the answer reads by shape, not only by colour (globals.css). */
export function VoteIcon({
  value,
  className = 'size-4',
}: {
  value: VoteValue;
  className?: string;
}) {
  return <span aria-hidden="true" className={`mask-icon icon-vote-${value} ${className}`} />;
}

/**
 * The answer in one cell of the results table, of which a large poll has thousands: one
 * element, its icon drawn by a CSS rule (globals.css, the same shapes as VoteIcon), its
 * name given to screen readers by the label and to pointers by the title.
 */
export function VoteMark({
  value,
  label,
  title = label,
  notCounted = false,
}: {
  value: VoteValue | undefined;
  label: string;
  /** Shown on hover; the results grid adds that person's local time. */
  title?: string;
  /** The ranking does not count this answer as attending (marked ⊘; `label` says why). */
  notCounted?: boolean;
}) {
  return (
    <span
      role="img"
      aria-label={label}
      title={title}
      className={`vote-mark vote-${value ?? 'none'}${notCounted ? ' vote-not-counted' : ''}`}
    />
  );
}

/** The ⊘ of an answer that does not count, beside text that says so (legend, totals). */
export function NotCountedIcon() {
  return (
    <span aria-hidden="true" className="font-bold">
      ⊘
    </span>
  );
}

export const VOTE_STYLE = STYLE;
