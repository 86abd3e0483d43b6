// @vitest-environment jsdom
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import { indexRegistry } from '../../core/compiler/index.ts';
import { describeRegistry } from '../../core/registry/index.ts';
import type { CoreClient } from '../../worker/client.ts';
import type { RegistryRequest, RegistryResponse } from '../../worker/protocol.ts';
import { useRegistry } from './use-registry.ts';

afterEach(cleanup);

/** Answers registry requests in-process, as the worker does. */
const client = {
  request: async (r: RegistryRequest): Promise<RegistryResponse> => {
    const { index, diagnostics } = indexRegistry(r.registryText);
    return { diagnostics, tasks: index ? describeRegistry(index) : [] };
  },
} as unknown as CoreClient;

const good = JSON.stringify({
  entries: {
    'm.f': {
      metadata: { title: 'F', description: '', tags: [], deprecated: false, deprecation_message: null },
      module_path: 'm',
      public_module_path: 'm',
      function_name: 'f',
      import_statement: 'from m import f as f',
      json_schema: { additionalProperties: false, properties: {}, type: 'object' },
    },
  },
  version: '1.0.0',
});

describe('the registry in use', () => {
  test('while registry.json has errors the last valid one stays in use, its errors are reported, and a fix takes over', async () => {
    const saved: string[] = [];
    const h = renderHook(({ text }) => useRegistry(client, 'ws', text, (t) => saved.push(t)), { initialProps: { text: good } });
    await waitFor(() => expect(h.result.current.tasks.map((t) => t.functionName)).toEqual(['f']));
    h.rerender({ text: good.slice(0, 40) });
    await waitFor(() => expect(h.result.current.rejected?.map((d) => d.code)).toContain('registry-not-used'));
    expect(h.result.current.text).toBe(good);
    expect(h.result.current.tasks).toHaveLength(1);
    h.rerender({ text: good.replace('"F"', '"G"') });
    await waitFor(() => expect(h.result.current.tasks[0]?.title).toBe('G'));
    expect(h.result.current.rejected).toBeUndefined();
  });

  test('a registry from outside is checked before it is saved: an invalid one is refused with a message', async () => {
    const saved: string[] = [];
    const h = renderHook(() => useRegistry(client, 'ws', good, (t) => saved.push(t)));
    let error: string | undefined;
    await act(async () => {
      error = await h.result.current.accept('{"entries": ', 'pasted.json');
    });
    expect(error).toMatch(/^pasted\.json was not loaded: it is not a readable registry \(line 1: .+\)\. The registry in use stays/);
    expect(saved).toEqual([]);
    await act(async () => {
      error = await h.result.current.accept(good, 'good.json');
    });
    expect(error).toBeUndefined();
    expect(saved).toEqual([good]);
  });

  test('another workspace never inherits the last valid registry of the one before', async () => {
    const h = renderHook(({ id, text }) => useRegistry(client, id, text, () => undefined), { initialProps: { id: 'a', text: good } });
    await waitFor(() => expect(h.result.current.tasks).toHaveLength(1));
    h.rerender({ id: 'b', text: 'broken' });
    expect(h.result.current.text).toBe('broken');
  });
});
