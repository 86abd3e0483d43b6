// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import type { Workspace } from '../workspace/model.ts';
import { changedLines, ConflictBanner } from './ConflictBanner.tsx';

afterEach(cleanup);

const ws = (spec: string, registry = '{}'): Workspace => ({ id: 'w', name: 'W', files: { spec, registry }, revision: 1, updatedAt: 1 });

describe('the two-tab conflict', () => {
  test('lists the changed lines with two lines of context and … for the rest', () => {
    const base = Array.from({ length: 10 }, (_, i) => `line ${i}`);
    const theirs = base.map((l, i) => (i === 5 ? 'line 5 changed' : l));
    expect(changedLines(base.join('\n'), theirs.join('\n'))).toEqual([
      { kind: 'gap', text: '…' },
      { kind: 'same', text: 'line 3' },
      { kind: 'same', text: 'line 4' },
      { kind: 'add', text: 'line 5 changed' },
      { kind: 'del', text: 'line 5' },
      { kind: 'same', text: 'line 6' },
      { kind: 'same', text: 'line 7' },
      { kind: 'gap', text: '…' },
    ]);
  });

  test('shows what differs per file and resolves either way', () => {
    const chosen: string[] = [];
    render(<ConflictBanner mine={ws('id: a\nname: mine\n')} theirs={ws('id: a\nname: theirs\n')} onResolve={(k) => chosen.push(k)} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('What differs (spec.yaml)');
    expect(alert.querySelector('.conflict-diff .diff-del')?.textContent).toBe('− name: mine\n');
    expect(alert.querySelector('.conflict-diff .diff-add')?.textContent).toBe('+ name: theirs\n');
    fireEvent.click(screen.getByRole('button', { name: "Keep this tab's version" }));
    fireEvent.click(screen.getByRole('button', { name: "Load the other tab's version" }));
    expect(chosen).toEqual(['mine', 'theirs']);
  });
});
