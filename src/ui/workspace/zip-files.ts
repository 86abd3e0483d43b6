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

/**
 * Limits for zips from outside: a zip bomb (a 2 MB zip with a 2 GB entry) must be refused before it
 * is inflated. A compiled package holds a few dozen files, pixi.lock being the largest (a few MB).
 */
export const ZIP_LIMITS = { entries: 2_000, entryBytes: 32 * 1024 * 1024, totalBytes: 64 * 1024 * 1024, zipBytes: 64 * 1024 * 1024 };

const TEXT = /\.(py|json|ya?ml|toml|md|dot|svg|txt|lock|cfg|ini)$|(^|\/)(Dockerfile|\.dockerignore)$/;

/** A workspace as a zip of spec.yaml, registry.json, env-overrides.toml and test-cases.yaml. */
export function workspaceZip(files: Partial<Record<FileRole, string>>): Promise<Uint8Array> {
  return reproducibleZip(
    (Object.entries(files) as Array<[FileRole, string | undefined]>).flatMap(([role, text]) => (text === undefined ? [] : [{ path: FILE_NAMES[role], content: text }])),
  );
}

/** What a zip holds: a compiled package, workspace files, or an error saying it is neither. */
export async function readZip(name: string, bytes: ArrayBuffer, limits = ZIP_LIMITS): Promise<OpenedZip> {
  const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
  if (bytes.byteLength > limits.zipBytes) return { error: `${name} is larger than ${mb(limits.zipBytes)}: it is not opened.` };
  // The entry count comes from the zip's last record, before JSZip builds an object per entry.
  const declared = declaredEntryCount(new Uint8Array(bytes));
  if (declared !== undefined && declared > limits.entries) return { error: `${name} holds more than ${limits.entries} files: it is not opened.` };
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return { error: `${name} is not a readable zip file.` };
  }
  const all = Object.values(zip.files);
  if (all.length > limits.entries) return { error: `${name} holds more than ${limits.entries} files: it is not opened.` };
  const entries = all.filter((f) => !f.dir && TEXT.test(f.name));
  // The sizes the zip declares are checked before anything is inflated; inflating then stops at the
  // declared size (a zip can lie), so no entry ever grows past the limits in memory.
  let total = 0;
  for (const f of entries) {
    const size = declaredSize(f);
    if (size > limits.entryBytes) return { error: `${name}: ${f.name} would unpack to ${mb(size)}, more than the ${mb(limits.entryBytes)} a file may have. The zip is not opened.` };
    total += size;
  }
  if (total > limits.totalBytes) return { error: `${name} would unpack to ${mb(total)}, more than ${mb(limits.totalBytes)}. The zip is not opened.` };
  const files: Array<{ path: string; text: string }> = [];
  for (const f of entries) {
    const r = await inflateCapped(f, declaredSize(f));
    if ('error' in r) return { error: `${name}: ${f.name} ${r.error}. The zip is not opened.` };
    files.push({ path: f.name, text: r.text });
  }
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

/**
 * The uncompressed size the zip's central directory declares. JSZip has read it already (on its
 * private `_data`) when it listed the entries, which saves parsing the central directory a second
 * time; when it is not there (a JSZip change), the limit itself is the cap, so nothing is unbounded.
 */
function declaredSize(f: JSZip.JSZipObject): number {
  const size = (f as unknown as { _data?: { uncompressedSize?: unknown } })._data?.uncompressedSize;
  // JSZip reads the 32-bit field as signed: sizes of 2 GB and more come out negative.
  return typeof size === 'number' && Number.isInteger(size) ? size >>> 0 : ZIP_LIMITS.entryBytes;
}

/** The total entry count in the end-of-central-directory record (undefined when it is not found). */
function declaredEntryCount(bytes: Uint8Array): number | undefined {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) return bytes[i + 10] | (bytes[i + 11] << 8);
  }
  return undefined;
}

interface StreamHelper {
  on(event: 'data', f: (chunk: Uint8Array) => void): StreamHelper;
  on(event: 'end', f: () => void): StreamHelper;
  on(event: 'error', f: (e: Error) => void): StreamHelper;
  resume(): StreamHelper;
  pause(): StreamHelper;
}

/** Inflates an entry chunk by chunk, stopping as soon as it grows past its declared size. */
function inflateCapped(f: JSZip.JSZipObject, cap: number): Promise<{ text: string } | { error: string }> {
  return new Promise((resolve) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    let stopped = false;
    const stream = (f as unknown as { internalStream(type: 'uint8array'): StreamHelper }).internalStream('uint8array');
    stream
      .on('data', (chunk) => {
        if (stopped) return;
        size += chunk.length;
        if (size > cap) {
          stopped = true;
          stream.pause();
          resolve({ error: `unpacks to more than the ${cap} bytes its zip entry declares (a damaged zip or a zip bomb)` });
          return;
        }
        chunks.push(chunk);
      })
      .on('error', (e) => {
        if (!stopped) resolve({ error: `cannot be unpacked (${e.message})` });
        stopped = true;
      })
      .on('end', () => {
        if (stopped) return;
        const all = new Uint8Array(size);
        let at = 0;
        for (const c of chunks) {
          all.set(c, at);
          at += c.length;
        }
        resolve({ text: new TextDecoder().decode(all) });
      })
      .resume();
  });
}
