import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Access to `../shared/reference` fixtures, which stay outside the repository. */

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const REFERENCE_ROOT = resolve(REPO_ROOT, '../shared/reference');

/** Absolute path of a fixture under the reference folder. */
export function referencePath(...parts: string[]): string {
  return join(REFERENCE_ROOT, ...parts);
}

/** True when the fixture exists; tests use it to skip with a message naming the missing path. */
export function hasReference(...parts: string[]): boolean {
  return existsSync(referencePath(...parts));
}

/** A test-name suffix explaining a skip, or '' when the fixture is there. */
export function skipReason(...parts: string[]): string {
  return hasReference(...parts) ? '' : ` [skipped: ${referencePath(...parts)} is missing]`;
}

export function readReference(...parts: string[]): string {
  return readFileSync(referencePath(...parts), 'utf8');
}
