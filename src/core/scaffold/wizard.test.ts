import { describe, expect, it } from 'vitest';
import { BUILTIN_QUESTIONS } from './questions.ts';
import { wizard, type Prompt } from './wizard.ts';

/** Feeds scripted answers; records what was shown (question dest or confirm text, with any error). */
function play(script: string[]) {
  const shown: string[] = [];
  const steps = wizard(BUILTIN_QUESTIONS);
  let step = steps.next();
  const label = (p: Prompt) => (p.kind === 'ask' ? p.question.dest : p.text) + (p.error ? ` ! ${p.error}` : '');
  for (const answer of script) {
    if (step.done) throw new Error(`script too long at ${answer}`);
    shown.push(label(step.value));
    step = steps.next(answer);
  }
  if (!step.done) throw new Error(`wizard still asks: ${label(step.value)}`);
  return { shown, answers: step.value };
}

const HEAD = ['my_flow', 'My Flow', '', 'Ada', '', '', ''];

describe('interactive wizard', () => {
  it('asks in order, applies defaults, and asks "Add a requirement?" first', () => {
    const { shown, answers } = play([...HEAD, 'n']);
    expect(shown).toEqual([...BUILTIN_QUESTIONS.slice(0, 7).map((q) => q.dest), 'Add a requirement?']);
    expect(answers).toMatchObject({ workflow_id: 'my_flow', license_type: 'BSD-3-Clause', ci_tmp_dir: '.wt-tmp', requirements: [] });
  });

  it('re-asks until the answer is valid; a choice can be picked by number', () => {
    const { shown, answers } = play(['my-flow', 'my_flow', '', 'My Flow', '', 'Ada', '4', '2', '', '', 'no']);
    expect(shown.slice(0, 3)).toEqual(['workflow_id', 'workflow_id ! `my-flow` is not a valid Python identifier: use `_` instead of `-`', 'workflow_name']);
    expect(shown[3]).toBe('workflow_name ! an answer is required');
    expect(shown[7]).toContain('license_type ! `4` is not one of');
    expect(answers.license_type).toBe('MIT');
  });

  it('loops over requirements with per-type questions, then "Add another requirement?"', () => {
    const { shown, answers } = play([
      ...HEAD,
      'y', 'ecoscope-platform', '', '2.13.0', 'ecoscope-workflows',
      'yes', 'my-tasks', 'pip', 'relative', '/abs/tasks',
      'y', '', // an empty name ends the loop too
    ]);
    expect(shown.slice(7)).toEqual([
      'Add a requirement?', 'name', 'req_type', 'version', 'channel',
      'Add another requirement?', 'name', 'req_type', 'source', expect.stringContaining('source ! `relative` is not a package source'),
      'Add another requirement?', 'name',
    ]);
    expect(answers.requirements).toEqual([
      { name: 'ecoscope-platform', req_type: 'conda', version: '2.13.0', channel: 'ecoscope-workflows' },
      { name: 'my-tasks', req_type: 'pip', source: '/abs/tasks' },
    ]);
  });

  it('drops an item that fails the cross-field check and says why', () => {
    const { shown, answers } = play([...HEAD, 'y', 'bad_', 'pip', '/x', 'maybe', 'n']);
    expect(shown.at(-2)).toBe('Add a requirement? ! requirement not added: `bad_` is not a valid PyPI distribution name');
    expect(shown.at(-1)).toBe('Add a requirement? ! answer y or n');
    expect(answers.requirements).toEqual([]);
  });
});
