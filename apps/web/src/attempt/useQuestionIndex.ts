import { useRef, useState } from 'preact/hooks';

/** The 0-based question in `?q=` (1-based there), or the first. */
function fromUrl(count: number): number {
  const q = Number(new URLSearchParams(location.search).get('q'));
  return Number.isInteger(q) && q >= 1 && q <= count ? q - 1 : 0;
}

/**
 * The question on screen, mirrored in `?q=` so a reload comes back to it. Moving focuses the
 * heading (`headingRef`), so the next Tab starts at the new question.
 */
export function useQuestionIndex(count: number) {
  const [index, setIndex] = useState(() => fromUrl(count));
  const headingRef = useRef<HTMLHeadingElement>(null);
  const go = (i: number) => {
    const next = Math.max(0, Math.min(count - 1, i));
    setIndex(next);
    const url = new URL(location.href);
    url.searchParams.set('q', String(next + 1));
    // Replace, not push: Back leaves the attempt instead of stepping through questions.
    history.replaceState(null, '', url.href);
    requestAnimationFrame(() => headingRef.current?.focus());
  };
  return { index, go, headingRef };
}
