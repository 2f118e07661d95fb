import { describe, expect, it } from 'vitest';
import { redactSecretPaths } from '@/lib/http/log-redaction';

describe('redactSecretPaths', () => {
  it('removes the token of a guest’s personal link', () => {
    expect(redactSecretPaths('GET /p/abc/invite/T0k-en_1 200')).toBe(
      'GET /p/abc/invite/[redacted] 200',
    );
  });

  it('removes the token of admin and edit links, wherever they sit in a line', () => {
    expect(
      redactSecretPaths(
        'Request body exceeded 128KB for /p/abc123/admin/S3cr3t-_tok. Only the first',
      ),
    ).toBe('Request body exceeded 128KB for /p/abc123/admin/[redacted]. Only the first');
    expect(
      redactSecretPaths('GET http://x.org/p/abc/edit/part1/tok_en?x=1 and /p/def/admin/tok2'),
    ).toBe('GET http://x.org/p/abc/edit/part1/[redacted]?x=1 and /p/def/admin/[redacted]');
  });
  it('removes the token of an unsubscribe link, and of its one-click address', () => {
    expect(redactSecretPaths('POST /unsubscribe/AbC-_12/one-click 200')).toBe(
      'POST /unsubscribe/[redacted]/one-click 200',
    );
  });
  it('removes the token of a calendar feed, webcal:// or not', () => {
    expect(redactSecretPaths('GET /feed/AbC-_12xyz.ics 200 webcal://x.org/feed/Q9_-z.ics')).toBe(
      'GET /feed/[redacted].ics 200 webcal://x.org/feed/[redacted].ics',
    );
  });

  it('leaves participant links and other text alone', () => {
    const line = 'GET /p/abc123 200, /api/polls/abc123/responses/part1';
    expect(redactSecretPaths(line)).toBe(line);
  });
});
