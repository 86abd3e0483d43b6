import { useEffect, useMemo, useState } from 'react';
import { highlight } from './highlight.ts';

interface Props {
  files: Array<{ path: string; text: string }> | undefined;
  /** The files to diff against: the compile before, or a package the user opened. */
  previous: Array<{ path: string; text: string }> | undefined;
  /** Names the opened package the diff compares with; the previous compile when absent. */
  previousLabel?: string;
}

/** Every generated file as a tree; the selected one read-only, or its line diff against the previous compile. */
export function PackageFiles({ files, previous, previousLabel }: Props) {
  const [selected, setSelected] = useState<string | undefined>();
  const [showDiff, setShowDiff] = useState(false);
  const current = files?.find((f) => f.path === selected) ?? files?.[0];
  const before = previous?.find((f) => f.path === current?.path);
  const diff = useMemo(() => (current && showDiff ? lineDiff(before?.text ?? '', current.text) : undefined), [current, before, showDiff]);
  const [colored, setColored] = useState<{ path: string; text: string; html: string } | undefined>();
  useEffect(() => {
    if (!current || showDiff) return;
    let stale = false;
    void highlight(current.path, current.text).then((html) => {
      if (!stale && html) setColored({ path: current.path, text: current.text, html });
    });
    return () => {
      stale = true;
    };
  }, [current, showDiff]);
  // Only the colouring of exactly this text is shown; until it is ready, the plain text is.
  const html = colored && current && colored.path === current.path && colored.text === current.text ? colored.html : undefined;
  if (!files) return <p>Fix the errors in the spec to see the package.</p>;
  return (
    <div className="package-files">
      <ul className="file-tree" aria-label="Generated files">
        {files.map((f) => (
          <li key={f.path}>
            <button type="button" aria-current={f.path === current?.path ? 'true' : undefined} onClick={() => setSelected(f.path)}>
              {f.path}
            </button>
          </li>
        ))}
      </ul>
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

/** A line diff by longest common subsequence (files here are small: at most a few thousand lines). */
export function lineDiff(a: string, b: string): Array<{ kind: 'same' | 'add' | 'del'; text: string }> {
  const x = a.split('\n');
  const y = b.split('\n');
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
