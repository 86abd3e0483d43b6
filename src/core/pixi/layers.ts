import { DEFAULT_CHANNEL } from '../spec/channels.ts';
import type { Requirement } from '../spec/model.ts';
import { DOCUMENT_START, type Diagnostic } from '../util/diagnostics.ts';
import {
  emptySection,
  fromRequirement,
  PIXI_FEATURES,
  sameDistribution,
  type CondaDep,
  type Dep,
  type FeatureSection,
  type PixiFeature,
} from './deps.ts';
import type { EnvOverrides } from './env-overrides.ts';

/**
 * The three dependency layers of pixi.toml (wt-compiler.md §6): A = bundled defaults, B = the spec's
 * `requirements:` (suppress same-named defaults), C = --env-overrides (displace everything below them).
 */

export type Variant = 'gcp';

/** Package names that get a `-<variant>` suffix in their Layer A entries. */
export const VARIANT_PACKAGES = ['wt-task', 'wt-runner'];

export interface LayerInput {
  /** Layer B: the spec's requirements (they belong to the default feature). */
  requirements: readonly Requirement[];
  /** Layer B too: names the discovery solve installed transitively; they only suppress defaults. */
  installedNames?: readonly string[];
  /** Layer A: parsed default-env-injections.toml. */
  defaults: EnvOverrides;
  /** Layer C: a parsed --env-overrides file. */
  overrides?: EnvOverrides;
  variant?: Variant;
}

export type MergedFeatures = Record<PixiFeature, FeatureSection>;

export interface PixiEnvironment {
  name: string;
  features: PixiFeature[];
  noDefaultFeature: boolean;
}

/** The environments every compiled package has (the default feature is implicit in `default`). */
export const ENVIRONMENTS: readonly PixiEnvironment[] = [
  { name: 'default', features: [], noDefaultFeature: false },
  { name: 'runner', features: ['runner'], noDefaultFeature: true },
  { name: 'test', features: ['runner', 'test'], noDefaultFeature: true },
];

/** The conda interpreter pixi needs in an environment that has PyPI dependencies only. */
export const PYTHON_FOR_PYPI: Omit<CondaDep, 'range'> = {
  kind: 'conda',
  name: 'python',
  version: '>=3.10,<4.0',
  channel: DEFAULT_CHANNEL,
  origin: 'defaults',
};

/** Merges layers A, B and C per feature, applies the variant, then injects `python` where PyPI stands alone. */
export function mergeLayers(input: LayerInput): { features: MergedFeatures; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const spec = dedupeSpec(input.requirements.map(fromRequirement), diagnostics);
  const installed = (input.installedNames ?? []).map((name) => ({ kind: 'conda' as const, name }));
  const features = {} as MergedFeatures;
  for (const feature of PIXI_FEATURES) {
    const fromSpec = feature === 'default' ? spec : [];
    const overrides = input.overrides?.features[feature] ?? emptySection();
    const top = [...overrides.conda, ...overrides.pypi];
    const defaults = [...input.defaults.features[feature].conda, ...input.defaults.features[feature].pypi].filter(
      (d) => ![...spec, ...installed, ...top].some((o) => sameDistribution(o, d)),
    );
    const kept = fromSpec.filter((s) => {
      const o = top.find((t) => sameDistribution(t, s));
      if (o) diagnostics.push(displacedWarning(feature, o, s));
      return !o;
    });
    const all = applyVariant([...kept, ...defaults, ...top], input.variant);
    features[feature] = {
      conda: all.filter((d): d is CondaDep => d.kind === 'conda'),
      pypi: all.filter((d) => d.kind === 'pypi'),
    };
  }
  injectPython(features);
  return { features, diagnostics };
}

/** Keeps the last of spec requirements that name the same package, with a warning on the earlier one. */
function dedupeSpec(deps: Dep[], diagnostics: Diagnostic[]): Dep[] {
  return deps.filter((d, i) => {
    const later = deps.slice(i + 1).find((o) => o.kind === d.kind && sameDistribution(o, d));
    if (later) {
      diagnostics.push({
        severity: 'warning',
        code: 'duplicate-requirement',
        message: `\`${d.name}\` is listed again at line ${later.range.start.line}; the later entry wins: remove this one`,
        range: d.range,
      });
    }
    return !later;
  });
}

function displacedWarning(feature: PixiFeature, override: Dep, spec: Dep): Diagnostic {
  const table = override.kind === 'conda' ? 'dependencies' : 'pypi-dependencies';
  const d: Diagnostic = {
    severity: 'warning',
    code: 'override-replaces-requirement',
    message:
      `[feature.${feature}.${table}] \`${override.name}\` replaces the spec requirement \`${spec.name}\` ` +
      `(spec line ${spec.range.start.line}); remove one of them if that is not intended`,
    range: override.range,
  };
  if (override.source !== undefined) d.source = override.source;
  return d;
}

/** Renames Layer A `wt-task`/`wt-runner` after the merge; a rename that would duplicate another entry is dropped. */
function applyVariant(deps: Dep[], variant: Variant | undefined): Dep[] {
  if (!variant) return deps;
  const renamed = deps.map((d) =>
    d.origin === 'defaults' && d.kind === 'conda' && VARIANT_PACKAGES.includes(d.name) ? { ...d, name: `${d.name}-${variant}` } : d,
  );
  return renamed.filter((d, i) => d === deps[i] || !renamed.some((o, j) => j !== i && sameDistribution(o, d)));
}

/** Adds conda `python` to an environment that would otherwise have PyPI dependencies and no conda ones. */
function injectPython(features: MergedFeatures): void {
  for (const env of ENVIRONMENTS) {
    const sections = env.noDefaultFeature ? env.features.map((f) => features[f]) : [features.default];
    const target = sections[0];
    if (!target) continue;
    const conda = sections.some((s) => s.conda.length > 0);
    const pypi = sections.some((s) => s.pypi.length > 0);
    if (pypi && !conda) target.conda.push({ ...PYTHON_FOR_PYPI, range: DOCUMENT_START });
  }
}
