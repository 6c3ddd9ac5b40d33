/**
 * The contents highlight: which heading the reader has scrolled past last. Used by the guide
 * page in the app and by a prerendered guide's islands script, which runs without the app.
 */

/** Calls `onChange` with the id of the last of `ids` above the top of the viewport; returns a stop function. */
export function watchCurrentSection(
  ids: readonly string[],
  onChange: (id: string | undefined) => void,
): () => void {
  let frame = 0;
  let current: string | undefined;
  const update = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      let found: string | undefined;
      for (const id of ids) {
        const el = document.getElementById(id);
        if (el && el.getBoundingClientRect().top < 120) found = id;
      }
      if (found === current) return;
      current = found;
      onChange(found);
    });
  };
  update();
  window.addEventListener('scroll', update, { passive: true });
  return () => {
    cancelAnimationFrame(frame);
    window.removeEventListener('scroll', update);
  };
}
