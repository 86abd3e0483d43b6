// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CoreClient } from '../../worker/client.ts';
import type { EdgeSummary, GraphResponse, InstanceSummary } from '../../worker/protocol.ts';
import { clearGraphCache } from './use-graph-svg.ts';
import WorkflowGraph from './WorkflowGraph.tsx';

const SVG = `<svg width="100pt" height="50pt" viewBox="0.00 0.00 100.00 50.00" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">
<g id="graph0" class="graph"><title>workflow</title>
<g id="node1" class="node"><title>a</title><polygon fill="lightgrey" points="0,0 10,0 10,10 0,10 0,0"/></g>
<g id="node2" class="node"><title>b</title><polygon fill="lightgrey" points="20,0 30,0 30,10 20,10 20,0"/></g>
<g id="edge1" class="edge"><title>a:return&#45;&gt;b:x</title><path d="M10,5L20,5"/></g>
</g></svg>`;

const instances: InstanceSummary[] = [
  { id: 'a', name: 'A', task: 'task_a', line: 2, column: 7 },
  { id: 'b', name: 'B', task: 'task_b', group: 'G', line: 5, column: 7 },
];
const edges: EdgeSummary[] = [{ from: 'a', to: 'b', arg: 'x' }];

const GRAPH = { kind: 'graph', dot: 'digraph { a -> b }', nodes: 2 } as const;

function setup(workspaceId?: string) {
  let release!: (r: GraphResponse) => void;
  const request = vi.fn(() => new Promise<GraphResponse>((resolve) => (release = resolve)));
  const onActivateTask = vi.fn();
  const client = { request } as unknown as CoreClient;
  const result = render(<WorkflowGraph graph={GRAPH} workspaceId={workspaceId} instances={instances} edges={edges} client={client} onActivateTask={onActivateTask} />);
  return { request, onActivateTask, view: { ...result, client }, answer: (svg = SVG) => act(async () => release({ svg, diagnostics: [] })) };
}

