import { describe, expect, it } from 'vitest';
import { checkWall } from '@/lib/time/wall-check';

describe('checkWall', () => {
  it('accepts an ordinary wall time', () => {
    expect(checkWall('Europe/Rome', '2026-06-10T10:00')).toEqual({ status: 'ok' });
  });

  it('flags a time inside the spring-forward gap', () => {
    expect(checkWall('Europe/Rome', '2026-03-29T02:30')).toEqual({ status: 'gap' });
    expect(checkWall('America/New_York', '2026-03-08T02:00')).toEqual({ status: 'gap' });
  });

  it('names the offset used and the other one for a time that happens twice', () => {
    expect(checkWall('Europe/Rome', '2026-10-25T02:30')).toEqual({
      status: 'fold',
      used: '+02:00',
      other: '+01:00',
    });
    expect(checkWall('America/New_York', '2026-11-01T01:15')).toEqual({
      status: 'fold',
      used: '-04:00',
      other: '-05:00',
    });
  });

  it('leaves a zone without clock changes alone on those dates', () => {
    expect(checkWall('Asia/Kathmandu', '2026-03-29T02:30')).toEqual({ status: 'ok' });
  });

  it('says ok while the zone or the wall time is not yet usable', () => {
    expect(checkWall('Not/AZone', '2026-03-29T02:30')).toEqual({ status: 'ok' });
    expect(checkWall('', '2026-03-29T02:30')).toEqual({ status: 'ok' });
    expect(checkWall('Europe/Rome', '2026-02-30T10:00')).toEqual({ status: 'ok' });
  });
});
