import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import Form from '@rjsf/core';
import type { IChangeEvent } from '@rjsf/core';
import { createSchemaUtils, type RJSFSchema, type RJSFValidationError } from '@rjsf/utils';
import type { CoreClient } from '../../worker/client.ts';
import type { ConvertResponse } from '../../worker/protocol.ts';
import { saveBlob } from '../shell/save-blob.ts';
import { ErrorListTemplate, type FormContext } from './ErrorList.tsx';
import {
  encodeSchema,
  encodeUiSchema,
  ID_PREFIX,
  ID_SEPARATOR,
  isValidTestCaseKey,
  jsonEqual,
  keyCodec,
  nextFreeKey,
  parseRjsf,
  pruneFormData,
  renameKeys,
  toJsonData,
  withTaskObjects,
  type JsonObject,
  type ParsedRjsf,
} from './schema.ts';
import { FieldTemplate, ObjectFieldTemplate, RadioWidget, TitleFieldTemplate } from './templates.tsx';
import { createFormValidator } from './validator.ts';
import { toYaml } from './yaml.ts';
import './form.css';

/** What the app can do with the form once it is mounted. */
export interface FormApi {
  /** Scrolls the form to a task's section (inside its group, if any) and focuses its first field. */
  scrollToTask(id: string, group?: string): void;
}

export interface ParametersFormProps {
  /** Compiled schemas of the last clean check; absent while the spec has errors. */
  rjsfJsonText?: string;
  paramsJsonText?: string;
  client: CoreClient;
  formData: unknown;
  onFormDataChange(data: unknown): void;
  /** Appends the current params to test-cases.yaml under `key`. */
  onSaveTestCase(key: string, params: unknown): void;
  onReady?(api: FormApi): void;
}

/** Live validation waits for a pause in typing (rjsf#3715: validating every keystroke lags). */
const VALIDATE_DELAY_MS = 300;
const CONVERT_DELAY_MS = 150;
const FORMAT_KEY = 'wt.form.paramsFormat';

type Format = 'json' | 'yaml';
type Conversion = { state: 'idle' } | { state: 'pending'; last?: ConvertResponse } | { state: 'done'; response: ConvertResponse } | { state: 'failed'; message: string };

const templates = { FieldTemplate, ObjectFieldTemplate, TitleFieldTemplate, ErrorListTemplate };
const widgets = { RadioWidget };

/**
 * The live Parameters form: RJSF over the compiled rjsf.json, the run parameters it converts to
 * (via the worker, as `cli convert` does), their download, and "save as test case".
 */
