import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveRegistry } from '../../test-support/derive-registry.ts';
import { hasReference, readReference, skipReason } from '../../test-support/reference.ts';
import { checkSpec, compileWorkflow } from '../compiler/compile.ts';
import { loadRegistry, RegistryIndex } from '../registry/index.ts';
import type { Diagnostic } from '../util/diagnostics.ts';
import { parseJson } from '../util/json-parse.ts';
import { dumpPythonJsonFile } from '../util/python-json.ts';
import { parseSpec } from './parse-spec.ts';

/** Every diagnostic points inside the text: 1-based line within the line count, column within that line (+1 for its end). */
function expectPositioned(text: string, diagnostics: Diagnostic[]): void {
  const lines = text.split('\n');
  for (const d of diagnostics) {
    expect(d.message.length).toBeGreaterThan(0);
    expect(d.code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    for (const p of [d.range.start, d.range.end]) {
      expect(Number.isInteger(p.line) && Number.isInteger(p.column)).toBe(true);
      expect(p.line).toBeGreaterThanOrEqual(1);
      expect(p.line).toBeLessThanOrEqual(lines.length);
      expect(p.column).toBeGreaterThanOrEqual(1);
      expect(p.column).toBeLessThanOrEqual(lines[p.line - 1].length + 1);
    }
    const { start, end } = d.range;
    expect(start.line < end.line || (start.line === end.line && start.column <= end.column)).toBe(true);
  }
}

// ---------------------------------------------------------------------------------------------
// Text mutations: line deletions/duplications/swaps, character insertions, indentation changes.

const INSERTS = [':', '-', ' ', '  ', '\t', '{', '}', '[', ']', '"', "'", '&a ', '*a', '!!float ', '#', '|', '>', '%', '@', '`', '$', '${{', '}}', ',', '?', '\n', '\r', 'x', '0', '.', 'é', '\u0000', '---\n', '- id: x\n'];

type Mutation = { kind: 'delete' | 'duplicate' | 'swap' | 'insert' | 'indent' | 'dedent'; at: number; col: number; text: string };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('delete', 'duplicate', 'swap', 'insert', 'indent', 'dedent'),
  at: fc.nat(),
  col: fc.nat(),
  text: fc.oneof(fc.constantFrom(...INSERTS), fc.string({ unit: 'binary', maxLength: 3 })),
});

function mutate(source: string, mutations: Mutation[]): string {
  const lines = source.split('\n');
  for (const m of mutations) {
    if (lines.length === 0) lines.push('');
    const i = m.at % lines.length;
    const line = lines[i];
    switch (m.kind) {
      case 'delete':
        lines.splice(i, 1);
        break;
      case 'duplicate':
        lines.splice(i, 0, line);
        break;
      case 'swap': {
        const j = (i + 1) % lines.length;
        [lines[i], lines[j]] = [lines[j], lines[i]];
        break;
      }
      case 'insert': {
        const c = m.col % (line.length + 1);
        lines[i] = line.slice(0, c) + m.text + line.slice(c);
        break;
      }
      case 'indent':
        lines[i] = '  ' + line;
        break;
      case 'dedent':
        lines[i] = line.replace(/^ {1,2}/, '');
        break;
    }
  }
  return lines.join('\n');
}
const mutations = fc.array(mutation, { minLength: 1, maxLength: 6 });

// ---------------------------------------------------------------------------------------------

describe('parseSpec on arbitrary text', () => {
  const YAML_TOKENS = ['id: ', 'requirements:', 'workflow:', 'task: ', 'partial:', 'map:', 'skipif:', 'type: task-group', 'tasks:', '\n', '  ', '- ', ': ', '{', '}', '[', ']', ',', '"', "'", '&x ', '*x', '!!str ', '!!float ', '? ', '# c', '|', '>-', '${{ workflow.a.return }}', 'a', '1.0', '1e3', 'null', '~', '---', '...', '\t', '%YAML 1.2\n'];
  const texts = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.array(fc.constantFrom(...YAML_TOKENS), { maxLength: 40 }).map((t) => t.join('')));

  it('never throws and positions every diagnostic inside the text', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const { diagnostics } = parseSpec(text);
        expectPositioned(text, diagnostics);
      }),
      { numRuns: 300 },
    );
  });
});

const EVENTS = ['wt-examples', 'events', 'spec.yaml'];
const EVENTS_PARAMS = ['wt-examples', 'events', 'compiled', 'params.json'];

describe('mutated events spec', () => {
  const skip = !hasReference(...EVENTS) || !hasReference(...EVENTS_PARAMS);
  const why = skipReason(...EVENTS) || skipReason(...EVENTS_PARAMS);

  it.skipIf(skip)(`parseSpec never throws and returns positioned diagnostics${why}`, () => {
    const source = readReference(...EVENTS);
    expect(parseSpec(source).diagnostics).toEqual([]);
    fc.assert(
      fc.property(mutations, (ms) => {
        const text = mutate(source, ms);
        const { diagnostics } = parseSpec(text);
        expectPositioned(text, diagnostics);
      }),
      { numRuns: 200 },
    );
  });

  it.skipIf(skip)(`compileWorkflow with the derived registry never throws${why}`, () => {
    const source = readReference(...EVENTS);
    const index = new RegistryIndex(loadRegistry(deriveRegistry(readReference(...EVENTS_PARAMS), source)).registry!);
    fc.assert(
      fc.property(mutations, (ms) => {
        const text = mutate(source, ms);
        const r = compileWorkflow(text, index);
        expectPositioned(text, r.diagnostics);
        if (r.schemas) expect(r.diagnostics.some((d) => d.severity === 'error')).toBe(false);
      }),
      { numRuns: 100 },
    );
  });
});

const DOCS = ['wt-examples', 'docs-custom-tasks'];
const TUTORIALS = ['single-task', 'chaining-tasks', 'chaining-with-partial', 'map'];

describe('mutated tutorial specs with the real tutorial registry', () => {
  const skip = !hasReference(...DOCS, 'registry.json');
  const why = skipReason(...DOCS, 'registry.json');

  it.skipIf(skip)(`checkSpec and compileWorkflow never throw; output is well-formed when there are no errors${why}`, () => {
    const registryText = readReference(...DOCS, 'registry.json');
    const index = new RegistryIndex(loadRegistry(registryText).registry!);
    const sources = TUTORIALS.map((t) => readReference(...DOCS, t, 'spec.yaml'));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: sources.length - 1 }), mutations, fc.boolean(), (which, ms, asText) => {
        const text = mutate(sources[which], ms);
        const registry = asText ? registryText : index;
        const checked = checkSpec(text, registry);
        expectPositioned(text, checked.diagnostics);
        const r = compileWorkflow(text, registry);
        expectPositioned(text, r.diagnostics);
        if (r.schemas) {
          expect(r.diagnostics.some((d) => d.severity === 'error')).toBe(false);
          for (const out of [r.schemas.paramsJsonText, r.schemas.rjsfJsonText]) {
            const parsed = parseJson(out);
            expect(parsed.diagnostics).toEqual([]);
            expect(dumpPythonJsonFile(parsed.value!)).toBe(out);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
