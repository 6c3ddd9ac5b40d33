import { useEffect, useRef } from 'preact/hooks';

/**
 * A native `<dialog>` shown as a modal while `open` is true (focus trapping and Escape are the
 * browser's). `closed(handler)` wraps the dialog's close handler: the close event comes a task
 * after `close()`, so when the dialog was opened again meanwhile (a quick Cancel, then Enter on
 * the opener) that late event must not close the new one.
 */
export function useModalDialog(open: boolean) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  const closed = (handler: () => void) => () => {
    if (!ref.current?.open) handler();
  };
  return { ref, closed };
}
