import JSZip from 'jszip';
import { reproducibleZip } from '../../core/util/zip.ts';
import { FILE_NAMES, roleOf, type FileRole } from './model.ts';

/**
 * The two zips the app reads and writes: a compiled workflow package (ours or wt-compiler's), read
 * for comparison and version bumps, and a workspace zip (its files under their usual names), the
 * way to share a workspace too large for a link.
 */

export interface OpenedPackage {
  name: string;
  /** Files with their paths inside the zip (`<release_name>/…`), text files only. */
  files: Array<{ path: string; text: string }>;
  previous: { readme?: string; versionYaml?: string; pixiLock?: string };
}

export type OpenedZip = { package: OpenedPackage } | { workspace: Partial<Record<FileRole, string>> } | { error: string };

const TEXT = /\.(py|json|ya?ml|toml|md|dot|svg|txt|lock|cfg|ini)$|(^|\/)(Dockerfile|\.dockerignore)$/;

/** A workspace as a zip of spec.yaml, registry.json, env-overrides.toml and test-cases.yaml. */
export function workspaceZip(files: Partial<Record<FileRole, string>>): Promise<Uint8Array> {
  return reproducibleZip(
    (Object.entries(files) as Array<[FileRole, string | undefined]>).flatMap(([role, text]) => (text === undefined ? [] : [{ path: FILE_NAMES[role], content: text }])),
  );
}

/** What a zip holds: a compiled package, workspace files, or an error saying it is neither. */
export async function readZip(name: string, bytes: ArrayBuffer): Promise<OpenedZip> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return { error: `${name} is not a readable zip file.` };
  }
  const entries = Object.values(zip.files).filter((f) => !f.dir && TEXT.test(f.name));
  const files = await Promise.all(entries.map(async (f) => ({ path: f.name, text: await f.async('string') })));
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  // A package's release folder is the one holding VERSION.yaml.
  const version = files.find((f) => /(^|\/)VERSION\.yaml$/.test(f.path));
  if (version) {
    const root = version.path.slice(0, -'VERSION.yaml'.length);
    const at = (p: string) => files.find((f) => f.path === root + p)?.text;
    return { package: { name, files, previous: { versionYaml: version.text, readme: at('README.md'), pixiLock: at('pixi.lock') } } };
  }
  const workspace: Partial<Record<FileRole, string>> = {};
  for (const [role, fileName] of Object.entries(FILE_NAMES) as Array<[FileRole, string]>) {
    const f = files.find((entry) => entry.path === fileName);
    if (f && roleOf(f.path, f.text) === role) workspace[role] = f.text;
  }
  if (Object.keys(workspace).length > 0) return { workspace };
  return { error: `${name} holds neither a compiled workflow package (no VERSION.yaml) nor workspace files (${Object.values(FILE_NAMES).join(', ')}).` };
}
