import { lazy, Suspense, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import type { Diagnostic } from '../core/util/diagnostics.ts';
import { CoreClient, timeLimitFromQuery } from '../worker/client.ts';
import { DEFAULT_EXAMPLE, loadExample } from './examples.ts';
import { PackageFiles } from './files/PackageFiles.tsx';
import type { FormApi } from './form/ParametersForm.tsx';
import { storeFormData, useSavedFormData } from './form/saved-form-data.ts';
import { appendTestCase, testCaseEntry } from './form/test-case-entry.ts';
import { useLiveCheck } from './live/use-live-check.ts';
import { packageStatus, useLivePackage } from './live/use-live-package.ts';
import { ProblemsPanel } from './problems/ProblemsPanel.tsx';
import { RegistryPanel } from './registry/RegistryPanel.tsx';
import { useRegistry } from './registry/use-registry.ts';
import { ColumnSplitter, useColumnSplit } from './shell/ColumnSplitter.tsx';
import { ConflictBanner } from './shell/ConflictBanner.tsx';
import { useEditorFirst } from './shell/editor-first.ts';
import { ExamplesMenu } from './shell/ExamplesMenu.tsx';
import { Panel } from './shell/Panel.tsx';
import { saveBlob } from './shell/save-blob.ts';
import { isTyping, ShortcutsDialog } from './shell/ShortcutsDialog.tsx';
import { Toast, type Notice } from './shell/Toast.tsx';
import { WorkspacesDialog } from './shell/WorkspacesDialog.tsx';
import { useTheme, type Theme } from './shell/theme.ts';
import { largeContentQuestion } from './share/large-content.ts';
import { describeSecrets, findSecrets } from './share/secrets.ts';
import { ShareButton } from './share/ShareButton.tsx';
import { decodeShare, encodeShare } from './share/share-link.ts';
import { NewWorkflowDialog } from './wizard/NewWorkflowDialog.tsx';
import type { EditorApi } from './editor/model-sync.ts';
import { openWorkspaceFiles } from './workspace/open-files.ts';
import { workspaceZip, type OpenedPackage } from './workspace/zip-files.ts';
import { useWorkspace } from './workspace/use-workspace.ts';
import { OTHER_FILES, WorkspaceFiles, type OtherFile, type RevealRequest } from './workspace-files/WorkspaceFiles.tsx';

// The heavy panels load on demand. The editor's chunk is requested at once (index.html preloads it),
// while the workspace loads; the form and the graph wait until the editor takes input.
const editorChunk = import('./editor/SpecEditor.tsx');
// A failed load surfaces where the editor renders (lazy), not as an unhandled rejection before it.
editorChunk.catch(() => undefined);
const SpecEditor = lazy(() => editorChunk);
const loadForm = () => import('./form/ParametersForm.tsx');
const loadGraph = () => import('./graph/WorkflowGraph.tsx');
const ParametersForm = lazy(loadForm);
const whenIdle = (f: () => void) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(f, { timeout: 2000 }) : setTimeout(f, 0));
const WorkflowGraph = lazy(loadGraph);

