/** `{{ name }}` placeholders of provider templates; `${{ … }}` (GitHub Actions expressions) is left alone. */

const PLACEHOLDER = /(?<!\$)\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** Every placeholder in `text`, with its offset and length. */
export function findPlaceholders(text: string): Array<{ name: string; index: number; length: number }> {
  return [...text.matchAll(PLACEHOLDER)].map((m) => ({ name: m[1], index: m.index, length: m[0].length }));
}

/** Replaces each placeholder with `value(name)`; anything else, `${{ … }}` included, stays as written. */
export function renderPlaceholders(text: string, value: (name: string) => string): string {
  return text.replace(PLACEHOLDER, (_, name: string) => value(name));
}
