import { customizeValidator } from '@rjsf/validator-ajv8';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { RJSFSchema, ValidatorType } from '@rjsf/utils';

/**
 * An RJSF validator for the compiled schemas: JSON Schema draft 2020-12 (what wt-contracts validates
 * with), every ajv-formats format (`date-time`, …), and `strict: false` so the compiler's custom
 * `ecoscope:*` keywords are ignored rather than rejected.
 */
export function createFormValidator(): ValidatorType<unknown, RJSFSchema> {
  return customizeValidator<unknown, RJSFSchema>({
    AjvClass: Ajv2020 as unknown as NonNullable<Parameters<typeof customizeValidator>[0]>['AjvClass'],
    ajvOptionsOverrides: { strict: false },
  });
}

/**
 * One validator for all the sections of a form, whose identity never changes (a new validator makes
 * RJSF re-derive every section), over an Ajv instance that is replaced when compiled schemas could
 * be stale or too many:
 * - `renew(key)` with a new key starts afresh. RJSF caches validators of `anyOf`/`oneOf` options by
 *   their text (`{$ref: "#/$defs/X"}`), so they must not outlive a change to the definitions.
 * - Ajv keeps a compiled validator per schema object it validates with; sections keep their schema
 *   objects across recompiles, but each changed section adds one, so past `limit` it starts afresh.
 */
export class SectionsValidator implements ValidatorType<unknown, RJSFSchema> {
  private inner = createFormValidator();
  private key: unknown;
  private readonly seen = new Set<object>();
  private limit = 500;

  /** Starts afresh when `key` is not the key of the last call; `sections` sizes the cache. */
  renew(key: unknown, sections = 0): void {
    this.limit = Math.max(500, 4 * sections);
    if (Object.is(key, this.key)) return;
    this.key = key;
    this.reset();
  }

  reset(): void {
    this.inner = createFormValidator();
    this.seen.clear();
  }

  private track(schema: RJSFSchema): void {
    if (this.seen.has(schema)) return;
    if (this.seen.size >= this.limit) this.reset();
    this.seen.add(schema);
  }

  validateFormData(...args: Parameters<ValidatorType<unknown, RJSFSchema>['validateFormData']>): ReturnType<ValidatorType<unknown, RJSFSchema>['validateFormData']> {
    this.track(args[1]);
    return this.inner.validateFormData(...args);
  }

  rawValidation<Result = unknown>(schema: RJSFSchema, formData?: unknown): { errors?: Result[]; validationError?: Error } {
    this.track(schema);
    return this.inner.rawValidation<Result>(schema, formData);
  }

  isValid(schema: RJSFSchema, formData: unknown, rootSchema: RJSFSchema): boolean {
    return this.inner.isValid(schema, formData, rootSchema);
  }
}
