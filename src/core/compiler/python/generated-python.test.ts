import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { missingPython, runPython, writeTree } from '../../../test-support/python.ts';
import { hasReference, readReference, skipReason } from '../../../test-support/reference.ts';
import { registryJson } from '../../../test-support/registry-builder.ts';
import { compileWorkflow } from '../compile.ts';
import { buildPackage, isCompiled, type CompiledWorkflow } from '../package.ts';

/** Generated Python compiles and runs: the tutorial workflows reproduce their expected result.json. */

const missing = missingPython(['pydantic', 'jsonschema', 'click', 'yaml']);
const noPython = missing ? ` [skipped: python3 module ${missing} is missing]` : '';
const TUTORIAL = ['wt-examples', 'docs-custom-tasks'];

function compileTutorial(example: string): CompiledWorkflow {
  const result = compileWorkflow(readReference(...TUTORIAL, example, 'spec.yaml'), readReference(...TUTORIAL, 'registry.json'));
  if (!isCompiled(result)) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
  return result;
}

async function writePackage(compiled: CompiledWorkflow): Promise<string> {
  const { files } = await buildPackage(compiled, { renderGraph: false });
  return writeTree(files.map((f) => ({ path: `${compiled.releaseName}/${f.path}`, text: f.text })));
}

// Run configs chosen so the tutorial's documented results come out (e.g. 1 + 2 = 3).
const CASES: Record<string, object> = {
  'single-task': { total: { a: 1, b: 2 } },
  'chaining-tasks': { total: { a: 2, b: 4 } },
  'chaining-with-partial': {},
  map: {},
};

const canRun = !missing && hasReference(...TUTORIAL);
const why = noPython || skipReason(...TUTORIAL);

describe('generated workflow packages run', () => {
  for (const [example, params] of Object.entries(CASES)) {
    it.skipIf(!canRun)(`${example}: dispatch reproduces expected_result.json in both variants${why}`, async () => {
      const compiled = compileTutorial(example);
      const root = await writePackage(compiled);
      const script = `
import json, sys
from ${compiled.packageName}.dispatch import dispatch
params = json.loads(sys.argv[1])
print(json.dumps([json.loads(dispatch("sequential", mock, params).model_dump_json()) for mock in (False, True)]))
`;
      const r = runPython(['-W', 'ignore', '-c', script, JSON.stringify(params)], { cwd: root, paths: [join(root, compiled.releaseName)] });
      expect(r.stderr).toBe('');
      const [real, mocked] = JSON.parse(r.stdout);
      const expected = JSON.parse(readReference(...TUTORIAL, example, 'expected_result.json'));
      expect(real).toEqual(expected);
      expect(mocked).toEqual(expected); // no io-tagged task in the tutorial: the mock variant computes the same
    });
  }

  it.skipIf(!canRun)(`every generated .py compiles with py_compile${why}`, async () => {
    const compiled = compileTutorial('map');
    const root = await writePackage(compiled);
    const py = (await buildPackage(compiled, { renderGraph: false })).files.filter((f) => f.path.endsWith('.py')).map((f) => join(compiled.releaseName, f.path));
    expect(py.length).toBeGreaterThanOrEqual(12);
    const r = runPython(['-m', 'py_compile', ...py], { cwd: root });
    expect(r).toMatchObject({ code: 0, stderr: '' });
  });

  it.skipIf(!canRun)(`invalid params come back as an error response naming the problem${why}`, async () => {
    const compiled = compileTutorial('single-task');
    const root = await writePackage(compiled);
    const script = `
from ${compiled.packageName}.dispatch import dispatch
r = dispatch("sequential", False, {"total": {"a": "one", "b": 2}})
print(r.error)
`;
    const r = runPython(['-c', script], { cwd: root, paths: [join(root, compiled.releaseName)] });
    expect(r.stdout).toContain("'one' is not of type 'integer'");
  });

  it.skipIf(!canRun)(`the generated click CLI answers --help, get rjsf, get params and convert${why}`, async () => {
    const compiled = compileTutorial('chaining-tasks');
    const root = await writePackage(compiled);
    const cwd = join(root, compiled.releaseName);
    const cli = (args: string[], input?: string) => runPython(['-m', `${compiled.packageName}.cli`, ...args], { cwd, input });
    const help = cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/run\s/);
    expect(help.stdout).toMatch(/convert\s/);
    expect(JSON.parse(cli(['get', 'rjsf']).stdout)).toEqual(JSON.parse(compiled.schemas.rjsfJsonText));
    expect(JSON.parse(cli(['get', 'params']).stdout)).toEqual(JSON.parse(compiled.schemas.paramsJsonText));
    expect(JSON.parse(cli(['get', 'data-connection-property-names']).stdout)).toEqual({});
    const converted = cli(['convert', '--from', 'params', '--to', 'formdata'], '{"total": {"a": 1, "b": 2}}');
    expect(JSON.parse(converted.stdout)).toEqual({ result: { total: { a: 1, b: 2 } } });
    const invalid = cli(['convert', '--from', 'formdata', '--to', 'params'], '{"total": {"a": "x"}}');
    expect(invalid.code).toBe(0);
    expect(JSON.parse(invalid.stdout).validation_errors.map((e: { path: unknown[] }) => e.path)).toEqual([['total'], ['total', 'a']]);
    expect(cli(['run', '--execution-mode', 'sequential', '--config-json', '{}']).stderr).toContain('Set WT_RESULTS');
  });
});

