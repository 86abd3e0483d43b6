import type { SkipIf, Spec, TaskInstance } from '../../spec/index.ts';
import { obj, type JsonObject, type JsonValue } from '../../util/json-value.ts';
import { dumpPythonJson } from '../../util/python-json.ts';
import { sha256Hex } from '../../util/sha256.ts';
import { FILE_HEADER } from '../../util/file-header.ts';
import type { KnownTask } from '../../registry/index.ts';
import type { ResolvedInstance } from '../task-schema.ts';

/**
 * The README fingerprint block (wt-compiler §5.5). `params_sha256` is wt-compiler's, exactly.
 * `spec_sha256` and the artifact hashes are our own definitions (wt-compiler's hash Pydantic dumps
 * and ruff output, which cannot be reproduced outside Python): see the README.
 */

export interface Fingerprint {
  artifacts_sha256_basic: string;
  artifacts_sha256_strict: string;
  installed_requirements: Array<{ channel: string; name: string; version: string }>;
  params_sha256: string;
  spec_sha256: string;
}

/** Files no artifact hash covers: the README holds the hashes, VERSION.yaml and the lock follow from them, graphs are pictures. */
const NEVER_HASHED = /^(README\.md|VERSION\.yaml|pixi\.lock|graph\.(dot|svg|png))$/;
/** Left out of the basic hash only: they change with the build environment, not the workflow. */
const STRICT_ONLY = /^(Dockerfile|pixi\.toml)$/;

/**
 * sha256 of the sorted-key JSON `{path: sha256(content)}` over the package files, without the
 * README, VERSION.yaml, pixi.lock and graphs; the basic hash also leaves out Dockerfile and pixi.toml.
 */
export async function artifactsSha256(files: Array<{ path: string; text: string | Uint8Array }>): Promise<{ basic: string; strict: string }> {
  const hashed = files.filter((f) => !NEVER_HASHED.test(f.path));
  const digests = await Promise.all(hashed.map((f) => sha256Hex(f.text)));
  const strict: JsonObject = new Map(hashed.map((f, i) => [f.path, digests[i]]));
  const basic: JsonObject = new Map([...strict].filter(([path]) => !STRICT_ONLY.test(path)));
  const [b, s] = await Promise.all([sha256Hex(dumpPythonJson(basic, { sortKeys: true })), sha256Hex(dumpPythonJson(strict, { sortKeys: true }))]);
  return { basic: b, strict: s };
}

/**
 * sha256 of the sorted-key JSON of the spec without its requirements: id, overrides, defaults and
 * the workflow, each instance with its resolved task path and effective skipif, plus the digest of
 * every used task's schema (so a changed task signature changes the hash, as upstream's does).
 */
export async function specSha256(spec: Spec, resolved: ResolvedInstance[]): Promise<string> {
  const tasks = new Map(resolved.map((r) => [r.instance, r.task]));
  const used = [...new Set(tasks.values())];
  const digests = await Promise.all(used.map(schemaDigest));
  const schemaDigests: JsonObject = new Map(used.map((task, i) => [task.importableReference, digests[i]]));
  const instance = (t: TaskInstance): JsonObject => {
    const op = (o: TaskInstance['map']) => (o ? obj([['argnames', o.argnames], ['argvalues', o.argvalues]]) : null);
    return obj([
      ['id', t.id],
      ['name', t.name],
      ['task', tasks.get(t)?.importableReference ?? t.task],
      ['partial', new Map(t.partial.map((p) => [p.name, p.value]))],
      ['map', op(t.map)],
      ['mapvalues', op(t.mapvalues)],
      ['skipif', skipIf(t.effectiveSkipif)],
    ]);
  };
  const overrides = obj(
    (['properties', '$defs', 'uiSchema'] as const).map((s) => [s, new Map(spec.rjsfOverrides[s].map((o) => [o.key, o.value]))]),
  );
  const canonical = obj([
    ['id', spec.id],
    ['rjsf-overrides', overrides],
    ['task-instance-defaults', obj([['skipif', skipIf(spec.taskInstanceDefaults.skipif)]])],
    ['task_schemas_sha256', schemaDigests],
    [
      'workflow',
      spec.workflow.map((item) =>
        item.kind === 'task' ? instance(item) : obj([['type', 'task-group'], ['title', item.title], ['description', item.description], ['tasks', item.tasks.map(instance)]]),
      ),
    ],
  ]);
  return sha256Hex(dumpPythonJson(canonical, { sortKeys: true }));
}

