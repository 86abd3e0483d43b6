import { orderProperties, type RJSFSchema, type UiSchema } from '@rjsf/utils';
import { isObject, type JsonObject } from './schema.ts';

/**
 * The form is laid out as one RJSF form per top-level property (a task or a task group), so that a
 * recompile which changes one task re-renders only that task's section: RJSF re-derives a whole form
 * whenever its schema object changes, which for a few hundred tasks takes seconds.
 *
 * Each section's schema is the root schema cut down to its one property, with only the `$defs`
 * (or `definitions`) that property refers to, so its field ids stay `root_<key>_…` and its JSON text
 * changes only when that task does. A root schema the sections cannot express (other root keywords,
 * references outside the definitions, an unusable `ui:order`) becomes a single section holding
 * everything, which is how the form rendered before.
 */
export interface FormSection {
  /** React key and cache key: the section's top-level (form) keys, joined. */
  id: string;
  /** The top-level form keys whose data this section edits. */
  keys: string[];
  schema: RJSFSchema;
  uiSchema: UiSchema;
  /** form key → real (rjsf.json) key, for this section's keys */
  realKeys: Record<string, string>;
  /** JSON text of all of the above: a section with the same text is the same object. */
  text: string;
}

export interface SplitForm {
  sections: FormSection[];
  /** The root object's title and description, which the sections leave to the form around them. */
  title?: string;
  description?: string;
  /** Whether each top-level key has a section of its own (false: one section holds the whole schema). */
  split: boolean;
  /** JSON text of the shared definitions: while it stays the same, compiled `$ref`s stay valid. */
  defsText: string;
}

/** Root keywords a one-property section can carry over unchanged (or, for title/description, leave to the form). */
const ROOT_KEYWORDS = new Set(['type', 'properties', 'required', '$defs', 'definitions', 'additionalProperties', 'title', 'description', '$schema', '$comment']);
const DEF_CONTAINERS = ['$defs', 'definitions'] as const;
/** Root uiSchema entries the form itself handles. */
const ROOT_UI_HANDLED = new Set(['ui:order', 'ui:title', 'ui:description']);

/**
 * Splits the (id-safe, see keyCodec) schema and uiSchema into sections, in display order. Sections
 * whose text equals one in `previous` are returned as that very object, so memoized sections (and
 * RJSF's own caches) see no change.
 */
export function splitSections(schema: RJSFSchema, uiSchema: UiSchema, fromForm: ReadonlyMap<string, string>, previous?: ReadonlyMap<string, FormSection>): SplitForm {
  const root = schema as JsonObject;
  const ui = uiSchema as JsonObject;
  const props = isObject(root.properties) ? root.properties : {};
  const title = typeof ui['ui:title'] === 'string' ? ui['ui:title'] : typeof root.title === 'string' ? root.title : undefined;
  const description = typeof ui['ui:description'] === 'string' ? ui['ui:description'] : typeof root.description === 'string' ? root.description : undefined;
  const defsText = JSON.stringify(DEF_CONTAINERS.map((c) => root[c] ?? null));
  const reuse = (s: Omit<FormSection, 'text'>): FormSection => {
    const text = JSON.stringify([s.keys, s.schema, s.uiSchema, s.realKeys]);
    const old = previous?.get(s.id);
    return old && old.text === text ? old : { ...s, text };
  };

  const { title: _t, description: _d, ...rootRest } = root;
  const uiRest = Object.fromEntries(Object.entries(ui).filter(([k]) => k !== 'ui:title' && k !== 'ui:description'));
  const whole = (): SplitForm => {
    const keys = Object.keys(props);
    const section = reuse({ id: '*', keys, schema: rootRest as RJSFSchema, uiSchema: uiRest as UiSchema, realKeys: realKeysOf(keys, fromForm) });
    return { sections: [section], title, description, split: false, defsText };
  };

  if (Object.keys(root).some((k) => !ROOT_KEYWORDS.has(k) && !k.startsWith('ecoscope:'))) return whole();
  if (root.additionalProperties !== undefined && typeof root.additionalProperties !== 'boolean') return whole();
  let order: string[];
  try {
    order = orderProperties(Object.keys(props), Array.isArray(ui['ui:order']) ? (ui['ui:order'] as string[]) : undefined);
  } catch {
    return whole(); // RJSF reports a bad ui:order itself
  }
  const required = Array.isArray(root.required) ? (root.required as unknown[]) : [];
  const { properties: _p, required: _r, $defs: _defs, definitions: _definitions, ...shared } = rootRest;
  const uiShared = Object.fromEntries(Object.entries(ui).filter(([k]) => k.startsWith('ui:') && !ROOT_UI_HANDLED.has(k)));

  const sections: FormSection[] = [];
  for (const key of order) {
    const used = referencedDefinitions(props[key], root);
    if (!used) return whole();
    const sub: JsonObject = { ...shared, properties: { [key]: props[key] } };
    if (required.includes(key)) sub.required = [key];
    for (const c of DEF_CONTAINERS) {
      if (!isObject(root[c])) continue;
      const defs = root[c];
      sub[c] = Object.fromEntries([...(used.get(c) ?? [])].filter((name) => name in defs).sort().map((name) => [name, defs[name]]));
    }
    const subUi: JsonObject = { ...uiShared };
    if (ui[key] !== undefined) subUi[key] = ui[key];
    sections.push(reuse({ id: key, keys: [key], schema: sub as RJSFSchema, uiSchema: subUi as UiSchema, realKeys: realKeysOf([key], fromForm) }));
  }
  return { sections, title, description, split: true, defsText };
}

function realKeysOf(keys: string[], fromForm: ReadonlyMap<string, string>): Record<string, string> {
  return Object.fromEntries(keys.map((k) => [k, fromForm.get(k) ?? k]));
}

/**
 * The root definitions `node` refers to, directly or through other definitions, by container
 * (`$defs`, `definitions`); `undefined` when it has a reference a section could not resolve.
 */
export function referencedDefinitions(node: unknown, root: JsonObject): Map<string, Set<string>> | undefined {
  const used = new Map<string, Set<string>>();
  const pending: unknown[] = [node];
  while (pending.length) {
    const n = pending.pop();
    if (Array.isArray(n)) {
      pending.push(...n);
      continue;
    }
    if (!isObject(n)) continue;
    for (const [k, v] of Object.entries(n)) {
      if (k === '$dynamicRef' || k === '$recursiveRef') return undefined;
      if (k !== '$ref' || typeof v !== 'string') {
        pending.push(v);
        continue;
      }
      const m = /^#\/(\$defs|definitions)\/([^/]+)(?:\/.*)?$/.exec(v);
      if (!m) return undefined;
      const container = m[1];
      const name = decodeURIComponent(m[2]).replaceAll('~1', '/').replaceAll('~0', '~');
      const names = used.get(container) ?? new Set<string>();
      used.set(container, names);
      if (names.has(name)) continue;
      names.add(name);
      const defs = root[container];
      if (isObject(defs)) pending.push(defs[name]);
    }
  }
  return used;
}
