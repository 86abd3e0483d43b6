/** Pure string path helpers (POSIX semantics; Windows absolute paths are left as they are). */

/** POSIX `/…` or Windows `C:\…` / `C:/…` / `\\server\…`. */
export function isAbsolutePath(p: string): boolean {
  return p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\');
}

function isWindowsPath(p: string): boolean {
  return /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\');
}

/** Collapses `.`, `..` and repeated `/` in a POSIX path; a trailing `/` is dropped. Windows paths are returned unchanged. */
export function normalizePath(p: string): string {
  if (isWindowsPath(p)) return p;
  const absolute = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
      continue;
    }
    out.push(part);
  }
  const joined = out.join('/');
  return absolute ? '/' + joined : joined || '.';
}

/** The folder part of a path (`/a/b/c.toml` → `/a/b`; `c.toml` → `.`). */
export function dirname(p: string): string {
  const sep = isWindowsPath(p) ? Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\')) : p.lastIndexOf('/');
  if (sep < 0) return '.';
  if (sep === 0) return '/';
  return p.slice(0, sep);
}

/** Resolves `rel` against folder `base`; an absolute `rel` is only normalised. */
export function resolvePath(base: string, rel: string): string {
  if (isAbsolutePath(rel)) return normalizePath(rel);
  if (isWindowsPath(base)) return `${base.replace(/[\\/]+$/, '')}/${rel}`;
  return normalizePath(`${base}/${rel}`);
}
