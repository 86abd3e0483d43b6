/** SHA-256 through WebCrypto, available in browsers, workers and Node ≥ 20 alike. */

/** Lowercase hex SHA-256 of the UTF-8 bytes of `text` (or of raw bytes). */
export async function sha256Hex(data: string | Uint8Array): Promise<string> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
