import type { ErrorListProps, RJSFSchema, RJSFValidationError } from '@rjsf/utils';

/** What the form hands its templates through RJSF's `formContext`. */
export interface FormContext {
  focusError(error: RJSFValidationError): void;
  /** The real (rjsf.json) key of a top-level form key, which the form may have renamed to be id-safe. */
  realKey(formKey: string): string;
}

/**
 * The form's error list: one button per error that takes the user to the field (as RJSF's
 * `focusOnFirstError` does for the first one).
 */
export function ErrorListTemplate({ errors, registry }: ErrorListProps<unknown, RJSFSchema>) {
  const context = registry.formContext as Partial<FormContext> | undefined;
  return (
    <div className="form-errors" role="group" aria-labelledby="form-errors-heading">
      <h3 id="form-errors-heading">
        {errors.length === 1 ? '1 error in the form' : `${errors.length} errors in the form`}
      </h3>
      <ul>
        {errors.map((error, i) => (
          <li key={`${error.property ?? ''}:${i}`}>
            <button type="button" className="link-button" onClick={() => context?.focusError?.(error)}>
              <span className="where">{errorPlace(error, context?.realKey)}</span> {error.message ?? error.stack}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
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
