import JSZip from 'jszip';

/** A compiled workflow package zip (ours or wt-compiler's), read for comparison and version bumps. */

export interface OpenedPackage {
  name: string;
  /** Files with their paths inside the zip (`<release_name>/…`), text files only. */
  files: Array<{ path: string; text: string }>;
  previous: { readme?: string; versionYaml?: string; pixiLock?: string };
}

const TEXT = /\.(py|json|ya?ml|toml|md|dot|svg|txt|lock|cfg|ini)$|(^|\/)(Dockerfile|\.dockerignore)$/;

/** The package in a zip, or an error saying why it is not one. */
export async function readPackageZip(name: string, bytes: ArrayBuffer): Promise<OpenedPackage | { error: string }> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return { error: `${name} is not a readable zip file.` };
  }
  const entries = Object.values(zip.files).filter((f) => !f.dir && TEXT.test(f.name));
  const files = await Promise.all(entries.map(async (f) => ({ path: f.name, text: await f.async('string') })));
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  // The release folder is the one holding VERSION.yaml.
  const version = files.find((f) => /(^|\/)VERSION\.yaml$/.test(f.path));
  if (!version) return { error: `${name} holds no VERSION.yaml, so it is not a compiled workflow package.` };
  const root = version.path.slice(0, -'VERSION.yaml'.length);
  const at = (p: string) => files.find((f) => f.path === root + p)?.text;
  return { name, files, previous: { versionYaml: version.text, readme: at('README.md'), pixiLock: at('pixi.lock') } };
}
