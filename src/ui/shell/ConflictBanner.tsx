import { useMemo } from 'react';
import { lineDiff } from '../files/PackageFiles.tsx';
import { FILE_NAMES, type FileRole, type Workspace } from '../workspace/model.ts';

/** Unchanged lines shown around each change. */
const CONTEXT = 2;

/** The changed lines of `mine` → `theirs` with a little context, `…` where lines are left out. */
export function changedLines(mine: string, theirs: string): Array<{ kind: 'same' | 'add' | 'del' | 'gap'; text: string }> {
  const diff = lineDiff(mine, theirs);
  const near = diff.map(() => false);
  diff.forEach((l, i) => {
    if (l.kind === 'same') return;
    for (let j = Math.max(0, i - CONTEXT); j <= Math.min(diff.length - 1, i + CONTEXT); j++) near[j] = true;
  });
  const out: Array<{ kind: 'same' | 'add' | 'del' | 'gap'; text: string }> = [];
  diff.forEach((l, i) => {
    if (near[i]) out.push(l);
    else if (out.at(-1)?.kind !== 'gap') out.push({ kind: 'gap', text: '…' });
  });
  return out;
}

/**
 * Another tab saved this workspace while this one has unsaved edits: a banner below the toolbar (it
 * never covers it) with what differs, file by file, and the two ways out.
 */
export function ConflictBanner({ mine, theirs, onResolve }: { mine: Workspace; theirs: Workspace; onResolve(keep: 'mine' | 'theirs'): void }) {
  const files = useMemo(
    () =>
      (Object.keys(FILE_NAMES) as FileRole[])
        .filter((role) => (mine.files[role] ?? '') !== (theirs.files[role] ?? ''))
        .map((role) => ({ role, lines: changedLines(mine.files[role] ?? '', theirs.files[role] ?? '') })),
    [mine, theirs],
  );
  return (
    <div role="alert" className="conflict-banner">
      <p>
        This workspace was changed in another tab.{' '}
        <button type="button" onClick={() => onResolve('theirs')}>
          Load the other tab's version
        </button>{' '}
        <button type="button" onClick={() => onResolve('mine')}>
          Keep this tab's version
        </button>
      </p>
      <details open>
        <summary>What differs ({files.length === 0 ? 'nothing: the files are the same' : files.map((f) => FILE_NAMES[f.role]).join(', ')})</summary>
        {files.map((f) => (
          <figure key={f.role}>
            <figcaption>
              {FILE_NAMES[f.role]}: <span className="diff-del">− this tab</span>, <span className="diff-add">+ the other tab</span>
            </figcaption>
            <pre className="conflict-diff">
              {f.lines.map((l, i) => (
                <span key={i} className={`diff-${l.kind}`}>
                  {l.kind === 'add' ? '+ ' : l.kind === 'del' ? '− ' : '  '}
                  {l.text}
                  {'\n'}
                </span>
              ))}
            </pre>
          </figure>
        ))}
      </details>
    </div>
  );
}
