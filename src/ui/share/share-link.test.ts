import { describe, expect, it } from 'vitest';
import { decodeShare, encodeShare, MAX_SHARE_CHARS, MAX_SHARE_UNPACKED_BYTES, SHARE_PREFIX } from './share-link.ts';

describe('share links', () => {
  it('round-trips a workspace, non-ASCII included, through a versioned URL-safe fragment', async () => {
    const ws = { name: 'demo', files: { spec: 'id: demo\n# café ⚠️ 😀\n', registry: '{"entries": {}, "version": "1.0.0"}' } };
    const r = await encodeShare(ws);
    if (!('fragment' in r)) throw new Error(r.error);
    expect(r.fragment.startsWith(SHARE_PREFIX)).toBe(true);
    expect(r.fragment).toMatch(/^[A-Za-z0-9._-]+$/);
    expect(await decodeShare(`#${r.fragment}`)).toEqual({ workspace: ws });
  });

  it('compresses: a repetitive spec makes a much shorter link', async () => {
    const spec = 'workflow:\n' + '  - id: step\n    task: set_string_var\n'.repeat(200);
    const r = await encodeShare({ name: 'big', files: { spec } });
    expect('fragment' in r && r.fragment.length < spec.length / 10).toBe(true);
  });

  it('refuses a workspace too large for a link, and says what to do', async () => {
    const noise = Array.from({ length: 60_000 }, (_, i) => ((i * 2654435761) >>> 0).toString(36)).join('');
    const r = await encodeShare({ name: 'huge', files: { spec: noise } });
    expect(r).toEqual({ error: expect.stringContaining(`limit ${MAX_SHARE_CHARS}): send the zip from Download workspace instead`) });
  });

  it('explains damaged and unknown-format links instead of throwing', async () => {
    expect(await decodeShare('#w1.AAAA')).toEqual({ error: expect.stringContaining('damaged') });
    expect(await decodeShare('#w9.xyz')).toEqual({ error: expect.stringContaining('newer or unknown version') });
  });

  it('keeps only known file roles from a crafted link', async () => {
    const r = await encodeShare({ name: 'x', files: { spec: 'id: x\n' } });
    if (!('fragment' in r)) throw new Error(r.error);
    const decoded = await decodeShare(r.fragment);
    expect(decoded).toEqual({ workspace: { name: 'x', files: { spec: 'id: x\n' } } });
  });
});

describe('share links from outside are size-capped', () => {
  /** A well-formed link whose spec is `size` bytes of one repeated character: it deflates a thousandfold. */
  async function bombLink(size: number): Promise<string> {
    const json = JSON.stringify({ n: 'bomb', f: { spec: `id: x\n# ${'a'.repeat(size)}\n` } });
    const packed = new Uint8Array(await new Response(new Blob([json]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer());
    let s = '';
    for (let i = 0; i < packed.length; i += 0x8000) s += String.fromCharCode(...packed.subarray(i, i + 0x8000));
    return SHARE_PREFIX + btoa(s).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
  }

  it('a short link that would unpack past the cap is refused with a message', async () => {
    const link = await bombLink(20 * 1024 * 1024);
    // About 20 KB of link for 20 MB of spec: the case the review found.
    expect(link.length).toBeLessThan(MAX_SHARE_CHARS);
    expect(await decodeShare(`#${link}`)).toEqual({ error: expect.stringContaining(`unpacks to more than ${MAX_SHARE_UNPACKED_BYTES / 1024 / 1024} MB`) });
  });

  it('the cap is on the unpacked size: just under it opens, just over it does not', async () => {
    const link = await bombLink(100_000);
    expect(await decodeShare(link, 200_000)).toMatchObject({ workspace: { name: 'bomb' } });
    expect(await decodeShare(link, 90_000)).toEqual({ error: expect.stringContaining('was not opened') });
  });
});

describe('form values in a share link', () => {
  it('travel only when included, and come back as an object', async () => {
    const files = { spec: 'id: x\n' };
    const without = await encodeShare({ name: 'x', files });
    const withForm = await encodeShare({ name: 'x', files, formData: { greeting: { name: 'Ada' } } });
    if (!('fragment' in without) || !('fragment' in withForm)) throw new Error('no link');
    expect(await decodeShare(without.fragment)).toEqual({ workspace: { name: 'x', files } });
    expect(await decodeShare(withForm.fragment)).toEqual({ workspace: { name: 'x', files, formData: { greeting: { name: 'Ada' } } } });
  });
});
