import { useEffect, useRef } from 'react';
import type { monaco } from './monaco-setup.ts';

/** What the app can do with an editor once it is mounted. */
export interface EditorApi {
  /** Moves the cursor to a 1-based position, scrolls it into view and focuses the editor. */
  reveal(line: number, column: number): void;
  focus(): void;
}

/** The EditorApi of a mounted Monaco editor. */
export function editorApi(ed: monaco.editor.IStandaloneCodeEditor): EditorApi {
  return {
    focus: () => ed.focus(),
    reveal: (line, column) => {
      ed.setPosition({ lineNumber: line, column });
      ed.revealLineInCenter(line);
      ed.focus();
    },
  };
}

/**
 * Keeps a Monaco editor's model and a `value` prop in step. User edits go out through `onChange`;
 * `value` is written into the model only when it is new text from outside (an example loaded, a
 * file opened, another tab's version), never for the echo of the user's own typing: rewriting the
 * model would move the cursor and, with a lagging echo, drop the keystrokes typed since.
 */
export function useModelSync(editor: monaco.editor.IStandaloneCodeEditor | undefined, value: string, onChange: (text: string) => void): void {
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  /** Texts sent through onChange that `value` may still bring back (it lags the model while typing). */
  const echoes = useRef<string[]>([]);
  /** True while `value` is being written into the model (not a user edit: no onChange). */
  const applying = useRef(false);

  useEffect(() => {
    if (!editor) return;
    const sub = editor.onDidChangeModelContent(() => {
      if (applying.current) return;
      const text = editor.getValue();
      echoes.current.push(text);
      if (echoes.current.length > 200) echoes.current.shift();
      onChangeRef.current(text);
    });
    return () => sub.dispose();
  }, [editor]);

  useEffect(() => {
    const model = editor?.getModel();
    if (!editor || !model) return;
    if (value === model.getValue()) {
      echoes.current = [];
      return;
    }
    if (echoes.current.includes(value)) return;
    echoes.current = [];
    applying.current = true;
    try {
      editor.pushUndoStop();
      editor.executeEdits('wt-workspace', [{ range: model.getFullModelRange(), text: value, forceMoveMarkers: true }]);
      editor.pushUndoStop();
    } finally {
      applying.current = false;
    }
  }, [editor, value]);
}
