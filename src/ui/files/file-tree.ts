/** The generated files as a folder tree, with each file's change against a previous package. */

export interface PackageFile {
  path: string;
  text: string;
}

/** How a file differs from the previous package; absent when there is nothing to compare with. */
export type FileStatus = 'added' | 'changed' | 'unchanged' | 'removed';

export interface FolderNode {
  kind: 'folder';
  /** Ends with '/', so a folder never shares an id with a file of the same path. */
  id: string;
  name: string;
  children: TreeNode[];
}

export interface FileNode {
  kind: 'file';
  /** The file's full path. */
  id: string;
  name: string;
  status?: FileStatus;
}

export type TreeNode = FolderNode | FileNode;

/** A node as the tree shows it: its depth (1 at the top, as aria-level counts) and its folder. */
export interface VisibleRow {
  node: TreeNode;
  level: number;
  parent: string | undefined;
}

/**
 * The files of `files` (and, when `previous` is given, the ones it had that `files` lacks) grouped by
 * folder; in each folder, folders first, then files, each by name.
 */
export function buildFileTree(files: readonly PackageFile[], previous?: readonly PackageFile[]): TreeNode[] {
  const root: FolderNode = { kind: 'folder', id: '/', name: '', children: [] };
  const before = previous && new Map(previous.map((f) => [f.path, f.text]));
  const statusOf = (f: PackageFile): FileStatus | undefined => {
    if (!before) return undefined;
    const old = before.get(f.path);
    return old === undefined ? 'added' : old === f.text ? 'unchanged' : 'changed';
  };
  const currentPaths = new Set(files.map((f) => f.path));
  const entries = [
    ...files.map((f) => ({ path: f.path, status: statusOf(f) })),
    ...(previous ?? []).filter((f) => !currentPaths.has(f.path)).map((f) => ({ path: f.path, status: 'removed' as const })),
  ];
  for (const { path, status } of entries) {
    const parts = path.split('/');
    let folder = root;
    for (let i = 0; i < parts.length - 1; i++) {
      const id = `${parts.slice(0, i + 1).join('/')}/`;
      let next = folder.children.find((c): c is FolderNode => c.kind === 'folder' && c.id === id);
      if (!next) folder.children.push((next = { kind: 'folder', id, name: parts[i], children: [] }));
      folder = next;
    }
    folder.children.push({ kind: 'file', id: path, name: parts[parts.length - 1], ...(status && { status }) });
  }
  sortTree(root.children);
  return root.children;
}

function sortTree(nodes: TreeNode[]): void {
  nodes.sort((a, b) => (a.kind === b.kind ? (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) : a.kind === 'folder' ? -1 : 1));
  for (const n of nodes) if (n.kind === 'folder') sortTree(n.children);
}

/** The nodes in display order, skipping the insides of collapsed folders: what arrow keys move through. */
export function visibleRows(nodes: readonly TreeNode[], collapsed: ReadonlySet<string>, level = 1, parent?: string): VisibleRow[] {
  return nodes.flatMap((node) => [
    { node, level, parent },
    ...(node.kind === 'folder' && !collapsed.has(node.id) ? visibleRows(node.children, collapsed, level + 1, node.id) : []),
  ]);
}
