import { constants as zlibConstants, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { reproducibleZip } from '../../core/util/zip.ts';
import { readZip, workspaceZip, ZIP_LIMITS } from './zip-files.ts';

const buffer = (bytes: Uint8Array) => bytes.slice().buffer;

describe('zips the app opens', () => {
  it('a workspace zip round-trips every file under its usual name', async () => {
    const files = { spec: 'id: demo\nworkflow: []\n', registry: '{"entries": {}}', 'env-overrides': '[feature.default.dependencies]\n', 'test-cases': 'a:\n  params: {}\n' };
    const zip = await workspaceZip(files);
    expect(await readZip('demo-workspace.zip', buffer(zip))).toEqual({ workspace: files });
    // Reproducible, like the package zip.
    expect(await workspaceZip(files)).toEqual(zip);
  });

  it('a zip with VERSION.yaml is a compiled package, with the files a version bump needs', async () => {
    const zip = await reproducibleZip([
      { path: 'wt-demo/VERSION.yaml', content: 'version: 1\n' },
      { path: 'wt-demo/README.md', content: '# demo\n' },
      { path: 'wt-demo/spec.yaml', content: 'id: demo\n' },
    ]);
    const r = await readZip('wt-demo.zip', buffer(zip));
    expect(r).toMatchObject({ package: { name: 'wt-demo.zip', previous: { versionYaml: 'version: 1\n', readme: '# demo\n' } } });
  });

  it('says why it cannot open other zips and non-zips', async () => {
    const other = await reproducibleZip([{ path: 'notes/readme.txt', content: 'hi' }]);
    expect(await readZip('notes.zip', buffer(other))).toEqual({ error: expect.stringContaining('holds neither a compiled workflow package') });
    expect(await readZip('x.zip', new TextEncoder().encode('not a zip').buffer)).toEqual({ error: 'x.zip is not a readable zip file.' });
  });
});

/**
 * A zip with one stored-as-deflate entry whose data is `chunks` copies of 16 MB of zeros: each copy
 * is a self-contained run of deflate blocks (a full flush resets the window), so 2 GB of zeros takes
 * 2 MB and is built without ever holding 2 GB. `declared` is the size written in the headers.
 */
function zeroBomb(path: string, chunks: number, declared: number): ArrayBuffer {
  const block = deflateRawSync(Buffer.alloc(16 * 1024 * 1024), { finishFlush: zlibConstants.Z_FULL_FLUSH });
  // A final empty stored block ends the stream.
  const data = Buffer.concat([...Array.from({ length: chunks }, () => block), Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff])]);
  const name = Buffer.from(path);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8); // deflate
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + name.length, 12);
  end.writeUInt32LE(30 + name.length + data.length, 16);
  const zip = Buffer.concat([local, name, data, central, name, end]);
  return zip.buffer.slice(zip.byteOffset, zip.byteOffset + zip.length) as ArrayBuffer;
}

describe('zips from outside are size-capped before they are inflated', () => {
  it('a 2 MB zip declaring a 2 GB entry is refused from its headers, without inflating', async () => {
    const bomb = zeroBomb('spec.yaml', 128, 0xffff_fff0);
    expect(bomb.byteLength).toBeLessThan(3 * 1024 * 1024);
    const before = process.memoryUsage().rss;
    expect(await readZip('bomb.zip', bomb)).toEqual({ error: expect.stringMatching(/^bomb\.zip: spec\.yaml would unpack to 4096 MB, more than the 32 MB a file may have/) });
    // Counting work, not time: nothing near the entry's size was allocated.
    expect(process.memoryUsage().rss - before).toBeLessThan(256 * 1024 * 1024);
  });

  it('an entry that lies about its size stops inflating just past what it declared', async () => {
    // 2 GB of zeros, declared as 1,000 bytes.
    const liar = zeroBomb('spec.yaml', 128, 1000);
    const before = process.memoryUsage().rss;
    expect(await readZip('liar.zip', liar)).toEqual({ error: expect.stringContaining('spec.yaml unpacks to more than the 1000 bytes its zip entry declares') });
    expect(process.memoryUsage().rss - before).toBeLessThan(256 * 1024 * 1024);
  });

  it('too many entries, and too much in total, are refused', async () => {
    const many = await reproducibleZip(Array.from({ length: 5 }, (_, i) => ({ path: `f${i}.txt`, content: 'x' })));
    expect(await readZip('many.zip', buffer(many), { ...ZIP_LIMITS, entries: 4 })).toEqual({ error: 'many.zip holds more than 4 files: it is not opened.' });
    const big = await reproducibleZip([
      { path: 'spec.yaml', content: 'id: a\n'.repeat(300_000) },
      { path: 'registry.json', content: ' '.repeat(1_500_000) },
    ]);
    expect(await readZip('big.zip', buffer(big), { ...ZIP_LIMITS, totalBytes: 2 * 1024 * 1024 })).toEqual({ error: expect.stringContaining('big.zip would unpack to 3 MB, more than 2 MB') });
  });
});
