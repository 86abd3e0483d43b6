import type { Diagnostic } from '../../core/util/diagnostics.ts';
import type { InstanceSummary, TaskSummary } from '../../worker/protocol.ts';

/** What the app can do with the editor once it is mounted. */
export interface EditorApi {
  /** Moves the cursor to a 1-based position, scrolls it into view and focuses the editor. */
  reveal(line: number, column: number): void;
  focus(): void;
}

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

/** Placeholder until the Monaco editor lands: a plain, labelled textarea with the same contract. */
export default function SpecEditor({ value, onChange, onReady }: SpecEditorProps) {
  return (
    <textarea
      className="source spec-textarea"
      aria-label="spec.yaml"
      spellCheck={false}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      ref={(el) => {
        if (!el || !onReady) return;
        onReady({
          focus: () => el.focus(),
          reveal: (line, column) => {
            const lines = el.value.split('\n');
            const offset = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
            el.focus();
            el.setSelectionRange(offset, offset);
          },
        });
      }}
    />
  );
}
