/** The token of `Authorization: Bearer <token>`, or null. */
export function bearerToken(request: Request): string | null {
  return request.headers.get('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1] ?? null;
}
