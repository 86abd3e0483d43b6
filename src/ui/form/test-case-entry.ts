import { toYaml } from './yaml.ts';

/**
 * One test-cases.yaml entry for the current run parameters, in block style like the files
 * wt-compiler's users write by hand (a flow `{…}` line is unreadable for real parameters).
 */
export function testCaseEntry(key: string, params: unknown): string {
  return toYaml({ [key]: { name: key, description: '', params } });
}

/** `current` with `entry` appended, on a line of its own. */
export function appendTestCase(current: string, entry: string): string {
  return current && !current.endsWith('\n') ? `${current}\n${entry}` : current + entry;
}
