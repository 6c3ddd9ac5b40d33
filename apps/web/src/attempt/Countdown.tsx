import { useEffect, useRef, useState } from 'preact/hooks';
import './Countdown.css';

/** h:mm:ss, or m:ss under an hour; rounded up so "0:00" only shows when time is really up. */
function formatLeft(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const mm = String(m).padStart(h ? 2 : 1, '0');
  return `${h ? `${h}:` : ''}${mm}:${String(sec).padStart(2, '0')}`;
}

/** Screen readers hear the time left at these marks (ms). */
const WARNINGS = [10 * 60_000, 5 * 60_000, 60_000];

/** The time left until the server's deadline (on this device's clock); calls `onExpire` at zero. */
export function Countdown({ deadlineAt, onExpire }: { deadlineAt: number; onExpire: () => void }) {
  const [now, setNow] = useState(Date.now());
  const [announce, setAnnounce] = useState('');
  const warned = useRef(new Set<number>());
  const expired = useRef(false);
  const left = deadlineAt - now;

  useEffect(() => {
    const t = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(t);
  }, []);

  useEffect(() => {
    for (const w of WARNINGS) {
      if (left <= w && left > 0 && !warned.current.has(w)) {
        // Mark every larger threshold too, so a resume at 3 minutes left announces once.
        for (const x of WARNINGS) if (x >= w) warned.current.add(x);
        const mins = Math.ceil(left / 60_000);
        setAnnounce(`${mins} minute${mins === 1 ? '' : 's'} left.`);
      }
    }
    if (left <= 0 && !expired.current) {
      expired.current = true;
      setAnnounce('Time is up. Submitting your answers.');
      onExpire();
    }
  }, [left, onExpire]);

  const level = left <= 60_000 ? 'critical' : left <= 5 * 60_000 ? 'low' : '';
  return (
    <div class={`timer ${level}`}>
      <span class="timer-label">Time left</span>{' '}
      <span role="timer" aria-label="Time left" class="timer-value">
        {formatLeft(left)}
      </span>
      <span class="sr-only" aria-live="assertive">
        {announce}
      </span>
    </div>
  );
}
