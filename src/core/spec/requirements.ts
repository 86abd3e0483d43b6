import type { Range } from '../util/diagnostics.ts';
import { didYouMean } from '../util/suggest.ts';
import { isScalarNode, type YamlReader, type YNode, type YPair } from '../util/yaml-reader.ts';
import { DEFAULT_CHANNEL, KNOWN_CHANNELS, resolveChannel } from './channels.ts';
import type { Channel, CondaRequirement, PypiRequirement, Requirement } from './model.ts';

/** `requirements:` entries: conda `{name, version, channel}` / `{requirement: MatchSpec}` or PyPI git/path/url. */

const CONDA_KEYS = ['name', 'version', 'channel'];
const PYPI_KEYS = ['name', 'git', 'rev', 'branch', 'tag', 'path', 'editable', 'url', 'subdirectory', 'extras'];
const PYPI_SOURCES = ['git', 'path', 'url'] as const;

const CONDA_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.+-]*$/;
const PEP508_NAME = /^([A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9])$/;
const VERSION_CONSTRAINT = String.raw`(?:==|!=|<=|>=|<|>|~=|=)?\s*[0-9A-Za-z*][0-9A-Za-z._*+!-]*`;
const VERSION_SPEC = new RegExp(String.raw`^${VERSION_CONSTRAINT}(?:\s*[,|]\s*${VERSION_CONSTRAINT})*$`);

/** True for a conda version constraint such as `2.13.0`, `>=0.22.12, <0.23.0` or `*`. */
export function isCondaVersionSpec(s: string): boolean {
  return VERSION_SPEC.test(s.trim());
}

/** Splits a conda MatchSpec `[channel::]name[ version]` (also `name>=1.0`) into its parts. */
export function parseMatchSpec(spec: string): { channel?: string; name: string; version: string } | { error: string } {
  let s = spec.trim();
  let channel: string | undefined;
  const sep = s.indexOf('::');
  if (sep >= 0) {
    channel = s.slice(0, sep);
    s = s.slice(sep + 2);
  }
  const m = /^([A-Za-z0-9_][A-Za-z0-9_.+-]*?)(?=$|\s|[<>=!~])\s*(.*)$/.exec(s);
  if (!m) return { error: `\`${spec}\` is not a conda match spec: expected \`name\`, \`name version\` or \`channel::name version\`` };
  const version = m[2].trim() || '*';
  if (!isCondaVersionSpec(version)) {
    return { error: `\`${version}\` in \`${spec}\` is not a conda version constraint (e.g. \`2.13.0\`, \`>=1.2,<2\`, \`*\`)` };
  }
  return channel === undefined ? { name: m[1], version } : { channel, name: m[1], version };
}

/** Reads the `requirements` list. */
export function readRequirements(r: YamlReader, node: YNode | undefined): Requirement[] {
  const seq = r.seq(node, '`requirements`');
  if (!seq) return [];
  const out: Requirement[] = [];
  for (const item of r.items(seq)) {
    const req = readRequirement(r, item);
    if (req) out.push(req);
  }
  return out;
}

function readRequirement(r: YamlReader, node: YNode | undefined): Requirement | undefined {
  const range = r.range(node);
  const text = isScalarNode(node) ? r.scalar(node) : undefined;
  if (typeof text === 'string') return fromMatchSpec(r, node!, text, range);
  const map = r.map(node, 'a requirement');
  if (!map) return undefined;
  const fields = new Map(r.pairs(map).map((p) => [p.key, p] as const));
  if (PYPI_SOURCES.some((k) => fields.has(k))) return readPypi(r, fields, range);
  if (fields.has('requirement')) {
    for (const [k, p] of fields) {
      if (k !== 'requirement') r.error(p.pair, 'unknown-key', `\`${k}\` cannot be combined with \`requirement\`: put everything in the match spec`);
    }
    const spec = r.string(fields.get('requirement')!.value, '`requirement`');
    return spec === undefined ? undefined : fromMatchSpec(r, fields.get('requirement')!.value!, spec, range);
  }
  return readConda(r, fields, range);
}

type Fields = Map<string, { key: string; pair: YPair; value: YNode | undefined }>;

function checkKeys(r: YamlReader, fields: Fields, allowed: string[], what: string): void {
  for (const [k, p] of fields) {
    if (!allowed.includes(k)) {
      r.error(p.pair, 'unknown-key', `unknown key \`${k}\` in ${what}${didYouMean(k, allowed)} (allowed: ${allowed.join(', ')})`);
    }
  }
}

function fromMatchSpec(r: YamlReader, node: YNode, spec: string, range: Range): CondaRequirement | undefined {
  const parsed = parseMatchSpec(spec);
  if ('error' in parsed) {
    r.error(node, 'invalid-match-spec', parsed.error);
    return undefined;
  }
  const channel = parsed.channel === undefined ? DEFAULT_CHANNEL : channelOrError(r, node, parsed.channel);
  if (!channel) return undefined;
  return { kind: 'conda', name: parsed.name, version: parsed.version, channel, range };
}

function channelOrError(r: YamlReader, node: YNode | undefined, value: string): Channel | undefined {
  const channel = resolveChannel(value);
  if (!channel) {
    r.error(
      node,
      'unknown-channel',
      `unknown conda channel \`${value}\`${didYouMean(value, KNOWN_CHANNELS.map((c) => c.name))}; known channels: ${KNOWN_CHANNELS.map((c) => c.name).join(', ')} (by name or base URL) or a local file:// channel`,
    );
  }
  return channel;
}

