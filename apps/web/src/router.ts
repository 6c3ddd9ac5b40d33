import { useEffect, useState } from 'preact/hooks';

/** A tiny History API router: the URL is the state; links are real <a href>s. */

export type Route =
  | { name: 'home' }
  | { name: 'guides' }
  | { name: 'exam'; examId: string }
  | { name: 'guide'; slug: string }
  | { name: 'attempt'; attemptId: string }
  | { name: 'results'; attemptId: string }
  | { name: 'not-found'; path: string };

const patterns: [RegExp, (m: RegExpMatchArray) => Route][] = [
  [/^\/$/, () => ({ name: 'home' })],
  [/^\/guides\/?$/, () => ({ name: 'guides' })],
  [/^\/exams\/([^/]+)\/?$/, (m) => ({ name: 'exam', examId: dec(m[1]) })],
  [/^\/guides\/([^/]+)\/?$/, (m) => ({ name: 'guide', slug: dec(m[1]) })],
  [/^\/attempts\/([^/]+)\/results\/?$/, (m) => ({ name: 'results', attemptId: dec(m[1]) })],
  [/^\/attempts\/([^/]+)\/?$/, (m) => ({ name: 'attempt', attemptId: dec(m[1]) })],
];

function dec(s: string | undefined): string {
  try {
    return decodeURIComponent(s ?? '');
  } catch {
    return s ?? '';
  }
}

export function matchRoute(pathname: string): Route {
  for (const [re, make] of patterns) {
    const m = pathname.match(re);
    if (m) return make(m);
  }
  return { name: 'not-found', path: pathname };
}

const listeners = new Set<() => void>();

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  const url = new URL(to, location.href);
  if (url.origin !== location.origin) {
    location.href = url.href;
    return;
  }
  const samePage = url.pathname === location.pathname && url.search === location.search;
  if (opts.replace) history.replaceState(null, '', url.href);
  else history.pushState(null, '', url.href);
  if (samePage && url.hash) {
    scrollToHash(url.hash);
    return;
  }
  for (const l of listeners) l();
}

export function scrollToHash(hash: string): void {
  const id = dec(hash.replace(/^#/, ''));
  if (!id) return;
  const el = document.getElementById(id);
  if (el) {
    el.scrollIntoView();
    if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
    el.focus({ preventScroll: true });
  }
}

/** Current location as a Route; re-renders on pushState/popstate. */
export function useLocation(): { route: Route; path: string; hash: string } {
  const [, setTick] = useState(0);
  useEffect(() => {
    const update = () => setTick((t) => t + 1);
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return { route: matchRoute(location.pathname), path: location.pathname, hash: location.hash };
}

/** Intercept same-origin link clicks so navigation stays client-side. */
export function installLinkInterceptor(): void {
  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const a = (event.target as Element | null)?.closest?.('a');
    if (!a?.href || a.target || a.hasAttribute('download')) return;
    const url = new URL(a.href);
    if (url.origin !== location.origin || url.pathname.startsWith('/api/')) return;
    if (url.pathname === location.pathname && url.hash) {
      // In-page anchor (TOC, FAQ): let the browser scroll, but move focus for keyboard users.
      event.preventDefault();
      history.pushState(null, '', url.href);
      scrollToHash(url.hash);
      return;
    }
    event.preventDefault();
    navigate(url.href);
  });
}
