/** Hand-made `wt-registry --format json` output (RegistryOutput) for tests. */

/** One task of a test registry; everything but the function name has a default. */
export type TaskSpec = {
  /** The function name. */
  fn: string;
  /** `module_path`; default `demo.tasks`. */
  module?: string;
  /** `public_module_path`, also used in `import_statement`; default `module`. */
  publicModule?: string;
  /** `metadata.title`; default `fn`. */
  title?: string;
  /** `metadata.description`; default null. */
  description?: string | null;
  /** `metadata.tags`; default []. */
  tags?: string[];
  /** `json_schema.properties`; default {}. */
  properties?: Record<string, unknown>;
  /** `json_schema.required`; left out of the schema when not given. */
  required?: string[];
  /** The whole `json_schema`, replacing the one built from `properties` and `required`. */
  schema?: object;
};

/** A registry entry keyed by its full name `module.fn`, with keys in wt-registry's order. */
export function taskEntry(t: TaskSpec): [string, Record<string, unknown>] {
  const module = t.module ?? 'demo.tasks';
  const publicModule = t.publicModule ?? module;
  const schema = t.schema ?? {
    additionalProperties: false,
    properties: t.properties ?? {},
    ...(t.required ? { required: t.required } : {}),
    type: 'object',
  };
  return [
    `${module}.${t.fn}`,
    {
      metadata: { title: t.title ?? t.fn, description: t.description ?? null, tags: t.tags ?? [], deprecated: false, deprecation_message: null },
      module_path: module,
      public_module_path: publicModule,
      function_name: t.fn,
      import_statement: `from ${publicModule} import ${t.fn} as ${t.fn}`,
      json_schema: schema,
    },
  ];
}

/** The JSON text of a version 1.0.0 registry holding `tasks` in order. */
export function registryJson(tasks: TaskSpec[]): string {
  return JSON.stringify({ entries: Object.fromEntries(tasks.map(taskEntry)), version: '1.0.0' });
}
