import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { zoneAliases } from '@/lib/places/zone-aliases';
import { cityZone, decideViewerZone, encodePick } from '@/lib/time/viewer-zone';

describe('decideViewerZone', () => {
  it('shows the zone the browser reports on this visit, so a traveller’s page follows them', () => {
    expect(decideViewerZone(undefined, 'America/New_York', 'Europe/Rome')).toEqual({
      zone: 'America/New_York',
      place: null,
      source: 'detected',
    });
    expect(decideViewerZone(undefined, 'Asia/Calcutta', 'Europe/Rome').zone).toBe('Asia/Kolkata');
  });
  it('lets a picked zone, and the city picked in it, win over detection', () => {
    const picked = encodePick('Europe/Berlin', { name: 'Munich', zone: 'Europe/Berlin' });
    expect(decideViewerZone(picked, 'America/New_York', 'Europe/Rome')).toEqual({
      zone: 'Europe/Berlin',
      place: { name: 'Munich', zone: 'Europe/Berlin' },
      source: 'picked',
    });
    expect(decideViewerZone('Nowhere/Atlantis', 'Asia/Tokyo', 'UTC').source).toBe('detected');
  });
  it('renders the poll’s own zone, labelled, when the browser has said nothing', () => {
    expect(decideViewerZone(undefined, undefined, 'Europe/Rome')).toEqual({
      zone: 'Europe/Rome',
      place: null,
      source: 'poll',
    });
  });
  it('puts every browser that names no city in UTC, asked to pick one', () => {
    const noCity = [
      'UTC',
      'GMT',
      'Etc/UTC',
      'Etc/GMT',
      'Etc/GMT+5',
      'Etc/GMT-14',
      '+00:00',
      'UTC+02:00',
      'Zulu',
      'EST',
      'nonsense',
      '',
    ];
    for (const reported of noCity) {
      expect(decideViewerZone(undefined, reported || ' ', 'Europe/Rome')).toEqual({
        zone: 'UTC',
        place: null,
        source: 'noCity',
      });
    }
  });
  it('maps every old zone name a browser may report to its current city, or to UTC', () => {
    for (const [alias, current] of zoneAliases()) {
      const viewer = decideViewerZone(undefined, alias, 'Europe/Rome');
      expect(viewer.zone).toBe(cityZone(current) ?? 'UTC');
    }
  });
  it('never fails on whatever a cookie holds', () => {
    fc.assert(
      fc.property(fc.option(fc.string()), fc.option(fc.string()), (picked, detected) => {
        const viewer = decideViewerZone(picked ?? undefined, detected ?? undefined, 'Europe/Rome');
        expect(['picked', 'detected', 'noCity', 'poll']).toContain(viewer.source);
        expect(viewer.zone.length).toBeGreaterThan(0);
      }),
    );
  });
});
