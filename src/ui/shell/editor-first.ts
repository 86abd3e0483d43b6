import { useCallback, useEffect, useRef, useState } from 'react';

/** How long the other panels wait for the editor before loading anyway (the editor failed or is very slow). */
export const EDITOR_FIRST_LIMIT_MS = 5000;
/** After the editor mounts, the heavier panels start once no key has been pressed for this long. */
export const EDITOR_FIRST_QUIET_MS = 400;

/**
 * Start-up order: the spec editor first, then the panels that only show results (form, graph).
 * `ready` turns true once the editor has mounted (call `editorMounted`) and the keyboard has been
 * quiet for `quietMs`, so the first keystrokes never wait behind the form's and graph's first
 * render; and after `limitMs` whatever happens, so a broken editor never hides the rest of the app.
 */
export function useEditorFirst(limitMs = EDITOR_FIRST_LIMIT_MS, quietMs = EDITOR_FIRST_QUIET_MS): { ready: boolean; editorMounted(): void } {
  const [ready, setReady] = useState(false);
  const mounted = useRef(false);
  const quiet = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const arm = useCallback(() => {
    clearTimeout(quiet.current);
    quiet.current = setTimeout(() => setReady(true), quietMs);
  }, [quietMs]);

  useEffect(() => {
    if (ready) return;
    const limit = setTimeout(() => setReady(true), limitMs);
    // Typing in the editor right after it appears pushes the heavier panels back.
    const onKey = () => mounted.current && arm();
    window.addEventListener('keydown', onKey, true);
    return () => {
      clearTimeout(limit);
      clearTimeout(quiet.current);
      window.removeEventListener('keydown', onKey, true);
    };
  }, [ready, limitMs, arm]);

  const editorMounted = useCallback(() => {
    if (mounted.current) return;
    mounted.current = true;
    arm();
  }, [arm]);
  return { ready, editorMounted };
}
