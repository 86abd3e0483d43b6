/**
 * Graphviz settings that bound `dot`'s work on large graphs. graph.dot stays as wt-compiler writes
 * it; only the layout of graph.svg changes. With ports on every argument, a real-scale graph (400
 * instances, ~900 edges) spent over 10 minutes in crossing minimisation and spline routing; with
 * these it takes a few seconds: fewer mincross and network-simplex iterations, straight edges.
 */
const LARGE_GRAPH_LAYOUT: Readonly<Record<string, string>> = { mclimit: '0.3', nslimit: '1', nslimit1: '1', searchsize: '20', splines: 'line' };

/** Above this many task instances graph.svg is laid out with the bounded settings. */
export const LARGE_GRAPH_INSTANCES = 100;

/** Graph attribute defaults for laying out a package graph of `instances` task instances. */
export function packageGraphLayout(instances: number): Record<string, string> | undefined {
  return instances > LARGE_GRAPH_INSTANCES ? { ...LARGE_GRAPH_LAYOUT } : undefined;
}
