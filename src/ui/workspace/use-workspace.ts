import { useCallback, useEffect, useRef, useState } from 'react';
import type { FileRole, Workspace } from './model.ts';
import { markStarting, START_SETTLE_MS, startCompleted, unfinishedStart } from './start-guard.ts';
import { loadLastWorkspace, loadWorkspace, rememberOpenWorkspace, saveWorkspace } from './store.ts';

/**
 * The open workspace: restored from IndexedDB on load, saved as you type (debounced) and on
 * Ctrl/⌘+S. Another tab's newer save is never overwritten silently: it becomes a `conflict`
 * the user resolves by loading theirs or keeping this tab's.
 */

export type SaveStatus = 'saved' | 'unsaved' | 'saving' | 'conflict' | 'error';

/** What `switchTo` did: the workspace now open, or why the current one stays open. */
export type SwitchResult = { opened: Workspace } | { error: string };

const SAVE_DELAY_MS = 400;
const CHANNEL = 'wt-workbench-workspaces';

export function useWorkspace(initial: () => Promise<Workspace>) {
  const [workspace, setWorkspace] = useState<Workspace | undefined>();
  const [status, setStatus] = useState<SaveStatus>('saved');
  const [conflict, setConflict] = useState<Workspace | undefined>();
  /**
   * Why no workspace was opened on start, or which stored record was skipped: the app shows it (and,
   * when `pick` is set, the Workspaces list so the user chooses).
   */
  const [startNotice, setStartNotice] = useState<{ message: string; pick: boolean } | undefined>();
  const base = useRef(0);
  const latest = useRef<Workspace | undefined>(undefined);
  /** The files object last opened or saved: edits replace it, so `!==` means unsaved edits. */
  const savedFiles = useRef<Workspace['files'] | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const channel = useRef<BroadcastChannel | undefined>(undefined);
  /** Files set before the workspace finished loading (e.g. opened at once): applied when it arrives. */
  const early = useRef<Partial<Record<FileRole, string>>>({});
  const setFileRef = useRef<(role: FileRole, text: string) => void>(() => undefined);
  /** The save in progress: saves run one at a time, each from the revision the previous one stored. */
  const saving = useRef<Promise<SaveStatus> | undefined>(undefined);

  const open = useCallback((ws: Workspace) => {
    // A pending debounced save belongs to the workspace being left (callers flush it first).
    clearTimeout(timer.current);
    timer.current = undefined;
    base.current = ws.revision;
    latest.current = ws;
    savedFiles.current = ws.files;
    markStarting(ws.id);
    rememberOpenWorkspace(ws.id);
    setConflict(undefined);
    setWorkspace(ws);
  }, []);

  /** One save, from the revision the last one stored. */
  const saveOnce = useCallback(async (force: boolean): Promise<SaveStatus> => {
    const ws = latest.current;
    if (!ws) return 'saved';
    setStatus('saving');
    try {
      const r = await saveWorkspace(ws, base.current, force);
      // Another workspace was opened meanwhile: this answer must not touch its state.
      if (latest.current?.id !== ws.id) return 'conflict' in r ? 'conflict' : 'saved';
      if ('conflict' in r) {
        setConflict(r.conflict);
        setStatus('conflict');
        return 'conflict';
      }
      base.current = r.saved.revision;
      savedFiles.current = ws.files;
      latest.current = { ...latest.current!, revision: r.saved.revision };
      const next = latest.current.files === r.saved.files ? 'saved' : 'unsaved';
      setStatus(next);
      channel.current?.postMessage({ id: ws.id, revision: r.saved.revision });
      return next;
    } catch {
      if (latest.current?.id === ws.id) setStatus('error');
      return 'error';
    }
  }, []);

  /** Saves now (cancelling the debounced save) and resolves to the resulting status. */
  const save = useCallback((force = false): Promise<SaveStatus> => {
    clearTimeout(timer.current);
    timer.current = undefined;
    // Two saves at once would both start from the same revision, and the second would look like
    // another tab's conflict: queue behind the running one.
    const run = (saving.current ?? Promise.resolve('saved' as SaveStatus)).then(() => saveOnce(force));
    saving.current = run;
    return run;
  }, [saveOnce]);

  const isDirty = useCallback(() => latest.current?.files !== savedFiles.current, []);

  /** Saves pending edits now (again if typing went on meanwhile), so leaving a workspace never drops keystrokes. */
  const flush = useCallback(async (): Promise<SaveStatus> => {
    for (;;) {
      if (!isDirty()) return 'saved';
      const s = await save();
      if (s === 'conflict' || s === 'error') return s;
    }
  }, [isDirty, save]);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      // The workspace opened last time never finished showing (it crashed or froze the page): do not
      // open it again; the user picks from Workspaces.
      if (unfinishedStart() !== undefined) {
        setStartNotice({
          message: 'The workspace opened last time did not finish loading (it may have crashed the page), so it was not reopened. Pick a workspace, or load an example.',
          pick: true,
        });
        return;
      }
      const skipped: string[] = [];
      const restored = (await loadLastWorkspace((m) => skipped.push(m)).catch(() => undefined)) ?? (await initial());
      if (cancelled) return;
      if (skipped.length > 0) setStartNotice({ message: skipped.join(' '), pick: false });
      open(restored);
      const pending = early.current;
      early.current = {};
      for (const [role, text] of Object.entries(pending)) setFileRef.current(role as FileRole, text);
    })();
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- restore once on mount
  }, []);

  // The workspace has been shown once: its start finished. Leaving the page normally before then
  // (a quick reload) is no crash either.
  const openId = workspace?.id;
  useEffect(() => {
    if (openId === undefined) return;
    const done = () => startCompleted(openId);
    const timer = setTimeout(done, START_SETTLE_MS);
    window.addEventListener('pagehide', done);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('pagehide', done);
    };
  }, [openId]);

  // Another tab saved the same workspace: if we have no unsaved edits, follow it; else flag a conflict.
  useEffect(() => {
    const ch = new BroadcastChannel(CHANNEL);
    channel.current = ch;
    ch.onmessage = async (e: MessageEvent<{ id: string; revision: number }>) => {
      const ws = latest.current;
      if (!ws || e.data.id !== ws.id || e.data.revision <= base.current) return;
      // A damaged record (written by something else) is not followed.
      const theirs = await loadWorkspace(ws.id).catch(() => undefined);
      // Still the same workspace, and their copy still newer than ours?
      if (!theirs || latest.current?.id !== ws.id || theirs.revision <= base.current) return;
      if (!isDirty()) open(theirs);
      else {
        setConflict(theirs);
        setStatus('conflict');
      }
    };
    return () => ch.close();
  }, [open, isDirty]);

  // Ctrl/⌘+S saves now and never opens the browser's "Save page" dialog.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        void save();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [save]);

  const setFile = useCallback(
    (role: FileRole, text: string) => {
      const ws = latest.current;
      if (!ws) {
        early.current[role] = text;
        return;
      }
      const next = { ...ws, files: { ...ws.files, [role]: text } };
      latest.current = next;
      setWorkspace(next);
      setStatus('unsaved');
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        timer.current = undefined;
        void save();
      }, SAVE_DELAY_MS);
    },
    [save],
  );

  setFileRef.current = setFile;

  /** Replaces the workspace (an example, or files the user opened) and saves it; resolves to whether it did. */
  const replace = useCallback(
    async (ws: Workspace): Promise<boolean> => {
      // Flush the outgoing workspace first: its pending debounced save would otherwise be lost.
      // If that save fails or conflicts, the outgoing workspace stays open and says so.
      if (isDirty() && (await flush()) !== 'saved') return false;
      open(ws);
      void save(true);
      return true;
    },
    [flush, isDirty, open, save],
  );

  /** Saves the current workspace's pending edits, then opens the stored workspace `id`. */
  const switchTo = useCallback(
    async (id: string): Promise<SwitchResult> => {
      const current = latest.current;
      if (current?.id === id) return { opened: current };
      const flushed = await flush();
      if (flushed === 'conflict') return { error: 'This workspace was changed in another tab: keep one version first, then switch.' };
      if (flushed === 'error') return { error: 'This workspace could not be saved, so it stays open. Download workspace keeps a copy.' };
      let ws: Workspace | undefined;
      try {
        ws = await loadWorkspace(id);
      } catch (e) {
        return { error: `The workspace could not be read: ${(e as Error).message}` };
      }
      if (!ws) return { error: 'That workspace is no longer stored (it was deleted, maybe in another tab).' };
      // Keys typed while it loaded belong to the workspace being left.
      if ((await flush()) !== 'saved') return { error: 'This workspace could not be saved, so it stays open.' };
      open(ws);
      setStatus('saved');
      return { opened: ws };
    },
    [flush, open],
  );

  const resolveConflict = useCallback(
    (keep: 'mine' | 'theirs') => {
      if (keep === 'theirs' && conflict) {
        open(conflict);
        setStatus('saved');
      } else void save(true);
      setConflict(undefined);
    },
    [conflict, open, save],
  );

  return { workspace, status, conflict, startNotice, setFile, replace, save, resolveConflict, switchTo };
}