// A loaded registry never changes, so each task's schema is serialised and hashed once per load.
const schemaDigests = new WeakMap<KnownTask, Promise<string>>();

function schemaDigest(task: KnownTask): Promise<string> {
  let digest = schemaDigests.get(task);
  if (!digest) {
    digest = sha256Hex(dumpPythonJson(task.jsonSchema, { sortKeys: true }));
    schemaDigests.set(task, digest);
  }
  return digest;
}

function skipIf(s: SkipIf | undefined): JsonValue {
  return s ? obj([['conditions', s.conditions.map((c) => c.name)], ['unpack_depth', s.unpackDepth]]) : null;
}

/**
 * Direct conda requirements as the fingerprint lists them. wt-compiler records the solved
 * `==version`; without a solver we record an exact spec version as `==x` and a range as written.
 */
export function installedRequirements(spec: Spec): Fingerprint['installed_requirements'] {
  return spec.requirements.flatMap((r) => {
    if (r.kind !== 'conda') return [];
    const channel = r.channel.name === 'conda-forge' || r.channel.name === 'microsoft' ? r.channel.name : r.channel.baseUrl;
    const version = /^[0-9][0-9A-Za-z._+!]*$/.test(r.version) ? `==${r.version}` : r.version;
    return [{ channel, name: r.name, version }];
  });
}

/** README.md with the fingerprint block, byte-compatible with wt-compiler's layout (which shows graph.png). */
export function readmeText(f: Fingerprint, releaseName: string, graphFile = 'graph.png'): string {
  const reqs = f.installed_requirements
    .map((r) => `- channel: ${yamlScalar(r.channel)}\n  name: ${yamlScalar(r.name)}\n  version: {version: ${yamlScalar(r.version)}}\n`)
    .join('');
  return (
    '```\n' +
    `${FILE_HEADER}\n\n` +
    '```\n\n' +
    '```yaml\n# fingerprint:\n' +
    `artifacts_sha256_basic: ${f.artifacts_sha256_basic}\n` +
    `artifacts_sha256_strict: ${f.artifacts_sha256_strict}\n` +
    (reqs ? `installed_requirements:\n${reqs}` : 'installed_requirements: []\n') +
    `params_sha256: ${f.params_sha256}\n` +
    `spec_sha256: ${f.spec_sha256}\n\n` +
    '```\n\n' +
    `# ${releaseName}\n\n![](${graphFile})\n`
  );
}

/** Reads `key: value` lines of a README's fingerprint block (only the hashes are needed to bump). */
export function readFingerprintHashes(readme: string): Partial<Record<'params_sha256' | 'spec_sha256' | 'artifacts_sha256_basic' | 'artifacts_sha256_strict', string>> {
  const block = /```yaml\n# fingerprint:\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  const out: Record<string, string> = {};
  for (const m of block.matchAll(/^(params_sha256|spec_sha256|artifacts_sha256_basic|artifacts_sha256_strict): ([0-9a-f]{64})$/gm)) out[m[1]] = m[2];
  return out;
}

/** A YAML plain scalar where that is unambiguous, else single-quoted. */
function yamlScalar(s: string): string {
  const plain = /^[A-Za-z0-9_/.=][A-Za-z0-9_/.:=+!-]*$/.test(s) && !/^(true|false|null|~|yes|no|on|off|[-+]?[0-9.]+([eE][-+]?[0-9]+)?)$/i.test(s);
  return plain ? s : `'${s.replaceAll("'", "''")}'`;
}
