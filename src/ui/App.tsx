import { lazy, Suspense, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import type { Diagnostic } from '../core/util/diagnostics.ts';
import { CoreClient } from '../worker/client.ts';
import type { TaskSummary } from '../worker/protocol.ts';
import { DEFAULT_EXAMPLE, loadExample } from './examples.ts';
import { PackageFiles } from './files/PackageFiles.tsx';
import type { FormApi } from './form/ParametersForm.tsx';
import { useLiveCheck } from './live/use-live-check.ts';
import { packageStatus, useLivePackage } from './live/use-live-package.ts';
import { ProblemsPanel } from './problems/ProblemsPanel.tsx';
import { RegistryPanel } from './registry/RegistryPanel.tsx';
import { ColumnSplitter, useColumnSplit } from './shell/ColumnSplitter.tsx';
import { ExamplesMenu } from './shell/ExamplesMenu.tsx';
import { Panel } from './shell/Panel.tsx';
import { saveBlob } from './shell/save-blob.ts';
import { isTyping, ShortcutsDialog } from './shell/ShortcutsDialog.tsx';
import { WorkspacesDialog } from './shell/WorkspacesDialog.tsx';
import { useTheme, type Theme } from './shell/theme.ts';
import { describeSecrets, findSecrets } from './share/secrets.ts';
import { decodeShare, encodeShare } from './share/share-link.ts';
import { NewWorkflowDialog } from './wizard/NewWorkflowDialog.tsx';
import type { EditorApi } from './editor/model-sync.ts';
import type { FileRole } from './workspace/model.ts';
import { openWorkspaceFiles } from './workspace/open-files.ts';
import { workspaceZip, type OpenedPackage } from './workspace/zip-files.ts';
import { useWorkspace } from './workspace/use-workspace.ts';
import { OTHER_FILES, WorkspaceFiles, type OtherFile, type RevealRequest } from './workspace-files/WorkspaceFiles.tsx';

// The heavy panels load on demand, so the first screen does not wait for Monaco, RJSF or Graphviz.
const SpecEditor = lazy(() => import('./editor/SpecEditor.tsx'));
const ParametersForm = lazy(() => import('./form/ParametersForm.tsx'));
const WorkflowGraph = lazy(() => import('./graph/WorkflowGraph.tsx'));

/** The workbench: spec editor, problems, live form, graph and package, around one workspace. */
export function App() {
  const client = useMemo(() => new CoreClient(), []);
  useEffect(() => () => client.dispose(), [client]);
  const { workspace, status, conflict, setFile, replace, resolveConflict, switchTo } = useWorkspace(() => loadExample(DEFAULT_EXAMPLE));
  const spec = workspace?.files.spec;
  const registry = workspace?.files.registry;
  const check = useLiveCheck(client, spec, registry);
  // A big form renders in the background (interruptible), so the editor and the graph never wait for it.
  const formCheck = useDeferredValue(check);
  const [notice, setNotice] = useState<string | undefined>();
  const [tasks, setTasks] = useState<TaskSummary[]>([]);
  const [formData, setFormData] = useState<unknown>({});
  const [openedPackage, setOpenedPackage] = useState<OpenedPackage | undefined>();
  const [theme, setTheme] = useTheme();
  const [leftPercent, setLeftPercent] = useColumnSplit();
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [wizardOpen, setWizardOpen] = useState(false);
  const [workspacesOpen, setWorkspacesOpen] = useState(false);
  const [dropping, setDropping] = useState(false);
  const [fileReveal, setFileReveal] = useState<RevealRequest | undefined>();
  const editor = useRef<EditorApi | undefined>(undefined);
  const form = useRef<FormApi | undefined>(undefined);

  // `?` opens the shortcuts sheet (not while typing).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === '?' && !isTyping(e.target)) {
        e.preventDefault();
        setShortcutsOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // A share link opens as a new workspace; the fragment is cleared so a reload keeps the saved copy.
  useEffect(() => {
    if (!workspace || !location.hash.startsWith('#w')) return;
    const fragment = location.hash;
    history.replaceState(null, '', location.pathname + location.search);
    void decodeShare(fragment).then((r) => {
      if ('error' in r) setNotice(r.error);
      else {
        void replace({ id: crypto.randomUUID(), name: r.workspace.name, files: r.workspace.files, revision: 0, updatedAt: Date.now() });
        setNotice(`Opened the shared workspace ${r.workspace.name}.`);
      }
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the first workspace is there
  }, [workspace === undefined]);

  useEffect(() => {
    if (registry === undefined) return;
    void client.request({ type: 'registry', registryText: registry }).then((r) => setTasks(r.tasks));
  }, [client, registry]);

  const pkg = useLivePackage(client, check, spec, registry, workspace?.files['env-overrides']);
  const problems = useMemo(() => check && [...check.diagnostics, ...(pkg.buildDiagnostics ?? [])], [check, pkg.buildDiagnostics]);

  // An example still loading will replace the workspace: files opened meanwhile wait for it, so they
  // join the example instead of the workspace it replaces.
  const switching = useRef<Promise<unknown>>(Promise.resolve());
  const openFiles = useCallback(
    async (files: FileList | File[]) => {
      const picked = [...files];
      await switching.current;
      setNotice(
        await openWorkspaceFiles(picked, {
          setFile,
          setOpenedPackage,
          openWorkspace: (name, wsFiles) => void replace({ id: crypto.randomUUID(), name, files: wsFiles, revision: 0, updatedAt: Date.now() }),
        }),
      );
    },
    [setFile, replace],
  );

  const downloadPackage = async () => {
    if (spec === undefined) return;
    const r = await client.request({ type: 'package', specText: spec, registryText: registry ?? '', envOverridesText: workspace?.files['env-overrides'], previous: openedPackage?.previous, zip: true });
    if (!r.zip || !r.releaseName) {
      setNotice(`The package cannot be built: fix the ${r.diagnostics.filter((d) => d.severity === 'error').length} error(s) listed in Problems.`);
      return;
    }
    saveBlob(new Blob([r.zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), `${r.releaseName}.zip`);
    setNotice(`Downloaded ${r.releaseName}.zip: ${r.files.length} files.`);
  };

  const downloadWorkspace = async () => {
    if (!workspace) return;
    const zip = await workspaceZip(workspace.files);
    saveBlob(new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), `${workspace.name}-workspace.zip`);
    setNotice(`Downloaded ${workspace.name}-workspace.zip. Open files reads it back.`);
  };

  const copyShareLink = async () => {
    if (!workspace) return;
    const secrets = findSecrets(workspace.files);
    if (secrets.length > 0) return setNotice(describeSecrets(secrets));
    const r = await encodeShare({ name: workspace.name, files: workspace.files });
    if ('error' in r) return setNotice(r.error);
    const url = `${location.origin}${location.pathname}#${r.fragment}`;
    try {
      await navigator.clipboard.writeText(url);
      setNotice(`Copied a share link (${url.length} characters). It holds the workspace files only.`);
    } catch {
      setNotice(`Copy this share link: ${url}`);
    }
  };

  const revealDiagnostic = (d: Diagnostic) => {
    const { line, column } = d.range.start;
    if (!d.source || d.source === 'spec') editor.current?.reveal(line, column);
    else if ((OTHER_FILES as readonly string[]).includes(d.source)) setFileReveal((r) => ({ role: d.source as OtherFile, line, column, seq: (r?.seq ?? 0) + 1 }));
  };
  const activateTask = (id: string) => {
    const t = check?.instances.find((i) => i.id === id);
    if (!t) return;
    form.current?.scrollToTask(t.id, t.group);
    editor.current?.reveal(t.line, t.column);
  };
  const saveTestCase = (key: string, params: unknown) => {
    const current = workspace?.files['test-cases'] ?? '';
    const entry = `${key}:\n  name: ${JSON.stringify(key)}\n  description: ""\n  params: ${JSON.stringify(params)}\n`;
    setFile('test-cases', current && !current.endsWith('\n') ? `${current}\n${entry}` : current + entry);
    setNotice(`Saved test case ${key} to test-cases.yaml.`);
  };

  return (
    <div
      className="shell"
      onDragOver={(e) => {
        e.preventDefault();
        if (e.dataTransfer.types.includes('Files')) setDropping(true);
      }}
      onDragLeave={(e) => {
        // Leaving for a child element is not leaving the window.
        if (!e.relatedTarget) setDropping(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        setDropping(false);
        void openFiles(e.dataTransfer.files);
      }}
    >
      {dropping && (
        <div className="drop-target" aria-hidden="true">
          Drop spec.yaml, registry.json, an env-overrides TOML, test-cases.yaml or a zip to open them
        </div>
      )}
      <header className="shell-header">
        <h1>wt workbench</h1>
        <nav aria-label="Workspace" className="toolbar">
          <button type="button" onClick={() => setWizardOpen(true)}>
            New workflow
          </button>
          <ExamplesMenu
            onPick={(id) => {
              switching.current = loadExample(id).then(replace, (e: Error) => setNotice(e.message));
            }}
          />
          <button type="button" aria-haspopup="dialog" onClick={() => setWorkspacesOpen(true)}>
            Workspaces
          </button>
          <label className="file-button">
            Open files
            <input type="file" multiple accept=".yaml,.yml,.json,.toml,.zip" onChange={(e) => e.target.files && void openFiles(e.target.files).then(() => (e.target.value = ''))} />
          </label>
          <button type="button" onClick={() => void downloadPackage()}>
            Download package
          </button>
          <button type="button" onClick={() => void downloadWorkspace()}>
            Download workspace
          </button>
          <button type="button" onClick={() => void copyShareLink()}>
            Copy share link
          </button>
          <label>
            Theme{' '}
            <select value={theme} onChange={(e) => setTheme(e.target.value as Theme)}>
              <option value="system">System</option>
              <option value="light">Light</option>
              <option value="dark">Dark</option>
            </select>
          </label>
          <button type="button" aria-keyshortcuts="?" onClick={() => setShortcutsOpen(true)}>
            Keyboard shortcuts
          </button>
          <span className="save-status" role="status" aria-live="polite">
            {workspace ? `${workspace.name}: ${SAVE_LABELS[status]}` : 'Loading…'}
          </span>
        </nav>
        {/* The live region stays mounted so screen readers announce each new message. */}
        <div role="status" aria-live="polite" className="toast-region">
          {notice && (
            <div className="toast">
              <p className="notice">{notice}</p>
              <button type="button" onClick={() => setNotice(undefined)}>
                Dismiss
              </button>
            </div>
          )}
        </div>
        {conflict && (
          <div role="alert" className="toast conflict">
            This workspace was changed in another tab.{' '}
            <button type="button" onClick={() => resolveConflict('theirs')}>
              Load the other tab's version
            </button>{' '}
            <button type="button" onClick={() => resolveConflict('mine')}>
              Keep this tab's version
            </button>
          </div>
        )}
      </header>
      <ShortcutsDialog open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
      <WorkspacesDialog
        open={workspacesOpen}
        currentId={workspace?.id}
        onClose={() => setWorkspacesOpen(false)}
        onOpen={(id) => void switchTo(id).then((r) => setNotice('error' in r ? r.error : `Opened workspace ${r.opened.name}.`))}
      />
      <NewWorkflowDialog
        open={wizardOpen}
        client={client}
        onClose={() => setWizardOpen(false)}
        onCreate={(name, files) => {
          // A new workflow keeps the loaded registry, so its tasks stay available for completion.
          void replace({ id: crypto.randomUUID(), name, files: { ...files, registry }, revision: 0, updatedAt: Date.now() });
          setNotice(`Created ${name}: add task instances under workflow.`);
        }}
      />
      {workspace && (
        <main className="workbench" style={{ '--left-fr': `${leftPercent}fr`, '--right-fr': `${100 - leftPercent}fr` } as CSSProperties}>
          <div className="column" id="left-column">
            <Panel title="Spec editor" id="editor">
              <Suspense fallback={<p role="status">Loading the editor…</p>}>
                <SpecEditor
                  value={spec ?? ''}
                  onChange={(text) => setFile('spec', text)}
                  diagnostics={(check?.diagnostics ?? []).filter((d) => !d.source || d.source === 'spec')}
                  tasks={tasks}
                  instances={check?.instances ?? []}
                  onReady={(api) => (editor.current = api)}
                />
              </Suspense>
            </Panel>
            <Panel title="Problems" id="problems">
              <ProblemsPanel diagnostics={problems} onReveal={revealDiagnostic} />
            </Panel>
            <Panel title="Workspace files" id="workspace-files">
              <WorkspaceFiles files={workspace.files} setFile={setFile} diagnostics={problems ?? []} reveal={fileReveal} />
            </Panel>
          </div>
          <ColumnSplitter percent={leftPercent} onChange={setLeftPercent} controls="left-column" />
          <div className="column">
            <Panel title="Parameters form" id="form">
              <Suspense fallback={<p role="status">Loading the form…</p>}>
                <ParametersForm
                  rjsfJsonText={formCheck?.rjsfJsonText}
                  paramsJsonText={formCheck?.paramsJsonText}
                  client={client}
                  formData={formData}
                  onFormDataChange={setFormData}
                  onSaveTestCase={saveTestCase}
                  testCasesText={workspace.files['test-cases']}
                  onReady={(api) => (form.current = api)}
                />
              </Suspense>
            </Panel>
            <Panel title="Workflow graph" id="graph">
              <Suspense fallback={<p role="status">Loading the graph…</p>}>
                <WorkflowGraph graph={check?.graph} workspaceId={workspace.id} instances={check?.instances ?? []} edges={check?.edges ?? []} client={client} onActivateTask={activateTask} />
              </Suspense>
            </Panel>
            <Panel title="Package files" id="files">
              <p role="status" className="hint">
                {packageStatus(check, pkg)}
              </p>
              <PackageFiles files={pkg.current?.files} previous={openedPackage?.files ?? pkg.previous?.files} previousLabel={openedPackage ? openedPackage.name : undefined} />
            </Panel>
            <Panel title="Task registry" id="registry">
              <RegistryPanel tasks={tasks} onLoadFile={(text) => setFile('registry' satisfies FileRole, text)} />
            </Panel>
          </div>
        </main>
      )}
    </div>
  );
}


const SAVE_LABELS = { saved: 'saved', unsaved: 'unsaved changes', saving: 'saving…', conflict: 'changed in another tab', error: 'could not be saved' } as const;

