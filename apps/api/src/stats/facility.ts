/**
 * Facility (classical item difficulty): the mean credit on an item over the attempts that
 * contained it — the share of learners who got it right. Null when no attempt had the item.
 * Very high (> 0.9) or very low (< 0.2) facility flags items worth a second look.
 */
export function facility(credits: readonly number[]): number | null {
  if (credits.length === 0) return null;
  return credits.reduce((n, c) => n + c, 0) / credits.length;
}
