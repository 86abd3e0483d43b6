import { useEffect, useRef, useState, type CSSProperties } from 'react';

/** A message for the user; an error stays until dismissed, anything else goes after a few seconds. */
export interface Notice {
  text: string;
  error?: boolean;
}

/** Long enough to read two sentences; paused while the pointer or focus is on the message. */
export const TOAST_MS = 8000;

/**
 * The message area. The live region stays mounted so screen readers announce each new message. It
 * sits at the bottom of the right column, clear of the Problems panel on the left.
 */
export function Toast({ notice, onDismiss, style }: { notice?: Notice; onDismiss(): void; style?: CSSProperties }) {
  const [held, setHeld] = useState(false);
  const dismiss = useRef(onDismiss);
  dismiss.current = onDismiss;
  useEffect(() => {
    if (!notice || notice.error || held) return;
    const timer = setTimeout(() => dismiss.current(), TOAST_MS);
    return () => clearTimeout(timer);
  }, [notice, held]);
  return (
    <div role="status" aria-live="polite" className="toast-region" style={style}>
      {notice && (
        <div
          className={notice.error ? 'toast error' : 'toast'}
          onPointerEnter={() => setHeld(true)}
          onPointerLeave={() => setHeld(false)}
          onFocus={() => setHeld(true)}
          onBlur={() => setHeld(false)}
        >
          <p className="notice">{notice.text}</p>
          <button type="button" onClick={onDismiss}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
