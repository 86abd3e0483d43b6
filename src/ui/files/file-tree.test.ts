import { describe, expect, test } from 'vitest';
import { buildFileTree, visibleRows, type TreeNode } from './file-tree.ts';

const f = (path: string, text = '') => ({ path, text });

/** The tree as indented lines, so a whole shape is one readable assertion. */
function outline(nodes: TreeNode[], depth = 0): string[] {
  return nodes.flatMap((n) => [
    `${'  '.repeat(depth)}${n.name}${n.kind === 'folder' ? '/' : n.status ? ` (${n.status})` : ''}`,
    ...(n.kind === 'folder' ? outline(n.children, depth + 1) : []),
  ]);
}

describe('buildFileTree', () => {
  test('groups files by folder, folders before files, each sorted by name', () => {
    const tree = buildFileTree([f('pkg/pixi.toml'), f('pkg/src/b.py'), f('pkg/README.md'), f('pkg/src/a.py'), f('pkg/dags/run.py'), f('top.txt')]);
    expect(outline(tree)).toEqual(['pkg/', '  dags/', '    run.py', '  src/', '    a.py', '    b.py', '  README.md', '  pixi.toml', 'top.txt']);
    expect(tree[0]).toMatchObject({ kind: 'folder', id: 'pkg/' });
    const dags = tree[0].kind === 'folder' ? tree[0].children[0] : undefined;
    expect(dags?.kind === 'folder' && dags.children[0]).toEqual({ kind: 'file', id: 'pkg/dags/run.py', name: 'run.py' });
  });

  test('without a previous package, files have no status', () => {
    expect(outline(buildFileTree([f('a/x')]))).toEqual(['a/', '  x']);
  });

  test('against a previous package: added, changed, unchanged, and removed files in their folders', () => {
    const tree = buildFileTree([f('p/same', '1'), f('p/edited', 'new'), f('p/new', 'n')], [f('p/same', '1'), f('p/edited', 'old'), f('p/gone', 'g'), f('old/dir/x', 'x')]);
    expect(outline(tree)).toEqual(['old/', '  dir/', '    x (removed)', 'p/', '  edited (changed)', '  gone (removed)', '  new (added)', '  same (unchanged)']);
  });
});

describe('visibleRows', () => {
  const tree = buildFileTree([f('a/b/c'), f('a/d'), f('e')]);
  test('lists every node in order with its level and parent', () => {
    expect(visibleRows(tree, new Set()).map((r) => [r.node.id, r.level, r.parent])).toEqual([
      ['a/', 1, undefined],
      ['a/b/', 2, 'a/'],
      ['a/b/c', 3, 'a/b/'],
      ['a/d', 2, 'a/'],
      ['e', 1, undefined],
    ]);
  });
  test('skips what is inside a collapsed folder', () => {
    expect(visibleRows(tree, new Set(['a/b/'])).map((r) => r.node.id)).toEqual(['a/', 'a/b/', 'a/d', 'e']);
    expect(visibleRows(tree, new Set(['a/'])).map((r) => r.node.id)).toEqual(['a/', 'e']);
  });
});
