// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { TaskSummary } from '../../worker/protocol.ts';
import { exampleFileUrl, forgetExampleList } from '../examples.ts';
import { RegistryPanel } from './RegistryPanel.tsx';

const index = [
  { id: 'hello-wt', title: 'Hello wt' },
  { id: 'wildlife-counts', title: 'Wildlife counts' },
];

/** A fetch that serves the example list and each example's registry, and records what was asked for. */
function stubFetch(files: Record<string, string>) {
  const requested: string[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL) => {
    const url = String(input);
    requested.push(url);
    const body = files[url];
    return body === undefined ? new Response('not found', { status: 404 }) : new Response(body, { status: 200 });
  });
  vi.stubGlobal('fetch', fetch);
  return requested;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  forgetExampleList();
});

const task: TaskSummary = {
  functionName: 'get_sightings',
  importableReference: 'wt_tasks.get_sightings',
  title: 'Get sightings',
  description: null,
  tags: [],
  deprecated: false,
  ambiguous: false,
  parameters: [{ name: 'page_size', type: 'integer', required: false, default: '500' }],
};

describe('RegistryPanel', () => {
  test('loads a bundled example registry, chosen by title', async () => {
    const requested = stubFetch({
      [`${import.meta.env.BASE_URL}examples/index.json`]: JSON.stringify(index),
      [exampleFileUrl('wildlife-counts', 'registry.json')]: '{"entries": {"wildlife": 1}}',
    });
    const loaded: Array<[string, string]> = [];
    render(<RegistryPanel tasks={[]} onLoadFile={async (text, name) => void loaded.push([text, name])} />);
    const select = screen.getByLabelText('Bundled example registry') as HTMLSelectElement;
    await waitFor(() => expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['Hello wt', 'Wildlife counts']));
    fireEvent.change(select, { target: { value: 'wildlife-counts' } });
    fireEvent.click(screen.getByRole('button', { name: 'Load example registry' }));
    await waitFor(() => expect(loaded).toEqual([['{"entries": {"wildlife": 1}}', 'wildlife-counts/registry.json']]));
    expect(requested.at(-1)).toBe('/examples/wildlife-counts/registry.json');
    expect(screen.getByRole('status').textContent).toBe('Loaded the registry of the example "Wildlife counts".');
  });

  test('a registry that cannot be fetched is reported, and nothing is loaded', async () => {
    stubFetch({ [`${import.meta.env.BASE_URL}examples/index.json`]: JSON.stringify(index) });
    const onLoadFile = vi.fn();
    render(<RegistryPanel tasks={[]} onLoadFile={onLoadFile} />);
    const button = screen.getByRole('button', { name: 'Load example registry' }) as HTMLButtonElement;
    await waitFor(() => expect(button.disabled).toBe(false));
    fireEvent.click(button);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Could not load the registry of the example "Hello wt": HTTP 404.'));
    expect(onLoadFile).not.toHaveBeenCalled();
  });

  test('without the example list the picker is disabled and says why', async () => {
    stubFetch({});
    render(<RegistryPanel tasks={[]} onLoadFile={async () => undefined} />);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/^The bundled examples could not be listed: .*HTTP 404/));
    expect((screen.getByLabelText('Bundled example registry') as HTMLSelectElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Load example registry' }) as HTMLButtonElement).disabled).toBe(true);
  });

  test('the task list and each parameter table are named; the URL field says where it is fetched', () => {
    stubFetch({});
    render(<RegistryPanel tasks={[task]} onLoadFile={async () => undefined} />);
    const list = screen.getByRole('list', { name: 'Registered tasks' });
    expect(within(list).getByRole('table', { name: 'Parameters of get_sightings' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Registry URL' }).getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByText(/fetches this URL exactly as typed/)).toBeTruthy();
  });

  test('an invalid pasted registry is refused in the panel, and the paste stays to be fixed', async () => {
    stubFetch({ [`${import.meta.env.BASE_URL}examples/index.json`]: JSON.stringify(index) });
    const onLoadFile = vi.fn(async (text: string) => (text.startsWith('{') ? undefined : 'The pasted registry was not loaded: it is not a readable registry (line 1: bad).'));
    render(<RegistryPanel tasks={[task]} onLoadFile={onLoadFile} />);
    await waitFor(() => expect((screen.getByLabelText('Bundled example registry') as HTMLSelectElement).disabled).toBe(false));
    const box = screen.getByRole('textbox', { name: /Registry JSON/ }) as HTMLTextAreaElement;
    fireEvent.change(box, { target: { value: 'not json' } });
    fireEvent.click(screen.getByRole('button', { name: 'Use pasted registry' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('The pasted registry was not loaded'));
    expect(box.value).toBe('not json');
    fireEvent.change(box, { target: { value: '{"entries": {}}' } });
    fireEvent.click(screen.getByRole('button', { name: 'Use pasted registry' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Using the pasted registry.'));
    expect(box.value).toBe('');
  });
});
