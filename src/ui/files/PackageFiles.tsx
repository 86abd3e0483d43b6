import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { highlight } from './highlight.ts';
import { buildFileTree, visibleRows, type FileStatus, type PackageFile, type TreeNode } from './file-tree.ts';
import './file-tree.css';

interface Props {
  files: PackageFile[] | undefined;
  /** The files to diff against: the compile before, or a package the user opened. */
  previous: PackageFile[] | undefined;
  /** Names the opened package the diff compares with; the previous compile when absent. */
  previousLabel?: string;
}

const MARKERS: Record<Exclude<FileStatus, 'unchanged'>, string> = { added: '+', changed: '~', removed: '−' };

/** Every generated file as a tree; the selected one read-only, or its line diff against the previous compile. */
export function PackageFiles({ files, previous, previousLabel }: Props) {
  const [selected, setSelected] = useState<string | undefined>();
  const [showDiff, setShowDiff] = useState(false);
  const removed = files && previous?.find((f) => f.path === selected && !files.some((g) => g.path === f.path));
  const current = removed ?? files?.find((f) => f.path === selected) ?? files?.[0];
  const before = previous?.find((f) => f.path === current?.path);
  // A removed file has nothing to show but what it was, so it is always shown as its diff.
  const diffing = showDiff || !!removed;
  const diff = useMemo(
    () => (current && diffing ? lineDiff(before?.text ?? '', removed ? '' : current.text) : undefined),
    [current, before, removed, diffing],
  );
  const [colored, setColored] = useState<{ path: string; text: string; html: string } | undefined>();
  useEffect(() => {
    if (!current || diffing) return;
    let stale = false;
    void highlight(current.path, current.text).then((html) => {
      if (!stale && html) setColored({ path: current.path, text: current.text, html });
    });
    return () => {
      stale = true;
    };
  }, [current, diffing]);
  // Only the colouring of exactly this text is shown; until it is ready, the plain text is.
  const html = colored && current && colored.path === current.path && colored.text === current.text ? colored.html : undefined;
  // The panel's status line says why there is nothing yet.
  if (!files) return null;
  return (
    <div className="package-files">
      <FileTree files={files} previous={previous} selected={current?.path} onSelect={setSelected} />
      <div className="file-view">
        <label>
          <input type="checkbox" checked={showDiff} onChange={(e) => setShowDiff(e.target.checked)} /> {previousLabel ? `Diff against ${previousLabel}` : 'Diff against the previous compile'}
        </label>
        {current && html && !diff && (
          <pre className="source" tabIndex={0} aria-label={`Contents of ${current.path}`} data-highlighted="true" dangerouslySetInnerHTML={{ __html: html }} />
        )}
        {current && (!html || diff) && (
          <pre className="source" tabIndex={0} aria-label={`Contents of ${current.path}`}>
            {diff
              ? diff.map((l, i) => (
                  <span key={i} className={`diff-${l.kind}`}>
                    {l.kind === 'add' ? '+ ' : l.kind === 'del' ? '- ' : '  '}
                    {l.text}
                    {'\n'}
                  </span>
                ))
              : current.text}
          </pre>
        )}
      </div>
    </div>
  );
}

interface TreeProps {
  files: PackageFile[];
  previous: PackageFile[] | undefined;
  selected: string | undefined;
  onSelect: (path: string) => void;
}

/**
 * The WAI-ARIA tree pattern: one tab stop (roving tabindex), arrows to move, open and close, Enter or
 * Space to show a file. A file's accessible name is its full path, which contains the visible base name.
 */
