/**
 * The scripts of prerendered pages. A public page is static HTML whose interactive parts are few,
 * so instead of the whole app (router, every page) each kind hydrates only those, in place: this
 * keeps a page's JavaScript small (a guide's budget is 15 KiB) and its main thread free. Links to
 * other pages load them as documents, which are prerendered too; the attempt pages are the app.
 */
import { type ComponentChild, hydrate } from 'preact';
import { installAnchorLinks, scrollToHash } from './anchors';
import { readPreloadedData } from './preload';

/** Reads the page's data and wires in-page anchors; call once, first. */
export function startIslands(): void {
  readPreloadedData();
  installAnchorLinks();
  if (location.hash) scrollToHash(location.hash);
}

/**
 * Hydrates `island` in every element matching `selector` (the element's prerendered children),
 * then marks it `data-hydrated`: until then its buttons are static HTML that does nothing, which
 * browser tests wait out.
 */
export function hydrateAll(
  selector: string,
  island: (el: HTMLElement, index: number) => ComponentChild,
): void {
  document.querySelectorAll<HTMLElement>(selector).forEach((el, i) => {
    hydrate(island(el, i), el);
    el.dataset.hydrated = '';
  });
}