export default function ParametersForm({ rjsfJsonText, paramsJsonText, client, formData, onFormDataChange, onSaveTestCase, onReady }: ParametersFormProps) {
  // The schemas of the last clean check: kept (read-only) while the spec has errors, so the form does not vanish mid-edit.
  const [clean, setClean] = useState<{ rjsf: string; params: string } | undefined>(() =>
    rjsfJsonText && paramsJsonText ? { rjsf: rjsfJsonText, params: paramsJsonText } : undefined,
  );
  if (rjsfJsonText && paramsJsonText && (clean?.rjsf !== rjsfJsonText || clean.params !== paramsJsonText)) {
    setClean({ rjsf: rjsfJsonText, params: paramsJsonText });
  }
  const stale = clean !== undefined && !(rjsfJsonText && paramsJsonText);
  const parsed = useMemo(() => (clean ? parseRjsf(clean.rjsf) : undefined), [clean?.rjsf]); // eslint-disable-line react-hooks/exhaustive-deps
  const rjsf: ParsedRjsf | undefined = parsed && 'schema' in parsed ? parsed : undefined;
  // What RJSF renders: the same schema with id-safe top-level keys (see keyCodec); data is renamed at the edges.
  const view = useMemo(() => {
    if (!rjsf) return undefined;
    const codec = keyCodec(rjsf.schema);
    return { codec, schema: encodeSchema(rjsf.schema, codec), uiSchema: encodeUiSchema(rjsf.uiSchema, codec) };
  }, [rjsf]);
  // One validator per schema, so Ajv's cache of compiled schemas does not grow with every recompile.
  const validator = useMemo(() => createFormValidator(), [view]); // eslint-disable-line react-hooks/exhaustive-deps

  // Form data is reconciled with a new schema once (when the schema changes), never while the user types:
  // pruning mid-edit would snap a half-typed value back to its default.
  const reconciled = useRef<{ schema: RJSFSchema; input: unknown; output: JsonObject } | undefined>(undefined);
  if (rjsf && view && reconciled.current?.schema !== rjsf.schema) {
    // Prune, make every task's object present (so its required settings are checked) and fill in the
    // schema defaults as RJSF would, so the form reports exactly this data.
    const kept = renameKeys(withTaskObjects(pruneFormData(formData, rjsf.schema), rjsf.schema), view.codec.toForm);
    const defaulted = createSchemaUtils(validator, view.schema).getDefaultFormState(view.schema, kept) as JsonObject;
    reconciled.current = { schema: rjsf.schema, input: formData, output: renameKeys(defaulted, view.codec.fromForm) };
  }
  const data = reconciled.current && reconciled.current.input === formData ? reconciled.current.output : formData;
  const viewData = useMemo(() => (view ? renameKeys(data, view.codec.toForm) : data), [view, data]);
  useEffect(() => {
    const r = reconciled.current;
    if (r && r.input === formData && !jsonEqual(r.output, formData)) onFormDataChange(r.output);
  }, [rjsf?.schema]); // eslint-disable-line react-hooks/exhaustive-deps

  const formRef = useRef<Form<unknown, RJSFSchema, FormContext>>(null);
  const container = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState('');

  // Debounced live validation. Only the Validate button moves focus to the first error; live runs never steal it.
  const touched = useRef(false);
  const liveRun = useRef(false);
  const validateTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const scheduleValidation = useCallback(() => {
    clearTimeout(validateTimer.current);
    validateTimer.current = setTimeout(() => {
      liveRun.current = true;
      try {
        formRef.current?.validateForm();
      } finally {
        liveRun.current = false;
      }
    }, VALIDATE_DELAY_MS);
  }, []);
  useEffect(() => () => clearTimeout(validateTimer.current), []);
  useEffect(() => {
    if (touched.current) scheduleValidation();
  }, [rjsf?.schema, scheduleValidation]);

  const onChange = (e: IChangeEvent<unknown, RJSFSchema, FormContext>, id?: string) => {
    onFormDataChange(view ? renameKeys(e.formData, view.codec.fromForm) : e.formData);
    // RJSF also reports the defaults it fills in (no field id): that is not the user's edit.
    if (id !== undefined) {
      touched.current = true;
      scheduleValidation();
    }
  };
  const focusError = useCallback((error: RJSFValidationError) => formRef.current?.focusOnError(error), []);
  const formContext = useMemo<FormContext>(() => ({ focusError, realKey: (key) => view?.codec.fromForm.get(key) ?? key }), [focusError, view]);

  // The run parameters: the worker converts (and validates) the form data as `cli convert --from formdata` does.
  const [conversion, setConversion] = useState<Conversion>({ state: 'idle' });
  useEffect(() => {
    if (!clean || !rjsf) {
      setConversion({ state: 'idle' });
      return;
    }
    let current = true;
    setConversion((c) => ({ state: 'pending', last: c.state === 'done' ? c.response : c.state === 'pending' ? c.last : undefined }));
    const timer = setTimeout(() => {
      client
        .request({ type: 'convert', paramsJsonText: clean.params, rjsfJsonText: clean.rjsf, from: 'formdata', data: toJsonData(data ?? {}) })
        .then(
          (response) => current && setConversion({ state: 'done', response }),
          (e: Error) => current && setConversion({ state: 'failed', message: e.message }),
        );
    }, CONVERT_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [client, clean, rjsf, data]);
  const response = conversion.state === 'done' ? conversion.response : conversion.state === 'pending' ? conversion.last : undefined;
  const params = response && !response.validationErrors?.length ? response.result : undefined;

  const [format, setFormat] = useState<Format>(() => (readPref(FORMAT_KEY) === 'yaml' ? 'yaml' : 'json'));
  const chooseFormat = (f: Format) => {
    setFormat(f);
    writePref(FORMAT_KEY, f);
  };
  const fileName = `params.${format}`;
  const text = params === undefined ? '' : format === 'json' ? `${JSON.stringify(params, null, 2)}\n` : toYaml(params);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus(`Copied ${fileName} to the clipboard.`);
    } catch {
      setStatus('The clipboard is not available here: select the text and copy it by hand.');
    }
  };
  const download = () => {
    saveBlob(new Blob([text], { type: format === 'json' ? 'application/json' : 'application/yaml' }), fileName);
    setStatus(`Downloaded ${fileName}.`);
  };

  const [savedKeys, setSavedKeys] = useState<string[]>([]);
  const [caseKey, setCaseKey] = useState('case_1');
  const keyOk = isValidTestCaseKey(caseKey);
  const canSave = params !== undefined && !stale && keyOk;
  const saveHint = stale
    ? 'The spec has errors: fix them to save test cases.'
    : params === undefined
      ? 'Fill in the form without errors to save it as a test case.'
      : !keyOk
        ? 'Use letters, digits, "_" or "-", starting with a letter or "_" (not true/false/null/yes/no/on/off).'
        : savedKeys.includes(caseKey)
          ? `A test case named ${caseKey} was already saved: saving again adds a second entry.`
          : '';
  const saveTestCase = () => {
    if (!canSave) return;
    onSaveTestCase(caseKey, params);
    const taken = [...savedKeys, caseKey];
    setSavedKeys(taken);
    setCaseKey(nextFreeKey(taken));
    setStatus(`Saved test case ${caseKey}.`);
  };

  // "Scroll to task" for the graph and the editor: each task's fieldset carries data-task-id.
  const highlightTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const scrollToTask = useCallback((id: string, group?: string) => {
    const root = container.current;
    if (!root) return;
    const tasks = [...root.querySelectorAll<HTMLElement>('[data-task-id]')].filter((el) => el.dataset.taskId === id);
    const section = tasks.find((el) => el.parentElement?.closest<HTMLElement>('[data-task-group]')?.dataset.taskGroup === group) ?? tasks[0];
    if (!section) {
      setStatus(`Task ${id} has no settings in the form.`);
      return;
    }
    const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    section.scrollIntoView?.({ block: 'start', behavior: reduced ? 'auto' : 'smooth' });
    const field = section.querySelector<HTMLElement>('input:not([disabled]):not([type=hidden]), select:not([disabled]), textarea:not([disabled])');
    (field ?? section.querySelector<HTMLElement>('legend'))?.focus({ preventScroll: true });
    root.querySelectorAll('.form-task-highlight').forEach((el) => el.classList.remove('form-task-highlight'));
    section.classList.add('form-task-highlight');
    clearTimeout(highlightTimer.current);
    highlightTimer.current = setTimeout(() => section.classList.remove('form-task-highlight'), 1500);
  }, []);
  useEffect(() => {
    onReady?.({ scrollToTask });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- announce once; the API is stable
  }, [scrollToTask]);
  useEffect(() => () => clearTimeout(highlightTimer.current), []);

  const ids = useId();
  if (!clean) return <p>Fix the errors in the spec to see its form.</p>;
  if (parsed && 'error' in parsed) return <p className="error">{parsed.error}</p>;
  if (!rjsf || !view) return null;
  const hasFields = Object.keys((rjsf.schema.properties as object | undefined) ?? {}).length > 0;
  const errors = response?.validationErrors ?? [];

  return (
    <div className="parameters-form" ref={container}>
      {stale && (
        <p className="form-stale" role="status">
          The spec has errors: this is the form of the last clean check, read-only until they are fixed.
        </p>
      )}
      {hasFields ? (
        <Form<unknown, RJSFSchema, FormContext>
          ref={formRef}
          className="rjsf"
          schema={view.schema}
          uiSchema={view.uiSchema}
          formData={viewData}
          validator={validator}
          templates={templates}
          widgets={widgets}
          formContext={formContext}
          idPrefix={ID_PREFIX}
          idSeparator={ID_SEPARATOR}
          onChange={onChange}
          onSubmit={() => setStatus('The form is valid.')}
          onError={(errs) => {
            if (!liveRun.current) setStatus(`The form has ${errs.length === 1 ? '1 error' : `${errs.length} errors`}.`);
          }}
          focusOnFirstError={(error) => {
            if (!liveRun.current) focusError(error);
          }}
          showErrorList="top"
          noHtml5Validate
          disabled={stale}
        >
          <div className="form-actions">
            <button type="submit" disabled={stale}>
              Validate
            </button>
          </div>
        </Form>
      ) : (
        <p>This workflow has no parameters to set: every task argument is bound in the spec.</p>
      )}

      <section className="form-params" aria-labelledby={`${ids}-params`}>
        <h3 id={`${ids}-params`}>Run parameters</h3>
        <div className="form-params-bar">
          <fieldset className="segmented">
            <legend className="visually-hidden">Format</legend>
            {(['json', 'yaml'] as const).map((f) => (
              <label key={f}>
                <input type="radio" name={`${ids}-format`} value={f} checked={format === f} onChange={() => chooseFormat(f)} />
                {f.toUpperCase()}
              </label>
            ))}
          </fieldset>
          <button type="button" onClick={() => void copy()} disabled={params === undefined}>
            Copy params
          </button>
          <button type="button" onClick={download} disabled={params === undefined}>
            Download params
          </button>
        </div>
        {conversion.state === 'failed' && (
          <p className="error" role="alert">
            The conversion failed: {conversion.message}
          </p>
        )}
        {errors.length > 0 ? (
          <div className="form-param-errors">
            <p id={`${ids}-errs`}>The form data does not validate against rjsf.json, so there are no params yet:</p>
            <ul aria-labelledby={`${ids}-errs`}>
              {errors.map((e, i) => (
                <li key={i}>
                  <code className="where">{e.path.length ? e.path.join(' › ') : '(root)'}</code> {e.message}
                </li>
              ))}
            </ul>
          </div>
        ) : (
          params !== undefined && (
            <pre className="source form-params-text" tabIndex={0} aria-label={fileName} aria-busy={conversion.state === 'pending'}>
              {text}
            </pre>
          )
        )}
      </section>

      <section className="form-save" aria-labelledby={`${ids}-save`}>
        <h3 id={`${ids}-save`} className="visually-hidden">
          Test case
        </h3>
        <label htmlFor={`${ids}-key`}>Test case key</label>
        <input
          id={`${ids}-key`}
          value={caseKey}
          onChange={(e) => setCaseKey(e.target.value.trim())}
          onKeyDown={(e) => {
            if (e.key === 'Enter') saveTestCase();
          }}
          aria-invalid={!keyOk}
          aria-describedby={saveHint ? `${ids}-save-hint` : undefined}
          spellCheck={false}
          autoComplete="off"
        />
        <button type="button" onClick={saveTestCase} disabled={!canSave}>
          Save as test case
        </button>
        {saveHint && (
          <p id={`${ids}-save-hint`} className="hint">
            {saveHint}
          </p>
        )}
      </section>
      <p className="form-status" role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}

function readPref(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writePref(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Preferences are a nicety: private modes may refuse them.
  }
}
