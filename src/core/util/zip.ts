import JSZip from 'jszip';

/**
 * Byte-reproducible zip archives: entries sorted by path, one fixed timestamp (the DOS epoch,
 * written as UTC by jszip), regular-file unix modes (type bits included, as zip(1) writes them), no
 * implicit folder entries, fixed DEFLATE level. The same
 * entries give the same bytes in Node and in the browser.
 */

export interface ZipEntry {
  /** `/`-separated path inside the archive. */
  path: string;
  content: string | Uint8Array;
  executable?: boolean;
}

/** 1980-01-01T00:00:00Z, the earliest time a zip header can hold. */
export const ZIP_TIMESTAMP = new Date(Date.UTC(1980, 0, 1, 0, 0, 0));

/** Builds the archive. */
export async function reproducibleZip(entries: ZipEntry[]): Promise<Uint8Array> {
  const zip = new JSZip();
  const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const e of sorted) {
    zip.file(e.path, e.content, { date: ZIP_TIMESTAMP, unixPermissions: e.executable ? 0o100755 : 0o100644, createFolders: false, binary: typeof e.content !== 'string' });
  }
  return zip.generateAsync({ type: 'uint8array', platform: 'UNIX', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}
