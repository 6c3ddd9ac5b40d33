/**
 * An attempt's option order: drawn once at start (stored as e.g. "cadb"), then applied to the
 * question wherever the attempt shows it — the attempt view and the score report.
 */
import type { PublicOption } from '@examdown/compiler/schema';
import { type Random, shuffle } from '@examdown/compiler/shared';

/** A random display order for a question's options (ids stay the bundle's stable letters). */
export function shuffleOptions(optionIds: readonly string[], random: Random): string[] {
  return shuffle(optionIds, random);
}

/** The options in the attempt's order; options added to the content since the start go last. */
export function orderOptions(options: readonly PublicOption[], optionOrder: string): PublicOption[] {
  // A handful of options: a linear search is cheaper than building a map per question.
  const ordered: PublicOption[] = [];
  for (const id of optionOrder) {
    const option = options.find((o) => o.id === id);
    if (option) ordered.push(option);
  }
  if (ordered.length < options.length) {
    for (const option of options) if (!optionOrder.includes(option.id)) ordered.push(option);
  }
  return ordered;
}
