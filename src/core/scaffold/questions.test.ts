import { describe, expect, it } from 'vitest';
import { BUILTIN_QUESTIONS, conditionHolds, resolveAnswers, type RawAnswers } from './questions.ts';

const BASE: RawAnswers = { workflow_id: 'my_flow', workflow_name: 'My Flow', author_name: 'Ada' };
const resolve = (extra: RawAnswers = {}) => resolveAnswers(BUILTIN_QUESTIONS, { ...BASE, ...extra });
const errors = (extra: RawAnswers) => resolve(extra).problems.filter((p) => p.severity === 'error');

describe('built-in questions', () => {
  it('come in wt-compiler order', () => {
    expect(BUILTIN_QUESTIONS.map((q) => q.dest)).toEqual([
      'workflow_id',
      'workflow_name',
      'workflow_description',
      'author_name',
      'license_type',
      'ci_test_case',
      'ci_tmp_dir',
      'requirements',
    ]);
    const loop = BUILTIN_QUESTIONS.at(-1)!;
    expect(loop.type).toBe('requirement-loop');
    expect(loop.questions!.map((q) => q.dest)).toEqual(['name', 'req_type', 'version', 'channel', 'source']);
  });

  it('fills defaults', () => {
    const { answers, problems } = resolve();
    expect(problems).toEqual([]);
    expect(answers).toEqual({ ...BASE, workflow_description: '', license_type: 'BSD-3-Clause', ci_test_case: '', ci_tmp_dir: '.wt-tmp', requirements: [] });
  });

  it.each([
    ['my-flow', 'use `_` instead of `-`'],
    ['1flow', 'starts with a digit'],
    ['class', 'Python keyword'],
    ['list', 'shadows the Python built-in'],
    ['x'.repeat(65), 'the limit is 64'],
  ])('rejects workflow_id %j', (id, message) => {
    const [p] = errors({ workflow_id: id });
    expect(p).toMatchObject({ code: 'invalid-answer', dest: 'workflow_id' });
    expect(p.message).toContain(message);
  });

  it('accepts a 64-character id and trims answers', () => {
    expect(errors({ workflow_id: ` ${'x'.repeat(64)} ` })).toEqual([]);
  });

  it('reports missing required answers, every one', () => {
    const { problems } = resolveAnswers(BUILTIN_QUESTIONS, { workflow_name: '  ' });
    expect(problems.map((p) => [p.code, p.dest])).toEqual([
      ['missing-answer', 'workflow_id'],
      ['missing-answer', 'workflow_name'],
      ['missing-answer', 'author_name'],
    ]);
  });

  it('checks choices, test case keys and the tmp dir', () => {
    expect(errors({ license_type: 'GPL-3.0' })[0].message).toContain('is not one of BSD-3-Clause, MIT, Apache-2.0');
    expect(errors({ license_type: 'MIT', ci_test_case: 'all-grouper', ci_tmp_dir: 'tmp/ci' })).toEqual([]);
    expect(errors({ ci_test_case: 'two words' })[0].dest).toBe('ci_test_case');
    expect(errors({ ci_tmp_dir: '../out' })[0].dest).toBe('ci_tmp_dir');
    expect(errors({ ci_tmp_dir: '/tmp' })[0].dest).toBe('ci_tmp_dir');
  });

  it('reports unknown answers with a suggestion', () => {
    expect(errors({ workflow_nme: 'x' })[0]).toMatchObject({ code: 'unknown-answer', message: expect.stringContaining('did you mean `workflow_name`') });
  });
});

