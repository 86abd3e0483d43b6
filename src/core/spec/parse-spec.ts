import { DOCUMENT_START, hasErrors, sortDiagnostics, withoutFollowOns, type Diagnostic, type Range } from '../util/diagnostics.ts';
import type { JsonValue } from '../util/json-value.ts';
import { didYouMean } from '../util/suggest.ts';
import { isMapNode, isScalarNode, isSeqNode, YamlReader, type YMap, type YNode } from '../util/yaml-reader.ts';
import { MAX_NESTING } from '../util/yaml-safe-load.ts';
import { checkWorkflow } from './check-workflow.ts';
import { identifierProblem, isPythonIdentifier } from './identifiers.ts';
import type {
  DependencyUse,
  Override,
  OverrideSection,
  ParallelOperation,
  PartialArg,
  RjsfOverrides,
  SkipIf,
  Spec,
  TaskGroup,
  TaskInstance,
  WorkflowItem,
} from './model.ts';
import { looksLikeInterpolation, parseReference } from './references.ts';
import { readRequirements } from './requirements.ts';

export const ROOT_KEYS = ['id', 'requirements', 'rjsf-overrides', 'task-instance-defaults', 'workflow'];
export const INSTANCE_KEYS = ['id', 'name', 'task', 'partial', 'map', 'mapvalues', 'skipif'];
export const GROUP_KEYS = ['type', 'title', 'description', 'tasks'];
const SPEC_ID_MAX = 64;
export const INSTANCE_ID_MAX = 32;

export interface ParsedSpec {
  /** Best-effort model; present whenever the document is a mapping, even with errors. */
  spec?: Spec;
  diagnostics: Diagnostic[];
}

/** Parses and validates spec.yaml text; every problem is a positioned diagnostic, nothing throws. */
export function parseSpec(text: string, source?: string): ParsedSpec {
  const r = new YamlReader(text, source);
  const root = r.root;
  if (r.isNull(root)) {
    // After a syntax error an empty result means "unreadable", not "empty": that error says it already.
    if (!hasErrors(r.diagnostics)) r.error(DOCUMENT_START, 'empty-spec', 'the spec is empty: it needs `id`, `requirements` and `workflow`');
    return { diagnostics: sortDiagnostics(r.diagnostics) };
  }
  const map = r.map(root, 'the spec');
  if (!map) return { diagnostics: sortDiagnostics(r.diagnostics) };
  const spec = readSpec(r, map);
  checkWorkflow(r, spec);
  return { spec, diagnostics: sortDiagnostics(withoutFollowOns(r.diagnostics)) };
}

function readSpec(r: YamlReader, map: YMap): Spec {
  const fields = new Map(r.pairs(map).map((p) => [p.key, p] as const));
  for (const [key, p] of fields) {
    if (ROOT_KEYS.includes(key)) continue;
    const kebab = key.replaceAll('_', '-');
    const hint = ROOT_KEYS.includes(kebab) ? `; spec keys are kebab-case: write \`${kebab}\`` : didYouMean(key, ROOT_KEYS);
    r.error(p.pair, 'unknown-key', `unknown top-level key \`${key}\`${hint} (allowed: ${ROOT_KEYS.join(', ')})`);
  }
  const rootRange = r.range(map);
  const required = (key: string, help: string) => {
    if (!fields.has(key)) r.error(firstLine(rootRange), 'missing-key', `the spec has no \`${key}\`: ${help}`);
    return fields.get(key);
  };

  const idField = required('id', 'add `id: my_workflow` (a Python identifier)');
  let id = '';
  const idRange = idField ? r.range(idField.value, r.range(idField.pair)) : firstLine(rootRange);
  if (idField) {
    const v = r.string(idField.value, 'the spec `id`');
    if (v !== undefined) {
      id = v;
      const problem = identifierProblem(v, SPEC_ID_MAX);
      if (problem) r.error(idField.value, problem.code, `spec id ${problem.message}`);
    }
  }

  const reqField = required('requirements', 'add `requirements: []` or list the conda/PyPI packages that provide your tasks');
  const requirements = reqField ? readRequirements(r, reqField.value) : [];

  const overridesField = fields.get('rjsf-overrides');
  const rjsfOverrides = readOverrides(r, overridesField?.value);

  const defaultsField = fields.get('task-instance-defaults');
  const taskInstanceDefaults: Spec['taskInstanceDefaults'] = {};
  if (defaultsField && !r.isNull(defaultsField.value)) {
    const dm = r.map(defaultsField.value, '`task-instance-defaults`');
    if (dm) {
      for (const p of r.pairs(dm)) {
        if (p.key === 'skipif') {
          if (!r.isNull(p.value)) taskInstanceDefaults.skipif = readSkipIf(r, p.value);
        } else {
          r.error(p.pair, 'unknown-key', `unknown key \`${p.key}\` in \`task-instance-defaults\`: only \`skipif\` is supported`);
        }
      }
    }
  }

  const workflowField = required('workflow', 'add `workflow:` with a list of task instances');
  const workflow = workflowField ? readWorkflow(r, workflowField.value) : [];
  for (const t of workflow.flatMap((w) => (w.kind === 'task' ? [w] : w.tasks))) {
    t.effectiveSkipif = t.skipif ?? taskInstanceDefaults.skipif;
  }
  return { id, idRange, requirements, rjsfOverrides, taskInstanceDefaults, workflow };
}

