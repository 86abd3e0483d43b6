import { useEffect, useRef, useState } from 'react';
import type { CoreClient } from '../../worker/client.ts';
import type { ScaffoldResponse } from '../../worker/protocol.ts';
import { saveBlob } from '../shell/save-blob.ts';
import { useModalDialog } from '../shell/use-modal-dialog.ts';
import { placeErrors, requirementKey } from './field-errors.ts';

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
  /** After the first Create or Download, answers are checked again as they change, so a fixed field's error goes. */
  const [attempted, setAttempted] = useState(false);
  const checks = useRef(0);
  const placed = placeErrors(problems);

  const answers = (): Record<string, string | Array<Record<string, string>>> => ({
    ...fields,
    requirements: requirements
      .filter((r) => r.name.trim() !== '')
      .map((r): Record<string, string> => (r.req_type === 'conda' ? { name: r.name, req_type: 'conda', version: r.version, channel: r.channel } : { name: r.name, req_type: 'pip', source: r.source })),
  });

  const run = async (zip: boolean): Promise<ScaffoldResponse | undefined> => {
    setAttempted(true);
    const seq = ++checks.current;
    const r = await client.request({ type: 'scaffold', answers: answers(), year: new Date().getFullYear(), zip });
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    // An older check answering late must not bring back errors already fixed.
    if (seq === checks.current) setProblems(errors.map((d) => d.message));
    return errors.length === 0 ? r : undefined;
  };

  useEffect(() => {
    if (!attempted) return;
    const seq = ++checks.current;
    void client.request({ type: 'scaffold', answers: answers(), year: new Date().getFullYear(), zip: false }).then((r) => {
      if (seq === checks.current) setProblems(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message));
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- answers() is derived from these
  }, [fields, requirements]);

  /** Props that tie an input to its hint and its error (if any). */
  const described = (id: string, key: string, hint?: boolean) => {
    const error = placed.fields[key];
    const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
    return { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': ids || undefined };
  };
  const errorOf = (id: string, key: string) =>
    placed.fields[key] && (
      <small id={`${id}-error`} className="field-error">
        {placed.fields[key]}
      </small>
    );

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

  // Hints and errors sit beside the input, outside its label, so they describe it without renaming it.
  const field = (dest: keyof typeof fields, label: string, hint?: string) => (
    <div className="wizard-field">
      <label htmlFor={`wizard-${dest}`}>{label}</label>
      <input value={fields[dest]} onChange={(e) => setFields({ ...fields, [dest]: e.target.value })} {...described(`wizard-${dest}`, dest, !!hint)} />
      {hint && (
        <small id={`wizard-${dest}-hint`} className="hint">
          {hint}
        </small>
      )}
      {errorOf(`wizard-${dest}`, dest)}
    </div>
  );
  /** A requirement's labelled input with its error. */
  const reqField = (i: number, name: string, label: string, value: string, onChange: (v: string) => void, placeholder?: string) => {
    const id = `wizard-req-${i}-${name}`;
    return (
      <div className="wizard-req-field">
        <label htmlFor={id}>{label}</label>
        <input value={value} placeholder={placeholder} onChange={(e) => onChange(e.target.value)} {...described(id, requirementKey(i, name))} />
        {errorOf(id, requirementKey(i, name))}
      </div>
    );
  };

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
                {reqField(i, 'name', 'Name', r.name, (v) => set({ name: v }))}
                <label>
                  Kind{' '}
                  <select value={r.req_type} onChange={(e) => set({ req_type: e.target.value as Requirement['req_type'] })}>
                    <option value="conda">conda</option>
                    <option value="pip">pip</option>
                  </select>
                </label>
                {r.req_type === 'conda' ? (
                  <>
                    {reqField(i, 'version', 'Version', r.version, (v) => set({ version: v }))}
                    {reqField(i, 'channel', 'Channel', r.channel, (v) => set({ channel: v }))}
                  </>
                ) : (
                  reqField(i, 'source', 'Source', r.source, (v) => set({ source: v }), '/abs/path, https://… or git+https://…')
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
        {/* Announced once per check: how many fields need fixing, and any error no field owns. */}
        <div role="alert" className="problems">
          {Object.keys(placed.fields).length > 0 && (
            <p className="error">
              {Object.keys(placed.fields).length === 1 ? 'One field needs' : `${Object.keys(placed.fields).length} fields need`} fixing: see the messages beside them.
            </p>
          )}
          {placed.other.length > 0 && (
            <ul>
              {placed.other.map((p) => (
                <li key={p} className="error">
                  {p}
                </li>
              ))}
            </ul>
          )}
        </div>
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
