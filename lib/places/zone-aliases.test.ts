import { existsSync, readFileSync } from 'node:fs';
import { IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { canonicalZone, zoneAliases } from '@/lib/places/zone-aliases';
import { placeName, resolveZone } from '@/lib/time/time-zone';
import { participantRecord, pollRecord } from '@/lib/fixtures/poll-record';
import { preparePollUpdate } from '@/lib/poll/poll-admin';
import { zoneSchema } from '@/lib/poll/poll-input';

const aliases = [...zoneAliases()];

describe('zone aliases', () => {
  it('map the names browsers still report to the current ones', () => {
    expect(canonicalZone('America/Godthab')).toBe('America/Nuuk');
    expect(canonicalZone('Pacific/Enderbury')).toBe('Pacific/Kanton');
    expect(canonicalZone('Europe/Kiev')).toBe('Europe/Kyiv');
    expect(canonicalZone('Asia/Calcutta')).toBe('Asia/Kolkata');
    expect(canonicalZone('Atlantic/Faeroe')).toBe('Atlantic/Faroe');
    expect(canonicalZone('Asia/Katmandu')).toBe('Asia/Kathmandu');
    expect(canonicalZone('US/Eastern')).toBe('America/New_York');
    expect(canonicalZone('Etc/UTC')).toBe('UTC');
  });

  it('leave current names, countries’ own entries and nonsense alone', () => {
    expect(canonicalZone('Europe/Rome')).toBe('Europe/Rome');
    expect(canonicalZone('Europe/Bratislava')).toBe('Europe/Bratislava');
    expect(canonicalZone('Atlantis/Nowhere')).toBe('Atlantis/Nowhere');
    expect(canonicalZone('__proto__')).toBe('__proto__');
  });

  it.each(aliases)(
    '%s → %s is a zone luxon and Intl accept, and already current',
    (alias, zone) => {
      expect(IANAZone.isValidZone(zone)).toBe(true);
      expect(() => new Intl.DateTimeFormat('en', { timeZone: zone })).not.toThrow();
      expect(canonicalZone(zone)).toBe(zone);
      expect(canonicalZone(canonicalZone(alias))).toBe(canonicalZone(alias));
    },
  );

  it.each(aliases.filter(([alias]) => alias.includes('/')))(
    '%s is resolved, stored and shown as %s',
    (alias, zone) => {
      expect(resolveZone(alias)).toMatchObject({ status: 'iana', id: zone });
      expect(zoneSchema.parse(alias)).toBe(zone);
      expect(placeName(alias)).toBe(placeName(zone));
    },
  );

  it('let an answered poll stored under an old name be edited under its current one', () => {
    const poll = pollRecord({
      timeZone: 'Asia/Calcutta',
      options: [
        { id: 'a', startsAt: Date.parse('2026-10-28T16:00:00Z'), durationMinutes: 60, date: null },
      ],
      participants: [participantRecord('ana', 'Asia/Kathmandu', {})],
    });
    const now = Date.parse('2026-10-01T12:00:00Z');
    expect(preparePollUpdate({ timeZone: 'Asia/Kolkata', title: 'Renamed' }, poll, now).ok).toBe(
      true,
    );
    expect(preparePollUpdate({ timeZone: 'Asia/Calcutta' }, poll, now).ok).toBe(true);
    expect(preparePollUpdate({ timeZone: 'Asia/Dhaka' }, poll, now).ok).toBe(false);
  });

  const tzdata = '/usr/share/zoneinfo/tzdata.zi';
  it.runIf(existsSync(tzdata))('cover every link of the system tzdata but countries’ own', () => {
    const zoneTab = new Set(
      readFileSync('/usr/share/zoneinfo/zone.tab', 'utf8')
        .split('\n')
        .filter((l) => l !== '' && !l.startsWith('#'))
        .map((l) => l.split('\t')[2]),
    );
    const links = readFileSync(tzdata, 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('L '))
      .map((l) => l.split(' ') as [string, string, string]);
    expect(links.length).toBeGreaterThan(100);
    for (const [, target, alias] of links) {
      if (zoneTab.has(alias)) expect(canonicalZone(alias)).toBe(alias);
      else expect(canonicalZone(alias)).toBe(/^Etc\/(UTC|GMT)$/.test(target) ? 'UTC' : target);
    }
  });
});