function readWorkflow(r: YamlReader, node: YNode | undefined): WorkflowItem[] {
  const seq = r.seq(node, '`workflow`');
  if (!seq) return [];
  const out: WorkflowItem[] = [];
  for (const item of r.items(seq)) {
    const map = r.map(item, 'each `workflow` entry (a task instance or a task group)');
    if (!map) continue;
    const kind = classify(r, map);
    if (kind === 'task-group') {
      const g = readGroup(r, map);
      if (g) out.push(g);
    } else {
      const t = readInstance(r, map);
      if (t) out.push(t);
    }
  }
  return out;
}

/** wt-compiler's discriminator: `type: task-group` is a group, anything with `id` and `task` an instance. */
function classify(r: YamlReader, map: YMap): 'task' | 'task-group' {
  const keys = new Set(r.pairs(map).map((p) => p.key));
  const type = r.pairs(map).find((p) => p.key === 'type');
  if (type) {
    const v = isScalarNode(type.value) ? r.scalar(type.value) : undefined;
    if (v === 'task-group') return 'task-group';
    r.error(type.value, 'unknown-entry-type', `\`type: ${String(v)}\` is not a workflow entry type: the only type is \`task-group\` (task instances have no \`type\`)`);
    return keys.has('tasks') ? 'task-group' : 'task';
  }
  if (keys.has('tasks') && !keys.has('task')) {
    r.error(map, 'missing-key', 'this entry has `tasks` but no `type`: add `type: task-group` to make it a task group');
    return 'task-group';
  }
  return 'task';
}

function readGroup(r: YamlReader, map: YMap): TaskGroup | undefined {
  const fields = new Map(r.pairs(map).map((p) => [p.key, p] as const));
  for (const [key, p] of fields) {
    if (!GROUP_KEYS.includes(key)) r.error(p.pair, 'unknown-key', `unknown key \`${key}\` in a task group${didYouMean(key, GROUP_KEYS)} (allowed: ${GROUP_KEYS.join(', ')})`);
  }
  const range = r.range(map);
  for (const key of ['title', 'description', 'tasks']) {
    if (!fields.has(key)) r.error(firstLine(range), 'missing-key', `a task group needs \`${key}\``);
  }
  const titleField = fields.get('title');
  const title = titleField ? (r.string(titleField.value, 'the group `title`') ?? '') : '';
  const descriptionField = fields.get('description');
  const description = descriptionField ? (r.string(descriptionField.value, 'the group `description`') ?? '') : '';
  const tasks: TaskInstance[] = [];
  const tasksField = fields.get('tasks');
  const seq = tasksField ? r.seq(tasksField.value, `\`tasks\` of group "${title}"`) : undefined;
  for (const raw of seq ? r.items(seq) : []) {
    const m = r.map(raw, `each task of group "${title}"`);
    if (!m) continue;
    if (r.pairs(m).some((p) => p.key === 'type' || p.key === 'tasks')) {
      r.error(m, 'nested-group', `task groups cannot be nested: move this group out of "${title}"`);
      continue;
    }
    const t = readInstance(r, m);
    if (t) {
      t.group = title;
      tasks.push(t);
    }
  }
  return { kind: 'task-group', title, description, tasks, range, titleRange: r.range(titleField?.value, firstLine(range)) };
}

