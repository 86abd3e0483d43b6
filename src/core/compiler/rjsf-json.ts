import type { Diagnostic } from '../util/diagnostics.ts';
import { deepClone, isObject, obj, type JsonObject } from '../util/json-value.ts';
import type { OverrideSection, Spec } from '../spec/index.ts';
import { uiOrder } from './params-json.ts';
import type { InstanceSchema } from './task-schema.ts';

/**
 * `rjsf.json`: the params.json data nested under task-group titles, then `rjsf-overrides` applied
 * (wt-compiler §3, §2.6). Override problems are reported, never thrown.
 */
export function buildRjsfJson(spec: Spec, schemas: Map<string, InstanceSchema>, defs: JsonObject, diagnostics: Diagnostic[]): JsonObject {
  const properties: JsonObject = new Map();
  const uiSchema: JsonObject = new Map();
  for (const item of spec.workflow) {
    if (item.kind === 'task') {
      const s = schemas.get(item.id);
      if (!s) continue;
      properties.set(item.id, deepClone(s.schema));
      if (s.propertyNames.length > 1) uiSchema.set(item.id, uiOrder(s.propertyNames));
      continue;
    }
    const members = item.tasks.map((t) => schemas.get(t.id)).filter((s): s is InstanceSchema => s !== undefined);
    if (members.length === 0) continue;
    const groupProps: JsonObject = new Map(members.map((s) => [s.instance.id, deepClone(s.schema)]));
    properties.set(
      item.title,
      obj([
        ['type', 'object'],
        ['description', item.description],
        ['ecoscope:task_group', true],
        ['properties', groupProps],
      ]),
    );
    let groupUi = uiSchema.get(item.title);
    if (members.length > 1) {
      groupUi = uiOrder(members.map((s) => s.instance.id));
      uiSchema.set(item.title, groupUi);
    }
    for (const s of members) {
      if (s.propertyNames.length <= 1) continue;
      if (!isObject(groupUi)) {
        groupUi = new Map();
        uiSchema.set(item.title, groupUi);
      }
      groupUi.set(s.instance.id, uiOrder(s.propertyNames));
    }
  }
  uiSchema.set('ui:order', [...properties.keys()]);
  const rjsf = obj([
    ['properties', properties],
    ['$defs', deepClone(defs)],
    ['uiSchema', uiSchema],
    ['additionalProperties', false],
  ]);
  applyOverrides(spec, rjsf, diagnostics);
  return rjsf;
}

/** Applies `rjsf-overrides`: split each key on every `.`, create missing dicts, replace the last segment. */
function applyOverrides(spec: Spec, rjsf: JsonObject, diagnostics: Diagnostic[]): void {
  const known: Record<OverrideSection, Set<string>> = {
    properties: new Set((rjsf.get('properties') as JsonObject).keys()),
    $defs: new Set((rjsf.get('$defs') as JsonObject).keys()),
    uiSchema: new Set((rjsf.get('properties') as JsonObject).keys()),
  };
  for (const section of ['properties', '$defs', 'uiSchema'] as const) {
    const root = rjsf.get(section) as JsonObject;
    for (const o of spec.rjsfOverrides[section]) {
      const rootOption = section === 'uiSchema' && o.path[0].startsWith('ui:');
      if (!known[section].has(o.path[0]) && !rootOption) {
        const what = section === '$defs' ? 'definition in `$defs`' : 'task id or group title in the form';
        diagnostics.push({
          severity: 'warning',
          code: 'override-target-missing',
          message: `override \`${o.key}\` starts with \`${o.path[0]}\`, which is no ${what}; it adds a new entry instead of changing one (check the spelling)`,
          range: o.range,
        });
      }
      let target = root;
      let ok = true;
      for (const [i, segment] of o.path.slice(0, -1).entries()) {
        const next = target.get(segment);
        if (next === undefined) {
          const created: JsonObject = new Map();
          target.set(segment, created);
          target = created;
        } else if (isObject(next)) target = next;
        else {
          diagnostics.push({
            severity: 'error',
            code: 'override-through-non-object',
            message: `override \`${o.key}\` cannot be applied: \`${o.path.slice(0, i + 1).join('.')}\` is ${Array.isArray(next) ? 'a list' : 'a plain value'}, not an object; override the whole \`${o.path.slice(0, i + 1).join('.')}\` instead`,
            range: o.range,
          });
          ok = false;
          break;
        }
      }
      if (ok) target.set(o.path[o.path.length - 1], deepClone(o.value));
    }
  }
}
