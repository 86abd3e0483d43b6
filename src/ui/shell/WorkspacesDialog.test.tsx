// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { WorkspacesDialog } from './WorkspacesDialog.tsx';
import type { WorkspaceSummary } from '../workspace/store.ts';

// jsdom has no modal dialogs: open/close just toggle the attribute (and close fires `close` like browsers).
beforeAll(() => {
  HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close = function (this: HTMLDialogElement) {
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
});
afterEach(cleanup);

const MIN = 60_000;

function setup(rows: WorkspaceSummary[], currentId?: string) {
  const store = [...rows];
  const list = vi.fn(async () => [...store].sort((a, b) => b.updatedAt - a.updatedAt));
  const remove = vi.fn(async (id: string) => {
    store.splice(store.findIndex((w) => w.id === id), 1);
  });
  const onOpen = vi.fn();
  const onClose = vi.fn();
  const view = render(<WorkspacesDialog open currentId={currentId} list={list} remove={remove} onOpen={onOpen} onClose={onClose} />);
  return { list, remove, onOpen, onClose, view };
}

const now = Date.now();
const rows: WorkspaceSummary[] = [
  { id: 'a', name: 'Patrol events', updatedAt: now - 3 * 60 * MIN },
  { id: 'b', name: 'Subject tracks', updatedAt: now - 5 * MIN },
  { id: 'c', name: 'Patrol events', updatedAt: now - 2 * 24 * 60 * MIN },
];

describe('WorkspacesDialog', () => {
  test('lists every saved workspace newest first, with repeated names kept apart by their time', async () => {
    setup(rows, 'b');
    const dialog = screen.getByRole('dialog', { name: 'Workspaces' });
    const body = (await within(dialog).findAllByRole('rowgroup'))[1];
    const names = within(body)
      .getAllByRole('rowheader')
      .map((h) => h.textContent);
    expect(names).toEqual(['Subject tracks (open)', 'Patrol events', 'Patrol events']);
    const times = within(body)
      .getAllByRole('row')
      .map((r) => r.querySelector('time')?.textContent);
    expect(times).toEqual(['5 minutes ago', '3 hours ago', '2 days ago']);
    const opens = screen.getAllByRole('button', { name: 'Open Patrol events' });
    expect(opens.map((b) => document.getElementById(b.getAttribute('aria-describedby')!)?.textContent)).toEqual(['3 hours ago', '2 days ago']);
  });

  test('the current workspace can be neither opened nor deleted', async () => {
    setup(rows, 'b');
    expect(((await screen.findByRole('button', { name: 'Open Subject tracks' })) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.queryByRole('button', { name: 'Delete Subject tracks' })).toBeNull();
  });

  test('Open hands the id over and closes', async () => {
    const { onOpen, onClose } = setup(rows, 'b');
    const [newer] = await screen.findAllByRole('button', { name: 'Open Patrol events' });
    fireEvent.click(newer);
    expect(onOpen).toHaveBeenCalledWith('a');
    expect(onClose).toHaveBeenCalled();
  });

  test('Delete asks for confirmation inline; Cancel keeps the workspace', async () => {
    const { remove } = setup(rows, 'b');
    const [, older] = await screen.findAllByRole('button', { name: 'Delete Patrol events' });
    fireEvent.click(older);
    expect(remove).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('button', { name: 'Confirm delete Patrol events' })).toBeNull();
    expect(screen.getAllByRole('button', { name: 'Delete Patrol events' })).toHaveLength(2);
    expect(remove).not.toHaveBeenCalled();
  });

  test('Confirm delete removes just that workspace and moves focus to Close', async () => {
    const { remove } = setup(rows, 'b');
    const [, older] = await screen.findAllByRole('button', { name: 'Delete Patrol events' });
    fireEvent.click(older);
    fireEvent.click(screen.getByRole('button', { name: 'Confirm delete Patrol events' }));
    await waitFor(() => expect(screen.getAllByRole('button', { name: /^Open / })).toHaveLength(2));
    expect(remove).toHaveBeenCalledWith('c');
    expect(screen.getByRole('button', { name: 'Open Patrol events' })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Close' }));
  });

  test('a failed delete is reported and the row stays', async () => {
    const { remove } = setup(rows, 'b');
    remove.mockRejectedValueOnce(new Error('quota'));
    fireEvent.click((await screen.findAllByRole('button', { name: 'Delete Patrol events' }))[0]);
    fireEvent.click(screen.getByRole('button', { name: 'Confirm delete Patrol events' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Patrol events could not be deleted: quota');
    expect(screen.getAllByRole('button', { name: /^Open / })).toHaveLength(3);
  });

  test('re-reads the list every time it opens, and says when there is nothing saved', async () => {
    const list = vi.fn(async (): Promise<WorkspaceSummary[]> => []);
    const props = { list, remove: vi.fn(async () => undefined), onOpen: vi.fn(), onClose: vi.fn() };
    const { rerender } = render(<WorkspacesDialog open {...props} />);
    expect(await screen.findByText('No saved workspaces yet.')).toBeTruthy();
    rerender(<WorkspacesDialog open={false} {...props} />);
    list.mockResolvedValueOnce([rows[0]]);
    rerender(<WorkspacesDialog open {...props} />);
    expect(await screen.findByRole('button', { name: 'Open Patrol events' })).toBeTruthy();
    expect(list).toHaveBeenCalledTimes(2);
  });

  test('Close calls onClose', async () => {
    const { onClose } = setup([]);
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalled();
  });
});
