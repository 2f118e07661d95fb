/** How much a poll, an answer or a comment may hold: shared by the forms (no zod in the browser) and the schemas. */
export const LIMITS = {
  title: 200,
  description: 5000,
  location: 500,
  name: 80,
  options: 500,
  minDuration: 15,
  maxDuration: 12 * 60,
  guestZones: 20,
  comment: 2000,
  /** Guests invited by address, over the poll's whole life: each gets mail, so the number is bounded. */
  invitees: 100,
  /** Dates outside these years are refused in every field: options, deadlines, forms and API. */
  firstYear: 1970,
  lastYear: 2100,
} as const;
