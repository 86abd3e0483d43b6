import { describe, expect, it } from 'vitest';
import { taskEntry } from '../../test-support/registry-builder.ts';
import { checkSpec } from './compile.ts';

describe('a 100k-instance spec', () => {
  it('checks and returns its diagnostics (no `push(...spread)` stack overflow on 200k diagnostics)', () => {
    const n = 100_000;
    // Every instance id shadows the deprecated task `add`: two diagnostics per instance from the registry checks.
    const [fqn, entry] = taskEntry({ fn: 'add' });
    (entry.metadata as { deprecated: boolean }).deprecated = true;
    const registry = JSON.stringify({ entries: { [fqn]: entry }, version: '1.0.0' });
    const text = 'id: wf\nrequirements: []\nworkflow:\n' + '  - {id: add, task: add}\n'.repeat(n);
    const r = checkSpec(text, registry);
    expect(r.diagnostics.filter((d) => d.code === 'id-shadows-task')).toHaveLength(n);
    expect(r.diagnostics.filter((d) => d.code === 'deprecated-task')).toHaveLength(n);
  });
});
