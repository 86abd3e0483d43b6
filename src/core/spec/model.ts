import type { Range } from '../util/diagnostics.ts';
import type { JsonValue } from '../util/json-value.ts';

/** The spec.yaml model: what wt-compiler's Pydantic `Spec` holds, plus source ranges for the UI. */

export type Reference = { kind: 'workflow'; id: string } | { kind: 'env'; name: string };

/** A `${{ workflow.<id>.return }}` found in an instance, with where it was written. */
export interface DependencyUse {
  id: string;
  /** The whole reference string as written. */
  text: string;
  range: Range;
}

export interface PartialArg {
  name: string;
  value: JsonValue;
  range: Range;
}

/** `map` / `mapvalues`: argnames is always a list here; `argvalues` is the raw value. */
export interface ParallelOperation {
  argnames: string[];
  argvalues: JsonValue;
  range: Range;
}

export interface SkipCondition {
  name: string;
  range: Range;
}

export interface SkipIf {
  conditions: SkipCondition[];
  unpackDepth: number;
  range: Range;
}

export type Method = 'call' | 'map' | 'mapvalues';

export interface TaskInstance {
  kind: 'task';
  id: string;
  /** Schema title; `""` when absent or null. */
  name: string;
  /** Short function name or dotted `public.module.function`. */
  task: string;
  partial: PartialArg[];
  map?: ParallelOperation;
  mapvalues?: ParallelOperation;
  /** The instance's own skipif. */
  skipif?: SkipIf;
  /** Own skipif, else `task-instance-defaults.skipif`. */
  effectiveSkipif?: SkipIf;
  /** Every `workflow.<id>.return` used in partial and map/mapvalues argvalues, in source order. */
  dependencies: DependencyUse[];
  /** Title of the enclosing task group, if any. */
  group?: string;
  range: Range;
  idRange: Range;
  taskRange: Range;
}

export interface TaskGroup {
  kind: 'task-group';
  title: string;
  description: string;
  tasks: TaskInstance[];
  range: Range;
  titleRange: Range;
}

export type WorkflowItem = TaskInstance | TaskGroup;

export interface Channel {
  /** Known channel name, or undefined for a local `file://` channel. */
  name?: string;
  /** Base URL with a trailing slash. */
  baseUrl: string;
}

export interface CondaRequirement {
  kind: 'conda';
  name: string;
  /** Conda match-spec version; `*` when unconstrained. */
  version: string;
  channel: Channel;
  range: Range;
}

export interface PypiRequirement {
  kind: 'pypi';
  name: string;
  git?: string;
  rev?: string;
  branch?: string;
  tag?: string;
  path?: string;
  editable?: boolean;
  url?: string;
  subdirectory?: string;
  extras: string[];
  range: Range;
}

export type Requirement = CondaRequirement | PypiRequirement;

/** One `rjsf-overrides` entry: a dotted path (split on every `.`) and the value that replaces its target. */
export interface Override {
  key: string;
  path: string[];
  value: JsonValue;
  range: Range;
}

export type OverrideSection = 'properties' | '$defs' | 'uiSchema';

export type RjsfOverrides = Record<OverrideSection, Override[]>;

export interface Spec {
  id: string;
  idRange: Range;
  requirements: Requirement[];
  rjsfOverrides: RjsfOverrides;
  taskInstanceDefaults: { skipif?: SkipIf };
  workflow: WorkflowItem[];
}

/** The execution method of an instance. */
export function methodOf(t: TaskInstance): Method {
  return t.map ? 'map' : t.mapvalues ? 'mapvalues' : 'call';
}

/** Task instances in execution order, groups expanded. */
export function flatInstances(spec: Spec): TaskInstance[] {
  return spec.workflow.flatMap((item) => (item.kind === 'task' ? [item] : item.tasks));
}

/** Arguments a spec binds for an instance (partial keys and map/mapvalues argnames), which the form omits. */
export function boundArgs(t: TaskInstance): string[] {
  return [...t.partial.map((p) => p.name), ...(t.map?.argnames ?? []), ...(t.mapvalues?.argnames ?? [])];
}
