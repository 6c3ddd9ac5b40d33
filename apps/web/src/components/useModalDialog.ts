import { useEffect, useRef } from 'preact/hooks';

/**
 * A native `<dialog>` shown as a modal while `open` is true (focus trapping and Escape are the
 * browser's). `closed(handler)` wraps the dialog's close handler. The close event comes a task
 * after `close()`, and `showModal()` runs in an effect after the next paint: when the dialog was
 * asked open again meanwhile (a quick Cancel, then Enter on the opener), the late event of our
 * own close must not close the new one.
 */
export function useModalDialog(open: boolean) {
  const ref = useRef<HTMLDialogElement>(null);
  const wanted = useRef(open);
  wanted.current = open;
  const closing = useRef(false);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) {
      closing.current = true;
      d.close();
    }
  }, [open]);
  const closed = (handler: () => void) => () => {
    const echo = closing.current;
    closing.current = false;
    if ((echo && wanted.current) || ref.current?.open) return;
    handler();
  };
  return { ref, closed };
}
