/**
 * Point-biserial correlation between an item's score (0/1; partial credit makes it the general
 * Pearson correlation, of which point-biserial is the dichotomous case) and the attempt's total
 * score: r = (M₁ − M₀) / sₙ · √(p·q) for a 0/1 item. Good items discriminate (r > 0.2); r ≤ 0
 * means strong learners miss the item as often as weak ones — often a wrong key or an ambiguous
 * stem. The total includes the item itself (uncorrected item–total correlation).
 *
 * Null when undefined: fewer than two observations, or no variance in the item or the totals.
 */
export function pointBiserial(item: readonly number[], total: readonly number[]): number | null {
  const n = item.length;
  if (n < 2 || total.length !== n) return null;
  const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const mx = mean(item);
  const my = mean(total);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (item[i] ?? 0) - mx;
    const dy = (total[i] ?? 0) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx < 1e-12 || syy < 1e-12) return null;
  const r = sxy / Math.sqrt(sxx * syy);
  return Math.max(-1, Math.min(1, r));
}
