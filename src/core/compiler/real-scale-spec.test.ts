import { describe, expect, it } from 'vitest';
import { realScaleSpec, REAL_SCALE_TASKS } from '../../../bench/real-scale.ts';
import { syntheticRegistry } from '../../../bench/synthetic.ts';
import { flatInstances } from '../spec/index.ts';
import { compileWorkflow, indexRegistry } from './index.ts';

describe('the real-scale synthetic spec (bench/real-scale.ts)', () => {
  const { index } = indexRegistry(syntheticRegistry(REAL_SCALE_TASKS));

  it('has the shape of the largest real workflows and checks clean', () => {
    const text = realScaleSpec(400);
    const result = compileWorkflow(text, index!);
    expect(result.diagnostics).toEqual([]);
    expect(result.schemas).toBeDefined();
    const spec = result.spec!;
    const instances = flatInstances(spec);
    expect(instances).toHaveLength(400);
    expect(spec.workflow.filter((w) => w.kind === 'task-group')).toHaveLength(9);
    const lines = text.split('\n').length;
    expect(lines).toBeGreaterThan(5500);
    expect(lines).toBeLessThan(6500);
    expect(instances.filter((t) => t.map).length).toBeGreaterThan(20);
    expect(instances.filter((t) => t.mapvalues).length).toBeGreaterThan(20);
    expect(instances.filter((t) => t.skipif).length).toBeGreaterThan(50);
    // Fan-in: some instances use several upstream results, and the first ones are used by many.
    expect(Math.max(...instances.map((t) => t.dependencies.length))).toBeGreaterThanOrEqual(4);
    const uses = new Map<string, number>();
    for (const t of instances) for (const d of t.dependencies) uses.set(d.id, (uses.get(d.id) ?? 0) + 1);
    expect(Math.max(...uses.values())).toBeGreaterThan(30);
    expect(text.match(/\$\{\{ env\.\w+ \}\}/g)?.length).toBeGreaterThan(30);
    const overrides = spec.rjsfOverrides.properties.length + spec.rjsfOverrides.$defs.length + spec.rjsfOverrides.uiSchema.length;
    expect(overrides).toBeGreaterThan(300);
  });

  it.each([1, 9, 15, 50, 1000])('stays valid at %i instances', (n) => {
    const result = compileWorkflow(realScaleSpec(n), index!);
    expect(result.diagnostics).toEqual([]);
    expect(result.resolved).toHaveLength(n);
  });
});
