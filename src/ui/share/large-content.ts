import type { FileRole } from '../workspace/model.ts';

/**
 * Content from a link or a zip is saved into this browser's storage: anything larger than this is
 * confirmed first (a real spec is a few hundred KB at most).
 */
export const LARGE_CONTENT_BYTES = 1_000_000;

/** The UTF-8 size of a workspace's files. */
export function contentBytes(files: Partial<Record<FileRole, string>>): number {
  const encoder = new TextEncoder();
  let total = 0;
  for (const text of Object.values(files)) if (text !== undefined) total += encoder.encode(text).length;
  return total;
}

/** The question to ask before saving `files` from `source`, or undefined when they are small. */
export function largeContentQuestion(source: string, files: Partial<Record<FileRole, string>>): string | undefined {
  const bytes = contentBytes(files);
  if (bytes <= LARGE_CONTENT_BYTES) return undefined;
  return `${source} holds ${(bytes / 1_000_000).toFixed(1)} MB of files, much more than a workflow usually has. Open and save it in this browser anyway?`;
}
