import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasReference, referencePath, skipReason } from '../test-support/reference.ts';
import { registryJson } from '../test-support/registry-builder.ts';
import { runCliSync as cli } from '../test-support/cli.ts';
import { tempDir } from '../test-support/temp-dir.ts';


const tmp = () => tempDir('wt-cli-');

const REGISTRY = registryJson([
  {
    fn: 'add',
    title: 'Add',
    description: 'Add two integers.',
    properties: { a: { title: 'A', type: 'integer' }, b: { title: 'B', type: 'number', default: 1.0 } },
    required: ['a'],
  },
]).replace('"default":1}', '"default":1.0}'); // a real wt-registry dump writes Python floats as 1.0

const SPEC = `id: add_demo
requirements: []
workflow:
  - id: total
    name: Total
    task: add
  - title: Twice
    type: task-group
    description: Add again.
    tasks:
      - id: again
        task: add
        partial:
          a: \${{ workflow.total.return }}
`;

function workspace(spec = SPEC) {
  const dir = tmp();
  writeFileSync(join(dir, 'spec.yaml'), spec);
  writeFileSync(join(dir, 'registry.json'), REGISTRY);
  return dir;
}

describe('cli compile', () => {
  it('writes params.json and rjsf.json under <release_name>/<package_name>, floats kept', () => {
    const dir = workspace();
    const out = join(dir, 'out');
    const r = cli(['compile', '--spec', join(dir, 'spec.yaml'), '--registry', join(dir, 'registry.json'), '--out', out, '--pkg-name-prefix', 'acme']);
    expect(r.code).toBe(0);
    const pkg = join(out, 'acme-add-demo-workflow', 'acme_add_demo_workflow');
    const params = readFileSync(join(pkg, 'params.json'), 'utf8');
    expect(params.endsWith('}\n')).toBe(true);
    expect(params).toContain('"default": 1.0\n');
    const parsed = JSON.parse(params);
    expect(Object.keys(parsed)).toEqual(['properties', '$defs', 'uiSchema', 'additionalProperties']);
    expect(Object.keys(parsed.properties)).toEqual(['total', 'again']);
    const rjsf = JSON.parse(readFileSync(join(pkg, 'rjsf.json'), 'utf8'));
    expect(Object.keys(rjsf.properties)).toEqual(['total', 'Twice']);
    expect(rjsf.properties.Twice['ecoscope:task_group']).toBe(true);
    expect(rjsf.uiSchema['ui:order']).toEqual(['total', 'Twice']);
  });

  it('refuses to overwrite an existing package without --clobber, and replaces it with it', () => {
    const dir = workspace();
    const args = ['compile', '--spec', join(dir, 'spec.yaml'), '--registry', join(dir, 'registry.json'), '--out', dir];
    expect(cli(args).code).toBe(0);
    const again = cli(args);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists; pass --clobber');
    expect(cli([...args, '--clobber']).code).toBe(0);
  });

  it('exits 1 and prints FILE:LINE:COL: error[CODE]: message for every problem, writing nothing', () => {
    const dir = workspace(SPEC.replace('task: add\n  - title', 'task: ad\n  - title').replace('id: again', 'id: 2again'));
    const out = join(dir, 'out');
    const r = cli(['compile', '--spec', join(dir, 'spec.yaml'), '--registry', join(dir, 'registry.json'), '--out', out]);
    expect(r.code).toBe(1);
    const spec = join(dir, 'spec.yaml');
    expect(r.stderr).toContain(`${spec}:6:11: error[unknown-task]: no registered task named \`ad\`; did you mean \`add\`?`);
    expect(r.stderr).toMatch(new RegExp(`${spec.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:11:\\d+: error\\[invalid-identifier\\]`));
    expect(existsSync(out)).toBe(false);
  });

  it('prints {"diagnostics": [...]} on stdout with --format json', () => {
    const dir = workspace(SPEC.replace('requirements: []\n', ''));
    const r = cli(['compile', '--spec', join(dir, 'spec.yaml'), '--registry', join(dir, 'registry.json'), '--out', join(dir, 'o'), '--format', 'json']);
    expect(r.code).toBe(1);
    const { diagnostics } = JSON.parse(r.stdout);
    expect(diagnostics).toEqual([
      expect.objectContaining({ file: join(dir, 'spec.yaml'), severity: 'error', code: 'missing-key', range: expect.objectContaining({ start: { line: 1, column: 1 } }) }),
    ]);
  });

  it('reports registry problems against the registry file', () => {
    const dir = workspace();
    writeFileSync(join(dir, 'registry.json'), '{"entries": {,}');
    const r = cli(['check', '--spec', join(dir, 'spec.yaml'), '--registry', join(dir, 'registry.json')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${join(dir, 'registry.json')}:1:14: error[json-syntax]`);
  });

  it.skipIf(!hasReference('wt-examples', 'docs-custom-tasks'))(`compiles the tutorial map example against its real registry${skipReason('wt-examples', 'docs-custom-tasks')}`, () => {
    const out = tmp();
    const base = referencePath('wt-examples', 'docs-custom-tasks');
    const r = cli(['compile', '--spec', join(base, 'map', 'spec.yaml'), '--registry', join(base, 'registry.json'), '--out', out]);
    expect(r.code).toBe(0);
    // Nothing is configurable in this workflow: every argument is bound (reference §3 worked example).
    const params = readFileSync(join(out, 'wt-split-and-parse-workflow', 'wt_split_and_parse_workflow', 'params.json'), 'utf8');
    expect(params).toBe('{\n  "properties": {},\n  "$defs": {},\n  "uiSchema": {\n    "ui:order": []\n  },\n  "additionalProperties": false\n}\n');
  });
});

describe('cli check', () => {
  it('exits 0 on a clean spec and prints nothing', () => {
    const dir = workspace();
    const r = cli(['check', '--spec', join(dir, 'spec.yaml'), '--registry', join(dir, 'registry.json')]);
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });

  it('exits 2 with usage help on a missing option or unknown command', () => {
    expect(cli(['check', '--spec', 'x.yaml']).stderr).toContain('missing --registry');
    expect(cli(['check', '--spec', 'x.yaml']).code).toBe(2);
    expect(cli(['frobnicate']).code).toBe(2);
    expect(cli(['check', '--spec', '/nonexistent.yaml', '--registry', '/nonexistent.json']).stderr).toContain('cannot read spec /nonexistent.yaml: ENOENT');
  });
});

describe('cli convert', () => {
  it('converts params to form data and back through files and stdin', () => {
    const dir = workspace();
    const out = join(dir, 'out');
    expect(cli(['compile', '--spec', join(dir, 'spec.yaml'), '--registry', join(dir, 'registry.json'), '--out', out]).code).toBe(0);
    const pkg = join(out, 'wt-add-demo-workflow', 'wt_add_demo_workflow');
    const schemas = ['--params-json', join(pkg, 'params.json'), '--rjsf', join(pkg, 'rjsf.json')];
    writeFileSync(join(dir, 'params.json'), '{"total": {"a": 1, "b": 2.0}, "again": {"b": 0.5}}');
    const toForm = cli(['convert', ...schemas, '--from', 'params', '--to', 'formdata', '--json', join(dir, 'params.json')]);
    expect(toForm.code).toBe(0);
    expect(JSON.parse(toForm.stdout)).toEqual({ result: { total: { a: 1, b: 2 }, Twice: { again: { b: 0.5 } } } });
    expect(toForm.stdout).toContain('"b": 2.0');
    const back = cli(['convert', ...schemas, '--from', 'formdata', '--to', 'params'], JSON.stringify(JSON.parse(toForm.stdout).result));
    expect(back.code).toBe(0);
    expect(JSON.parse(back.stdout)).toEqual({ result: { total: { a: 1, b: 2 }, again: { b: 0.5 } } });
  });

  it('reports validation errors with path and validator and exits 1', () => {
    const dir = workspace();
    const out = join(dir, 'out');
    cli(['compile', '--spec', join(dir, 'spec.yaml'), '--registry', join(dir, 'registry.json'), '--out', out]);
    const pkg = join(out, 'wt-add-demo-workflow', 'wt_add_demo_workflow');
    const r = cli(['convert', '--params-json', join(pkg, 'params.json'), '--rjsf', join(pkg, 'rjsf.json'), '--from', 'params', '--to', 'formdata'], '{"total": {"a": "one"}}');
    expect(r.code).toBe(1);
    const { validation_errors } = JSON.parse(r.stdout);
    expect(validation_errors).toEqual([expect.objectContaining({ path: ['total', 'a'], validator: 'type', input: 'one' })]);
  });
});
