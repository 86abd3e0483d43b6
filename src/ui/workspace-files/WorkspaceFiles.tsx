import { lazy, Suspense, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Diagnostic } from '../../core/util/diagnostics.ts';
import type { EditorApi } from '../editor/model-sync.ts';
import { FILE_NAMES, type FileRole } from '../workspace/model.ts';
import './workspace-files.css';

const FileEditor = lazy(() => import('../editor/FileEditor.tsx'));

/** The workspace files besides the spec, in tab order. */
export const OTHER_FILES = ['registry', 'env-overrides', 'test-cases'] as const satisfies readonly FileRole[];
export type OtherFile = (typeof OTHER_FILES)[number];

/** What a new, empty file of each kind starts as. */
const STARTERS: Record<OtherFile, string> = {
  registry: '{\n  "entries": {},\n  "version": "0.0.0"\n}\n',
  'env-overrides': '# Dependency overrides: [feature.<default|runner|test|discovery>.dependencies] or .pypi-dependencies\n',
  'test-cases': '',
};

/** A request to show a position in one of the files (from Problems); `seq` makes repeats count. */
export interface RevealRequest {
  role: OtherFile;
  line: number;
  column: number;
  seq: number;
}

export interface WorkspaceFilesProps {
  files: Partial<Record<FileRole, string>>;
  setFile(role: FileRole, text: string): void;
  /** Every problem; each tab shows those of its file as markers. */
  diagnostics: readonly Diagnostic[];
  reveal?: RevealRequest;
}

/** Tabs with an editor for the registry, the env-overrides and the test cases of the workspace. */
export function WorkspaceFiles({ files, setFile, diagnostics, reveal }: WorkspaceFilesProps) {
  const [active, setActive] = useState<OtherFile>('registry');
  const editor = useRef<EditorApi | undefined>(undefined);
  const pending = useRef<RevealRequest | undefined>(undefined);
  const tabs = useRef<Partial<Record<OtherFile, HTMLButtonElement | null>>>({});
  // Monaco (and its JSON worker) for these files starts when the panel first comes into view.
  const root = useRef<HTMLDivElement>(null);
  const [seen, setSeen] = useState(typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    if (seen || !root.current) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setSeen(true));
    observer.observe(root.current);
    return () => observer.disconnect();
  }, [seen]);

  // The previous tab's editor is disposed when the tab changes; a reveal must wait for the new one.
  const switchTab = (role: OtherFile) => {
    if (role === active) return;
    editor.current = undefined;
    setActive(role);
  };

  // A problem in one of these files: switch to it, and reveal the position once its editor is up.
  useEffect(() => {
    if (!reveal) return;
    pending.current = reveal;
    setSeen(true);
    if (reveal.role === active && editor.current) {
      editor.current.reveal(reveal.line, reveal.column);
      pending.current = undefined;
    } else switchTab(reveal.role);
  }, [reveal]); // eslint-disable-line react-hooks/exhaustive-deps -- per request, not per tab switch

  const onReady = (api: EditorApi) => {
    editor.current = api;
    const r = pending.current;
    if (r && r.role === active) {
      api.reveal(r.line, r.column);
      pending.current = undefined;
    }
  };

  const onTabKey = (e: KeyboardEvent) => {
    const i = OTHER_FILES.indexOf(active);
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: OTHER_FILES.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const role = OTHER_FILES[(next + OTHER_FILES.length) % OTHER_FILES.length];
    switchTab(role);
    tabs.current[role]?.focus();
  };

  const text = files[active];
  const name = FILE_NAMES[active];
  return (
    <div className="workspace-files" ref={root}>
      <div role="tablist" aria-label="Workspace file" onKeyDown={onTabKey}>
        {OTHER_FILES.map((role) => {
          const count = diagnostics.filter((d) => d.source === role).length;
          return (
            <button
              key={role}
              ref={(el) => {
                tabs.current[role] = el;
              }}
              type="button"
              role="tab"
              id={`file-tab-${role}`}
              aria-selected={role === active}
              aria-controls="file-tabpanel"
              tabIndex={role === active ? 0 : -1}
              onClick={() => switchTab(role)}
            >
              {FILE_NAMES[role]}
              {files[role] === undefined ? ' (none)' : count > 0 ? ` (${count} problem${count === 1 ? '' : 's'})` : ''}
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id="file-tabpanel" aria-labelledby={`file-tab-${active}`} className="workspace-file">
        {text === undefined ? (
          <p>
            This workspace has no {name}.{' '}
            <button type="button" onClick={() => setFile(active, STARTERS[active])}>
              Create {name}
            </button>
          </p>
        ) : !seen ? null : (
          <Suspense fallback={<p role="status">Loading the editor…</p>}>
            <FileEditor
              key={active}
              fileName={name}
              value={text}
              onChange={(t) => setFile(active, t)}
              diagnostics={diagnostics.filter((d) => d.source === active)}
              onReady={onReady}
            />
          </Suspense>
        )}
      </div>
    </div>
  );
}
