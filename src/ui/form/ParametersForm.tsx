import { memo, useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import Form from '@rjsf/core';
import type { IChangeEvent } from '@rjsf/core';
import { createSchemaUtils, type RJSFSchema, type RJSFValidationError } from '@rjsf/utils';
import type { CoreClient } from '../../worker/client.ts';
import type { ConvertResponse } from '../../worker/protocol.ts';
import { saveBlob } from '../shell/save-blob.ts';
import { readPref, writePref } from '../shell/stored-preference.ts';
import { ErrorList, ErrorReporterTemplate, propertyPath, type FormContext } from './ErrorList.tsx';
import {
  encodeSchema,
  encodeUiSchema,
  fieldId,
  ID_PREFIX,
  ID_SEPARATOR,
  isObject,
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
import { splitSections, type FormSection } from './sections.ts';
import { FieldTemplate, ObjectFieldTemplate, RadioWidget, TitleFieldTemplate } from './templates.tsx';
import { testCaseKeys } from './test-case-keys.ts';
import { SectionsValidator } from './validator.ts';
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
  /** The workspace's current test-cases.yaml, so a new key is suggested and an existing one refused. */
  testCasesText?: string;
  onReady?(api: FormApi): void;
}

/** Live validation waits for a pause in typing (rjsf#3715: validating every keystroke lags). */
const VALIDATE_DELAY_MS = 300;
const CONVERT_DELAY_MS = 150;
const FORMAT_KEY = 'wt.form.paramsFormat';

type Format = 'json' | 'yaml';
type Conversion = { state: 'idle' } | { state: 'pending'; last?: ConvertResponse } | { state: 'done'; response: ConvertResponse } | { state: 'failed'; message: string };
type SectionForm = Form<unknown, RJSFSchema, FormContext>;

/** Section forms list no errors themselves: they report them to the one list above all sections. */
const sectionTemplates = { FieldTemplate, ObjectFieldTemplate, TitleFieldTemplate, ErrorListTemplate: ErrorReporterTemplate };
const widgets = { RadioWidget };

/** What a section needs from the form around it; one object for the form's lifetime. */
interface SectionHost {
  register(id: string, form: SectionForm | null): void;
  change(section: FormSection, data: unknown, fieldId?: string): void;
  report(id: string, errors: RJSFValidationError[] | undefined): void;
  focusError(error: RJSFValidationError): void;
  /** RJSF's `focusOnFirstError`: called (synchronously) with the first error of each section a validation fails. */
  firstError(error: RJSFValidationError): void;
  /** RJSF's `onError`: called after a failed validation of a section is committed. */
  errors(errors: RJSFValidationError[]): void;
}

interface SectionProps {
  section: FormSection;
  /** The section's part of the form data (its top-level keys). */
  value: JsonObject;
  validator: SectionsValidator;
  disabled: boolean;
  host: SectionHost;
}

/**
 * One top-level property of the form (a task or a task group) as its own RJSF form. It re-renders
 * only when its schema, its data or `disabled` change, so a recompile that touches one task costs
 * one section, not the whole form.
 */
const Section = memo(
  function Section({ section, value, validator, disabled, host }: SectionProps) {
    const { id, realKeys } = section;
    const formContext = useMemo<FormContext>(
      () => ({ focusError: host.focusError, realKey: (k) => realKeys[k] ?? k, reportErrors: (errors) => host.report(id, errors), bareRoot: true }),
      [host, id, realKeys],
    );
    const ref = useCallback((form: SectionForm | null) => host.register(id, form), [host, id]);
    const onChange = useCallback((e: IChangeEvent<unknown, RJSFSchema, FormContext>, fieldId?: string) => host.change(section, e.formData, fieldId), [host, section]);
    return (
      <Form<unknown, RJSFSchema, FormContext>
        ref={ref}
        tagName="div"
        className="form-section"
        schema={section.schema}
        uiSchema={section.uiSchema}
        formData={value}
        validator={validator}
        templates={sectionTemplates}
        widgets={widgets}
        formContext={formContext}
        idPrefix={ID_PREFIX}
        idSeparator={ID_SEPARATOR}
        onChange={onChange}
        onError={host.errors}
        focusOnFirstError={host.firstError}
        showErrorList="top"
        disabled={disabled}
      >
        {/* no submit button per section: the form's Validate button validates them all */}
        <></>
      </Form>
    );
  },
  (a, b) => a.section === b.section && a.validator === b.validator && a.disabled === b.disabled && a.host === b.host && jsonEqual(a.value, b.value),
);

/**
 * The live Parameters form: RJSF over the compiled rjsf.json (one form per top-level property, see
 * sections.ts), the run parameters it converts to (via the worker, as `cli convert` does), their
 * download, and "save as test case".
 */
export default function ParametersForm({ rjsfJsonText, paramsJsonText, client, formData, onFormDataChange, onSaveTestCase, onReady, testCasesText }: ParametersFormProps) {
  // The schemas of the last clean check: kept (read-only) while the spec has errors, so the form does not vanish mid-edit.
  const [clean, setClean] = useState<{ rjsf: string; params: string } | undefined>(() =>
    rjsfJsonText && paramsJsonText ? { rjsf: rjsfJsonText, params: paramsJsonText } : undefined,
  );
  if (rjsfJsonText && paramsJsonText && (clean?.rjsf !== rjsfJsonText || clean.params !== paramsJsonText)) {
    setClean({ rjsf: rjsfJsonText, params: paramsJsonText });
  }
  const stale = clean !== undefined && !(rjsfJsonText && paramsJsonText);
  // Parsed once per rjsf.json text (a params.json-only change keeps it).
  const parsed = useMemo(() => (clean ? parseRjsf(clean.rjsf) : undefined), [clean?.rjsf]); // eslint-disable-line react-hooks/exhaustive-deps
  const rjsf: ParsedRjsf | undefined = parsed && 'schema' in parsed ? parsed : undefined;
  // What RJSF renders: the same schema with id-safe top-level keys (see keyCodec), split into sections; data is renamed at the edges.
  // Sections whose text did not change are the previous objects, so they do not re-render.
  const sectionCache = useRef<ReadonlyMap<string, FormSection>>(new Map());
  const view = useMemo(() => {
    if (!rjsf) return undefined;
    const codec = keyCodec(rjsf.schema);
    const schema = encodeSchema(rjsf.schema, codec);
    const split = splitSections(schema, encodeUiSchema(rjsf.uiSchema, codec), codec.fromForm, sectionCache.current);
    sectionCache.current = new Map(split.sections.map((s) => [s.id, s]));
    return { codec, schema, ...split };
  }, [rjsf]);
  // One validator for every section and schema (a new one would make every section start over); its
  // Ajv starts afresh when the definitions change (or, unsplit, the schema), so nothing compiled goes stale.
  const [validator] = useState(() => new SectionsValidator());
  if (view) validator.renew(view.split ? view.defsText : view.schema, view.sections.length);

  // Form data is reconciled with a new schema once (when the schema changes), never while the user types:
  // pruning mid-edit would snap a half-typed value back to its default.
  const reconciled = useRef<{ schema: RJSFSchema; input: unknown; output: JsonObject } | undefined>(undefined);
  // Each section's defaults, for the data it had: an unchanged section with unchanged data keeps its very objects.
  const defaults = useRef(new WeakMap<FormSection, { input: JsonObject; output: JsonObject }>());
  if (rjsf && view && reconciled.current?.schema !== rjsf.schema) {
    // Prune, make every task's object present (so its required settings are checked) and fill in the
    // schema defaults as RJSF would, so the form reports exactly this data.
    const kept = renameKeys(withTaskObjects(pruneFormData(formData, rjsf.schema), rjsf.schema), view.codec.toForm);
    const byKey: JsonObject = {};
    for (const section of view.sections) {
      const input = pick(kept, section.keys);
      let entry = defaults.current.get(section);
      if (!entry || !jsonEqual(entry.input, input)) {
        const output = createSchemaUtils(validator, section.schema).getDefaultFormState(section.schema, input);
        entry = { input, output: isObject(output) ? output : input };
        defaults.current.set(section, entry);
      }
      Object.assign(byKey, entry.output);
    }
    const defaulted: JsonObject = {};
    for (const key of Object.keys(propertiesOf(view.schema))) if (key in byKey) defaulted[key] = byKey[key];
    reconciled.current = { schema: rjsf.schema, input: formData, output: renameKeys(defaulted, view.codec.fromForm) };
  }
  const data = reconciled.current && reconciled.current.input === formData ? reconciled.current.output : formData;
  const viewData = useMemo(() => (view ? renameKeys(data, view.codec.toForm) : data), [view, data]);
  useEffect(() => {
    const r = reconciled.current;
    if (r && r.input === formData && !jsonEqual(r.output, formData)) onFormDataChange(r.output);
  }, [rjsf?.schema]); // eslint-disable-line react-hooks/exhaustive-deps

  // The latest of everything the (stable) section callbacks need. The data is also advanced by each
  // section change, so two sections reporting before the next render both keep their edit.
  const latest = useRef({ view, viewData, onFormDataChange });
  latest.current = { view, viewData, onFormDataChange };

  const formElement = useRef<HTMLFormElement>(null);
  const container = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState('');

  // The section forms, by section id, and the errors each currently lists.
  const forms = useRef(new Map<string, SectionForm>());
  const [sectionErrors, setSectionErrors] = useState<ReadonlyMap<string, RJSFValidationError[]>>(() => new Map());

  // Validation runs section by section. `firstErrors` collects each failing section's first error
  // (in form order) while the Validate button runs one; `tally` counts its errors as RJSF reports them.
  const firstErrors = useRef<RJSFValidationError[] | undefined>(undefined);
  const tally = useRef<{ count: number } | undefined>(undefined);
  const validateSections = useCallback((live: boolean): { valid: boolean; first?: RJSFValidationError } => {
    const firsts: RJSFValidationError[] = [];
    firstErrors.current = live ? undefined : firsts;
    tally.current = live ? undefined : { count: 0 };
    let valid = true;
    try {
      for (const section of latest.current.view?.sections ?? []) {
        const form = forms.current.get(section.id);
        if (form && !form.validateForm()) valid = false;
      }
    } finally {
      firstErrors.current = undefined;
    }
    return { valid, first: firsts[0] };
  }, []);

  // Debounced live validation. Only the Validate button moves focus to the first error; live runs never steal it.
  const touched = useRef(false);
  const validateTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const scheduleValidation = useCallback(() => {
    clearTimeout(validateTimer.current);
    validateTimer.current = setTimeout(() => validateSections(true), VALIDATE_DELAY_MS);
  }, [validateSections]);
  useEffect(() => () => clearTimeout(validateTimer.current), []);
  useEffect(() => {
    if (touched.current) scheduleValidation();
  }, [rjsf?.schema, scheduleValidation]);

  // As RJSF's focusOnError, over all the sections: the field with the error's id, else the first input whose id starts with it (radios).
  const focusError = useCallback((error: RJSFValidationError) => {
    const form = formElement.current;
    if (!form) return;
    const id = fieldId(propertyPath(error.property ?? ''));
    let field: Element | RadioNodeList | null = form.elements.namedItem(id);
    if (field instanceof RadioNodeList) field = (field[0] as Element | undefined) ?? null;
    const quoted = JSON.stringify(id);
    field ??= form.querySelector(`input[id^=${quoted}], button[id^=${quoted}]`);
    if (field instanceof HTMLElement) field.focus();
  }, []);

  const host = useMemo<SectionHost>(
    () => ({
      register(id, form) {
        if (form) forms.current.set(id, form);
        else forms.current.delete(id);
      },
      change(section, sectionData, fieldId) {
        const { view: v, viewData: current, onFormDataChange: report } = latest.current;
        const d = isObject(sectionData) ? sectionData : {};
        let next: JsonObject;
        if (v && !v.split) next = { ...d };
        else {
          next = { ...(isObject(current) ? current : {}) };
          for (const k of section.keys) {
            if (d[k] !== undefined) next[k] = d[k];
            else delete next[k];
          }
        }
        latest.current = { ...latest.current, viewData: next };
        report(v ? renameKeys(next, v.codec.fromForm) : next);
        // RJSF also reports the defaults it fills in (no field id): that is not the user's edit.
        if (fieldId !== undefined) {
          touched.current = true;
          scheduleValidation();
        }
      },
      report(id, errors) {
        setSectionErrors((m) => {
          if (m.get(id) === errors || (!errors && !m.has(id))) return m;
          const next = new Map(m);
          if (errors?.length) next.set(id, errors);
          else next.delete(id);
          return next;
        });
      },
      focusError,
      firstError(error) {
        firstErrors.current?.push(error);
      },
      errors(errs) {
        const t = tally.current;
        if (!t) return;
        t.count += errs.length;
        setStatus(`The form has ${t.count === 1 ? '1 error' : `${t.count} errors`}.`);
      },
    }),
    [focusError, scheduleValidation],
  );

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const { valid, first } = validateSections(false);
    if (first) focusError(first);
    if (valid) {
      tally.current = undefined;
      setStatus('The form is valid.');
    }
  };

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

  // Keys already in test-cases.yaml; `savedKeys` adds those saved since (the parent may not have passed the new text yet).
  const fileKeys = useMemo(() => testCaseKeys(testCasesText), [testCasesText]);
  const [savedKeys, setSavedKeys] = useState<string[]>([]);
  // A new text holds what was saved (or is another workspace's file): from then on the file alone counts.
  const [keysOfText, setKeysOfText] = useState(testCasesText);
  if (keysOfText !== testCasesText) {
    setKeysOfText(testCasesText);
    setSavedKeys([]);
  }
  const suggestedKey = nextFreeKey([...fileKeys, ...savedKeys]);
  // Until the user types a key, the field follows the suggestion (e.g. when another workspace is opened).
  const [typedKey, setTypedKey] = useState<string | undefined>();
  const caseKey = typedKey ?? suggestedKey;
  const keyOk = isValidTestCaseKey(caseKey);
  const duplicate = fileKeys.has(caseKey) || savedKeys.includes(caseKey);
  const canSave = params !== undefined && !stale && keyOk && !duplicate;
  const saveHint = stale
    ? 'The spec has errors: fix them to save test cases.'
    : !keyOk
      ? 'Use letters, digits, "_" or "-", starting with a letter or "_" (not true/false/null/yes/no/on/off).'
      : duplicate
        ? `test-cases.yaml already has a test case named ${caseKey}: choose another key (${suggestedKey} is free).`
        : params === undefined
          ? 'Fill in the form without errors to save it as a test case.'
          : '';
  const saveTestCase = () => {
    if (!canSave) {
      // Enter in the key field reaches here even though the button is disabled: say why nothing was saved.
      if (saveHint) setStatus(saveHint);
      return;
    }
    onSaveTestCase(caseKey, params);
    setSavedKeys([...savedKeys, caseKey]);
    setTypedKey(undefined);
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
  const allErrors = view.sections.flatMap((section) => sectionErrors.get(section.id) ?? []);
  const realKey = (key: string) => view.codec.fromForm.get(key) ?? key;

  return (
    <div className="parameters-form" ref={container}>
      {stale && (
        <p className="form-stale" role="status">
          The spec has errors: this is the form of the last clean check, read-only until they are fixed.
        </p>
      )}
      {hasFields ? (
        <form className="rjsf" ref={formElement} noValidate onSubmit={onSubmit}>
          {allErrors.length > 0 && <ErrorList errors={allErrors} focusError={focusError} realKey={realKey} />}
          {/* The root object, as RJSF would draw it; each section draws only its own property. */}
          <div className="form-group field field-object">
            <fieldset id={ID_PREFIX} aria-describedby={view.description ? `${ID_PREFIX}__description` : undefined}>
              {view.title && (
                <legend id={`${ID_PREFIX}__title`} tabIndex={-1}>
                  {view.title}
                </legend>
              )}
              {view.description && (
                <div id={`${ID_PREFIX}__description`} className="field-description">
                  {view.description}
                </div>
              )}
              {view.sections.map((section) => (
                <Section key={section.id} section={section} value={pick(viewData, section.keys)} validator={validator} disabled={stale} host={host} />
              ))}
            </fieldset>
          </div>
          <div className="form-actions">
            <button type="submit" disabled={stale}>
              Validate
            </button>
          </div>
        </form>
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
          onChange={(e) => setTypedKey(e.target.value.trim())}
          onKeyDown={(e) => {
            if (e.key === 'Enter') saveTestCase();
          }}
          aria-invalid={!keyOk || duplicate}
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

/** The top-level `keys` of form data that are set. */
function pick(data: unknown, keys: readonly string[]): JsonObject {
  const out: JsonObject = {};
  if (isObject(data)) for (const k of keys) if (data[k] !== undefined) out[k] = data[k];
  return out;
}

function propertiesOf(schema: RJSFSchema): JsonObject {
  return isObject(schema.properties) ? schema.properties : {};
}
