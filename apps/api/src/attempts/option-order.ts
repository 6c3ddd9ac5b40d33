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
  const byId = new Map(options.map((o) => [o.id, o]));
  const ordered = [...optionOrder].flatMap((id) => {
    const option = byId.get(id);
    return option ? [option] : [];
  });
  for (const option of options) if (!optionOrder.includes(option.id)) ordered.push(option);
  return ordered;
}
