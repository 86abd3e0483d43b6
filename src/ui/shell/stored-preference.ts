/** Guarded localStorage access for preferences: private modes and full storage refuse them, which is no error. */

/** The stored value, or null when there is none or storage is blocked. */
export function readPref(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Stores the value; when storage refuses, the choice lasts for this page only. */
export function writePref(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // A preference is a nicety.
  }
}
