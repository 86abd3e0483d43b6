import { describe, expect, it } from 'vitest';
import { describeSecrets, findSecrets } from './secrets.ts';

describe('secrets in a shared workspace', () => {
  it('finds credentials in URLs, known token formats and key/value pairs, with their line', () => {
    const hits = findSecrets({
      spec: 'id: x\nrequirements:\n  - name: a\n    channel: https://bob:s3cretpw@conda.example.org/main\n',
      'env-overrides': [
        '[feature.default.pypi-dependencies]',
        'lib = { git = "https://ghp_abcdefghijklmnopqrstuvwxyz0123456789@github.com/o/r" }',
        'other = { url = "https://h.example/pkg.whl?token=abc123" }',
        'api_key = "0123456789abcdef"',
        '-----BEGIN OPENSSH PRIVATE KEY-----',
        'aws = "AKIAIOSFODNN7EXAMPLE"',
      ].join('\n'),
    });
    expect(hits).toEqual([
      { file: 'spec', line: 4, what: 'a password in a URL' },
      { file: 'env-overrides', line: 2, what: 'a GitHub token' },
      { file: 'env-overrides', line: 3, what: 'a credential in a URL query' },
      { file: 'env-overrides', line: 4, what: 'a password or token value' },
      { file: 'env-overrides', line: 5, what: 'a private key' },
      { file: 'env-overrides', line: 6, what: 'an AWS access key' },
    ]);
  });

  it('leaves ordinary workflow files alone: env references, schemas, plain URLs', () => {
    const spec = [
      'id: wildlife',
      'requirements:',
      '  - name: wildlife-tasks',
      '    channel: https://repo.prefix.dev/ecoscope-workflows/',
      'workflow:',
      '  - id: fetch',
      '    task: fetch_sightings',
      '    partial:',
      '      token: ${{ env.SIGHTINGS_TOKEN }}',
      '      api_key: ${{ env.API_KEY }}',
      '      source_url: https://example.org/data?page=2&format=csv',
    ].join('\n');
    const registry = '{"entries": {"f": {"params": {"properties": {"token": {"type": "string", "title": "Token"}, "password": {"type": "string"}}}}}}';
    expect(findSecrets({ spec, registry, 'test-cases': 'case:\n  params: {"token": "x"}\n' })).toEqual([]);
  });

  it('says where the credentials are and what to do, naming at most three', () => {
    const hits = findSecrets({ spec: Array.from({ length: 5 }, () => 'password: correct-horse-battery').join('\n') });
    const message = describeSecrets(hits);
    expect(message).toContain('spec.yaml line 1 (a password or token value), spec.yaml line 2');
    expect(message).toContain('and 2 more');
    expect(message).toContain('${{ env.NAME }}');
  });
});
