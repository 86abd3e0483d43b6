import Editor, { type OnMount } from '@monaco-editor/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Diagnostic } from '../../core/util/diagnostics.ts';
import type { InstanceSummary, TaskSummary } from '../../worker/protocol.ts';
import './editor.css';
import { toMarkers } from './markers.ts';
import { editorApi, useModelSync, type EditorApi } from './model-sync.ts';
import { usePrefersDark } from './prefers-dark.ts';
import { editorData, monaco, SPEC_URI } from './monaco-setup.ts';
import { TAB_FOCUS_KEYS, TAB_FOCUS_SHORTCUT, tabFocus } from './tab-focus.ts';


export interface SpecEditorProps {
  value: string;
  onChange(text: string): void;
  /** Shown as markers. */
  diagnostics: Diagnostic[];
  /** Registered tasks: completion and hover of task names and partial arguments. */
  tasks: TaskSummary[];
  /** Instances of the last check: `${{ workflow.<id>.return }}` completion. */
  instances: InstanceSummary[];
  onReady?(api: EditorApi): void;
}

declare global {
  interface Window {
    /** Read-only view of the spec editor for end-to-end tests. */
    __wtSpecEditor?: { getValue(): string; getPosition(): { line: number; column: number } | undefined };
  }
}

/** localStorage key of the Tab-trap choice (`1`: Tab moves focus). */
export const TAB_FOCUS_KEY = 'wt.editor.tabMovesFocus';
const MARKER_OWNER = 'wt';

const tabLabel = (movesFocus: boolean) => (movesFocus ? 'Tab moves focus' : 'Tab inserts spaces');
const ariaLabel = (movesFocus: boolean) =>
  `spec.yaml editor. ${tabLabel(movesFocus)}: press ${TAB_FOCUS_SHORTCUT} to ${movesFocus ? 'make Tab insert spaces' : 'make Tab move focus out of the editor'}.`;

function readTabFocus(): boolean {
  try {
    return localStorage.getItem(TAB_FOCUS_KEY) === '1';
  } catch {
    return false;
  }
}

/** Options that never change after mount (a new object would make @monaco-editor/react re-apply them). */
const OPTIONS: monaco.editor.IStandaloneEditorConstructionOptions = {
  tabSize: 2,
  insertSpaces: true,
  detectIndentation: false,
  minimap: { enabled: false },
  scrollBeyondLastLine: false,
  wordBasedSuggestions: 'off',
  quickSuggestions: { other: true, comments: false, strings: true },
  fixedOverflowWidgets: true,
  fontSize: 13,
};

/** The Monaco editor of spec.yaml: markers from core, task-aware completion and hover, a visible Tab trap toggle. */
export default function SpecEditor({ value, onChange, diagnostics, tasks, instances, onReady }: SpecEditorProps) {
  const [editor, setEditor] = useState<monaco.editor.IStandaloneCodeEditor | undefined>();
  const [tabMovesFocus, setTabMovesFocus] = useState(readTabFocus);
  const onReadyRef = useRef(onReady);
  onReadyRef.current = onReady;
  const dark = usePrefersDark();
  const toggleTabFocus = useCallback(() => tabFocus.setTabFocusMode(!tabFocus.getTabFocusMode()), []);

  // Monaco's own Ctrl+M, its F1 palette entry and our button all flip Monaco's global switch; the
  // hint and the saved choice follow it.
  useEffect(() => {
    tabFocus.setTabFocusMode(readTabFocus());
    const sub = tabFocus.onDidChangeTabFocus(setTabMovesFocus);
    return () => sub.dispose();
  }, []);

  const handleMount: OnMount = (ed) => {
    ed.updateOptions({ ariaLabel: ariaLabel(tabMovesFocus) });
    // Monaco binds Ctrl+M itself but leaves the toggle out of the standalone F1 palette.
    ed.addAction({ id: 'wt.toggleTabFocusMode', label: 'Toggle Tab Key Moves Focus', run: toggleTabFocus });
    window.__wtSpecEditor = {
      getValue: () => ed.getValue(),
      getPosition: () => {
        const p = ed.getPosition();
        return p ? { line: p.lineNumber, column: p.column } : undefined;
      },
    };
    setEditor(ed);
    onReadyRef.current?.(editorApi(ed));
  };

  useEffect(
    () => () => {
      delete window.__wtSpecEditor;
    },
    [],
  );

  useEffect(() => {
    editor?.updateOptions({ ariaLabel: ariaLabel(tabMovesFocus) });
    try {
      localStorage.setItem(TAB_FOCUS_KEY, tabMovesFocus ? '1' : '0');
    } catch {
      // Private mode or storage disabled: the choice lasts for this page only.
    }
  }, [editor, tabMovesFocus]);

  useModelSync(editor, value, onChange);

  useEffect(() => {
    editorData.tasks = tasks;
    editorData.instances = instances;
  }, [tasks, instances]);

  useEffect(() => {
    const model = editor?.getModel();
    if (model) monaco.editor.setModelMarkers(model, MARKER_OWNER, toMarkers(diagnostics));
  }, [editor, diagnostics]);

  return (
    <div className="spec-editor" role="group" aria-label="spec.yaml">
      <div className="spec-editor-bar">
        <span role="status" aria-live="polite" className="spec-editor-tab" data-tab-moves-focus={tabMovesFocus}>
          {tabLabel(tabMovesFocus)}
        </span>
        <button type="button" className="spec-editor-toggle" aria-keyshortcuts={TAB_FOCUS_KEYS} onClick={toggleTabFocus}>
          Toggle Tab key (<kbd>{TAB_FOCUS_SHORTCUT}</kbd>)
        </button>
      </div>
      <div className="spec-editor-body">
        <Editor
          className="spec-editor-monaco"
          height="100%"
          path={SPEC_URI}
          defaultLanguage="yaml"
          // Uncontrolled: the effect above keeps the model in step with `value`.
          defaultValue={value}
          theme={dark ? 'vs-dark' : 'vs'}
          options={OPTIONS}
          loading={<p role="status">Loading the editor…</p>}
          onMount={handleMount}
        />
      </div>
    </div>
  );
}
