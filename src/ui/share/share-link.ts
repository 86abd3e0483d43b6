import type { FileRole } from '../workspace/model.ts';

/**
 * Share links: a small workspace (its files, never tokens or settings) deflated and base64url-
 * encoded into the URL fragment, which browsers never send to a server. The `w1.` prefix names the
 * format so later formats can stay decodable.
 */

export const SHARE_PREFIX = 'w1.';
/** Longer fragments break in chat tools and some browsers: offer the workspace zip instead. */
export const MAX_SHARE_CHARS = 32_000;
/**
 * What a link may unpack to. A link at the length limit holds at most a few hundred KB of real
 * text; a crafted one can inflate a thousandfold (27 KB to 20 MB, or more until the tab freezes).
 */
export const MAX_SHARE_UNPACKED_BYTES = 4 * 1024 * 1024;
/** Links are read only up to this length (a few times what a link made here can be). */
const MAX_FRAGMENT_CHARS = 4 * MAX_SHARE_CHARS;

export interface SharedWorkspace {
  name: string;
  files: Partial<Record<FileRole, string>>;
  /** The Parameters form's values, only when the sender chose to include them. */
  formData?: Record<string, unknown>;
}

/** The fragment (without `#`) for a workspace, or an error when it is too large for a link. */
export async function encodeShare(ws: SharedWorkspace): Promise<{ fragment: string } | { error: string }> {
  const json = JSON.stringify({ n: ws.name, f: ws.files, ...(ws.formData ? { p: ws.formData } : {}) });
  const packed = await transform(new TextEncoder().encode(json), new CompressionStream('deflate-raw'));
  const fragment = SHARE_PREFIX + toBase64Url(packed);
  if (fragment.length > MAX_SHARE_CHARS) {
    return { error: `This workspace is too large for a link (${fragment.length} characters, limit ${MAX_SHARE_CHARS}): send the zip from Download workspace instead; Open files reads it back.` };
  }
  return { fragment };
}

/** The workspace in a fragment, or an error saying why it could not be read. */
export async function decodeShare(fragment: string, maxBytes = MAX_SHARE_UNPACKED_BYTES): Promise<{ workspace: SharedWorkspace } | { error: string }> {
  const f = fragment.replace(/^#/, '');
  if (!f.startsWith(SHARE_PREFIX)) return { error: 'This link was made by a newer or unknown version of the workbench.' };
  const tooLarge = { error: `This share link unpacks to more than ${maxBytes / 1024 / 1024} MB, far more than a workspace link holds: it was not opened.` };
  if (f.length > MAX_FRAGMENT_CHARS) return tooLarge;
  try {
    const bytes = await inflateCapped(fromBase64Url(f.slice(SHARE_PREFIX.length)), maxBytes);
    if (bytes === undefined) return tooLarge;
    const data = JSON.parse(new TextDecoder().decode(bytes)) as { n?: unknown; f?: unknown; p?: unknown };
    if (typeof data.n !== 'string' || typeof data.f !== 'object' || data.f === null) throw new Error('unexpected content');
    const files: SharedWorkspace['files'] = {};
    for (const [role, text] of Object.entries(data.f as Record<string, unknown>)) {
      if (['spec', 'registry', 'env-overrides', 'test-cases'].includes(role) && typeof text === 'string') files[role as FileRole] = text;
    }
    const formData = typeof data.p === 'object' && data.p !== null && !Array.isArray(data.p) ? (data.p as Record<string, unknown>) : undefined;
    return { workspace: { name: data.n, files, ...(formData ? { formData } : {}) } };
  } catch {
    return { error: 'This share link is damaged (it may have been cut off): ask for it again.' };
  }
}

async function transform(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

/**
 * Inflates chunk by chunk and stops as soon as the output passes `maxBytes` (undefined then). The
 * input goes in small slices, pulled only as the output is read, so memory stays near `maxBytes`.
 */
async function inflateCapped(bytes: Uint8Array, maxBytes: number): Promise<Uint8Array | undefined> {
  let at = 0;
  const input = new ReadableStream<BufferSource>({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + 1024));
      at += 1024;
    },
  });
  const reader = input.pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const b64 = text.replaceAll('-', '+').replaceAll('_', '/');
  return Uint8Array.from(atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4)), (c) => c.charCodeAt(0));
}
