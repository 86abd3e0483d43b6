import { describe, expect, it } from 'vitest';
import { TomlKeyLocator } from './toml-locate.ts';

const start = (loc: TomlKeyLocator, path: string[]) => [loc.range(path).start.line, loc.range(path).start.column];

describe('TomlKeyLocator', () => {
  const text = [
    '# comment',
    '[feature.default.dependencies]',
    '  click = ">=8"',
    '"ruamel.yaml" = { version = "*", channel = "conda-forge" }',
    'nested = { a = { b = 1 }, c = [1, { d = 2 }], e = "x, }" }',
    'doc = """',
    'fake = "inside a multi-line string"',
    '"""',
    '[ feature . "runner" . "pypi-dependencies" ]',
    "'wt-runner' = { path = '../wt-runner' }",
    'feature.test.dependencies.pytest = "*"',
    '[[array]]',
    'item = 1',
  ].join('\r\n');
  const loc = new TomlKeyLocator(text);

  it('finds headers, plain, quoted, dotted and inline-table keys', () => {
    expect(start(loc, ['feature', 'default', 'dependencies'])).toEqual([2, 1]);
    expect(start(loc, ['feature', 'default', 'dependencies', 'click'])).toEqual([3, 3]);
    expect(start(loc, ['feature', 'default', 'dependencies', 'ruamel.yaml'])).toEqual([4, 1]);
    expect(start(loc, ['feature', 'default', 'dependencies', 'ruamel.yaml', 'channel'])).toEqual([4, 34]);
    expect(start(loc, ['feature', 'default', 'dependencies', 'nested', 'a', 'b'])).toEqual([5, 18]);
    expect(start(loc, ['feature', 'default', 'dependencies', 'nested', 'e'])).toEqual([5, 47]);
    expect(start(loc, ['feature', 'runner', 'pypi-dependencies', 'wt-runner', 'path'])).toEqual([10, 17]);
    expect(start(loc, ['feature', 'runner', 'pypi-dependencies', 'feature', 'test', 'dependencies', 'pytest'])).toEqual([11, 1]);
    expect(start(loc, ['array', 'item'])).toEqual([13, 1]);
  });

  it('skips multi-line strings and falls back to the nearest located ancestor, then the document start', () => {
    expect(start(loc, ['feature', 'default', 'dependencies', 'fake'])).toEqual([2, 1]);
    expect(start(loc, ['feature', 'default', 'dependencies', 'click', 'version'])).toEqual([3, 3]);
    expect(start(loc, ['nowhere'])).toEqual([1, 1]);
  });
});

describe('TomlKeyLocator on huge dotted keys (a 1.4 KB share link inflates to one such key)', () => {
  const dottedKey = (segments: number) => Array.from({ length: segments }, (_, i) => `k${i}`).join('.');
  const document = (segments: number) => `[feature.default.dependencies]\n${dottedKey(segments)} = "1"\n`;

  it('locates a 100k-segment key with one entry per segment, and its prefixes and missing children', () => {
    const segments = 100_000;
    const before = process.memoryUsage().heapUsed;
    const loc = new TomlKeyLocator(document(segments));
    const grown = process.memoryUsage().heapUsed - before;
    // Three header keys plus one per segment: each prefix is stored once, not as a path of its own.
    expect(loc.size).toBe(3 + segments);
    const path = ['feature', 'default', 'dependencies', ...Array.from({ length: segments }, (_, i) => `k${i}`)];
    expect(loc.range(path).start).toEqual({ line: 2, column: 1 });
    expect(loc.range(path).end.line).toBe(2);
    expect(loc.range(path.slice(0, 4)).start).toEqual({ line: 2, column: 1 });
    expect(loc.range([...path, 'missing']).start).toEqual({ line: 2, column: 1 });
    expect(loc.range(['feature', 'default']).start).toEqual({ line: 1, column: 1 });
    // Bounded memory: tens of megabytes at most (storing every prefix path as its own key needs gigabytes).
    expect(grown).toBeLessThan(200 * 1024 * 1024);
  });

  it('does work proportional to the key: 5x the segments costs about 5x, not 25x', () => {
    // A ratio, not a time limit: the least CPU time (not wall time, which a busy machine stretches
    // for long runs only) of several runs at each size, in one process. Both sizes are large enough
    // that V8 keeps the arrays in large-object space, so per-segment costs are comparable.
    const leastCpu = (segments: number) => {
      const text = document(segments);
      let best = Infinity;
      for (let run = 0; run < 3; run++) {
        const t0 = process.cpuUsage();
        new TomlKeyLocator(text);
        const used = process.cpuUsage(t0);
        best = Math.min(best, used.user + used.system);
      }
      return best;
    };
    leastCpu(50_000); // warm-up
    const ratio = leastCpu(250_000) / leastCpu(50_000);
    // Linear ≈ 5 to 7 (bigger heaps cost a little more per object), quadratic ≈ 25.
    expect(ratio).toBeLessThan(12);
  });

  it('reads deeply nested one-line inline tables without recursion', () => {
    const depth = 50_000;
    const text = `[t]\nx = ${'{ a = '.repeat(depth)}1${' }'.repeat(depth)}\n`;
    const loc = new TomlKeyLocator(text);
    expect(loc.size).toBe(2 + depth);
    expect(loc.range(['t', 'x', 'a', 'a']).start).toEqual({ line: 2, column: 13 });
  });
});
