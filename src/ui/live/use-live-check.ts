import { useEffect, useRef, useState } from 'react';
import type { CoreClient } from '../../worker/client.ts';
import type { CheckResponse } from '../../worker/protocol.ts';

/**
 * Checks and compiles the spec in the worker on every edit, debounced. Only the newest answer is
 * applied: an answer to an older text is dropped when it arrives.
 */
export function useLiveCheck(client: CoreClient | undefined, specText: string | undefined, registryText: string | undefined, delayMs = 120) {
  const [check, setCheck] = useState<CheckResponse | undefined>();
  const generation = useRef(0);

  useEffect(() => {
    if (!client || specText === undefined) return;
    const mine = ++generation.current;
    const timer = setTimeout(() => {
      void client.request({ type: 'check', specText, registryText: registryText ?? '' }).then((r) => {
        if (mine === generation.current) setCheck(r);
      });
    }, delayMs);
    return () => clearTimeout(timer);
  }, [client, specText, registryText, delayMs]);

  return check;
}
