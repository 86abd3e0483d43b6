import { describe, expect, it } from 'vitest';
import { openWorkspaceFiles, type OpenTargets } from './open-files.ts';
import { workspaceZip } from './zip-files.ts';

function targets(answer: boolean) {
  const asked: string[] = [];
  const opened: string[] = [];
  const to: OpenTargets = {
    setFile: () => undefined,
    setOpenedPackage: () => undefined,
    openWorkspace: (name) => opened.push(name),
    confirmLarge: (q) => (asked.push(q), answer),
  };
  return { to, asked, opened };
}

describe('opening a workspace zip', () => {
  it('asks before saving more than 1 MB, and opens nothing when the answer is no', async () => {
    const zip = await workspaceZip({ spec: `id: big\n${'# padding\n'.repeat(150_000)}` });
    const file = new File([zip as Uint8Array<ArrayBuffer>], 'big-workspace.zip');
    const no = targets(false);
    expect(await openWorkspaceFiles([file], no.to)).toContain('big-workspace.zip (you chose not to open its large files)');
    expect(no.asked).toEqual([expect.stringContaining('big-workspace.zip holds 1.5 MB of files')]);
    expect(no.opened).toEqual([]);
    const yes = targets(true);
    await openWorkspaceFiles([file], yes.to);
    expect(yes.opened).toEqual(['big']);
  });

  it('does not ask about an ordinary workspace', async () => {
    const zip = await workspaceZip({ spec: 'id: small\n' });
    const t = targets(false);
    await openWorkspaceFiles([new File([zip as Uint8Array<ArrayBuffer>], 'small-workspace.zip')], t.to);
    expect(t.asked).toEqual([]);
    expect(t.opened).toEqual(['small']);
  });
});
