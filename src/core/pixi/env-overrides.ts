import { DEFAULT_CHANNEL, KNOWN_CHANNELS, resolveChannel } from '../spec/channels.ts';
import type { Channel } from '../spec/model.ts';
import { isCondaVersionSpec } from '../spec/requirements.ts';
import type { Diagnostic, Severity } from '../util/diagnostics.ts';
import { didYouMean } from '../util/suggest.ts';
import {
  emptySection,
  OVERRIDE_FEATURES,
  sameDistribution,
  type CondaDep,
  type FeatureSection,
  type Origin,
  type OverrideFeature,
  type PypiDep,
} from './deps.ts';
import { dirname, resolvePath } from './paths.ts';
import { TomlKeyLocator } from './toml-locate.ts';
import { isTable, parseToml } from './toml-read.ts';

/**
 * An env-overrides file (`--env-overrides`), or the bundled Layer A defaults, which share its shape:
 * `[feature.<default|runner|test|discovery>.dependencies]` (conda) and `.pypi-dependencies` (PyPI).
 */

export interface EnvOverrides {
  /** The file's path as given; relative `path =` values were resolved against its folder. */
  path: string;
  features: Record<OverrideFeature, FeatureSection>;
}

export interface ParsedEnvOverrides {
  /** Present whenever the text is valid TOML; entries with errors are left out. */
  overrides?: EnvOverrides;
  diagnostics: Diagnostic[];
}

export interface EnvOverridesOptions {
  /** `source` of every diagnostic and entry; default `env-overrides`. */
  source?: string;
  /** Layer the entries belong to; default `override`. */
  origin?: Origin;
  /**
   * The file's real folder is unknown (an upload in the browser): relative `path =` values still
   * resolve against `path`'s folder, with a warning that the CLI would resolve them elsewhere.
   */
  folderUnknown?: boolean;
}

const SECTIONS = ['dependencies', 'pypi-dependencies'];
const CONDA_TABLE_KEYS = ['version', 'channel'];
const PYPI_TABLE_KEYS = ['version', 'git', 'rev', 'branch', 'tag', 'path', 'editable', 'url', 'subdirectory', 'extras'];
const PYPI_SOURCES = ['git', 'path', 'url'] as const;
const GIT_REFS = ['rev', 'branch', 'tag'] as const;
const CONDA_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.+-]*$/;
const PEP508_NAME = /^([A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9])$/;
const PEP440_CLAUSE = String.raw`(?:~=|===|==|!=|<=|>=|<|>)\s*[A-Za-z0-9][A-Za-z0-9.*+!_-]*`;
const PEP440_SPEC = new RegExp(String.raw`^(?:\*|${PEP440_CLAUSE}(?:\s*,\s*${PEP440_CLAUSE})*)$`);

/** Parses env-overrides TOML text; every problem is a positioned diagnostic, nothing throws. */
export function parseEnvOverrides(text: string, path: string, options: EnvOverridesOptions = {}): ParsedEnvOverrides {
  const source = options.source ?? 'env-overrides';
  const parsed = parseToml(text, source, `the env-overrides file \`${path}\``);
  if (!parsed.value) return { diagnostics: parsed.diagnostics };
  const r = new Reader(new TomlKeyLocator(text), source, options.origin ?? 'override', dirname(path), options.folderUnknown ?? false);
  const overrides: EnvOverrides = {
    path,
    features: { default: emptySection(), runner: emptySection(), test: emptySection(), discovery: emptySection() },
  };
  for (const [key, value] of Object.entries(parsed.value)) {
    if (key !== 'feature') {
      r.report('warning', 'ignored-key', [key], `\`${key}\` is ignored: an env-overrides file only has [feature.<name>.dependencies] and [feature.<name>.pypi-dependencies]`);
      continue;
    }
    if (!isTable(value)) {
      r.report('error', 'invalid-feature-table', [key], '`feature` must be a table: write [feature.<name>.dependencies] sections');
      continue;
    }
    for (const [name, body] of Object.entries(value)) {
      if (!(OVERRIDE_FEATURES as readonly string[]).includes(name)) {
        r.report(
          'error',
          'unknown-feature',
          ['feature', name],
          `unknown feature \`${name}\` (env-overrides features are ${OVERRIDE_FEATURES.join(', ')})${didYouMean(name, OVERRIDE_FEATURES)}`,
        );
        continue;
      }
      overrides.features[name as OverrideFeature] = r.feature(name, body);
    }
  }
  return { overrides, diagnostics: r.diagnostics };
}

/** Resolves a conda channel by known name, known base URL, `file://` or any other `scheme://` URL. */
export function resolveOverrideChannel(value: string): Channel | undefined {
  const known = resolveChannel(value);
  if (known) return known;
  const v = value.trim();
  return /^[A-Za-z][A-Za-z0-9+.-]*:\/\/\S+$/.test(v) ? { baseUrl: v.endsWith('/') ? v : v + '/' } : undefined;
}

