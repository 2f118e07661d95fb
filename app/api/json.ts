import { NextResponse } from 'next/server';
import type { Failure } from '@/lib/problems';
import { failure } from '@/app/problem-messages';

export const MAX_BODY_BYTES = 100 * 1024;

/**
 * Reads a JSON body no larger than 100 kB. Returns the parsed value or the error response
 * to send; the size is checked on the bytes actually read, not only the declared length.
 */
export async function readJson(request: Request): Promise<{ ok: true; value: unknown } | { ok: false; response: NextResponse }> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) return { ok: false, response: jsonFailure(await failure('api.tooLarge', 'api'), 413) };
  const text = await request.text();
  if (Buffer.byteLength(text, 'utf8') > MAX_BODY_BYTES) {
    return { ok: false, response: jsonFailure(await failure('api.tooLarge', 'api'), 413) };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, response: jsonFailure(await failure('api.malformedJson', 'api'), 400) };
  }
}

export function jsonFailure(body: Failure, status: number): NextResponse {
  return NextResponse.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
}

/** A missing poll, a missing answer and a wrong token all read the same. */
export async function notFoundJson(): Promise<NextResponse> {
  return jsonFailure(await failure('api.notFound', 'api'), 404);
}
