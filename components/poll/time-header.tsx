import { compactClockTime } from '@/lib/time/slot-display';

/**
 * "15:00 – 16:00" as the start above the end, "4 PM" for "4:00 PM": a column stays narrow
 * enough for 15 options at 1280 px, in 12-hour locales too; the strip below says it in full.
 */
export function TimeHeader({ range }: { range: string }) {
  const [start = '', end] = range.split(' – ');
  return (
    <>
      <span className="block text-xs font-semibold whitespace-nowrap">
        {compactClockTime(start)}
      </span>
      {end && (
        <span className="block text-[11px] whitespace-nowrap text-muted">
          {compactClockTime(end)}
        </span>
      )}
    </>
  );
}
