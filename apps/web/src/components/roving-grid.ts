/**
 * Keyboard moves in a grid of cells that is one Tab stop (roving tabindex): the question grid of
 * the runner and the results grid share them, so arrows behave the same in both.
 */

/** How many cells the layout puts on the first row (the CSS grid fills as many as fit). */
export function columnsOf(cells: readonly HTMLElement[]): number {
  const top = cells[0]?.offsetTop;
  const n = cells.findIndex((c) => c.offsetTop !== top);
  return n === -1 ? cells.length : n;
}

/**
 * Where an arrow, Home or End key moves from cell `from` of `count` (undefined for other keys,
 * and with Alt, Ctrl or Cmd: those are the browser's and the system's). A move past an edge
 * stays put rather than wrapping.
 */
export function gridMove(
  e: KeyboardEvent,
  from: number,
  count: number,
  columns: () => number,
): number | undefined {
  if (e.altKey || e.ctrlKey || e.metaKey) return undefined;
  const moves: Record<string, () => number> = {
    ArrowLeft: () => from - 1,
    ArrowRight: () => from + 1,
    ArrowUp: () => from - columns(),
    ArrowDown: () => from + columns(),
    Home: () => 0,
    End: () => count - 1,
  };
  const to = moves[e.key]?.();
  return to === undefined ? undefined : to >= 0 && to < count ? to : from;
}