function readConda(r: YamlReader, fields: Fields, range: Range): CondaRequirement | undefined {
  checkKeys(r, fields, CONDA_KEYS, 'a conda requirement (PyPI requirements need one of git, path, url)');
  const nameField = fields.get('name');
  if (!nameField) {
    r.error(range, 'missing-key', 'a conda requirement needs `name` (or a single `requirement: "<match spec>"`)');
    return undefined;
  }
  const name = r.string(nameField.value, 'the requirement `name`');
  if (name !== undefined && !CONDA_NAME.test(name)) r.error(nameField.value, 'invalid-package-name', `\`${name}\` is not a valid conda package name`);
  let version = '*';
  const versionField = fields.get('version');
  if (versionField) {
    const v = r.string(versionField.value, `the version of \`${name ?? '?'}\``);
    if (v !== undefined) {
      if (isCondaVersionSpec(v)) version = v.trim();
      else r.error(versionField.value, 'invalid-version', `\`${v}\` is not a conda version constraint (e.g. \`2.13.0\`, \`>=1.2,<2\`, \`*\`)`);
    }
  } else {
    r.error(range, 'missing-key', `conda requirement \`${name ?? '?'}\` needs a \`version\` (use \`"*"\` for any version)`);
  }
  let channel: Channel | undefined = DEFAULT_CHANNEL;
  const channelField = fields.get('channel');
  if (channelField) {
    const c = r.string(channelField.value, 'the channel');
    channel = c === undefined ? undefined : channelOrError(r, channelField.value, c);
  }
  if (name === undefined || channel === undefined) return undefined;
  return { kind: 'conda', name, version, channel, range };
}

function readPypi(r: YamlReader, fields: Fields, range: Range): PypiRequirement | undefined {
  checkKeys(r, fields, PYPI_KEYS, 'a PyPI requirement');
  const nameField = fields.get('name');
  const name = nameField ? r.string(nameField.value, 'the requirement `name`') : undefined;
  if (!nameField) r.error(range, 'missing-key', 'a PyPI requirement needs `name`');
  else if (name !== undefined && !PEP508_NAME.test(name)) r.error(nameField.value, 'invalid-package-name', `\`${name}\` is not a valid PyPI distribution name`);
  const label = `PyPI requirement \`${name ?? '?'}\``;
  const req: PypiRequirement = { kind: 'pypi', name: name ?? '', extras: [], range };
  const str = (k: 'git' | 'rev' | 'branch' | 'tag' | 'path' | 'url' | 'subdirectory') => {
    const f = fields.get(k);
    if (!f) return;
    const v = r.string(f.value, `\`${k}\` of ${label}`);
    if (v !== undefined) req[k] = v;
  };
  for (const k of ['git', 'rev', 'branch', 'tag', 'path', 'url', 'subdirectory'] as const) str(k);

  const sources = PYPI_SOURCES.filter((k) => fields.has(k));
  if (sources.length > 1) {
    r.error(fields.get(sources[1])!.pair, 'pypi-source-conflict', `${label} has ${sources.map((s) => `\`${s}\``).join(' and ')}: give exactly one of git, path, url`);
  }
  const gitRefs = (['rev', 'branch', 'tag'] as const).filter((k) => fields.has(k));
  if (gitRefs.length > 0 && !fields.has('git')) {
    r.error(fields.get(gitRefs[0])!.pair, 'git-ref-without-git', `\`${gitRefs[0]}\` is only valid with \`git\` in ${label}`);
  } else if (gitRefs.length > 1) {
    r.error(fields.get(gitRefs[1])!.pair, 'git-ref-conflict', `${label} has ${gitRefs.map((s) => `\`${s}\``).join(' and ')}: give at most one of rev, branch, tag`);
  }
  const editable = fields.get('editable');
  if (editable) {
    const v = r.bool(editable.value, `\`editable\` of ${label}`);
    if (v !== undefined) req.editable = v;
    if (!fields.has('path')) r.error(editable.pair, 'editable-without-path', `\`editable\` is only valid with \`path\` in ${label}`);
  }
  if (req.path !== undefined) {
    const p = fields.get('path')!.value;
    if (req.path.startsWith('file://')) {
      r.error(p, 'path-is-url', `\`path\` of ${label} must be a filesystem path, not a file:// URL: write \`${req.path.slice('file://'.length) || '/path/to/package'}\``);
    } else if (!isAbsolutePath(req.path)) {
      r.error(p, 'relative-path', `\`path\` of ${label} must be absolute (e.g. \`/home/user/${name || 'my-package'}\`); relative paths are not supported`);
    }
  }
  if (req.url !== undefined && !/^https?:\/\//.test(req.url)) {
    r.warning(fields.get('url')!.value, 'unusual-url', `\`url\` of ${label} is usually an http(s) URL to a wheel or sdist`);
  }
  const extras = fields.get('extras');
  if (extras) {
    const seq = r.seq(extras.value, `\`extras\` of ${label}`);
    for (const item of seq ? r.items(seq) : []) {
      const v = r.string(item, 'an extra');
      if (v !== undefined) req.extras.push(v);
    }
  }
  return name === undefined ? undefined : req;
}

/** POSIX `/…` or Windows `C:\…` / `\\server\…`, as Python's `os.path.isabs` accepts on either platform. */
function isAbsolutePath(p: string): boolean {
  return p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\');
}

