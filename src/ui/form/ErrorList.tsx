import { useEffect } from 'react';
import type { ErrorListProps, RJSFSchema, RJSFValidationError } from '@rjsf/utils';

/** What the form hands its templates through RJSF's `formContext`. */
export interface FormContext {
  focusError(error: RJSFValidationError): void;
  /** The real (rjsf.json) key of a top-level form key, which the form may have renamed to be id-safe. */
  realKey(formKey: string): string;
  /** Section forms hand their errors up (`undefined`: none), for the one list above all sections. */
  reportErrors?(errors: RJSFValidationError[] | undefined): void;
  /** The root object is laid out around the form: render only its fields (no fieldset, so no second `id="root"`). */
  bareRoot?: boolean;
}

/**
 * The form's error list: one button per error that takes the user to the field (as RJSF's
 * `focusOnFirstError` does for the first one).
 */
export function ErrorList({ errors, focusError, realKey }: { errors: RJSFValidationError[]; focusError?(error: RJSFValidationError): void; realKey?(formKey: string): string }) {
  return (
    <div className="form-errors" role="group" aria-labelledby="form-errors-heading">
      <h3 id="form-errors-heading">
        {errors.length === 1 ? '1 error in the form' : `${errors.length} errors in the form`}
      </h3>
      <ul>
        {errors.map((error, i) => (
          <li key={`${error.property ?? ''}:${i}`}>
            <button type="button" className="link-button" onClick={() => focusError?.(error)}>
              <span className="where">{errorPlace(error, realKey)}</span> {error.message ?? error.stack}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** RJSF's error list template, as the list above a single form. */
export function ErrorListTemplate({ errors, registry }: ErrorListProps<unknown, RJSFSchema>) {
  const context = registry.formContext as Partial<FormContext> | undefined;
  return <ErrorList errors={errors} focusError={context?.focusError} realKey={context?.realKey} />;
}

/**
 * The error list template of a section form: it shows nothing itself, but reports the errors RJSF
 * would list (after a validation, and as edits clear them) to the form around the sections.
 */
export function ErrorReporterTemplate({ errors, registry }: ErrorListProps<unknown, RJSFSchema>) {
  const report = (registry.formContext as Partial<FormContext> | undefined)?.reportErrors;
  useEffect(() => {
    report?.(errors);
    return () => report?.(undefined);
  }, [errors, report]);
  return null;
}

/** `time_range › since`, from RJSF's `.time_range.since` / `['Species Counts'].charts` property paths. */
export function errorPlace(error: Pick<RJSFValidationError, 'property'>, realKey: (k: string) => string = (k) => k): string {
  const parts = propertyPath(error.property ?? '');
  if (parts.length) parts[0] = realKey(parts[0]);
  return parts.length ? parts.join(' › ') : '(form)';
}

/** Splits RJSF's JavaScript-accessor property path into its keys. */
export function propertyPath(property: string): string[] {
  const out: string[] = [];
  const re = /\.([^.[\]]+)|\[(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|(\d+))\]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(property))) out.push(m[1] ?? m[2] ?? m[3] ?? m[4]);
  return out;
}
