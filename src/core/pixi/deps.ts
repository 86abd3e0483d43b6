import type { Channel, CondaRequirement, PypiRequirement } from '../spec/model.ts';
import type { Range } from '../util/diagnostics.ts';

/** Dependency entries of the generated pixi.toml, per feature, with where each one came from. */

/** Features an env-overrides file may name; `discovery` is compiler-only and never reaches pixi.toml. */
export const OVERRIDE_FEATURES = ['default', 'runner', 'test', 'discovery'] as const;
export type OverrideFeature = (typeof OVERRIDE_FEATURES)[number];

/** Features that become part of pixi.toml (`default` is the top-level tables). */
export const PIXI_FEATURES = ['default', 'runner', 'test'] as const;
export type PixiFeature = (typeof PIXI_FEATURES)[number];

/** `defaults` = Layer A, `spec` = Layer B (requirements:), `override` = Layer C (--env-overrides). */
export type Origin = 'defaults' | 'spec' | 'override';

interface DepBase {
  name: string;
  origin: Origin;
  /** Where the entry was written. */
  range: Range;
  /** Which input `range` points into (`env-overrides`, …); omitted for the spec. */
  source?: string;
}

export interface CondaDep extends DepBase {
  kind: 'conda';
  /** Conda version constraint as written; `*` when unconstrained. */
  version: string;
  channel: Channel;
}

/** A PyPI entry: the spec's source fields (`path` absolute or resolved against the overrides file's folder). */
export interface PypiDep extends DepBase, Omit<PypiRequirement, 'name' | 'range'> {
  /** PEP 440 specifier of a plain index requirement (env-overrides only). */
  version?: string;
}

export type Dep = CondaDep | PypiDep;

export interface FeatureSection {
  conda: CondaDep[];
  pypi: PypiDep[];
}

/** An empty feature section. */
export function emptySection(): FeatureSection {
  return { conda: [], pypi: [] };
}

/** PEP 503 normalisation: lower case, runs of `-`, `_`, `.` become one `-`. */
export function normalizePypiName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/**
 * True when two entries name the same distribution: conda names compare case-insensitively;
 * as soon as a PyPI name is involved, `_`, `-` and `.` are equivalent too.
 */
export function sameDistribution(a: Pick<Dep, 'kind' | 'name'>, b: Pick<Dep, 'kind' | 'name'>): boolean {
  if (a.kind === 'conda' && b.kind === 'conda') return a.name.toLowerCase() === b.name.toLowerCase();
  return normalizePypiName(a.name) === normalizePypiName(b.name);
}

/** A spec `requirements:` entry as a Layer B dependency. */
export function fromRequirement(req: CondaRequirement | PypiRequirement): Dep {
  if (req.kind === 'conda') {
    return { kind: 'conda', name: req.name, version: req.version, channel: req.channel, origin: 'spec', range: req.range };
  }
  const { range, extras, name, kind: _kind, ...source } = req;
  return { kind: 'pypi', name, ...source, extras: [...extras], origin: 'spec', range };
}
