// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { PackageFiles, lineDiff } from './PackageFiles.tsx';

// Colouring needs Monaco, which jsdom cannot load; the plain text is what these tests read.
vi.mock('./highlight.ts', () => ({ highlight: async () => undefined }));

afterEach(cleanup);

const files = [
  { path: 'pkg/pixi.toml', text: '[project]\n' },
  { path: 'pkg/mod/dags/run.py', text: 'def main():\n    pass\n' },
  { path: 'pkg/mod/__init__.py', text: '' },
];

const tree = () => screen.getByRole('tree', { name: 'Generated files' });
const item = (name: string) => screen.getByRole('treeitem', { name });
const focused = () => document.activeElement?.getAttribute('aria-label');
const press = (key: string) => fireEvent.keyDown(document.activeElement ?? document.body, { key });

describe('PackageFiles tree', () => {
  test('shows folders and files by base name, indented by level, with the full path as the name', () => {
    render(<PackageFiles files={files} previous={undefined} />);
    expect(within(tree()).getAllByRole('treeitem').map((el) => [el.getAttribute('aria-label'), el.getAttribute('aria-level')])).toEqual([
      ['pkg', '1'],
      ['mod', '2'],
      ['dags', '3'],
      ['pkg/mod/dags/run.py', '4'],
      ['pkg/mod/__init__.py', '3'],
      ['pkg/pixi.toml', '2'],
    ]);
    expect(item('pkg/pixi.toml').textContent).toBe('pixi.toml');
    expect(item('pkg')).toHaveProperty('ariaExpanded', 'true');
    // The first file in compile order is shown until the user picks another.
    expect(item('pkg/pixi.toml').getAttribute('aria-selected')).toBe('true');
    expect(item('pkg/mod/__init__.py').getAttribute('aria-selected')).toBe('false');
    expect(screen.getByLabelText('Contents of pkg/pixi.toml').textContent).toBe('[project]\n');
    expect(screen.getByLabelText('Diff against the previous compile')).toBeTruthy();
  });

  test('clicking a file shows it; clicking a folder collapses and expands it', () => {
    render(<PackageFiles files={files} previous={undefined} />);
    fireEvent.click(screen.getByText('run.py'));
    expect(item('pkg/mod/dags/run.py').getAttribute('aria-selected')).toBe('true');
    expect(screen.getByLabelText('Contents of pkg/mod/dags/run.py').textContent).toContain('def main():');
    fireEvent.click(screen.getByText('mod'));
    expect(item('mod').getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('treeitem', { name: 'pkg/mod/dags/run.py' })).toBeNull();
    fireEvent.click(screen.getByText('mod'));
    expect(item('pkg/mod/dags/run.py')).toBeTruthy();
  });

  test('one tab stop, and the keyboard moves, opens, closes and selects', () => {
    render(<PackageFiles files={files} previous={undefined} />);
    // The tab stop starts on the file shown.
    expect(within(tree()).getAllByRole('treeitem').filter((el) => el.tabIndex === 0).map((el) => el.getAttribute('aria-label'))).toEqual(['pkg/pixi.toml']);
    item('pkg/pixi.toml').focus();
    press('Home');
    expect(focused()).toBe('pkg');
    press('ArrowDown');
    expect(focused()).toBe('mod');
    press('ArrowLeft'); // collapse mod
    expect(item('mod').getAttribute('aria-expanded')).toBe('false');
    press('ArrowDown');
    expect(focused()).toBe('pkg/pixi.toml');
    press('ArrowUp');
    press('ArrowRight'); // expand mod
    expect(item('mod').getAttribute('aria-expanded')).toBe('true');
    press('ArrowRight'); // into mod
    expect(focused()).toBe('dags');
    press('ArrowRight');
    expect(focused()).toBe('pkg/mod/dags/run.py');
    press('Enter');
    expect(item('pkg/mod/dags/run.py').getAttribute('aria-selected')).toBe('true');
    expect(screen.getByLabelText('Contents of pkg/mod/dags/run.py')).toBeTruthy();
    press('ArrowLeft'); // a file goes to its folder
    expect(focused()).toBe('dags');
    press(' '); // Space toggles a folder
    expect(item('dags').getAttribute('aria-expanded')).toBe('false');
    press('End');
    expect(focused()).toBe('pkg/pixi.toml');
    press(' ');
    expect(item('pkg/pixi.toml').getAttribute('aria-selected')).toBe('true');
    expect(within(tree()).getAllByRole('treeitem').filter((el) => el.tabIndex === 0)).toEqual([item('pkg/pixi.toml')]);
  });

  test('against a previous package, marks added, changed and removed files, and shows a removed one as its diff', () => {
    const previous = [
      { path: 'pkg/pixi.toml', text: '[project]\nname = "old"\n' },
      { path: 'pkg/mod/__init__.py', text: '' },
      { path: 'pkg/old.py', text: 'gone = True\n' },
    ];
    render(<PackageFiles files={files} previous={previous} previousLabel="previous.zip" />);
    // The visible marker is hidden from screen readers, which read the word as the item's description.
    const described = (name: string, description: string) => screen.getByRole('treeitem', { name, description });
    expect(described('pkg/mod/dags/run.py', '(added)').textContent).toBe('run.py+(added)');
    expect(described('pkg/pixi.toml', '(changed)')).toBeTruthy();
    expect(described('pkg/old.py', '(removed)')).toBeTruthy();
    expect(item('pkg/mod/__init__.py').getAttribute('aria-describedby')).toBeNull(); // unchanged: no marker
    expect(screen.getByLabelText('Diff against previous.zip')).toBeTruthy();

    fireEvent.click(screen.getByText('old.py'));
    const view = screen.getByLabelText('Contents of pkg/old.py');
    expect([...view.querySelectorAll('span')].map((s) => [s.className, s.textContent])).toEqual([['diff-del', '- gone = True\n'], ['diff-del', '- \n']]);

    fireEvent.click(screen.getByText('pixi.toml'));
    fireEvent.click(screen.getByLabelText('Diff against previous.zip'));
    expect(screen.getByLabelText('Contents of pkg/pixi.toml').textContent).toBe('  [project]\n- name = "old"\n  \n');
  });
});

describe('lineDiff', () => {
  test('an empty side has no lines', () => {
    expect(lineDiff('', 'a')).toEqual([{ kind: 'add', text: 'a' }]);
    expect(lineDiff('a\nb', 'a\nc')).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'add', text: 'c' },
      { kind: 'del', text: 'b' },
    ]);
  });
});
