import { useEffect, useId, useRef, useState } from 'react';
import { relativeTime } from '../workspace/relative-time.ts';
import { deleteWorkspace, listWorkspaces, type WorkspaceSummary } from '../workspace/store.ts';
import { useModalDialog } from './use-modal-dialog.ts';

export interface WorkspacesDialogProps {
  open: boolean;
  /** The workspace open in this tab: it cannot be opened again or deleted. */
  currentId?: string;
  onClose(): void;
  /** The user chose a workspace; the dialog closes itself right after. */
  onOpen(id: string): void;
  /** Why the list was opened for the user (a start that did not finish). */
  notice?: string;
  /** Injected for tests; the app uses IndexedDB. */
  list?: () => Promise<WorkspaceSummary[]>;
  remove?: (id: string) => Promise<void>;
}

/** Every workspace saved in this browser, so work replaced by an example or a new workflow can be reopened. */
export function WorkspacesDialog({ open, currentId, notice, onClose, onOpen, list = listWorkspaces, remove = deleteWorkspace }: WorkspacesDialogProps) {
  const ref = useModalDialog(open);
  const closeRef = useRef<HTMLButtonElement>(null);
  const idBase = useId();
  const [rows, setRows] = useState<WorkspaceSummary[] | undefined>();
  const [confirming, setConfirming] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  // A ref, so an inline `list` prop does not re-run the loading effect on every render.
  const listRef = useRef(list);
  listRef.current = list;


  // Re-read on every opening: other tabs and this one save all the time.
  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    setRows(undefined);
    setConfirming(undefined);
    setError(undefined);
    listRef.current().then(
      (r) => !cancelled && setRows(r),
      (e: Error) => !cancelled && setError(`The saved workspaces could not be read: ${e.message}`),
    );
    return () => {
      cancelled = true;
    };
  }, [open]);

  const del = async (w: WorkspaceSummary) => {
    try {
      await remove(w.id);
      setRows((r) => r?.filter((x) => x.id !== w.id));
      setConfirming(undefined);
      // The focused button just disappeared with its row.
      closeRef.current?.focus();
    } catch (e) {
      setError(`${w.name} could not be deleted: ${(e as Error).message}`);
    }
  };

  const now = Date.now();
  return (
    <dialog ref={ref} aria-labelledby="workspaces-title" onClose={onClose} className="wizard workspaces">
      <h2 id="workspaces-title">Workspaces</h2>
      <p className="hint">Saved in this browser. Opening one saves the current workspace first.</p>
      {notice && <p role="alert">{notice}</p>}
      {error && <p role="alert">{error}</p>}
      {!rows ? (
        !error && <p>Loading…</p>
      ) : rows.length === 0 ? (
        <p>No saved workspaces yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Last saved</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((w) => {
              const current = w.id === currentId;
              const confirm = confirming === w.id;
              // Names can repeat: the time describes each button, so the two rows can be told apart.
              const timeId = `${idBase}-${w.id}`;
              return (
                <tr key={w.id} aria-current={current ? 'true' : undefined}>
                  <th scope="row">
                    {w.name}
                    {current && ' (open)'}
                  </th>
                  <td>
                    {w.damaged ? (
                      <span id={timeId}>cannot be opened</span>
                    ) : (
                      <time id={timeId} dateTime={new Date(w.updatedAt).toISOString()} title={new Date(w.updatedAt).toLocaleString()}>
                        {relativeTime(w.updatedAt, now)}
                      </time>
                    )}
                  </td>
                  <td>
                    <button
                      type="button"
                      disabled={current || w.damaged}
                      aria-label={`Open ${w.name}`}
                      aria-describedby={timeId}
                      onClick={() => {
                        onOpen(w.id);
                        onClose();
                      }}
                    >
                      Open
                    </button>{' '}
                    {!current && (
                      <button
                        type="button"
                        data-delete-for={w.id}
                        aria-label={`${confirm ? 'Confirm delete' : 'Delete'} ${w.name}`}
                        aria-describedby={timeId}
                        onClick={() => (confirm ? void del(w) : setConfirming(w.id))}
                      >
                        {confirm ? 'Confirm delete' : 'Delete'}
                      </button>
                    )}{' '}
                    {confirm && (
                      <button
                        type="button"
                        onClick={(e) => {
                          // Cancel disappears: give focus back to the row's Delete button.
                          const del = e.currentTarget.parentElement?.querySelector<HTMLButtonElement>(`[data-delete-for="${w.id}"]`);
                          setConfirming(undefined);
                          del?.focus();
                        }}
                      >
                        Cancel
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div className="wizard-actions">
        <button ref={closeRef} type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </dialog>
  );
}