describe('WorkflowGraph', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    clearGraphCache();
    localStorage.clear();
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('shows a loading state, then focusable nodes that activate with Enter, Space and click', async () => {
    const { request, onActivateTask, answer } = setup();
    expect(screen.getByText(/Loading Graphviz/).closest('[role="status"]')).not.toBeNull();
    await act(async () => vi.advanceTimersByTime(0));
    expect(request).toHaveBeenCalledWith({ type: 'graph', dot: 'digraph { a -> b }', rankdir: 'LR' });
    await answer();
    expect(screen.queryByText(/Loading Graphviz/)).toBeNull();

    const a = screen.getByRole('button', { name: 'a: A (task_a)' });
    const b = screen.getByRole('button', { name: 'b: B (task_b)' });
    expect(a.getAttribute('data-task-id')).toBe('a');
    fireEvent.keyDown(a, { key: 'Enter' });
    expect(onActivateTask).toHaveBeenLastCalledWith('a');
    expect(a.getAttribute('aria-current')).toBe('true');
    fireEvent.keyDown(b, { key: ' ' });
    expect(onActivateTask).toHaveBeenLastCalledWith('b');
    expect(a.hasAttribute('aria-current')).toBe(false);
    expect(b.classList.contains('is-active')).toBe(true);
    fireEvent.click(a.querySelector('polygon')!);
    expect(onActivateTask).toHaveBeenLastCalledWith('a');
    expect(onActivateTask).toHaveBeenCalledTimes(3);
  });

  it('zooms with the buttons and resets', async () => {
    const { answer } = setup();
    await act(async () => vi.advanceTimersByTime(0));
    await answer();
    const level = screen.getByRole('status', { name: 'Zoom level' });
    expect(level.textContent).toBe('100%');
    fireEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
    expect(level.textContent).toBe('125%');
    const svg = document.querySelector('svg')!;
    expect(svg.style.width).toBe('166.67px');
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(level.textContent).toBe('100%');
    fireEvent.click(screen.getByRole('button', { name: 'Zoom out' }));
    expect(level.textContent).toBe('80%');
  });

  it('toggles to an accessible table whose task buttons activate tasks', async () => {
    const { onActivateTask, answer } = setup();
    await act(async () => vi.advanceTimersByTime(0));
    await answer();
    const toggle = screen.getByRole('button', { name: 'Show table' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(toggle);
    expect(screen.getByRole('button', { name: 'Show graph' }).getAttribute('aria-pressed')).toBe('true');
    const table = screen.getByRole('table', { name: 'Tasks (2)' });
    expect(table.querySelectorAll('tbody tr')).toHaveLength(2);
    expect(table.querySelector('tbody tr:nth-child(2)')!.textContent).toContain('a (x)');
    expect(screen.getByRole('table', { name: 'Dependencies (1)' }).querySelectorAll('tbody tr')).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'b' }));
    expect(onActivateTask).toHaveBeenLastCalledWith('b');
    // The zoom controls have nothing to act on in the table view.
    expect((screen.getByRole('button', { name: 'Zoom in' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('says what is wrong: no workflow yet, and a spec that does not parse keeps the last graph marked stale', async () => {
    const { answer, view } = setup();
    await act(async () => vi.advanceTimersByTime(0));
    await answer();
    view.rerender(<WorkflowGraph graph={{ kind: 'unreadable', message: 'The spec does not parse (line 4: bad indentation).', line: 4 }} instances={instances} edges={edges} client={view.client} onActivateTask={() => {}} />);
    expect(screen.getByText(/line 4: bad indentation/).textContent).toMatch(/Showing the last good graph, marked stale/);
    const viewport = document.querySelector('.graph-viewport')!;
    expect(viewport.getAttribute('data-stale')).toBe('true');
    expect(viewport.getAttribute('aria-describedby')).toBe('graph-stale-note');
    expect(screen.getByRole('button', { name: 'a: A (task_a)' })).toBeTruthy();

    view.rerender(<WorkflowGraph graph={{ kind: 'empty', message: 'No workflow yet: add task instances.' }} instances={[]} edges={[]} client={view.client} onActivateTask={() => {}} />);
    expect(screen.getByText('No workflow yet: add task instances.')).toBeTruthy();
    expect((document.querySelector('.graph-stage') as HTMLElement).hidden).toBe(true);
  });

  it('toggles the orientation, lays the graph out again and keeps the choice as a preference', async () => {
    const { request, answer } = setup();
    await act(async () => vi.advanceTimersByTime(0));
    await answer();
    fireEvent.click(screen.getByRole('button', { name: 'Left to right' }));
    expect(request).toHaveBeenLastCalledWith({ type: 'graph', dot: 'digraph { a -> b }', rankdir: 'TB' });
    expect(localStorage.getItem('wt-workbench:graph-orientation')).toBe('TB');
    await answer();
    expect(screen.getByRole('button', { name: 'Top to bottom' })).toBeTruthy();
    expect(document.querySelector('.graph-viewport')!.getAttribute('data-orientation')).toBe('TB');
  });

  it('keeps the zoom per workspace', async () => {
    const { answer, view } = setup('ws-1');
    await act(async () => vi.advanceTimersByTime(0));
    await answer();
    const level = screen.getByRole('status', { name: 'Zoom level' });
    fireEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
    expect(level.textContent).toBe('125%');
    // Another workspace starts at its own zoom; coming back restores 125%.
    view.rerender(<WorkflowGraph graph={GRAPH} workspaceId="ws-2" instances={instances} edges={edges} client={view.client} onActivateTask={() => {}} />);
    expect(level.textContent).toBe('100%');
    view.rerender(<WorkflowGraph graph={GRAPH} workspaceId="ws-1" instances={instances} edges={edges} client={view.client} onActivateTask={() => {}} />);
    expect(level.textContent).toBe('125%');
    cleanup();
    setup('ws-1');
    expect(screen.getByRole('status', { name: 'Zoom level' }).textContent).toBe('125%');
  });
});