function readInstance(r: YamlReader, map: YMap): TaskInstance | undefined {
  const fields = new Map(r.pairs(map).map((p) => [p.key, p] as const));
  for (const [key, p] of fields) {
    if (!INSTANCE_KEYS.includes(key) && key !== 'type') {
      r.error(p.pair, 'unknown-key', `unknown key \`${key}\` in a task instance${didYouMean(key, INSTANCE_KEYS)} (allowed: ${INSTANCE_KEYS.join(', ')})`);
    }
  }
  const range = r.range(map);
  const idField = fields.get('id');
  const taskField = fields.get('task');
  let id = '';
  if (!idField) r.error(firstLine(range), 'missing-key', 'a task instance needs an `id`');
  else {
    const v = r.string(idField.value, 'a task instance `id`');
    if (v !== undefined) {
      id = v;
      const problem = identifierProblem(v, INSTANCE_ID_MAX);
      if (problem) r.error(idField.value, problem.code, `task id ${problem.message}`);
    }
  }
  const label = id ? `\`${id}\`` : 'this task instance';
  let task = '';
  if (!taskField) r.error(firstLine(range), 'missing-key', `${label} needs a \`task\` (a registered task name such as \`set_string_var\`)`);
  else task = r.string(taskField.value, `the \`task\` of ${label}`) ?? '';

  let name = '';
  const nameField = fields.get('name');
  if (nameField && !r.isNull(nameField.value)) name = r.string(nameField.value, `the \`name\` of ${label}`) ?? '';

  const dependencies: DependencyUse[] = [];
  const partial: PartialArg[] = [];
  const partialField = fields.get('partial');
  if (partialField && !r.isNull(partialField.value)) {
    const pm = r.map(partialField.value, `\`partial\` of ${label}`);
    for (const p of pm ? r.pairs(pm) : []) {
      if (!isPythonIdentifier(p.key)) {
        r.error(p.pair, 'invalid-argument-name', `\`${p.key}\` in \`partial\` of ${label} is not a valid argument name (a Python identifier)`);
      }
      scanValue(r, p.value, dependencies, label);
      partial.push({ name: p.key, value: r.json(p.value), range: r.range(p.pair) });
    }
  }
  const map_ = readParallel(r, fields.get('map')?.value, 'map', label, dependencies);
  const mapvalues = readParallel(r, fields.get('mapvalues')?.value, 'mapvalues', label, dependencies);
  if (map_ && mapvalues) {
    r.error(fields.get('mapvalues')!.pair, 'map-and-mapvalues', `${label} has both \`map\` and \`mapvalues\`: choose one`);
  }
  // An argument in `partial` and in argnames is legal: the mapped value overrides the partial one (§2.3).
  const skipField = fields.get('skipif');
  const skipif = skipField && !r.isNull(skipField.value) ? readSkipIf(r, skipField.value) : undefined;

  // Keep an instance without `task` (already reported) so references to it don't cascade into more errors.
  if (!idField) return undefined;
  const t: TaskInstance = {
    kind: 'task',
    id,
    name,
    task,
    partial,
    dependencies,
    range,
    idRange: r.range(idField.value, range),
    taskRange: r.range(taskField?.value, range),
  };
  if (map_) t.map = map_;
  if (mapvalues) t.mapvalues = mapvalues;
  if (skipif) t.skipif = skipif;
  return t;
}

/** Finds references at any depth of a partial value; reports malformed ones. */
function scanValue(r: YamlReader, node: YNode | undefined, deps: DependencyUse[], label: string, seen = new Set<YNode>(), depth = 0): void {
  const n = r.resolve(node);
  // An aliased node is scanned once: this ends recursive aliases (`&a [*a]`) and alias fan-out.
  if (n === undefined || seen.has(n)) return;
  if (depth > MAX_NESTING) return r.reportTooDeep(n); // only reachable through chains of aliases
  seen.add(n);
  if (isScalarNode(n)) {
    const s = r.scalar(n);
    if (typeof s !== 'string') return;
    const parsed = parseReference(s);
    if (parsed.kind === 'invalid') r.error(n, 'invalid-reference', parsed.message);
    else if (parsed.kind === 'reference' && parsed.reference.kind === 'workflow') {
      deps.push({ id: parsed.reference.id, text: s, range: r.range(n) });
    } else if (parsed.kind === 'literal' && looksLikeInterpolation(s)) {
      r.warning(n, 'not-a-reference', `in ${label} this string is passed literally: wt has no string interpolation, only a whole-string \`\${{ … }}\` is a reference`);
    }
  } else if (isSeqNode(n)) {
    for (const item of r.items(n)) scanValue(r, item, deps, label, seen, depth + 1);
  } else if (isMapNode(n)) {
    for (const p of n.mappings) scanValue(r, r.resolve(p.value), deps, label, seen, depth + 1);
  }
}

