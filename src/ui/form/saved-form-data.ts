import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

/**
 * The Parameters form's values, kept per workspace in localStorage so a reload does not lose them.
 * Not in the workspace record: a value typed in the form is not an edit of the workspace's files
 * (it would bump the revision and make other tabs see a conflict).
 */

const PREFIX = 'wt-workbench:form:';
/** Values larger than this are not kept (localStorage holds a few MB for the whole origin). */
const MAX_CHARS = 512 * 1024;

/** The values stored for a workspace, or `{}`. */
export function loadFormData(workspaceId: string): unknown {
  try {
    const text = localStorage.getItem(PREFIX + workspaceId);
    const value: unknown = text === null ? {} : JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
  } catch {
    return {};
  }
}

/** Stores a workspace's values (e.g. from a share link, before the workspace opens). */
export function storeFormData(workspaceId: string, data: unknown): void {
  try {
    const text = JSON.stringify(data ?? {});
    if (text === '{}' || text.length > MAX_CHARS) localStorage.removeItem(PREFIX + workspaceId);
    else localStorage.setItem(PREFIX + workspaceId, text);
  } catch {
    // Not kept (storage full or blocked): the form still works for this session.
  }
}

/** Forgets a deleted workspace's values. */
export function forgetFormData(workspaceId: string): void {
  try {
    localStorage.removeItem(PREFIX + workspaceId);
  } catch {
    // Nothing to forget.
  }
}

/** The form data of the open workspace: loaded when it opens, stored as it changes. */
export function useSavedFormData(workspaceId: string | undefined): [unknown, (data: unknown) => void] {
  const [state, setState] = useState<{ id?: string; data: unknown }>({ data: {} });
  const id = useRef(workspaceId);
  id.current = workspaceId;
  useEffect(() => {
    if (workspaceId !== undefined) setState({ id: workspaceId, data: loadFormData(workspaceId) });
  }, [workspaceId]);
  const set = useCallback((data: unknown) => {
    if (id.current === undefined) return;
    setState({ id: id.current, data });
    storeFormData(id.current, data);
  }, []);
  // Until the new workspace's values are in state, the old ones must not show (or be saved) under its id.
  const fresh = useMemo(() => (workspaceId === undefined ? {} : loadFormData(workspaceId)), [workspaceId]);
  return [state.id === workspaceId ? state.data : fresh, set];
}
