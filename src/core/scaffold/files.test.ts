import { describe, expect, it } from 'vitest';
import { parseSpec } from '../spec/index.ts';
import { scaffoldFiles } from './files.ts';
import { parseProvider } from './provider.ts';
import type { RawAnswers } from './questions.ts';
import { pipSourceFields } from './templates.ts';

const BASE: RawAnswers = { workflow_id: 'my_flow', workflow_name: 'My Flow', author_name: 'Ada Lovelace' };
const file = (r: ReturnType<typeof scaffoldFiles>, path: string) => r.files.find((f) => f.path === path)?.text ?? '';

describe('scaffoldFiles', () => {
  it('writes the wt-compiler file set under the workflow id', () => {
    const r = scaffoldFiles(BASE, { year: 2026 });
    expect(r.diagnostics).toEqual([]);
    expect(r.dir).toBe('my_flow');
    expect(r.files.map((f) => f.path)).toEqual([
      'spec.yaml', 'test-cases.yaml', 'README.md', 'LICENSE', '.gitignore', '.gitattributes', '.github/workflows/ci.yml', '.github/workflows/tag.yml',
    ]);
    expect(file(r, 'spec.yaml')).toBe('id: my_flow\nrequirements: []\nworkflow: []\n');
    expect(file(r, 'test-cases.yaml').split('\n').filter((l) => l !== '').every((l) => l.startsWith('#'))).toBe(true);
    expect(file(r, '.gitignore')).toContain('\n.wt-tmp/\n');
    expect(file(r, 'README.md')).toMatch(/^# My Flow\n[\s\S]*## Author\n\nAda Lovelace\n[\s\S]*BSD-3-Clause/);
  });

  it('writes a spec.yaml that parses clean, with conda and pip requirements', () => {
    const r = scaffoldFiles(
      {
        ...BASE,
        requirements: [
          { name: 'ecoscope-platform', req_type: 'conda', version: '2.13.0', channel: 'ecoscope-workflows' },
          { name: 'numpy', version: '>=1.26, <3' },
          { name: 'local-ch', channel: 'file:///tmp/channel' },
          { name: 'my-tasks', req_type: 'pip', source: '/home/ada/my-tasks' },
          { name: 'git-tasks', req_type: 'pip', source: 'git+https://github.com/acme/tasks.git' },
          { name: 'wheel-tasks', req_type: 'pip', source: 'https://example.org/wheel_tasks-1.0-py3-none-any.whl' },
        ],
      },
      { year: 2026 },
    );
    expect(r.diagnostics).toEqual([]);
    const spec = file(r, 'spec.yaml');
    const parsed = parseSpec(spec);
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.spec!.id).toBe('my_flow');
    expect(parsed.spec!.workflow).toEqual([]);
    expect(spec).toContain('  - name: "git-tasks"\n    git: "https://github.com/acme/tasks.git"\n');
    expect(spec).toContain('  - name: "my-tasks"\n    path: "/home/ada/my-tasks"\n');
    expect(spec).toContain('    url: "https://example.org/wheel_tasks-1.0-py3-none-any.whl"\n');
    expect(spec).toContain('  - name: "numpy"\n    version: ">=1.26, <3"\n    channel: "conda-forge"\n');
    expect(parsed.spec!.requirements.map((q) => q.kind)).toEqual(['conda', 'conda', 'conda', 'pypi', 'pypi', 'pypi']);
  });

  it('splits a git+ source into git, rev and subdirectory', () => {
    expect(pipSourceFields('git+https://github.com/acme/tasks.git')).toEqual([['git', 'https://github.com/acme/tasks.git']]);
    expect(pipSourceFields('git+https://user@host.org/acme/tasks.git@v1.2#egg=tasks&subdirectory=pkg')).toEqual([
      ['git', 'https://user@host.org/acme/tasks.git'],
      ['rev', 'v1.2'],
      ['subdirectory', 'pkg'],
    ]);
    const r = scaffoldFiles({ ...BASE, requirements: [{ name: 'tasks', req_type: 'pip', source: 'git+https://github.com/acme/tasks.git@main#subdirectory=src/tasks' }] }, { year: 2026 });
    expect(parseSpec(file(r, 'spec.yaml')).diagnostics).toEqual([]);
  });

  it.each([
    ['BSD-3-Clause', 'BSD 3-Clause License', 'Copyright (c) 2031, Ada Lovelace', 'Neither the name of the copyright holder'],
    ['MIT', 'MIT License', 'Copyright (c) 2031 Ada Lovelace', 'Permission is hereby granted, free of charge'],
    ['Apache-2.0', 'Apache License', 'Copyright 2031 Ada Lovelace', 'END OF TERMS AND CONDITIONS'],
  ])('writes the full %s text with year and author', (license_type, title, copyright, body) => {
    const text = file(scaffoldFiles({ ...BASE, license_type }, { year: 2031 }), 'LICENSE');
    expect(text.trimStart().startsWith(title)).toBe(true);
    expect(text).toContain(copyright);
    expect(text).toContain(body);
    expect(text).not.toMatch(/\[yyyy\]|<year>|\$\{/);
  });

  it('puts the CI test case and tmp dir into ci.yml', () => {
    const chosen = file(scaffoldFiles({ ...BASE, ci_test_case: 'all-grouper', ci_tmp_dir: 'tmp/ci/' }, { year: 2026 }), '.github/workflows/ci.yml');
    expect(chosen).toContain('echo "CI_TEST_CASE=all-grouper" >> "$GITHUB_ENV"');
    expect(chosen).toContain('$PWD/tmp/ci/$RELEASE_DIR-results');
    expect(chosen).toContain('wt-compiler compile --spec spec.yaml');
    const first = file(scaffoldFiles(BASE, { year: 2026 }), '.github/workflows/ci.yml');
    expect(first).toContain("yq -r 'keys | .[0]' test-cases.yaml");
  });

  it('returns answer problems as diagnostics and no files', () => {
    const r = scaffoldFiles({ ...BASE, workflow_id: 'my-flow', requirements: [{ name: 'x', req_type: 'pip' }] }, { year: 2026 });
    expect(r.files).toEqual([]);
    expect(r.diagnostics.map((d) => [d.code, d.source, d.message.split(':')[0]])).toEqual([
      ['invalid-answer', 'answers', 'workflow_id'],
      ['missing-answer', 'answers', 'requirements[0].source'],
    ]);
  });

  it('adds, replaces and removes files from a provider, substituting placeholders', () => {
    const { provider, diagnostics } = parseProvider(
      JSON.stringify({
        name: 'acme',
        questions: [
          { dest: 'team', validate: 'non-empty' },
          { dest: 'deploy', type: 'choice', choices: ['gcp', 'local'], default: 'local' },
          { dest: 'gcp_project', condition: { dest: 'deploy', equals: 'gcp' } },
        ],
        templates: {
          'README.md': '# {{workflow_name}}\n\nOwned by {{ team }} since {{ year }}; project [{{ gcp_project }}].\n',
          'docs/OWNERS': '{{ team }}: ${{ github.actor }} {{ unknown-not-a-placeholder }}\n',
          '.github/workflows/tag.yml': null,
        },
      }),
    );
    expect(diagnostics).toEqual([]);
    const r = scaffoldFiles({ ...BASE, team: 'Rangers' }, { year: 2027, provider });
    expect(r.diagnostics).toEqual([]);
    expect(r.files.map((f) => f.path)).toEqual(['spec.yaml', 'test-cases.yaml', 'README.md', 'LICENSE', '.gitignore', '.gitattributes', '.github/workflows/ci.yml', 'docs/OWNERS']);
    expect(file(r, 'README.md')).toBe('# My Flow\n\nOwned by Rangers since 2027; project [].\n');
    expect(file(r, 'docs/OWNERS')).toBe('Rangers: ${{ github.actor }} {{ unknown-not-a-placeholder }}\n');
    expect(scaffoldFiles(BASE, { year: 2027, provider }).diagnostics[0]).toMatchObject({ code: 'missing-answer', message: expect.stringContaining('team') });
  });

  it('reports a provider spec.yaml that does not parse', () => {
    const { provider } = parseProvider(JSON.stringify({ name: 'p', templates: { 'spec.yaml': 'id: {{ workflow_id }}\nworkflow: []\n' } }));
    const r = scaffoldFiles(BASE, { year: 2026, provider });
    expect(r.diagnostics.some((d) => d.source === 'spec.yaml' && d.severity === 'error')).toBe(true);
  });
});
