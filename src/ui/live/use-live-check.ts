import { useEffect, useRef, useState } from 'react';
import type { CoreClient } from '../../worker/client.ts';
import type { CheckResponse } from '../../worker/protocol.ts';

/**
 * Checks and compiles the spec in the worker on every edit. There is no fixed delay: a check starts
 * at once when none is running, and while one runs only the newest text waits its turn (older
 * intermediate texts are never checked). So a keystroke shows its effect as soon as the worker can
 * compute it, and fast typing never builds a queue.
 */
export function useLiveCheck(client: CoreClient | undefined, specText: string | undefined, registryText: string | undefined) {
  const [check, setCheck] = useState<CheckResponse | undefined>();
  const running = useRef(false);
  const next = useRef<{ specText: string; registryText: string } | undefined>(undefined);

  useEffect(() => {
    if (!client || specText === undefined) return;
    next.current = { specText, registryText: registryText ?? '' };
    const pump = () => {
      const job = next.current;
      if (running.current || !job) return;
      next.current = undefined;
      running.current = true;
      void client
        .request({ type: 'check', ...job })
        .then((r) => {
          // A newer text is waiting: skip rendering this answer, it would be replaced at once.
          if (!next.current) setCheck(r);
        })
        // The worker was restarted (time limit) or failed: the app says so; the next edit is checked anew.
        .catch(() => undefined)
        .finally(() => {
          running.current = false;
          pump();
        });
    };
    pump();
  }, [client, specText, registryText]);

  return check;
}
