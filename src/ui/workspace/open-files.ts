import { largeContentQuestion } from '../share/large-content.ts';
import { FILE_NAMES, roleOf, type FileRole } from './model.ts';
import { readZip, type OpenedPackage } from './zip-files.ts';

/** What opening files can do to the app. */
export interface OpenTargets {
  /** A single file joins the open workspace. */
  setFile(role: FileRole, text: string): void;
  /** A workspace zip becomes a workspace of its own (the open one stays in Workspaces). */
  openWorkspace(name: string, files: Partial<Record<FileRole, string>>): void;
  /** A compiled package zip becomes the diff baseline. */
  setOpenedPackage(pkg: OpenedPackage): void;
  /** Asks the user (a dialog) before a large workspace from a zip is saved; true to go on. */
  confirmLarge(question: string): boolean;
}

/**
 * Opens files the user picked or dropped: workspace files by their role, a workspace zip as a new
 * workspace, a compiled package zip as the diff baseline. Returns the sentence that tells what was
 * opened and what was not (and why).
 */
export async function openWorkspaceFiles(files: File[], to: OpenTargets): Promise<string> {
  const opened: string[] = [];
  const skipped: string[] = [];
  for (const f of files) {
    if (f.name.toLowerCase().endsWith('.zip')) {
      const zip = await readZip(f.name, await f.arrayBuffer());
      if ('error' in zip) skipped.push(`${f.name} (${zip.error})`);
      else if ('package' in zip) {
        to.setOpenedPackage(zip.package);
        opened.push(`${f.name} (compared in Package files; its version is bumped on download)`);
      } else {
        const name = f.name.replace(/\.zip$/i, '').replace(/-workspace$/, '');
        const question = largeContentQuestion(f.name, zip.workspace);
        if (question && !to.confirmLarge(question)) {
          skipped.push(`${f.name} (you chose not to open its large files)`);
          continue;
        }
        to.openWorkspace(name, zip.workspace);
        opened.push(`${f.name} as the workspace ${name} (${Object.keys(zip.workspace).map((role) => FILE_NAMES[role as FileRole]).join(', ')})`);
      }
      continue;
    }
    const text = await f.text();
    const role = roleOf(f.name, text);
    if (role) {
      to.setFile(role, text);
      opened.push(f.name);
    } else skipped.push(f.name);
  }
  return [opened.length ? `Opened ${opened.join(', ')}.` : '', skipped.length ? `Not opened (not a spec, registry, env-overrides or test-cases file): ${skipped.join(', ')}.` : '']
    .filter(Boolean)
    .join(' ');
}
