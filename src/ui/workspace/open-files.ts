import { FILE_NAMES, roleOf, type FileRole } from './model.ts';
import { readZip, type OpenedPackage } from './zip-files.ts';

/**
 * Opens files the user picked or dropped: workspace files by their role, a workspace zip's files,
 * a compiled package zip as the diff baseline. Returns the sentence that tells what was opened and
 * what was not (and why).
 */
export async function openWorkspaceFiles(files: File[], setFile: (role: FileRole, text: string) => void, setOpenedPackage: (pkg: OpenedPackage) => void): Promise<string> {
  const opened: string[] = [];
  const skipped: string[] = [];
  for (const f of files) {
    if (f.name.toLowerCase().endsWith('.zip')) {
      const zip = await readZip(f.name, await f.arrayBuffer());
      if ('error' in zip) skipped.push(`${f.name} (${zip.error})`);
      else if ('package' in zip) {
        setOpenedPackage(zip.package);
        opened.push(`${f.name} (compared in Package files; its version is bumped on download)`);
      } else {
        const entries = Object.entries(zip.workspace) as Array<[FileRole, string]>;
        for (const [role, text] of entries) setFile(role, text);
        opened.push(`${f.name} (${entries.map(([role]) => FILE_NAMES[role]).join(', ')})`);
      }
      continue;
    }
    const text = await f.text();
    const role = roleOf(f.name, text);
    if (role) {
      setFile(role, text);
      opened.push(f.name);
    } else skipped.push(f.name);
  }
  return [opened.length ? `Opened ${opened.join(', ')}.` : '', skipped.length ? `Not opened (not a spec, registry, env-overrides or test-cases file): ${skipped.join(', ')}.` : '']
    .filter(Boolean)
    .join(' ');
}
