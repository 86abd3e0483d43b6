import { describe, expect, it } from 'vitest';
import { hasReference, readReference, skipReason } from '../../test-support/reference.ts';
import { registryJson, type TaskSpec } from '../../test-support/registry-builder.ts';
import type { Diagnostic } from '../util/diagnostics.ts';
import { dumpPythonJson } from '../util/python-json.ts';
import { loadRegistry } from './load-registry.ts';
import { RegistryIndex, type KnownTask } from './registry-index.ts';

const REGISTRY = ['wt-examples', 'docs-custom-tasks', 'registry.json'] as const;

type Brief = { code: string; severity: string; line: number; column: number };
const brief = (d: Diagnostic): Brief => ({ code: d.code, severity: d.severity, line: d.range.start.line, column: d.range.start.column });

/** A minimal task taking one required integer `x`. */
const xTask = (module: string, fn: string, publicModule = module, tags: string[] = []): TaskSpec => ({
  fn,
  module,
  publicModule,
  description: `Does ${fn}.`,
  tags,
  properties: { x: { title: 'X', type: 'integer' } },
  required: ['x'],
});

function indexOf(text: string): RegistryIndex {
  const loaded = loadRegistry(text);
  expect(loaded.diagnostics).toEqual([]);
  return new RegistryIndex(loaded.registry!);
}

const task = (r: ReturnType<RegistryIndex['resolve']>): KnownTask => {
  if (!('task' in r)) throw new Error(`expected a task, got ${r.code}: ${r.message}`);
  return r.task;
};

describe('the real docs-custom-tasks registry', () => {
  it.skipIf(!hasReference(...REGISTRY))(`loads clean${skipReason(...REGISTRY)}`, () => {
    const text = readReference(...REGISTRY);
    const loaded = loadRegistry(text);
    expect(loaded.diagnostics).toEqual([]);
    expect([...loaded.registry!.entries.keys()]).toEqual([
      'custom_tasks.tasks.add',
      'custom_tasks.tasks.double',
      'custom_tasks.tasks.split_digits',
      'custom_tasks.tasks.parse_int',
    ]);
    const add = loaded.registry!.entries.get('custom_tasks.tasks.add')!;
    expect(add.metadata.description).toBe('Add two integers.');
    // Schema key order and values survive loading exactly.
    expect(dumpPythonJson(add.json_schema)).toBe(
      '{"additionalProperties": false, "properties": {"a": {"title": "A", "type": "integer"}, "b": {"title": "B", "type": "integer"}}, "required": ["a", "b"], "type": "object"}',
    );
  });

  it.skipIf(!hasReference(...REGISTRY))(`resolves short and dotted names${skipReason(...REGISTRY)}`, () => {
    const index = indexOf(readReference(...REGISTRY));
    const byShort = task(index.resolve('add'));
    expect(byShort).toMatchObject({ fqn: 'custom_tasks.tasks.add', importableReference: 'custom_tasks.tasks.add', registryRef: 0, alias: 'add', description: 'Add two integers.' });
    expect(task(index.resolve('custom_tasks.tasks.double')).functionName).toBe('double');
    expect(index.hasFunction('split_digits')).toBe(true);
    expect(index.hasFunction('total')).toBe(false);
  });

  it.skipIf(!hasReference(...REGISTRY))(`suggests the closest task for an unknown name${skipReason(...REGISTRY)}`, () => {
    const index = indexOf(readReference(...REGISTRY));
    const short = index.resolve('ad');
    expect(short).toMatchObject({ code: 'unknown-task' });
    expect('message' in short && short.message).toContain('did you mean `add`');
    const dotted = index.resolve('custom_tasks.tasks.dubble');
    expect(dotted).toMatchObject({ code: 'unknown-task' });
    expect('message' in dotted && dotted.message).toContain('did you mean `double`');
  });
});

