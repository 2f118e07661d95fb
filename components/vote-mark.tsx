import type { VoteValue } from '@/lib/poll-input';

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

export function VoteMark({ value, label }: { value: VoteValue | undefined; label: string }) {
  if (!value) {
    return (
      <span className="inline-grid size-7 place-items-center rounded-md text-muted" title={label}>
        <span aria-hidden="true">–</span>
        <span className="sr-only">{label}</span>
      </span>
    );
  }
  return (
    <span className={`inline-grid size-7 place-items-center rounded-md ${STYLE[value]}`} title={label}>
      <VoteIcon value={value} />
      <span className="sr-only">{label}</span>
    </span>
  );
}

export const VOTE_STYLE = STYLE;
