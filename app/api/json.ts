import { NextResponse } from 'next/server';
import type { Failure } from '@/lib/poll/problems';
import type { Problem } from '@/server/problem';
import { describeProblem, failure } from '@/app/problem-messages';

export const MAX_BODY_BYTES = 100 * 1024;

/**
 * Reads the body as a stream and stops at MAX_BODY_BYTES, so a 10 MB (or endless chunked)
 * body costs at most 100 kB of memory; bytes that are not UTF-8 are refused like bad JSON.
 */
export async function readCapped(
  request: Request,
): Promise<{ ok: true; text: string } | { ok: false; reason: 'tooLarge' | 'notText' }> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_BODY_BYTES) {
        await reader.cancel();
        return { ok: false, reason: 'tooLarge' };
      }
      chunks.push(value);
    }
  }
  try {
    return {
      ok: true,
      text: new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)),
    };
  } catch {
    return { ok: false, reason: 'notText' };
  }
}

/**
 * Reads a JSON body no larger than 100 kB. Returns the parsed value or the error response
 * to send; the size is checked on the declared length first, then on the bytes read.
 */
export async function readJson(
  request: Request,
): Promise<{ ok: true; value: unknown } | { ok: false; response: NextResponse }> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES)
    return { ok: false, response: jsonFailure(await failure('api.tooLarge', 'api'), 413) };
  const body = await readCapped(request);
  if (!body.ok && body.reason === 'tooLarge')
    return { ok: false, response: jsonFailure(await failure('api.tooLarge', 'api'), 413) };
  const value = body.ok ? parseJson(body.text) : undefined;
  if (value === undefined)
    return { ok: false, response: jsonFailure(await failure('api.malformedJson', 'api'), 400) };
  return { ok: true, value };
}

/** The parsed value, or undefined for text that is not JSON (JSON itself has no undefined). */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function jsonFailure(body: Failure, status: number): NextResponse {
  return NextResponse.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
}

/** A missing poll, a missing answer and a wrong token all read the same. */
export async function notFoundJson(): Promise<NextResponse> {
  return jsonFailure(await failure('api.notFound', 'api'), 404);
}

/** A use case's problem as the API's answer. */
export async function problemJson(problem: Problem): Promise<NextResponse> {
  const { status, body } = await describeProblem(problem, 'api');
  return jsonFailure(body, status);
}
