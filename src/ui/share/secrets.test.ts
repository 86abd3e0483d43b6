import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasReference, REPO_ROOT, referencePath, skipReason } from '../../test-support/reference.ts';
import type { FileRole } from '../workspace/model.ts';
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
      { file: 'spec', line: 4, what: 'a user name or password in a URL' },
      { file: 'env-overrides', line: 2, what: 'a user name or password in a URL' },
      { file: 'env-overrides', line: 3, what: 'a credential in a URL query' },
      { file: 'env-overrides', line: 4, what: 'a password, secret or token value' },
      { file: 'env-overrides', line: 5, what: 'a private key' },
      { file: 'env-overrides', line: 6, what: 'an AWS access key' },
    ]);
  });

  // One line each, as they are written in specs, env-overrides and test cases.
  it.each([
    ['a token in a conda channel URL', '    channel: https://conda.anaconda.org/t/ab-12345678-90cd-ef12-3456-7890abcdef12/my-channel/'],
    ['a user name or password in a URL', 'lib = { git = "https://oauth2:glpat-aaaabbbbccccddddeeee@gitlab.example.com/g/r.git" }'],
    ['a user name or password in a URL', 'lib = { git = "https://deploy-user@git.example.com/g/r.git" }'],
    ['a password, secret or token value', '      db_password: hunter22xyz'],
    ['a password, secret or token value', '      api_token: "f00dfeedcafe"'],
    ['a password, secret or token value', '      DB-PASSWORD: Tr0ub4dor'],
    ['a password, secret or token value', '      clientSecret: abcd1234efgh'],
    ['a password, secret or token value', 'case:\n  params: {"db_password": "correct-horse"}'],
    ['a PyPI token', 'pypi = "pypi-AgEIcHlwaS5vcmcCJDEyMzQ1Njc4LTEyMzQtNTY3OC05MDEy"'],
    ['an AWS secret access key', 'aws_secret_access_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"'],
    ['an AWS secret access key', '      creds: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
    ['a GitLab token', '      pipeline: glptt-0123456789abcdef0123456789abcdef01234567'],
    ['a GitLab token', '      deploy: gldt-AbCdEfGhIjKlMnOpQrStUvWx'],
    ['a JSON Web Token', '      header: eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U'],
    ['an authorization header', '      auth: "Bearer abcdef0123456789abcdef0123456789"'],
    ['an Azure storage key', '      conn: DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=bXlrZXlteWtleW15a2V5bXlrZXk=;EndpointSuffix=core.windows.net'],
    ['a private key', '-----BEGIN PGP PRIVATE KEY BLOCK-----'],
    ['a private key', '-----BEGIN RSA PRIVATE KEY-----'],
    ['a credential in a URL query', '      url: https://bucket.s3.amazonaws.com/f.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=abc123def456'],
  ])('finds %s in %j', (what, text) => {
    expect(findSecrets({ spec: text }).map((h) => h.what)).toEqual([what]);
  });

  it('leaves ordinary workflow files alone: env references, schemas, placeholders, plain URLs', () => {
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
      '      password: ""',
      '      secret: null',
      '      max_tokens: 4096',
      '      token_url: https://auth.example.org/oauth/token',
      '      source_url: https://example.org/data?page=2&format=csv',
      '      description: "The password: it comes from the environment"',
      '      sha: 4b825dc642cb6eb9a060e54bf8d69288fbee4904',
      '      digest: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    ].join('\n');
    const registry = '{"entries": {"f": {"params": {"properties": {"token": {"type": "string", "title": "Token"}, "password": {"type": "string", "format": "password"}}}}}}';
    const env = '[feature.default.pypi-dependencies]\nlib = { git = "https://github.com/o/r", rev = "main" }\n';
    expect(findSecrets({ spec, registry, 'env-overrides': env, 'test-cases': 'case:\n  params: {"token": "x"}\n' })).toEqual([]);
  });

  const examples = join(REPO_ROOT, 'public/examples');
  it(`the bundled examples and the real reference workflows still share${skipReason('wt-examples')}`, () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.(ya?ml|json|toml)$/.test(name)) files.push(p);
      }
    };
    walk(examples);
    if (hasReference('wt-examples')) walk(referencePath('wt-examples'));
    expect(files.length).toBeGreaterThan(4);
    const hits = files.flatMap((p) => findSecrets({ spec: readFileSync(p, 'utf8') } as Partial<Record<FileRole, string>>).map((h) => `${p}:${h.line} ${h.what}`));
    expect(hits).toEqual([]);
  });

  it('says where the credentials are and what to do, naming at most three', () => {
    const hits = findSecrets({ spec: Array.from({ length: 5 }, () => 'password: correct-horse-battery').join('\n') });
    const message = describeSecrets(hits);
    expect(message).toContain('spec.yaml line 1 (a password, secret or token value), spec.yaml line 2');
    expect(message).toContain('and 2 more');
    expect(message).toContain('${{ env.NAME }}');
  });
});

describe('secrets in form values a link is to carry', () => {
  it('are found and named as the form values', () => {
    const hits = findSecrets({ spec: 'id: x\n' }, { fetch: { db_password: 'hunter22xyz', page_size: 5 } });
    expect(hits).toEqual([{ file: 'form', line: expect.any(Number), what: 'a password, secret or token value' }]);
    expect(describeSecrets(hits)).toContain('No link made: the form values (a password, secret or token value) looks like a credential');
    expect(findSecrets({ spec: 'id: x\n' }, { fetch: { page_size: 5, token: '${{ env.T }}' } })).toEqual([]);
  });
});
