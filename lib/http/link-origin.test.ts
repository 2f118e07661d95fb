import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linkOrigin } from '@/lib/http/link-origin';

const request = (overrides: Partial<Parameters<typeof linkOrigin>[0]> = {}) =>
  linkOrigin({
    baseUrl: undefined,
    trustProxy: false,
    host: 'kairos.example.org',
    forwardedHost: null,
    forwardedProto: null,
    ...overrides,
  });

describe('linkOrigin', () => {
  it('uses KAIROS_BASE_URL whatever the request says', () => {
    expect(
      request({
        baseUrl: 'https://meet.example.org/',
        trustProxy: true,
        forwardedHost: 'evil.example',
        host: 'evil.example',
      }),
    ).toBe('https://meet.example.org');
  });

  it('ignores X-Forwarded-Host and -Proto unless the proxy is trusted', () => {
    expect(request({ forwardedHost: 'evil.example', forwardedProto: 'https' })).toBe(
      'http://kairos.example.org',
    );
  });

  it('honours the forwarded headers behind a trusted proxy', () => {
    expect(
      request({
        trustProxy: true,
        forwardedHost: 'meet.example.org, inner',
        forwardedProto: 'https',
      }),
    ).toBe('https://meet.example.org');
  });

  it('never builds a link from a forwarded host when the proxy is not trusted', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (forwardedHost, forwardedProto) => {
        expect(request({ forwardedHost, forwardedProto })).toBe('http://kairos.example.org');
      }),
    );
  });

  it('refuses hosts that would change the shape of the link', () => {
    for (const host of ['evil.example/@x', 'a b', 'x"y', 'evil.example\\x', 'user@evil.example'])
      expect(request({ host, trustProxy: true, forwardedHost: host })).toBe(
        'http://localhost:3000',
      );
    expect(request({ host: '[::1]:3000' })).toBe('http://[::1]:3000');
  });
});
