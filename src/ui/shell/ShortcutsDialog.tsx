import { useModalDialog } from './use-modal-dialog.ts';

const SHORTCUTS: Array<[string, string]> = [
  ['Ctrl/⌘ + S', 'Save the workspace now (it also saves as you type)'],
  ['Ctrl + M', 'In the editor: toggle whether Tab moves focus or inserts spaces'],
  ['Ctrl + Space', 'In the editor: completion (task names, arguments, references)'],
  ['Ctrl/⌘ + Z, Ctrl/⌘ + Shift + Z', 'Undo, redo in the editor'],
  ['← →, Shift + ← →, Home, End, Enter', 'On the bar between the columns: resize them; Enter makes them even'],
  ['?', 'Show this list'],
  ['Esc', 'Close dialogs and menus'],
];

/** The keyboard shortcuts sheet, opened with `?` anywhere outside a text field. */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const ref = useModalDialog(open);
  return (
    <dialog ref={ref} aria-labelledby="shortcuts-title" onClose={onClose} className="shortcuts">
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <table>
        <tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <tr key={keys}>
              <th scope="row">
                <kbd>{keys}</kbd>
              </th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={onClose}>
        Close
      </button>
    </dialog>
  );
}

/** True when a key press belongs to a text field or the editor, not to app shortcuts. */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) || !!el.closest('.monaco-editor'));
}
