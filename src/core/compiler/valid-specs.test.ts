import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveRegistry } from '../../test-support/derive-registry.ts';
import { hasReference, readReference, referencePath, skipReason } from '../../test-support/reference.ts';
import { registryJson } from '../../test-support/registry-builder.ts';
import type { Diagnostic } from '../util/diagnostics.ts';
import { checkSpec, compileWorkflow } from './compile.ts';

/**
 * Issue 8 §1: a spec wt-compiler compiles must check clean (no warning, no error). These specs
 * are shaped like real production workflows that used to get false warnings.
 */

const yaml = (...lines: string[]) => lines.join('\n') + '\n';
const loud = (ds: Diagnostic[]) => ds.filter((d) => d.severity !== 'info').map((d) => `${d.range.start.line}:${d.range.start.column} ${d.severity}[${d.code}] ${d.message}`);

// `draw_text` declares `filename` with Field(exclude=True): it is absent from the registry schema.
const REGISTRY = registryJson([
  { fn: 'set_string_var', properties: { var: { type: 'string' } } },
  { fn: 'split_groups', properties: { df: { type: 'object' }, groupers: { type: 'array' } } },
  { fn: 'draw_text', properties: { text: { type: 'string' }, size: { type: 'integer', default: 12 } } },
  { fn: 'persist_text', properties: { text: { type: 'string' }, root_path: { type: 'string' } } },
]);

describe('valid production-shaped specs check clean', () => {
  it('accepts `partial: {text: …}` together with `mapvalues: {argnames: text}` (the mapped value wins)', () => {
    const spec = yaml(
      'id: wf',
      'requirements: []',
      'workflow:',
      '  - id: groups',
      '    task: split_groups',
      '  - id: titles',
      '    task: draw_text',
      '    partial:',
      '      text: placeholder',
      '      filename: titles.png',
      '    mapvalues:',
      '      argnames: text',
      '      argvalues: ${{ workflow.groups.return }}',
    );
    const r = compileWorkflow(spec, REGISTRY);
    expect(loud(r.diagnostics)).toEqual([]);
    expect(r.schemas).toBeDefined();
  });

  it('accepts a `filename` bound only in partial although the registry schema does not list it (at most a note)', () => {
    const spec = yaml('id: wf', 'requirements: []', 'workflow:', '  - id: t', '    task: draw_text', '    partial:', '      filename: out.png');
    const r = checkSpec(spec, REGISTRY);
    expect(loud(r.diagnostics)).toEqual([]);
    expect(r.diagnostics.map((d) => [d.severity, d.code, d.range.start.line])).toEqual([['info', 'partial-argument-not-in-schema', 7]]);
  });

  it('accepts tabs after a colon, in flow collections and in quoted continuation lines', () => {
    const spec = yaml(
      'id:\twf',
      'requirements: []',
      'workflow:',
      '  - id: title',
      '    task:\tset_string_var',
      '    partial:',
      '      var:\t"a long\n\ttitle"',
      '  - id: text',
      '    task: persist_text',
      '    partial: {text:\t"${{ workflow.title.return }}",\troot_path: "/tmp"}',
      '  - id: groups',
      '    task: split_groups',
      '    partial:',
      '      groupers: [a,\tb,',
      '\tc]   \t# a comment after a tab',
      '\t',
    );
    const r = checkSpec(spec, REGISTRY);
    expect(loud(r.diagnostics)).toEqual([]);
  });

  it('still reports a tab used as indentation, as an error at the tab', () => {
    const spec = yaml('id: wf', 'requirements: []', 'workflow:', '  - id: t', '\t  task: set_string_var');
    const r = checkSpec(spec, REGISTRY);
    expect(r.diagnostics.map((d) => [d.severity, d.code, d.range.start.line, d.range.start.column])).toEqual([['error', 'yaml-tab-indentation', 5, 1]]);
  });

  it('still warns about a map argname the task does not have', () => {
    const spec = yaml(
      'id: wf',
      'requirements: []',
      'workflow:',
      '  - id: groups',
      '    task: split_groups',
      '  - id: titles',
      '    task: draw_text',
      '    mapvalues:',
      '      argnames: txt',
      '      argvalues: ${{ workflow.groups.return }}',
    );
    expect(checkSpec(spec, REGISTRY).diagnostics.map((d) => [d.severity, d.code])).toEqual([['warning', 'unknown-argument']]);
  });
});

// ---------------------------------------------------------------------------------------------
// Every real example spec checks with zero warnings and zero errors.

const EXAMPLES = 'wt-examples';
const exampleSpecs: string[] = hasReference(EXAMPLES)
  ? readdirSync(referencePath(EXAMPLES), { recursive: true, encoding: 'utf8' })
      .filter((p) => p.endsWith('spec.yaml'))
      .sort()
  : [];

/** The example's registry: its own registry.json (nearest folder up), else one derived from its compiled params.json. */
function registryFor(specPath: string): string | undefined {
  const parts = specPath.split('/').slice(0, -1);
  for (let i = parts.length; i >= 0; i--) {
    if (existsSync(referencePath(EXAMPLES, ...parts.slice(0, i), 'registry.json'))) return readReference(EXAMPLES, ...parts.slice(0, i), 'registry.json');
  }
  if (existsSync(referencePath(EXAMPLES, ...parts, 'compiled', 'params.json'))) {
    return deriveRegistry(readReference(EXAMPLES, ...parts, 'compiled', 'params.json'), readReference(EXAMPLES, specPath));
  }
  return undefined;
}

describe(`real example specs check clean${skipReason(EXAMPLES)}`, () => {
  it.runIf(exampleSpecs.length > 0)('finds the example specs', () => {
    expect(exampleSpecs.length).toBeGreaterThanOrEqual(5);
  });
  for (const p of exampleSpecs) {
    const registry = registryFor(p);
    it.runIf(registry !== undefined)(`${p}${registry === undefined ? ' [skipped: no registry.json or compiled/params.json beside it]' : ''}`, () => {
      const r = checkSpec(readReference(EXAMPLES, p), registry!);
      expect(loud(r.diagnostics)).toEqual([]);
    });
  }
});
