/** A workspace: the files a person works on, by role. */

export type FileRole = 'spec' | 'registry' | 'env-overrides' | 'test-cases';

export const FILE_NAMES: Record<FileRole, string> = {
  spec: 'spec.yaml',
  registry: 'registry.json',
  'env-overrides': 'env-overrides.toml',
  'test-cases': 'test-cases.yaml',
};

export interface Workspace {
  id: string;
  name: string;
  files: Partial<Record<FileRole, string>>;
  /** Bumped on every save; a save based on an older revision is a conflict. */
  revision: number;
  updatedAt: number;
}

/** Which role an opened file plays, from its name and content. */
export function roleOf(name: string, text: string): FileRole | undefined {
  const lower = name.toLowerCase();
  if (lower.endsWith('.toml')) return 'env-overrides';
  if (lower.endsWith('.json')) return /"entries"\s*:/.test(text) ? 'registry' : undefined;
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) {
    if (/^workflow\s*:/m.test(text) || /^id\s*:/m.test(text)) return 'spec';
    return 'test-cases';
  }
  return undefined;
}
