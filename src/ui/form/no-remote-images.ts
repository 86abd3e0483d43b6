/**
 * Markdown from a registry or a spec (task descriptions, `ui:description` with markdown enabled) is
 * untrusted: an image in it would load a remote URL as soon as the form or a hover shows it, a
 * tracking beacon fired by merely opening a share link. Images become links (shown, never fetched)
 * and tags that load something are removed.
 */

/** `![alt](url)`, `![alt][ref]`, `![ref]`, also spelled with an entity for `!`. */
const IMAGE_BANG = /(?:!|&#0*33;|&#x0*21;|&excl;)(?=\[)/gi;
/** HTML elements that fetch on render. RJSF already shows raw HTML as text; Monaco hovers could render it. */
const LOADING_TAGS = /<\/?(?:img|image|picture|source|video|audio|track|iframe|frame|object|embed|svg|link|style|script|meta|base|input)\b[^>]*>/gi;

/** `markdown` with every image turned into a link and every loading tag removed. */
export function withoutRemoteImages(markdown: string): string {
  return markdown.replace(IMAGE_BANG, '').replace(LOADING_TAGS, '');
}

/** The keys whose strings RJSF may render as markdown. */
const MARKDOWN_KEYS = new Set(['description', 'title', 'ui:description', 'ui:title', 'ui:help']);

/** A JSON.parse reviver applying withoutRemoteImages to the strings of MARKDOWN_KEYS. */
export function noRemoteImagesReviver(key: string, value: unknown): unknown {
  return typeof value === 'string' && MARKDOWN_KEYS.has(key) ? withoutRemoteImages(value) : value;
}

/** Whether `jsonText` may hold an image or a loading tag at all (the reviver is skipped otherwise). */
export function mayHoldRemoteImages(jsonText: string): boolean {
  return /!|&#|&excl;|<|\\u00(?:21|3c)/i.test(jsonText);
}
