/**
 * The request's "now", read once per server render: server components render once per
 * request, so the instant is stable for the page (offsets shown "now" use it).
 */
export function requestTime(): number {
  return Date.now();
}
