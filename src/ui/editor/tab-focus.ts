// Monaco keeps "Tab moves focus" in one global (its Ctrl+M and the F1 palette's "Toggle Tab Key
// Moves Focus" both flip it) but does not export it. The editor's `tabFocusMode` option is OR-ed
// with that global, so driving the option instead would leave the palette toggle invisible or
// dead. monaco-editor is pinned, and this file is the module its own editor imports.
// @ts-expect-error -- monaco-editor ships no types for its internal modules
import { TabFocus as monacoTabFocus } from 'monaco-editor/editor/browser/config/tabFocus';

interface TabFocusGlobal {
  getTabFocusMode(): boolean;
  setTabFocusMode(on: boolean): void;
  onDidChangeTabFocus(listener: (on: boolean) => void): { dispose(): void };
}

/** Monaco's global "Tab moves focus" switch. */
export const tabFocus = monacoTabFocus as TabFocusGlobal;

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
/** Ctrl+M, as Monaco and VS Code bind it (Ctrl+Shift+M on macOS, where Cmd+M minimizes the window). */
export const TAB_FOCUS_SHORTCUT = isMac ? 'Ctrl+Shift+M' : 'Ctrl+M';
/** The same, as `aria-keyshortcuts` spells it. */
export const TAB_FOCUS_KEYS = isMac ? 'Control+Shift+M' : 'Control+M';