/** The workbench: spec editor, problems, live form, graph and package, around one workspace. */
export function App() {
  const client = useMemo(() => new CoreClient({ timeLimitMs: timeLimitFromQuery(location.search) }), []);
  useEffect(() => () => client.dispose(), [client]);
  const { workspace, status, conflict, startNotice, setFile, replace, save, resolveConflict, switchTo } = useWorkspace(() => loadExample(DEFAULT_EXAMPLE));
  const spec = workspace?.files.spec;
  const saveRegistry = useCallback((text: string) => setFile('registry', text), [setFile]);
  // The last valid registry stays in use while registry.json has errors (issue 8: never discard a working one).
  const registryInUse = useRegistry(client, workspace?.id, workspace?.files.registry, saveRegistry);
  const registry = registryInUse.text;
  const tasks = registryInUse.tasks;
  const check = useLiveCheck(client, spec, registry);
  const [notice, setNotice] = useState<Notice | undefined>();
  /** Tells the user something; an error stays until dismissed. */
  const say = useCallback((text: string, error = false) => setNotice({ text, error }), []);
  // Kept per workspace across reloads; a workspace never saved yet (a fresh example) is saved with
  // its first form value, or the reload would open a new copy without them.
  const [formData, storeForm] = useSavedFormData(workspace?.id);
  const storedOnce = useRef<string | undefined>(undefined);
  const setFormData = useCallback(
    (data: unknown) => {
      storeForm(data);
      if (workspace && workspace.revision === 0 && storedOnce.current !== workspace.id) {
        storedOnce.current = workspace.id;
        void save();
      }
    },
    [storeForm, workspace, save],
  );
  // A big form renders in the background (interruptible), so the editor and the graph never wait for it.
  const formCheck = useDeferredValue(check);
  const [openedPackage, setOpenedPackage] = useState<OpenedPackage | undefined>();
  const [theme, setTheme] = useTheme();
  const [leftPercent, setLeftPercent] = useColumnSplit();
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [wizardOpen, setWizardOpen] = useState(false);
  const [workspacesOpen, setWorkspacesOpen] = useState(false);
  // A stuck worker was restarted: say so (the live check goes on with the next edit).
  useEffect(() => client.onRestart((e) => say(e.message, true)), [client]);
  useEffect(() => {
    if (!startNotice) return;
    say(startNotice.message, true);
    if (startNotice.pick) setWorkspacesOpen(true);
  }, [startNotice]);
  const [dropping, setDropping] = useState(false);
  const [fileReveal, setFileReveal] = useState<RevealRequest | undefined>();
  const editor = useRef<EditorApi | undefined>(undefined);
  const form = useRef<FormApi | undefined>(undefined);
  const startup = useEditorFirst();

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
      if ('error' in r) say(r.error, true);
      else if (!confirmLarge(largeContentQuestion('This share link', r.workspace.files))) say('The shared workspace was not opened.', true);
      else {
        const id = crypto.randomUUID();
        if (r.workspace.formData) storeFormData(id, r.workspace.formData);
        void replace({ id, name: r.workspace.name, files: r.workspace.files, revision: 0, updatedAt: Date.now() });
        say(`Opened the shared workspace ${r.workspace.name}.`);
      }
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the first workspace is there
  }, [workspace === undefined]);


  const pkg = useLivePackage(client, check, spec, registry, workspace?.files['env-overrides']);
  const problems = useMemo(
    () => check && [...(registryInUse.rejected ?? []), ...check.diagnostics, ...(pkg.buildDiagnostics ?? [])],
    [check, pkg.buildDiagnostics, registryInUse.rejected],
  );

  // An example still loading will replace the workspace: files opened meanwhile wait for it, so they
  // join the example instead of the workspace it replaces.
  const switching = useRef<Promise<unknown>>(Promise.resolve());
  const openFiles = useCallback(
    async (files: FileList | File[]) => {
      const picked = [...files];
      await switching.current;
      const message = await openWorkspaceFiles(picked, {
        setFile,
        setOpenedPackage,
        confirmLarge: (question) => confirmLarge(question),
        openWorkspace: (name, wsFiles) => void replace({ id: crypto.randomUUID(), name, files: wsFiles, revision: 0, updatedAt: Date.now() }),
      });
      // What could not be opened stays on screen until read.
      say(message, /not opened/i.test(message));
    },
    [setFile, replace, say],
  );

  const downloadPackage = async () => {
    if (spec === undefined) return;
    const r = await client.request({ type: 'package', specText: spec, registryText: registry ?? '', envOverridesText: workspace?.files['env-overrides'], previous: openedPackage?.previous, zip: true });
    if (!r.zip || !r.releaseName) {
      say(`The package cannot be built: fix the ${r.diagnostics.filter((d) => d.severity === 'error').length} error(s) listed in Problems.`, true);
      return;
    }
    saveBlob(new Blob([r.zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), `${r.releaseName}.zip`);
    say(`Downloaded ${r.releaseName}.zip: ${r.files.length} files.`);
  };

  const downloadWorkspace = async () => {
    if (!workspace) return;
    const zip = await workspaceZip(workspace.files);
    saveBlob(new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), `${workspace.name}-workspace.zip`);
    say(`Downloaded ${workspace.name}-workspace.zip. Open files reads it back.`);
  };

  const copyShareLink = async (includeFormValues: boolean) => {
    if (!workspace) return;
    const withForm = includeFormValues && typeof formData === 'object' && formData !== null && Object.keys(formData).length > 0;
    const secrets = findSecrets(workspace.files, withForm ? formData : undefined);
    if (secrets.length > 0) return say(describeSecrets(secrets), true);
    const r = await encodeShare({ name: workspace.name, files: workspace.files, ...(withForm ? { formData: formData as Record<string, unknown> } : {}) });
    if ('error' in r) return say(r.error, true);
    const url = `${location.origin}${location.pathname}#${r.fragment}`;
    try {
      await navigator.clipboard.writeText(url);
      say(`Copied a share link (${url.length} characters). It holds the workspace files${withForm ? ' and the form values' : ' only'}.`);
    } catch {
      // Stays until dismissed: the user has to copy it by hand.
      say(`Copy this share link: ${url}`, true);
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
    setFile('test-cases', appendTestCase(workspace?.files['test-cases'] ?? '', testCaseEntry(key, params)));
    say(`Saved test case ${key} to test-cases.yaml.`);
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
              switching.current = loadExample(id).then(replace, (e: Error) => say(e.message, true));
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
          <ShareButton onCopy={(withForm) => void copyShareLink(withForm)} />
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
        <Toast notice={notice} onDismiss={() => setNotice(undefined)} style={{ maxWidth: `min(36rem, calc(${100 - leftPercent}vw - 3rem))` }} />
        {conflict && workspace && <ConflictBanner mine={workspace} theirs={conflict} onResolve={resolveConflict} />}
      </header>
      <ShortcutsDialog open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
      <WorkspacesDialog
        open={workspacesOpen}
        currentId={workspace?.id}
        notice={workspace ? undefined : startNotice?.message}
        onClose={() => setWorkspacesOpen(false)}
        onOpen={(id) => void switchTo(id).then((r) => ('error' in r ? say(r.error, true) : say(`Opened workspace ${r.opened.name}.`)))}
      />
      <NewWorkflowDialog
        open={wizardOpen}
        client={client}
        onClose={() => setWizardOpen(false)}
        onCreate={(name, files) => {
          // A new workflow keeps the loaded registry, so its tasks stay available for completion.
          void replace({ id: crypto.randomUUID(), name, files: { ...files, registry }, revision: 0, updatedAt: Date.now() });
          say(`Created ${name}: add task instances under workflow.`);
        }}
      />
      {!workspace && startNotice?.pick && (
        <main className="workbench-empty">
          <p>No workspace is open: choose one in Workspaces, start a New workflow, or load one of the Examples.</p>
        </main>
      )}
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
                  onReady={(api) => {
                    editor.current = api;
                    startup.editorMounted();
                    // Their code loads when the main thread is idle (a first keystroke goes first);
                    // they render once the keyboard is quiet (useEditorFirst).
                    whenIdle(() => {
                      void loadForm().catch(() => undefined);
                      void loadGraph().catch(() => undefined);
                    });
                  }}
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
                {!startup.ready ? <p role="status">Loading the form…</p> : <ParametersForm
                  rjsfJsonText={formCheck?.rjsfJsonText}
                  paramsJsonText={formCheck?.paramsJsonText}
                  client={client}
                  formData={formData}
                  onFormDataChange={setFormData}
                  onSaveTestCase={saveTestCase}
                  testCasesText={workspace.files['test-cases']}
                  onReady={(api) => (form.current = api)}
                />}
              </Suspense>
            </Panel>
            <Panel title="Workflow graph" id="graph">
              <Suspense fallback={<p role="status">Loading the graph…</p>}>
                {!startup.ready ? <p role="status">Loading the graph…</p> : <WorkflowGraph graph={check?.graph} workspaceId={workspace.id} instances={check?.instances ?? []} edges={check?.edges ?? []} client={client} onActivateTask={activateTask} />}
              </Suspense>
            </Panel>
            <Panel title="Package files" id="files">
              <p role="status" className="hint">
                {packageStatus(check, pkg)}
              </p>
              <PackageFiles files={pkg.current?.files} previous={openedPackage?.files ?? pkg.previous?.files} previousLabel={openedPackage ? openedPackage.name : undefined} />
            </Panel>
            <Panel title="Task registry" id="registry">
              <RegistryPanel tasks={tasks} onLoadFile={registryInUse.accept} />
            </Panel>
          </div>
        </main>
      )}
    </div>
  );
}


/** Asks before saving large content from outside (a link or a zip); nothing to ask is a yes. */
function confirmLarge(question: string | undefined): boolean {
  return question === undefined || window.confirm(question);
}

const SAVE_LABELS = { saved: 'saved', unsaved: 'unsaved changes', saving: 'saving…', conflict: 'changed in another tab', error: 'could not be saved' } as const;

