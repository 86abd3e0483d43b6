import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProvider } from './provider.ts';
import { resolveAnswers } from './questions.ts';

const at = (d: { range: { start: { line: number; column: number } } }) => [d.range.start.line, d.range.start.column];
const codes = (text: string) => parseProvider(text).diagnostics.map((d) => [d.code, ...at(d)]);

describe('parseProvider', () => {
  it('reports bad JSON with its position and never throws', () => {
    const r = parseProvider('{\n  "name": "acme",\n  "questions": [\n    {"dest": "team",}\n  ]\n}', 'p.json');
    expect(r.provider).toBeUndefined();
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', code: 'json-syntax', source: 'p.json', range: expect.objectContaining({ start: { line: 4, column: 21 } }) }),
    ]);
    expect(parseProvider('').diagnostics[0].code).toBe('json-syntax');
    expect(parseProvider('[1]').diagnostics[0].code).toBe('wrong-type');
  });

  it('positions unknown keys, wrong types and a missing name', () => {
    expect(codes('{\n  "nmae": "acme",\n  "questions": {}\n}')).toEqual([
      ['missing-key', 1, 1],
      ['unknown-key', 2, 3],
      ['wrong-type', 3, 16],
    ]);
  });

  it('appends questions, inserts after a named one, and replaces a built-in in place', () => {
    const { provider, diagnostics } = parseProvider(
      JSON.stringify({
        name: 'acme',
        questions: [
          { dest: 'team', help: 'Team', validate: 'non-empty' },
          { dest: 'deploy', type: 'choice', choices: ['gcp', 'local'], default: 'local', after: 'author_name' },
          { dest: 'region', after: 'author_name', default: 'eu' },
          { dest: 'ci_tmp_dir', help: 'Scratch dir', default: '.scratch' },
        ],
      }),
    );
    expect(diagnostics).toEqual([]);
    expect(provider!.questions.map((q) => q.dest)).toEqual([
      'workflow_id', 'workflow_name', 'workflow_description', 'author_name', 'deploy', 'region',
      'license_type', 'ci_test_case', 'ci_tmp_dir', 'requirements', 'team',
    ]);
    expect(provider!.questions.find((q) => q.dest === 'ci_tmp_dir')!.default).toBe('.scratch');
  });

  it('applies overrides to built-ins and requirement fields', () => {
    const { provider, diagnostics } = parseProvider(
      JSON.stringify({
        name: 'acme',
        overrides: { license_type: { choices: ['MIT', 'Apache-2.0'], default: 'MIT' }, 'requirements.channel': { default: 'ecoscope-workflows' } },
      }),
    );
    expect(diagnostics).toEqual([]);
    const { answers, problems } = resolveAnswers(provider!.questions, { workflow_id: 'w', workflow_name: 'W', author_name: 'A', requirements: [{ name: 'p' }] });
    expect(problems).toEqual([]);
    expect(answers.license_type).toBe('MIT');
    expect(answers.requirements).toEqual([{ name: 'p', req_type: 'conda', version: '*', channel: 'ecoscope-workflows' }]);
    expect(resolveAnswers(provider!.questions, { workflow_id: 'w', workflow_name: 'W', author_name: 'A', license_type: 'BSD-3-Clause' }).problems[0].code).toBe('invalid-answer');
  });

  it('rejects bad overrides', () => {
    const r = parseProvider(
      JSON.stringify({
        name: 'acme',
        overrides: { license_type: { choices: ['GPL'] }, nope: {}, workflow_name: { choices: ['a'] }, 'requirements.version': { default: 'not a version!' }, ci_tmp_dir: { colour: 1 } },
      }),
    );
    expect(r.diagnostics.map((d) => d.code).sort()).toEqual(['invalid-default', 'invalid-override', 'invalid-override', 'unknown-key', 'unknown-question']);
  });

  it('checks question definitions', () => {
    const r = parseProvider(
      JSON.stringify({
        name: 'acme',
        questions: [
          { dest: 'not-an-id' },
          { dest: 'year' },
          { dest: 'a', type: 'choice' },
          { dest: 'b', choices: ['x'] },
          { dest: 'c', type: 'list' },
          { dest: 'd', validate: 'non-emtpy' },
          { dest: 'e', validate: { pattern: '(' } },
          { dest: 'f', default: 'Z', validate: { pattern: '[a-z]+' } },
          { dest: 'workflow_id' },
          { dest: 'g' },
          { dest: 'g' },
          { dest: 'h', after: 'nothing' },
        ],
      }),
    );
    expect(r.diagnostics.map((d) => d.code).sort()).toEqual(
      ['invalid-dest', 'invalid-dest', 'missing-choices', 'invalid-choices', 'invalid-type', 'unknown-validator', 'invalid-pattern', 'invalid-default', 'fixed-question', 'duplicate-question', 'unknown-question'].sort(),
    );
    expect(r.diagnostics.find((d) => d.code === 'unknown-validator')!.message).toContain('did you mean `non-empty`');
  });

  it('checks conditions: shape, earlier question, and values that can never match', () => {
    const r = parseProvider(
      JSON.stringify({
        name: 'acme',
        questions: [
          { dest: 'a', condition: { dest: 'b', equals: 'x' } },
          { dest: 'b' },
          { dest: 'c', condition: { dest: 'license_type', equals: 'GPL' } },
          { dest: 'd', condition: { dest: 'requirements', equals: 'x' } },
          { dest: 'e', condition: { dest: 'b', equals: 'x', notEmpty: true } },
          { dest: 'f', condition: { dest: 'zzz', notEmpty: true } },
          { dest: 'g', condition: { dest: 'requirements', notEmpty: true } },
        ],
      }),
    );
    expect(r.diagnostics.map((d) => [d.severity, d.code])).toEqual([
      ['error', 'condition-order'],
      ['warning', 'never-matches'],
      ['error', 'invalid-condition'],
      ['error', 'invalid-condition'],
      ['error', 'unknown-question'],
    ]);
  });

  it('positions an unknown placeholder at the placeholder itself', () => {
    const text = '{\n  "name": "acme",\n  "templates": {\n    "OWNERS": "team: {{ team }} by {{ author_name }}",\n    "x.txt": "{{ requirements }} ${{ github.token }}"\n  }\n}';
    const r = parseProvider(text);
    expect(r.diagnostics.map((d) => [d.code, ...at(d)])).toEqual([
      ['unknown-placeholder', 4, 22],
      ['list-placeholder', 5, 15],
    ]);
  });

  it('checks template paths and removals', () => {
    const r = parseProvider(JSON.stringify({ name: 'a', templates: { '../x': 'a', '/abs': 'a', 'a//b': 'a', 'spec.yaml': null, 'NOTES.md': null, LICENSE: 3 } }));
    expect(r.diagnostics.map((d) => [d.severity, d.code])).toEqual([
      ['error', 'invalid-path'],
      ['error', 'invalid-path'],
      ['error', 'invalid-path'],
      ['error', 'required-file'],
      ['warning', 'nothing-to-remove'],
      ['error', 'wrong-type'],
    ]);
  });

  it('accepts the example in README.md', () => {
    const readme = readFileSync(join(import.meta.dirname, 'README.md'), 'utf8');
    const json = /```json\n([\s\S]*?)```/.exec(readme)![1];
    const r = parseProvider(json);
    expect(r.diagnostics).toEqual([]);
    expect(r.provider!.name).toBe('acme');
    expect(r.provider!.templates.map((t) => t.path)).toEqual(['OWNERS', '.github/workflows/tag.yml']);
  });
});