export function FileTree({ files, previous, selected, onSelect }: TreeProps) {
  const tree = useMemo(() => buildFileTree(files, previous), [files, previous]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [focusId, setFocusId] = useState<string | undefined>();
  const items = useRef(new Map<string, HTMLElement>());
  const ids = useId();
  const rows = useMemo(() => visibleRows(tree, collapsed), [tree, collapsed]);
  const tabStop = (rows.find((r) => r.node.id === focusId) ?? rows.find((r) => r.node.id === selected) ?? rows[0])?.node.id;

  const toggle = (id: string, open: boolean) =>
    setCollapsed((c) => {
      const next = new Set(c);
      if (open) next.delete(id);
      else next.add(id);
      return next;
    });
  const moveTo = (id: string | undefined) => {
    if (id === undefined) return;
    setFocusId(id);
    items.current.get(id)?.focus();
  };
  const activate = (node: TreeNode) => (node.kind === 'file' ? onSelect(node.id) : toggle(node.id, collapsed.has(node.id)));

  const onKeyDown = (e: KeyboardEvent) => {
    const at = rows.findIndex((r) => r.node.id === tabStop);
    const row = rows[at];
    if (!row) return;
    const { node } = row;
    const open = node.kind === 'folder' && !collapsed.has(node.id);
    switch (e.key) {
      case 'ArrowDown':
        moveTo(rows[at + 1]?.node.id);
        break;
      case 'ArrowUp':
        moveTo(rows[at - 1]?.node.id);
        break;
      case 'Home':
        moveTo(rows[0].node.id);
        break;
      case 'End':
        moveTo(rows[rows.length - 1].node.id);
        break;
      case 'ArrowRight':
        if (node.kind === 'folder' && !open) toggle(node.id, true);
        else if (open) moveTo(node.children[0]?.id);
        break;
      case 'ArrowLeft':
        if (open) toggle(node.id, false);
        else moveTo(row.parent);
        break;
      case 'Enter':
      case ' ':
        activate(node);
        break;
      default:
        return; // every other key keeps its usual meaning
    }
    e.preventDefault();
  };

  const render = (nodes: TreeNode[], level: number): ReactNode =>
    nodes.map((node) => {
      const open = node.kind === 'folder' && !collapsed.has(node.id);
      const status = node.kind === 'file' && node.status !== 'unchanged' ? node.status : undefined;
      const statusId = `${ids}-${encodeURIComponent(node.id)}-status`; // an IDREF list breaks at spaces
      return (
        <li
          key={node.id}
          role="treeitem"
          data-id={node.id}
          ref={(el) => {
            if (el) items.current.set(node.id, el);
            else items.current.delete(node.id);
          }}
          tabIndex={node.id === tabStop ? 0 : -1}
          aria-level={level}
          aria-label={node.kind === 'file' ? node.id : node.name}
          aria-expanded={node.kind === 'folder' ? open : undefined}
          aria-selected={node.kind === 'file' ? node.id === selected : undefined}
          aria-describedby={status ? statusId : undefined}
          className={status ? `file-${status}` : undefined}
        >
          {/* The click handler sits on the row, not the item, so a click inside a folder's group does not toggle the folder. */}
          <div className="file-row" style={{ paddingInlineStart: `${0.3 + (level - 1) * 0.9}rem` }} onClick={() => activate(node)}>
            <span className="file-twisty" aria-hidden="true">
              {node.kind === 'folder' ? (open ? '▾' : '▸') : ''}
            </span>
            <span className="file-name">{node.name}</span>
            {status && (
              <span className="file-status" id={statusId} title={status}>
                <span aria-hidden="true">{MARKERS[status]}</span>
                <span className="visually-hidden">({status})</span>
              </span>
            )}
          </div>
          {node.kind === 'folder' && open && <ul role="group">{render(node.children, level + 1)}</ul>}
        </li>
      );
    });

  return (
    <ul
      className="file-tree"
      role="tree"
      aria-label="Generated files"
      onKeyDown={onKeyDown}
      onFocus={(e) => {
        // Clicking an item focuses it: the tab stop follows, so Tab comes back to where the user was.
        if (e.target instanceof HTMLElement && e.target.dataset.id) setFocusId(e.target.dataset.id);
      }}
    >
      {render(tree, 1)}
    </ul>
  );
}

/** A line diff by longest common subsequence (files here are small: at most a few thousand lines). */
export function lineDiff(a: string, b: string): Array<{ kind: 'same' | 'add' | 'del'; text: string }> {
  // An empty text has no lines (not one empty line), so an added or removed file shows no stray blank line.
  const x = a === '' ? [] : a.split('\n');
  const y = b === '' ? [] : b.split('\n');
  if (x.length * y.length > 4_000_000) return [...x.map((text) => ({ kind: 'del' as const, text })), ...y.map((text) => ({ kind: 'add' as const, text }))];
  const lcs = Array.from({ length: x.length + 1 }, () => new Uint32Array(y.length + 1));
  for (let i = x.length - 1; i >= 0; i--) for (let j = y.length - 1; j >= 0; j--) lcs[i][j] = x[i] === y[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const out: Array<{ kind: 'same' | 'add' | 'del'; text: string }> = [];
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && x[i] === y[j]) out.push({ kind: 'same', text: x[i++] }), j++;
    else if (j < y.length && (i === x.length || lcs[i][j + 1] >= lcs[i + 1][j])) out.push({ kind: 'add', text: y[j++] });
    else out.push({ kind: 'del', text: x[i++] });
  }
  return out;
}
