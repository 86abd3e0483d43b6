import { describe, expect, it } from 'vitest';
import { decodeShare, encodeShare, MAX_SHARE_CHARS, SHARE_PREFIX } from './share-link.ts';

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
