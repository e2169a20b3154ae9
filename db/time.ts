/** Times are stored as ISO-8601 UTC text (see schema.ts). */
export function iso(date: Date): string {
  return date.toISOString();
}
