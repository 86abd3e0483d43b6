import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { reproducibleZip, ZIP_TIMESTAMP } from './zip.ts';

describe('reproducibleZip', () => {
  const entries = [
    { path: 'pkg/b.py', content: 'print("b")\n' },
    { path: 'pkg/a.json', content: '{"é": 1}\n' },
    { path: 'README.md', content: '# readme' },
    { path: 'bin/tool', content: new Uint8Array([0, 1, 2, 255]), executable: true },
  ];

  it('gives the same bytes for the same entries, whatever their order', async () => {
    const a = await reproducibleZip(entries);
    const b = await reproducibleZip([...entries].reverse());
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('changes when any content changes', async () => {
    const a = await reproducibleZip(entries);
    const b = await reproducibleZip(entries.map((e) => (e.path === 'README.md' ? { ...e, content: '# readme!' } : e)));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
  });

  it('stores sorted entries, no folder entries, the fixed timestamp and unix modes; contents round-trip', async () => {
    const zip = await JSZip.loadAsync(await reproducibleZip(entries));
    expect(Object.keys(zip.files)).toEqual(['README.md', 'bin/tool', 'pkg/a.json', 'pkg/b.py']);
    for (const f of Object.values(zip.files)) expect(f.date.getTime()).toBe(ZIP_TIMESTAMP.getTime());
    expect(zip.files['bin/tool'].unixPermissions).toBe(0o100755);
    expect(zip.files['pkg/b.py'].unixPermissions).toBe(0o100644);
    expect(await zip.file('pkg/a.json')!.async('string')).toBe('{"é": 1}\n');
    expect([...(await zip.file('bin/tool')!.async('uint8array'))]).toEqual([0, 1, 2, 255]);
  });
});