describe('loadRegistry diagnostics', () => {
  it('reports invalid JSON with a position', () => {
    const loaded = loadRegistry('{\n  "entries": {,\n}');
    expect(loaded.registry).toBeUndefined();
    expect(loaded.diagnostics.map(brief)).toEqual([{ code: 'json-syntax', severity: 'error', line: 2, column: 15 }]);
    expect(loaded.diagnostics[0].source).toBe('registry');
  });

  it('reports a non-object registry', () => {
    expect(loadRegistry('[]').diagnostics.map(brief)).toEqual([{ code: 'invalid-registry', severity: 'error', line: 1, column: 1 }]);
  });

  it('reports bad entries at their position and keeps the good ones', () => {
    const lines = [
      '{', // 1
      '  "entries": {', // 2
      '    "m.ok": {"function_name": "ok", "module_path": "m", "public_module_path": "m", "json_schema": {"type": "object"}},', // 3
      '    "m.nofn": {"module_path": "m", "public_module_path": "m", "json_schema": {}},', // 4
      '    "m.badschema": {"function_name": "badschema", "module_path": "m", "public_module_path": "m", "json_schema": []},', // 5
      '    "m.notobj": 3,', // 6
      '    "m.badtags": {"function_name": "badtags", "module_path": "m", "public_module_path": "m", "json_schema": {}, "metadata": {"tags": "io"}}', // 7
      '  },', // 8
      '  "version": "1.0.0",', // 9
      '  "extra": 1', // 10
      '}', // 11
    ];
    const loaded = loadRegistry(lines.join('\n'));
    const col = (line: number, needle: string) => lines[line - 1].indexOf(needle) + 1;
    expect(loaded.diagnostics.map(brief)).toEqual([
      { code: 'invalid-registry-entry', severity: 'error', line: 4, column: col(4, '{"module_path"') },
      { code: 'invalid-registry-entry', severity: 'error', line: 5, column: col(5, '[]') },
      { code: 'invalid-registry-entry', severity: 'error', line: 6, column: col(6, '3') },
      { code: 'invalid-registry-entry', severity: 'error', line: 7, column: col(7, '"io"') },
      { code: 'unknown-key', severity: 'warning', line: 10, column: 3 },
    ]);
    expect(loaded.diagnostics[0].message).toContain('function_name');
    expect([...loaded.registry!.entries.keys()]).toEqual(['m.ok', 'm.badtags']);
    // Metadata defaults: title is the function name in Title Case.
    expect(loaded.registry!.entries.get('m.ok')!.metadata).toEqual({ title: 'Ok', description: null, tags: [], deprecated: false, deprecation_message: null });
  });

  it('requires entries and version', () => {
    const d = loadRegistry('{"entries": []}').diagnostics.map(brief);
    expect(d).toEqual([
      { code: 'invalid-registry', severity: 'error', line: 1, column: 1 },
      { code: 'invalid-registry', severity: 'error', line: 1, column: 13 },
    ]);
  });

  it('warns about an unexpected format version', () => {
    const text = JSON.stringify({ entries: {}, version: '2.0.0' });
    expect(loadRegistry(text).diagnostics.map((d) => [d.code, d.severity])).toEqual([['registry-version', 'warning']]);
  });
});

describe('RegistryIndex with duplicate function names', () => {
  const text = registryJson([xTask('pkg_a.tasks', 'fn', 'pkg_a'), xTask('pkg_b.internal', 'fn', 'pkg_b'), xTask('pkg_c.tasks', 'fn', 'pkg_c'), xTask('pkg_a.tasks', 'other', 'pkg_a')]);

  it('numbers later duplicates 1, 2 and aliases them fn_1, fn_2', () => {
    const index = indexOf(text);
    const [a, b, c] = ['pkg_a.fn', 'pkg_b.fn', 'pkg_c.fn'].map((n) => task(index.resolve(n)));
    expect([a.registryRef, b.registryRef, c.registryRef]).toEqual([0, 1, 2]);
    expect([a.alias, b.alias, c.alias]).toEqual(['fn', 'fn_1', 'fn_2']);
    expect(b.fqn).toBe('pkg_b.internal.fn');
    expect(task(index.resolve('other')).registryRef).toBe(0);
  });

  it('makes the short name ambiguous, listing the full paths', () => {
    const r = indexOf(text).resolve('fn');
    expect(r).toMatchObject({ code: 'ambiguous-task' });
    const message = 'message' in r ? r.message : '';
    for (const p of ['`pkg_a.fn`', '`pkg_b.fn`', '`pkg_c.fn`']) expect(message).toContain(p);
  });

  it('points a private module path at the public one', () => {
    const r = indexOf(text).resolve('pkg_b.internal.fn');
    expect(r).toMatchObject({ code: 'unknown-task-module' });
    expect('message' in r && r.message).toContain('`pkg_b.fn`');
  });

  it('lists where a function is available for a wrong module', () => {
    const r = indexOf(text).resolve('nope.fn');
    expect(r).toMatchObject({ code: 'unknown-task-module' });
    expect('message' in r && r.message).toContain('`pkg_c.fn`');
  });

  it('keeps only recognised tags', () => {
    const index = indexOf(registryJson([xTask('m', 'load', 'm', ['io', 'plotting'])]));
    expect(task(index.resolve('load')).tags).toEqual(['io']);
  });
});
