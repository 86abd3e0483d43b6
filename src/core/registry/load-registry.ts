import type { Diagnostic } from '../util/diagnostics.ts';
import { parseJson } from '../util/json-parse.ts';
import { isObject, type JsonObject, type JsonValue } from '../util/json-value.ts';
import { REGISTRY_VERSION, type RegistryEntry, type RegistryOutput } from './contract.ts';
import { refProblemsOf } from './schema-refs.ts';

export interface LoadedRegistry {
  registry?: RegistryOutput;
  diagnostics: Diagnostic[];
}

/** Parses and validates `RegistryOutput` JSON text; invalid entries are reported and skipped. */
export function loadRegistry(text: string, source = 'registry'): LoadedRegistry {
  const parsed = parseJson(text, source);
  if (parsed.value === undefined) return { diagnostics: parsed.diagnostics };
  const diagnostics: Diagnostic[] = [];
  const at = (container: JsonObject, key: string | undefined, useKey = false) => {
    const loc = parsed.locations.get(container);
    const offset = key === undefined ? loc?.start : useKey ? loc?.keys.get(key) : (loc?.values.get(key) ?? loc?.start);
    return parsed.lines.range(offset ?? 0, (offset ?? 0) + 1);
  };
  const error = (container: JsonObject, key: string | undefined, code: string, message: string, useKey = false) =>
    diagnostics.push({ severity: 'error', code, message, range: at(container, key, useKey), source });

  const root = parsed.value;
  if (!isObject(root)) {
    diagnostics.push({ severity: 'error', code: 'invalid-registry', message: 'a registry is a JSON object `{"entries": {…}, "version": "1.0.0"}` as printed by `wt-registry --format json`', range: parsed.lines.range(0, 1), source });
    return { diagnostics };
  }
  const version = root.get('version');
  if (typeof version !== 'string') error(root, root.has('version') ? 'version' : undefined, 'invalid-registry', 'the registry needs `"version": "1.0.0"`');
  else if (version !== REGISTRY_VERSION) {
    diagnostics.push({ severity: 'warning', code: 'registry-version', message: `registry format version ${version} is not ${REGISTRY_VERSION}; entries are read as ${REGISTRY_VERSION}`, range: at(root, 'version'), source });
  }
  const entriesValue = root.get('entries');
  const entries = new Map<string, RegistryEntry>();
  if (!isObject(entriesValue)) {
    error(root, root.has('entries') ? 'entries' : undefined, 'invalid-registry', 'the registry needs an `entries` object keyed by `module.path.function_name`');
  } else {
    for (const [fqn, value] of entriesValue) {
      const entry = readEntry(entriesValue, fqn, value, error);
      if (!entry) continue;
      entries.set(fqn, entry);
      for (const p of refProblemsOf(entry.json_schema)) {
        const offset = parsed.locations.get(p.holder)?.values.get('$ref') ?? parsed.locations.get(p.holder)?.start ?? 0;
        diagnostics.push({ severity: 'warning', code: 'schema-bad-ref', message: `${p.message} in the schema of \`${fqn}\`: a form using this task cannot be built`, range: parsed.lines.range(offset, offset + 1), source });
      }
    }
  }
  for (const k of root.keys()) {
    if (k !== 'entries' && k !== 'version') {
      diagnostics.push({ severity: 'warning', code: 'unknown-key', message: `unknown registry key \`${k}\` is ignored`, range: at(root, k, true), source });
    }
  }
  return { registry: { entries, version: typeof version === 'string' ? version : REGISTRY_VERSION }, diagnostics };
}

type ErrorFn = (container: JsonObject, key: string | undefined, code: string, message: string, useKey?: boolean) => void;

function readEntry(parent: JsonObject, fqn: string, value: JsonValue, error: ErrorFn): RegistryEntry | undefined {
  if (!isObject(value)) {
    error(parent, fqn, 'invalid-registry-entry', `registry entry \`${fqn}\` must be an object`);
    return undefined;
  }
  let ok = true;
  const str = (key: string): string => {
    const v = value.get(key);
    if (typeof v === 'string' && v !== '') return v;
    error(value, value.has(key) ? key : undefined, 'invalid-registry-entry', `registry entry \`${fqn}\` needs a non-empty string \`${key}\``);
    ok = false;
    return '';
  };
  const function_name = str('function_name');
  const module_path = str('module_path');
  const public_module_path = str('public_module_path');
  const import_statement = typeof value.get('import_statement') === 'string' ? (value.get('import_statement') as string) : `from ${public_module_path} import ${function_name} as ${function_name}`;
  const schema = value.get('json_schema');
  if (!isObject(schema)) {
    error(value, value.has('json_schema') ? 'json_schema' : undefined, 'invalid-registry-entry', `registry entry \`${fqn}\` needs a \`json_schema\` object (the Pydantic schema of its parameters)`);
    ok = false;
  }
  const meta = value.get('metadata');
  const metadata: RegistryEntry['metadata'] = { title: titleCase(function_name), description: null, tags: [], deprecated: false, deprecation_message: null };
  if (meta !== undefined && !isObject(meta)) error(value, 'metadata', 'invalid-registry-entry', `\`metadata\` of \`${fqn}\` must be an object`);
  if (isObject(meta)) {
    const title = meta.get('title');
    if (typeof title === 'string') metadata.title = title;
    const description = meta.get('description');
    if (typeof description === 'string') metadata.description = description;
    else if (description !== null && description !== undefined) error(meta, 'description', 'invalid-registry-entry', `\`metadata.description\` of \`${fqn}\` must be a string or null`);
    const tags = meta.get('tags');
    if (Array.isArray(tags) && tags.every((t) => typeof t === 'string')) metadata.tags = tags as string[];
    else if (tags !== undefined) error(meta, 'tags', 'invalid-registry-entry', `\`metadata.tags\` of \`${fqn}\` must be a list of strings`);
    metadata.deprecated = meta.get('deprecated') === true;
    const msg = meta.get('deprecation_message');
    if (typeof msg === 'string') metadata.deprecation_message = msg;
  }
  if (!ok || !isObject(schema)) return undefined;
  return { metadata, module_path, public_module_path, function_name, import_statement, json_schema: schema };
}

/** Pydantic-style default title: `set_string_var` → `Set String Var`. */
function titleCase(name: string): string {
  return name
    .split('_')
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join(' ');
}
