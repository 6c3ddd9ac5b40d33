/**
 * How an exam's question count is split across its weighted domains. The compiler checks the bank
 * against it, the API draws attempts with it and the web client shows it: one rule, one place.
 */

export interface Seats {
  /** Share of the exam, in any unit (percent in blueprints). */
  weight: number;
  /** Most questions this domain can give; the blueprint check and the exam page have no limit. */
  capacity?: number;
}

/**
 * Hamilton's largest-remainder method: each domain gets floor(total × weight / Σweight), and the
 * seats left go one each to the largest fractional remainders. Ties go to the larger weight, then
 * to the earlier domain, so the result is deterministic (45 at 10/30/60 → 4/14/27).
 *
 * A domain never gets more than its capacity: its shortfall passes to the others in the same
 * order, so a draw never fails while the domains together hold enough. The parts add up to
 * min(total, Σcapacity).
 */
export function splitSeats(total: number, domains: readonly Seats[]): number[] {
  const capacity = domains.map((d) => d.capacity ?? Number.POSITIVE_INFINITY);
  const available = capacity.reduce((a, b) => a + b, 0);
  const seats = Math.max(0, Math.min(total, available));
  const weightSum = domains.reduce((a, d) => a + d.weight, 0);
  const exact = domains.map((d) => (weightSum > 0 ? (seats * d.weight) / weightSum : 0));
  const parts = exact.map((x, i) => Math.min(Math.floor(x), capacity[i] ?? 0));
  const order = exact
    .map((x, i) => ({ i, remainder: x - Math.floor(x), weight: domains[i]?.weight ?? 0 }))
    .sort((a, b) => b.remainder - a.remainder || b.weight - a.weight || a.i - b.i)
    .map((x) => x.i);

  let left = seats - parts.reduce((a, b) => a + b, 0);
  while (left > 0) {
    let progressed = false;
    for (const i of order) {
      if (left === 0) break;
      if ((parts[i] ?? 0) < (capacity[i] ?? 0)) {
        parts[i] = (parts[i] ?? 0) + 1;
        left--;
        progressed = true;
      }
    }
    if (!progressed) break;
  }
  return parts;
}
