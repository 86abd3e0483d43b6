import Editor, { type OnMount } from '@monaco-editor/react';
import { useEffect, useRef, useState } from 'react';
import type { Diagnostic } from '../../core/util/diagnostics.ts';
import { toMarkers } from './markers.ts';
import { editorApi, useModelSync, type EditorApi } from './model-sync.ts';
import { monaco } from './monaco-setup.ts';
import { TAB_FOCUS_SHORTCUT } from './tab-focus.ts';
import { usePrefersDark } from './prefers-dark.ts';

export interface FileEditorProps {
  /** The file's name, e.g. `registry.json`: the model's path, its language and its accessible name. */
  fileName: string;
  value: string;
  onChange(text: string): void;
  /** Shown as markers. */
  diagnostics: Diagnostic[];
  onReady?(api: EditorApi): void;
}

// Monaco has no TOML; its INI tokenizer colours tables, keys, strings and comments the same way.
const LANGUAGES: Record<string, string> = { json: 'json', toml: 'ini', yaml: 'yaml', yml: 'yaml' };

const OPTIONS: monaco.editor.IStandaloneEditorConstructionOptions = {
  tabSize: 2,
  insertSpaces: true,
  minimap: { enabled: false },
  scrollBeyondLastLine: false,
  fixedOverflowWidgets: true,
  fontSize: 13,
};

/** A Monaco editor for a workspace file other than the spec (registry, env-overrides, test cases). */
export default function FileEditor({ fileName, value, onChange, diagnostics, onReady }: FileEditorProps) {
  const [editor, setEditor] = useState<monaco.editor.IStandaloneCodeEditor | undefined>();
  const onReadyRef = useRef(onReady);
  onReadyRef.current = onReady;
  const dark = usePrefersDark();
  useModelSync(editor, value, onChange);

  const handleMount: OnMount = (ed) => {
    ed.updateOptions({ ariaLabel: `${fileName} editor. Press ${TAB_FOCUS_SHORTCUT} to switch whether Tab moves focus out of the editor.` });
    setEditor(ed);
    onReadyRef.current?.(editorApi(ed));
  };

  useEffect(() => {
    const model = editor?.getModel();
    if (model) monaco.editor.setModelMarkers(model, 'wt', toMarkers(diagnostics));
  }, [editor, diagnostics]);

  return (
    <Editor
      className="spec-editor-monaco"
      height="100%"
      path={`file:///workspace/${fileName}`}
      defaultLanguage={LANGUAGES[fileName.split('.').pop() ?? ''] ?? 'plaintext'}
      // Uncontrolled: useModelSync keeps the model in step with `value`.
      defaultValue={value}
      theme={dark ? 'vs-dark' : 'vs'}
      options={OPTIONS}
      loading={<p role="status">Loading the editor…</p>}
      onMount={handleMount}
    />
  );
}
