import { describe, expect, it } from 'vitest';
import { realScaleSpec, REAL_SCALE_TASKS } from '../../../../bench/real-scale.ts';
import { syntheticRegistry } from '../../../../bench/synthetic.ts';
import { compileWorkflow, indexRegistry, isCompiled } from '../index.ts';
import { buildPackage } from '../package.ts';
import { LARGE_GRAPH_INSTANCES } from './layout-budget.ts';

const { index } = indexRegistry(syntheticRegistry(REAL_SCALE_TASKS));
const compiled = (instances: number) => {
  const result = compileWorkflow(realScaleSpec(instances), index!);
  if (!isCompiled(result)) throw new Error('the real-scale spec must compile');
  return result;
};

describe('graph.svg of large workflows', () => {
  it('lays out small graphs with Graphviz defaults and large ones with bounded settings', async () => {
    const seen: Array<Record<string, string> | undefined> = [];
    const renderSvg = async (_dot: string, attributes?: Record<string, string>) => {
      seen.push(attributes);
      return { svg: '<svg/>', diagnostics: [] };
    };
    await buildPackage(compiled(50), { renderSvg });
    await buildPackage(compiled(LARGE_GRAPH_INSTANCES + 20), { renderSvg });
    expect(seen[0]).toBeUndefined();
    expect(seen[1]).toMatchObject({ splines: 'line' });
  });

  // With Graphviz defaults this graph (400 instances, ~900 ported edges) took over 10 minutes.
  it('renders the graph of a 400-instance workflow, leaving graph.dot as wt-compiler writes it', { timeout: 120_000 }, async () => {
    const pkg = await buildPackage(compiled(400));
    const dot = pkg.files.find((f) => f.path === 'graph.dot')!.text;
    const svg = pkg.files.find((f) => f.path === 'graph.svg')?.text ?? '';
    expect(dot).not.toMatch(/splines|mclimit/);
    expect(pkg.diagnostics).toEqual([]);
    expect(svg.match(/class="node"/g)?.length).toBe(400);
  });
});
