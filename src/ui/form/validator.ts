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
