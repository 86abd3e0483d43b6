import type { Spec } from '../spec/index.ts';
import { flatInstances } from '../spec/index.ts';
import { obj, type JsonObject } from '../util/json-value.ts';
import type { InstanceSchema } from './task-schema.ts';

/** `params.json`: one flat property per configurable instance, in workflow order (wt-compiler §3). */
export function buildParamsJson(spec: Spec, schemas: Map<string, InstanceSchema>, defs: JsonObject): JsonObject {
  const properties: JsonObject = new Map();
  const uiSchema: JsonObject = new Map();
  for (const t of flatInstances(spec)) {
    const s = schemas.get(t.id);
    if (!s) continue;
    properties.set(t.id, s.schema);
    if (s.propertyNames.length > 1) uiSchema.set(t.id, uiOrder(s.propertyNames));
  }
  uiSchema.set('ui:order', [...properties.keys()]);
  return obj([
    ['properties', properties],
    ['$defs', defs],
    ['uiSchema', uiSchema],
    ['additionalProperties', false],
  ]);
}

/** `{"ui:order": [...]}` */
export function uiOrder(names: string[]): JsonObject {
  return new Map([['ui:order', [...names]]]);
}
