import { useState } from 'react';
import type { CoreClient } from '../../worker/client.ts';
import type { ScaffoldResponse } from '../../worker/protocol.ts';
import { saveBlob } from '../shell/save-blob.ts';
import { useModalDialog } from '../shell/use-modal-dialog.ts';

/** wt-compiler's `scaffold init` questions as a form; the new spec opens in the workspace. */

const LICENSES = ['BSD-3-Clause', 'MIT', 'Apache-2.0'];
type Requirement = { name: string; req_type: 'conda' | 'pip'; version: string; channel: string; source: string };
const EMPTY_REQUIREMENT: Requirement = { name: '', req_type: 'conda', version: '*', channel: 'conda-forge', source: '' };

interface Props {
  open: boolean;
  client: CoreClient;
  onClose(): void;
  /** The scaffolded spec.yaml and test-cases.yaml, to open as a new workspace. */
  onCreate(name: string, files: { spec: string; 'test-cases'?: string }): void;
}

export function NewWorkflowDialog({ open, client, onClose, onCreate }: Props) {
  const ref = useModalDialog(open);
  const [fields, setFields] = useState({ workflow_id: '', workflow_name: '', workflow_description: '', author_name: '', license_type: 'BSD-3-Clause' });
  const [requirements, setRequirements] = useState<Requirement[]>([]);
  const [problems, setProblems] = useState<string[]>([]);


  const answers = (): Record<string, string | Array<Record<string, string>>> => ({
    ...fields,
    requirements: requirements
      .filter((r) => r.name.trim() !== '')
      .map((r): Record<string, string> => (r.req_type === 'conda' ? { name: r.name, req_type: 'conda', version: r.version, channel: r.channel } : { name: r.name, req_type: 'pip', source: r.source })),
  });

  const run = async (zip: boolean): Promise<ScaffoldResponse | undefined> => {
    const r = await client.request({ type: 'scaffold', answers: answers(), year: new Date().getFullYear(), zip });
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    setProblems(errors.map((d) => d.message));
    return errors.length === 0 ? r : undefined;
  };

  const create = async () => {
    const r = await run(false);
    if (!r) return;
    const text = (path: string) => r.files.find((f) => f.path === path)?.text;
    onCreate(r.dir, { spec: text('spec.yaml') ?? '', 'test-cases': text('test-cases.yaml') });
    onClose();
  };

  const download = async () => {
    const r = await run(true);
    if (r?.zip) saveBlob(new Blob([r.zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), `${r.dir}.zip`);
  };

  const field = (dest: keyof typeof fields, label: string, hint?: string) => (
    <label className="wizard-field">
      {label}
      <input value={fields[dest]} onChange={(e) => setFields({ ...fields, [dest]: e.target.value })} aria-describedby={hint ? `${dest}-hint` : undefined} />
      {hint && (
        <small id={`${dest}-hint`} className="hint">
          {hint}
        </small>
      )}
    </label>
  );

  return (
    <dialog ref={ref} aria-labelledby="new-workflow-title" className="wizard" onClose={onClose}>
      <h2 id="new-workflow-title">New workflow</h2>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        {field('workflow_id', 'Workflow id', 'A Python identifier, at most 64 characters, e.g. my_workflow')}
        {field('workflow_name', 'Workflow name')}
        {field('workflow_description', 'Description (optional)')}
        {field('author_name', 'Author name')}
        <label className="wizard-field">
          Licence
          <select value={fields.license_type} onChange={(e) => setFields({ ...fields, license_type: e.target.value })}>
            {LICENSES.map((l) => (
              <option key={l}>{l}</option>
            ))}
          </select>
        </label>
        <fieldset>
          <legend>Requirements</legend>
          {requirements.map((r, i) => {
            const set = (patch: Partial<Requirement>) => setRequirements(requirements.map((x, j) => (j === i ? { ...x, ...patch } : x)));
            return (
              <div key={i} className="wizard-requirement" role="group" aria-label={`Requirement ${i + 1}`}>
                <label>
                  Name <input value={r.name} onChange={(e) => set({ name: e.target.value })} />
                </label>
                <label>
                  Kind{' '}
                  <select value={r.req_type} onChange={(e) => set({ req_type: e.target.value as Requirement['req_type'] })}>
                    <option value="conda">conda</option>
                    <option value="pip">pip</option>
                  </select>
                </label>
                {r.req_type === 'conda' ? (
                  <>
                    <label>
                      Version <input value={r.version} onChange={(e) => set({ version: e.target.value })} />
                    </label>
                    <label>
                      Channel <input value={r.channel} onChange={(e) => set({ channel: e.target.value })} />
                    </label>
                  </>
                ) : (
                  <label>
                    Source <input value={r.source} placeholder="/abs/path, https://… or git+https://…" onChange={(e) => set({ source: e.target.value })} />
                  </label>
                )}
                <button type="button" onClick={() => setRequirements(requirements.filter((_, j) => j !== i))}>
                  Remove requirement {i + 1}
                </button>
              </div>
            );
          })}
          <button type="button" onClick={() => setRequirements([...requirements, { ...EMPTY_REQUIREMENT }])}>
            Add a requirement
          </button>
        </fieldset>
        {problems.length > 0 && (
          <ul role="alert" className="problems">
            {problems.map((p) => (
              <li key={p} className="error">
                {p}
              </li>
            ))}
          </ul>
        )}
        <div className="wizard-actions">
          <button type="submit">Create workflow</button>
          <button type="button" onClick={() => void download()}>
            Download project files
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
