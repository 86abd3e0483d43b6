import type { CoreClient } from '../../worker/client.ts';

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

/** Placeholder until the RJSF form lands. */
export default function ParametersForm({ rjsfJsonText }: ParametersFormProps) {
  return <p>{rjsfJsonText ? 'The form is being built.' : 'Fix the errors in the spec to see its form.'}</p>;
}