class Reader {
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    private readonly locator: TomlKeyLocator,
    private readonly source: string,
    private readonly origin: Origin,
    private readonly folder: string,
    private readonly folderUnknown: boolean,
  ) {}

  report(severity: Severity, code: string, path: string[], message: string): void {
    this.diagnostics.push({ severity, code, message, range: this.locator.range(path), source: this.source });
  }

  feature(feature: string, body: unknown): FeatureSection {
    const section = emptySection();
    const at = ['feature', feature];
    if (!isTable(body)) {
      this.report('error', 'invalid-feature-table', at, `[feature.${feature}] must be a table with \`dependencies\` and/or \`pypi-dependencies\``);
      return section;
    }
    for (const [key, value] of Object.entries(body)) {
      if (!SECTIONS.includes(key)) {
        this.report('warning', 'ignored-key', [...at, key], `[feature.${feature}.${key}] is ignored (env-overrides only merge \`dependencies\` and \`pypi-dependencies\`)${didYouMean(key, SECTIONS)}`);
        continue;
      }
      if (!isTable(value)) {
        this.report('error', 'invalid-section', [...at, key], `[feature.${feature}.${key}] must be a table of package = spec entries`);
        continue;
      }
      for (const [name, spec] of Object.entries(value)) {
        const path = [...at, key, name];
        if (key === 'dependencies') {
          const dep = this.conda(feature, name, spec, path);
          if (dep) section.conda.push(dep);
        } else {
          const dep = this.pypi(feature, name, spec, path);
          if (dep) section.pypi.push(dep);
        }
      }
    }
    this.checkDuplicates(feature, section);
    return section;
  }

  private checkDuplicates(feature: string, section: FeatureSection): void {
    for (const p of section.pypi) {
      const c = section.conda.find((d) => sameDistribution(d, p));
      if (c) {
        this.report(
          'error',
          'conda-pypi-conflict',
          ['feature', feature, 'pypi-dependencies', p.name],
          `\`${p.name}\` is in both [feature.${feature}.dependencies] (as \`${c.name}\`) and [feature.${feature}.pypi-dependencies]: keep it in only one of them`,
        );
      }
    }
    for (const list of [section.conda, section.pypi]) {
      list.forEach((d, i) => {
        const first = list.findIndex((o) => sameDistribution(o, d));
        if (first < i) {
          const table = d.kind === 'conda' ? 'dependencies' : 'pypi-dependencies';
          this.report('error', 'duplicate-package', ['feature', feature, table, d.name], `\`${d.name}\` and \`${list[first].name}\` name the same package in [feature.${feature}.${table}]: keep one`);
        }
      });
    }
  }

  private conda(feature: string, name: string, value: unknown, path: string[]): CondaDep | undefined {
    const where = `[feature.${feature}.dependencies] \`${name}\``;
    if (!CONDA_NAME.test(name)) {
      this.report('error', 'invalid-package-name', path, `\`${name}\` is not a valid conda package name`);
      return undefined;
    }
    let version: unknown = '*';
    let channelValue: unknown = DEFAULT_CHANNEL.name;
    if (typeof value === 'string') {
      version = value;
    } else if (isTable(value)) {
      for (const key of Object.keys(value)) {
        if (!CONDA_TABLE_KEYS.includes(key)) {
          this.report('warning', 'ignored-key', [...path, key], `\`${key}\` of ${where} is ignored: only \`version\` and \`channel\` are supported`);
        }
      }
      if ('version' in value) version = value.version;
      if ('channel' in value) channelValue = value.channel;
    } else {
      this.report('error', 'invalid-entry', path, `${where} must be a version string (e.g. ">=1.2,<2") or a table { version = "…", channel = "…" }`);
      return undefined;
    }
    if (typeof version !== 'string' || !isCondaVersionSpec(version)) {
      this.report('error', 'invalid-version', [...path, 'version'], `the version of ${where} must be a conda version constraint such as "2.13.0", ">=1.2,<2" or "*"`);
      return undefined;
    }
    const channel = typeof channelValue === 'string' ? resolveOverrideChannel(channelValue) : undefined;
    if (!channel) {
      this.report(
        'error',
        'unknown-channel',
        [...path, 'channel'],
        `unknown channel ${JSON.stringify(channelValue)} for ${where}: use a channel URL or one of ${KNOWN_CHANNELS.map((c) => c.name).join(', ')}`,
      );
      return undefined;
    }
    return { kind: 'conda', name, version: version.trim(), channel, origin: this.origin, range: this.locator.range(path), source: this.source };
  }

  private pypi(feature: string, name: string, value: unknown, path: string[]): PypiDep | undefined {
    const where = `[feature.${feature}.pypi-dependencies] \`${name}\``;
    if (!PEP508_NAME.test(name)) {
      this.report('error', 'invalid-package-name', path, `\`${name}\` is not a valid PyPI distribution name`);
      return undefined;
    }
    const dep: PypiDep = { kind: 'pypi', name, extras: [], origin: this.origin, range: this.locator.range(path), source: this.source };
    if (typeof value === 'string') {
      return this.pep440(value, where, path) ? { ...dep, version: value.trim() } : undefined;
    }
    if (!isTable(value)) {
      this.report('error', 'invalid-entry', path, `${where} must be a version string (e.g. ">=1.0") or a table such as { path = "../pkg", editable = true }`);
      return undefined;
    }
    let ok = true;
    const fail = (key: string, code: string, message: string) => {
      this.report('error', code, [...path, key], message);
      ok = false;
    };
    for (const [key, v] of Object.entries(value)) {
      if (!PYPI_TABLE_KEYS.includes(key)) {
        this.report('warning', 'ignored-key', [...path, key], `\`${key}\` of ${where} is ignored (supported: ${PYPI_TABLE_KEYS.join(', ')})${didYouMean(key, PYPI_TABLE_KEYS)}`);
      } else if (key === 'editable') {
        if (typeof v === 'boolean') dep.editable = v;
        else fail(key, 'invalid-value', `\`editable\` of ${where} must be true or false`);
      } else if (key === 'extras') {
        if (Array.isArray(v) && v.every((x): x is string => typeof x === 'string')) dep.extras = [...v];
        else fail(key, 'invalid-value', `\`extras\` of ${where} must be a list of strings, e.g. ["gcp"]`);
      } else if (typeof v === 'string') {
        dep[key as 'version' | 'git' | 'rev' | 'branch' | 'tag' | 'path' | 'url' | 'subdirectory'] = v;
      } else {
        fail(key, 'invalid-value', `\`${key}\` of ${where} must be a string`);
      }
    }
    // In written order, so a conflict is reported at the second key the user wrote.
    const written = Object.keys(value);
    const sources = written.filter((k) => (PYPI_SOURCES as readonly string[]).includes(k));
    const refs = written.filter((k) => (GIT_REFS as readonly string[]).includes(k));
    if (sources.length > 1) fail(sources[1], 'pypi-source-conflict', `${where} has ${sources.map((s) => `\`${s}\``).join(' and ')}: give exactly one of git, path, url`);
    if (sources.length === 0 && refs.length === 0 && !('version' in value)) {
      this.report('error', 'missing-source', path, `${where} needs one of \`git\`, \`path\`, \`url\` or \`version\``);
      ok = false;
    }
    if (refs.length > 0 && !('git' in value)) fail(refs[0], 'git-ref-without-git', `\`${refs[0]}\` is only valid with \`git\` in ${where}`);
    else if (refs.length > 1) fail(refs[1], 'git-ref-conflict', `${where} has ${refs.map((s) => `\`${s}\``).join(' and ')}: give at most one of rev, branch, tag`);
    if ('editable' in value && !('path' in value)) fail('editable', 'editable-without-path', `\`editable\` is only valid with \`path\` in ${where}`);
    if (dep.version !== undefined) {
      if (sources.length > 0) {
        this.report('warning', 'ignored-key', [...path, 'version'], `\`version\` of ${where} is ignored next to \`${sources[0]}\`: pixi takes the version from the source`);
        delete dep.version;
      } else if (!this.pep440(dep.version, where, [...path, 'version'])) ok = false;
    }
    if (dep.path !== undefined) {
      if (dep.path.startsWith('file://')) fail('path', 'path-is-url', `\`path\` of ${where} must be a filesystem path, not a file:// URL: write "${dep.path.slice('file://'.length)}"`);
      else {
        if (this.folderUnknown && !/^(\/|[A-Za-z]:[\\/])/.test(dep.path)) {
          this.report(
            'warning',
            'relative-path',
            [...path, 'path'],
            `\`path\` of ${where} is relative, and the browser cannot know which folder the env-overrides file is in: pixi.toml gets "${resolvePath(this.folder, dep.path)}" where \`compile --env-overrides\` would write a path under the file's folder. Write an absolute path to get the CLI's bytes.`,
          );
        }
        dep.path = resolvePath(this.folder, dep.path);
      }
    }
    return ok ? dep : undefined;
  }

  private pep440(version: string, where: string, path: string[]): boolean {
    const v = version.trim();
    if (PEP440_SPEC.test(v)) return true;
    const hint = /^[0-9]/.test(v) ? `; for an exact version write "==${v}"` : '';
    this.report('error', 'invalid-version', path, `${JSON.stringify(version)} is not a PEP 440 version specifier for ${where} (e.g. ">=1.0,<2" or "*")${hint}`);
    return false;
  }
}
