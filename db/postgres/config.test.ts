import { describe, expect, it } from 'vitest';
import {
  DEFAULT_POOL_SIZE,
  PostgresConfigError,
  checkServerVersion,
  describeTarget,
  explainConnectionError,
  parsePoolSize,
} from '@/db/postgres/config';

describe('parsePoolSize', () => {
  it('defaults when unset or blank', () => {
    expect(parsePoolSize(undefined)).toBe(DEFAULT_POOL_SIZE);
    expect(parsePoolSize(' ')).toBe(DEFAULT_POOL_SIZE);
  });
  it('takes a whole number of connections', () => {
    expect(parsePoolSize('1')).toBe(1);
    expect(parsePoolSize('25')).toBe(25);
  });
  it.each(['0', '-3', '2.5', 'ten', '1e9'])('fails the start on %s', (value) => {
    expect(() => parsePoolSize(value)).toThrow(PostgresConfigError);
    expect(() => parsePoolSize(value)).toThrow(/KAIROS_DATABASE_POOL_SIZE/);
  });
});

describe('describeTarget', () => {
  it('names user, host, port and database, never the password', () => {
    const target = describeTarget('postgres://kairos:s3cr%3At@db.example.org:6543/polls');
    expect(target).toBe('kairos@db.example.org:6543/polls');
    expect(target).not.toContain('s3cr');
  });
  it('fills in the default port and a socket folder', () => {
    expect(describeTarget('postgresql://u@h/d')).toBe('u@h:5432/d');
    expect(describeTarget('postgres:///d?host=/run/postgresql')).toBe('/run/postgresql:5432/d');
  });
  it('refuses what is not a PostgreSQL URL', () => {
    expect(() => describeTarget('db.sqlite')).toThrow(/not a URL/);
    expect(() => describeTarget('mysql://u@h/d')).toThrow(/postgres:\/\//);
  });
});

describe('explainConnectionError', () => {
  const target = 'u@h:5432/d';
  it.each([
    [{ code: 'ECONNREFUSED' }, /cannot reach PostgreSQL at u@h:5432\/d \(ECONNREFUSED\)/],
    [{ code: 'ENOTFOUND' }, /host name does not resolve/],
    [{ code: '28P01', message: 'password authentication failed' }, /refused the password/],
    [{ code: '3D000' }, /database does not exist/],
    [{ message: 'timeout exceeded when trying to connect' }, /no answer in time/],
    [{ message: 'SASL: client password must be a string' }, /asks for a password/],
    [{ message: 'something else' }, /cannot use PostgreSQL at u@h:5432\/d: something else/],
  ])('explains %o', (error, expected) => {
    expect(explainConnectionError(error, target)).toMatch(expected);
  });
});

describe('checkServerVersion', () => {
  it('accepts 13 and newer', () => {
    expect(() => checkServerVersion(130000, '13.0')).not.toThrow();
    expect(() => checkServerVersion(170002, '17.2')).not.toThrow();
  });
  it('refuses 12 with both versions in the message', () => {
    expect(() => checkServerVersion(120017, '12.17')).toThrow(
      'kairos: PostgreSQL 12.17 is too old: Kairos needs PostgreSQL 13.0 or newer',
    );
  });
  it('refuses an unreadable version', () => {
    expect(() => checkServerVersion(Number.NaN, 'unknown')).toThrow(PostgresConfigError);
  });
});
