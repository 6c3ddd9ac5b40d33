/**
 * In-page anchors (table of contents, FAQ). preact-iso routes links to other pages; a link to a
 * place on this page is ours, because the browser scrolls to it but leaves keyboard focus behind.
 */

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Scrolls to the element a `#hash` names and moves focus there, so Tab continues from it. */
export function scrollToHash(hash: string): void {
  const id = decode(hash.replace(/^#/, ''));
  const el = id ? document.getElementById(id) : null;
  if (!el) return;
  el.scrollIntoView();
  if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
  el.focus({ preventScroll: true });
}

/** Handles clicks on links to this page's own anchors, before the router sees them. */
export function installAnchorLinks(): void {
  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const a = (event.target as Element | null)?.closest?.('a');
    if (!a?.href || a.target || a.hasAttribute('download')) return;
    const url = new URL(a.href);
    const samePage =
      url.origin === location.origin && url.pathname === location.pathname && url.search === location.search;
    if (!samePage || !url.hash) return;
    event.preventDefault();
    // The router listens on window: a same-page link must not reach it as a navigation.
    event.stopPropagation();
    history.pushState(null, '', url.href);
    scrollToHash(url.hash);
  });
}
