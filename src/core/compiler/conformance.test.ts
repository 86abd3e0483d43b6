import { describe, expect, it } from 'vitest';
import { deriveRegistry } from '../../test-support/derive-registry.ts';
import { hasReference, readReference, skipReason } from '../../test-support/reference.ts';
import { compileWorkflow } from './compile.ts';
import { paramsSha256 } from './params-hash.ts';

/**
 * Golden tests against the real compiled packages in ../shared/reference/wt-examples (wt-compiler.md §9):
 * a registry derived from each params.json + spec.yaml must regenerate params.json and rjsf.json byte for
 * byte, and `params_sha256` must equal the fingerprint in the compiled README.
 */

const EXAMPLES = ['events', 'subject-tracking', 'ndvi', 'download-events-legacy'];

describe.each(EXAMPLES)('%s', (example) => {
  const dir = ['wt-examples', example];
  const files = ['spec.yaml', 'compiled/params.json', 'compiled/rjsf.json', 'compiled/README.md'].map((f) => [...dir, ...f.split('/')]);
  const missing = files.find((f) => !hasReference(...f));
  const skip = missing !== undefined;
  const why = missing ? skipReason(...missing) : '';

  const build = () => {
    const [spec, params, rjsf, readme] = files.map((f) => readReference(...f));
    const result = compileWorkflow(spec, deriveRegistry(params, spec), { pkgNamePrefix: 'ecoscope-workflows' });
    return { result, params, rjsf, readme };
  };

  it.skipIf(skip)(`compiles without errors${why}`, () => {
    const { result } = build();
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.schemas).toBeDefined();
  });

  it.skipIf(skip)(`reproduces params.json byte for byte${why}`, () => {
    const { result, params } = build();
    expect(result.schemas?.paramsJsonText).toBe(params);
  });

  it.skipIf(skip)(`reproduces rjsf.json byte for byte${why}`, () => {
    const { result, rjsf } = build();
    expect(result.schemas?.rjsfJsonText).toBe(rjsf);
  });

  it.skipIf(skip)(`reproduces params_sha256 from the compiled README${why}`, async () => {
    const { result, readme } = build();
    const expected = /^params_sha256: ([0-9a-f]{64})$/m.exec(readme)?.[1];
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
    expect(await paramsSha256(result.schemas!.paramsJson)).toBe(expected);
  });
});

describe('docs-custom-tasks specs against the real registry', () => {
  const registry = ['wt-examples', 'docs-custom-tasks', 'registry.json'];
  const specs = ['single-task', 'chaining-tasks', 'chaining-with-partial', 'map'];
  it.skipIf(!hasReference(...registry)).each(specs)(`%s compiles clean${skipReason(...registry)}`, (name) => {
    const specPath = ['wt-examples', 'docs-custom-tasks', name, 'spec.yaml'];
    const result = compileWorkflow(readReference(...specPath), readReference(...registry));
    expect(result.diagnostics).toEqual([]);
    expect(result.schemas).toBeDefined();
  });
});