function readParallel(
  r: YamlReader,
  node: YNode | undefined,
  kind: 'map' | 'mapvalues',
  label: string,
  deps: DependencyUse[],
): ParallelOperation | undefined {
  if (node === undefined || r.isNull(node)) return undefined;
  const map = r.map(node, `\`${kind}\` of ${label}`);
  if (!map) return undefined;
  const fields = new Map(r.pairs(map).map((p) => [p.key, p] as const));
  for (const [key, p] of fields) {
    if (key !== 'argnames' && key !== 'argvalues') {
      r.error(p.pair, 'unknown-key', `unknown key \`${key}\` in \`${kind}\` of ${label}${didYouMean(key, ['argnames', 'argvalues'])} (allowed: argnames, argvalues)`);
    }
  }
  const names = fields.get('argnames');
  const values = fields.get('argvalues');
  if (!names && !values) return undefined;
  if (!names || !values) {
    r.error(map, 'incomplete-map', `\`${kind}\` of ${label} needs both \`argnames\` and \`argvalues\``);
    return undefined;
  }
  const argnames: string[] = [];
  const namesNode = names.value;
  const nameNodes = isSeqNode(namesNode) ? r.items(namesNode) : [namesNode];
  for (const nn of nameNodes) {
    const v = r.string(nn, `each \`argnames\` entry of ${label}`);
    if (v === undefined) continue;
    if (!isPythonIdentifier(v)) r.error(nn, 'invalid-argument-name', `\`${v}\` in \`argnames\` of ${label} is not a valid argument name`);
    argnames.push(v);
  }
  if (argnames.length === 0) r.error(namesNode, 'incomplete-map', `\`argnames\` of ${label} is empty`);
  // argvalues: one reference or a list of references (wt-compiler's `Vars`), never inline data.
  const valueNodes = isSeqNode(values.value) ? r.items(values.value) : [values.value];
  for (const v of valueNodes) {
    const text = isScalarNode(v) ? r.scalar(v) : undefined;
    if (typeof text !== 'string') {
      r.error(v, 'argvalues-not-reference', `\`argvalues\` of ${label} must be a reference such as \`\${{ workflow.<id>.return }}\` (or a list of them), not ${isSeqNode(v) ? 'a nested list' : 'inline data'}`);
      continue;
    }
    const parsed = parseReference(text);
    if (parsed.kind === 'literal') {
      r.error(v, 'argvalues-not-reference', `\`${text}\` in \`argvalues\` of ${label} is not a reference: wrap it as \`\${{ workflow.<id>.return }}\``);
    } else if (parsed.kind === 'invalid') r.error(v, 'invalid-reference', parsed.message);
    else if (parsed.reference.kind === 'workflow') deps.push({ id: parsed.reference.id, text, range: r.range(v) });
  }
  return { argnames, argvalues: r.json(values.value), range: r.range(map) };
}

function readSkipIf(r: YamlReader, node: YNode | undefined): SkipIf | undefined {
  const map = r.map(node, '`skipif`');
  if (!map) return undefined;
  const skip: SkipIf = { conditions: [], unpackDepth: 1, range: r.range(map) };
  for (const p of r.pairs(map)) {
    if (p.key === 'conditions') {
      const seq = r.seq(p.value, '`skipif.conditions`');
      for (const item of seq ? r.items(seq) : []) {
        const v = r.string(item, 'a skip condition (a task name)');
        if (v !== undefined) skip.conditions.push({ name: v, range: r.range(item) });
      }
    } else if (p.key === 'unpack_depth') {
      const v = r.int(p.value, '`skipif.unpack_depth`');
      if (v !== undefined) {
        if (v < 0) r.error(p.value, 'invalid-unpack-depth', '`unpack_depth` cannot be negative');
        skip.unpackDepth = v;
      }
    } else {
      r.error(p.pair, 'unknown-key', `unknown key \`${p.key}\` in \`skipif\`${didYouMean(p.key, ['conditions', 'unpack_depth'])} (allowed: conditions, unpack_depth)`);
    }
  }
  return skip;
}

const SECTIONS: OverrideSection[] = ['properties', '$defs', 'uiSchema'];

function readOverrides(r: YamlReader, node: YNode | undefined): RjsfOverrides {
  const out: RjsfOverrides = { properties: [], $defs: [], uiSchema: [] };
  if (node === undefined || r.isNull(node)) return out;
  const map = r.map(node, '`rjsf-overrides`');
  for (const p of map ? r.pairs(map) : []) {
    if (!(SECTIONS as string[]).includes(p.key)) {
      r.error(p.pair, 'unknown-key', `unknown \`rjsf-overrides\` section \`${p.key}\`${didYouMean(p.key, SECTIONS)} (allowed: ${SECTIONS.join(', ')})`);
      continue;
    }
    if (r.isNull(p.value)) continue;
    const section = r.map(p.value, `\`rjsf-overrides.${p.key}\``);
    for (const entry of section ? r.pairs(section) : []) {
      const value: JsonValue = r.json(entry.value);
      const o: Override = { key: entry.key, path: entry.key.split('.'), value, range: r.range(entry.pair) };
      if (o.path.some((s) => s === '')) {
        r.error(entry.pair, 'invalid-override-path', `override key \`${entry.key}\` has an empty segment: remove the extra \`.\``);
        continue;
      }
      out[p.key as OverrideSection].push(o);
    }
  }
  return out;
}

function firstLine(range: Range): Range {
  return { start: range.start, end: { line: range.start.line, column: range.start.column + 1 } };
}
