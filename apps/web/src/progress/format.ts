/** How progress pages write dates, durations and percentages (the browser's own time zone). */

/** "Mar 4, 2026, 3:07 PM". */
export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' });
}

/** "Mar 4, 2026". */
export function formatDay(iso: string): string {
  return new Date(iso).toLocaleDateString('en', { dateStyle: 'medium' });
}

/** "42 s", "3 min 5 s", "1 h 12 min"; non-breaking spaces keep each number with its unit. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}\u00a0s`;
  const min = Math.floor(s / 60);
  if (min < 60) return s % 60 ? `${min}\u00a0min ${s % 60}\u00a0s` : `${min}\u00a0min`;
  const h = Math.floor(min / 60);
  return min % 60 ? `${h}\u00a0h ${min % 60}\u00a0min` : `${h}\u00a0h`;
}

/** Scores arrive rounded to 0.1; show whole percents unless the tenth matters. */
export function formatPercent(percent: number): string {
  return `${Number.isInteger(percent) ? percent : percent.toFixed(1)}%`;
}

/** A probability (0–1) as a whole percent. */
export function formatChance(p: number): string {
  return `${Math.round(Math.min(1, Math.max(0, p)) * 100)}%`;
}

export const modeName = (mode: 'exam' | 'practice') => (mode === 'exam' ? 'Timed exam' : 'Practice');
