import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emailSchema, headerSafe, optionalEmailSchema } from '@/lib/mail/address';

describe('emailSchema', () => {
  it('accepts an ordinary address and lower-cases it', () => {
    expect(emailSchema.parse(' Ana@Example.ORG ')).toBe('ana@example.org');
  });

  it.each([
    'ana',
    'ana@',
    'ana@example.org\r\nBcc: x@y.z',
    'ana@example.org\nBcc: x@y.z',
    'ana@example.org, eve@example.org',
    'Ana <ana@example.org>',
    `${'a'.repeat(250)}@example.org`,
  ])('refuses %j', (raw) => {
    const result = emailSchema.safeParse(raw);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('email.invalid');
  });

  it('never lets a line break through, whatever surrounds it', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('\r', '\n', '\r\n'), fc.string(), (a, br, b) => {
        const result = emailSchema.safeParse(`${a}x@example.org${br}${b}`);
        return !result.success || !/[\r\n]/.test(result.data);
      }),
    );
  });
});

describe('optionalEmailSchema', () => {
  it('reads an empty field or no field as no address', () => {
    expect(optionalEmailSchema.parse('')).toBeNull();
    expect(optionalEmailSchema.parse(undefined)).toBeNull();
    expect(optionalEmailSchema.parse('a@b.org')).toBe('a@b.org');
  });
});

describe('headerSafe', () => {
  it('folds every line break into a space', () => {
    expect(headerSafe('Team\r\nBcc: eve@example.org')).toBe('Team Bcc: eve@example.org');
    fc.assert(fc.property(fc.string(), (s) => !/[\r\n]/.test(headerSafe(s))));
  });
});