describe('requirements loop', () => {
  it('defaults conda version and channel; keeps pip sources', () => {
    const { answers, problems } = resolve({
      requirements: [
        { name: 'numpy' },
        { name: 'ecoscope-platform', req_type: 'conda', version: '>=2.13, <3', channel: 'ecoscope-workflows' },
        { name: 'my-tasks', req_type: 'pip', source: 'git+https://github.com/acme/tasks.git' },
      ],
    });
    expect(problems).toEqual([]);
    expect(answers.requirements).toEqual([
      { name: 'numpy', req_type: 'conda', version: '*', channel: 'conda-forge' },
      { name: 'ecoscope-platform', req_type: 'conda', version: '>=2.13, <3', channel: 'ecoscope-workflows' },
      { name: 'my-tasks', req_type: 'pip', source: 'git+https://github.com/acme/tasks.git' },
    ]);
  });

  it('accepts channel URLs and file:// channels, rejects unknown channels', () => {
    const ok = resolve({ requirements: [{ name: 'a', channel: 'https://repo.prefix.dev/ecoscope-workflows/' }, { name: 'b', channel: 'file:///tmp/ch' }] });
    expect(ok.problems).toEqual([]);
    const [p] = errors({ requirements: [{ name: 'a', channel: 'conda-forgee' }] });
    expect(p).toMatchObject({ dest: 'requirements', index: 0, field: 'channel' });
    expect(p.message).toContain('did you mean `conda-forge`');
  });

  it.each([
    ['/home/me/tasks', true],
    ['https://example.org/tasks-1.0-py3-none-any.whl', true],
    ['git+https://github.com/acme/tasks.git', true],
    ['relative/path', false],
    ['file:///home/me/tasks', false],
    ['git+ssh://git@github.com/acme/tasks.git', false],
    ['ftp://example.org/x.whl', false],
  ])('pip source %j valid: %s', (source, valid) => {
    expect(errors({ requirements: [{ name: 'tasks', req_type: 'pip', source }] }).length === 0).toBe(valid);
  });

  it('reports every problem in every item, by index and field', () => {
    const ps = errors({
      requirements: [
        { name: 'a', version: 'not a version!' },
        { name: 'b', req_type: 'pip' },
        { name: 'c', req_type: 'pip', source: '/x', version: '1.0' },
        { name: 'd', req_type: 'npm' },
        { name: 'e', colour: 'red' },
        { name: 'f_', req_type: 'pip', source: '/x' },
        { name: 7 },
      ],
    });
    expect(ps.map((p) => [p.index, p.field, p.code])).toEqual([
      [0, 'version', 'invalid-answer'],
      [1, 'source', 'missing-answer'],
      [2, 'version', 'not-applicable'],
      [3, 'req_type', 'invalid-answer'],
      [4, 'colour', 'unknown-answer'],
      [5, undefined, 'invalid-answer'],
      [6, 'name', 'wrong-type'],
    ]);
    expect(ps[5].message).toContain('not a valid PyPI distribution name');
  });
});

describe('conditions', () => {
  const answers = { a: 'x', empty: '', list: [{ k: 'v' }], none: [] };
  it.each([
    [{ dest: 'a', equals: 'x' }, true],
    [{ dest: 'a', equals: 'y' }, false],
    [{ dest: 'a', in: ['y', 'x'] }, true],
    [{ dest: 'a', in: ['y'] }, false],
    [{ dest: 'a', notEmpty: true as const }, true],
    [{ dest: 'empty', notEmpty: true as const }, false],
    [{ dest: 'list', notEmpty: true as const }, true],
    [{ dest: 'none', notEmpty: true as const }, false],
    [{ dest: 'missing', equals: '' }, false],
    [{ dest: 'missing', notEmpty: true as const }, false],
  ])('%j → %s', (condition, expected) => {
    expect(conditionHolds(condition, answers)).toBe(expected);
  });

  it('skip gated questions and warn about answers to them', () => {
    const questions = [
      ...BUILTIN_QUESTIONS,
      { dest: 'deploy', help: 'Deploy', type: 'choice' as const, choices: ['gcp', 'local'], default: 'local', validate: () => undefined },
      { dest: 'project', help: 'Project', type: 'string' as const, condition: { dest: 'deploy', equals: 'gcp' }, validate: (v: string) => (v ? undefined : 'required') },
    ];
    const local = resolveAnswers(questions, { ...BASE, project: 'p' });
    expect('project' in local.answers).toBe(false);
    expect(local.problems).toEqual([expect.objectContaining({ severity: 'warning', code: 'not-applicable', dest: 'project' })]);
    const gcp = resolveAnswers(questions, { ...BASE, deploy: 'gcp' });
    expect(gcp.problems).toEqual([expect.objectContaining({ code: 'missing-answer', dest: 'project' })]);
  });
});