describe('mock-io variant', () => {
  const registry = registryJson([
    { fn: 'fetch_numbers', module: 'numbers_tasks', tags: ['io'], properties: { url: { type: 'string' } }, required: ['url'] },
    { fn: 'describe', module: 'numbers_tasks', properties: { data: {} }, required: ['data'] },
  ]);
  const spec = `id: numbers
requirements: []
workflow:
  - id: fetched
    task: fetch_numbers
    partial:
      url: \${{ env.NUMBERS_URL }}
  - id: described
    task: describe
    partial:
      data: \${{ workflow.fetched.return }}
`;
  const tasksModule = `
def fetch_numbers(url: str) -> list:
    raise RuntimeError("the real io task must not run in the mock variant")

def describe(data) -> str:
    return f"got {data!r}"
`;

  it.skipIf(!!missing)(`replaces io-tagged tasks with magic mocks and runs the rest for real${noPython}`, async () => {
    const compiled = compileWorkflow(spec, registry);
    if (!isCompiled(compiled)) throw new Error(compiled.diagnostics.map((d) => d.message).join('\n'));
    const files = (await buildPackage(compiled, { renderGraph: false })).files;
    const mockDag = files.find((f) => f.path.endsWith('run_sequential_mock_io.py'))!.text;
    // Layout is ruff's business (ruff-format.test.ts); here: the io task is bound to a mock, marked 🧪.
    expect(mockDag).toMatch(/^fetch_numbers = create_func_magicmock\(\s*anchor="numbers_tasks", func_name="fetch_numbers"\s*\)  # 🧪$/m);
    expect(mockDag).toContain('# 🧪 validation omitted for mocked IO task');
    expect(mockDag).not.toContain('from numbers_tasks import fetch_numbers');
    expect(mockDag).toContain('url=os.environ["NUMBERS_URL"]');
    const root = writeTree([...files.map((f) => ({ path: `${compiled.releaseName}/${f.path}`, text: f.text })), { path: 'numbers_tasks.py', text: tasksModule }]);
    const script = `
import json
from wt_task import testing
from ${compiled.packageName}.dispatch import dispatch
mocked = dispatch("sequential", True, {})
real = dispatch("sequential", False, {})
print(json.dumps({"mocked": mocked.result, "calls": testing.CALLS, "real_error": real.error}))
`;
    const r = runPython(['-W', 'ignore', '-c', script], { cwd: root, paths: [root, join(root, compiled.releaseName)], env: { NUMBERS_URL: 'https://example.invalid/n' } });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({
      mocked: "got 'mocked fetch_numbers'",
      calls: ['numbers_tasks.fetch_numbers'],
      real_error: "task instance 'fetched' failed: the real io task must not run in the mock variant",
    });
  });
});
