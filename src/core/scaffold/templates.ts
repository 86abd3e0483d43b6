import { licenseText } from './licenses.ts';
import { LICENSES, type Answers, type LicenseType, type LoopItem } from './questions.ts';

/** The files `scaffold init` writes by default, one small renderer each. */

/** What every template sees: the resolved answers and the copyright year. */
export interface TemplateContext {
  answers: Answers;
  year: number;
}

/** A built-in file: its path inside the new project and its renderer. */
export interface BuiltinTemplate {
  path: string;
  render: (ctx: TemplateContext) => string;
}

const text = (a: Answers, dest: string): string => {
  const v = Object.hasOwn(a, dest) ? a[dest] : undefined;
  return typeof v === 'string' ? v : '';
};
const items = (a: Answers, dest: string): LoopItem[] => {
  const v = Object.hasOwn(a, dest) ? a[dest] : undefined;
  return Array.isArray(v) ? v : [];
};

/** A YAML double-quoted scalar (JSON string syntax is valid YAML). */
const q = (s: string) => JSON.stringify(s);

/**
 * The spec.yaml fields for a pip source: an absolute path → `path`; `git+https://…` → `git` without
 * `git+` (a trailing `@rev` becomes `rev`, `#subdirectory=…` becomes `subdirectory`); anything else → `url`.
 */
export function pipSourceFields(source: string): Array<[string, string]> {
  if (source.startsWith('/')) return [['path', source]];
  if (!source.startsWith('git+')) return [['url', source]];
  let url = source.slice('git+'.length);
  let subdirectory: string | undefined;
  const hash = url.indexOf('#');
  if (hash >= 0) {
    const fragment = new URLSearchParams(url.slice(hash + 1));
    subdirectory = fragment.get('subdirectory') ?? undefined;
    url = url.slice(0, hash);
  }
  let rev: string | undefined;
  const schemeEnd = url.indexOf('://');
  const pathStart = schemeEnd < 0 ? -1 : url.indexOf('/', schemeEnd + 3);
  const at = pathStart < 0 ? -1 : url.indexOf('@', pathStart);
  if (at > 0 && at < url.length - 1) {
    rev = url.slice(at + 1);
    url = url.slice(0, at);
  }
  const out: Array<[string, string]> = [['git', url]];
  if (rev) out.push(['rev', rev]);
  if (subdirectory) out.push(['subdirectory', subdirectory]);
  return out;
}

function specYaml({ answers }: TemplateContext): string {
  const reqs = items(answers, 'requirements');
  const lines = [`id: ${text(answers, 'workflow_id')}`];
  if (reqs.length === 0) lines.push('requirements: []');
  else {
    lines.push('requirements:');
    for (const r of reqs) {
      lines.push(`  - name: ${q(r.name)}`);
      const fields: Array<[string, string]> =
        r.req_type === 'pip' ? pipSourceFields(r.source ?? '') : [['version', r.version ?? '*'], ['channel', r.channel ?? 'conda-forge']];
      for (const [k, v] of fields) lines.push(`    ${k}: ${q(v)}`);
    }
  }
  lines.push('workflow: []');
  return lines.join('\n') + '\n';
}

function testCasesYaml({ answers }: TemplateContext): string {
  return `# Test cases for the ${text(answers, 'workflow_id')} workflow.
#
# Every top-level key names one case; the generated tests pick a case with \`--case <key>\`.
# A case has:
#   name                  short human-readable title
#   description           what the case exercises
#   params                the workflow parameters (the shape of params.json), one entry per task id
#   raises                true when the run is expected to fail (default false)
#   expected_status_code  HTTP status the runner should answer with (default 200)
#
# For instance:
#
# smoke-test:
#   name: Smoke test
#   description: Runs the workflow once with small inputs.
#   params:
#     some_task_id:
#       some_argument: some value
#   raises: false
#   expected_status_code: 200
`;
}

function readme({ answers }: TemplateContext): string {
  const description = text(answers, 'workflow_description');
  return `# ${text(answers, 'workflow_name')}
${description ? `\n${description}\n` : ''}
## Layout

- \`spec.yaml\`: the workflow spec (\`id\`, \`requirements\`, \`workflow\`), compiled with wt-compiler.
- \`test-cases.yaml\`: named parameter sets the generated tests run.
- \`.github/workflows/\`: CI (compile and test) and release tagging.

## Author

${text(answers, 'author_name')}

## License

${text(answers, 'license_type')} (see \`LICENSE\`).
`;
}

function gitignore({ answers }: TemplateContext): string {
  return `# Python build and cache files
__pycache__/
*.py[cod]
*$py.class
*.egg-info/
*.egg
.eggs/
build/
dist/

# Virtual environments
.venv/
venv/

# pixi environments and lock files
.pixi/
pixi.lock

# Scratch space used by CI
${text(answers, 'ci_tmp_dir').replace(/\/+$/, '')}/
`;
}

function gitattributes(): string {
  return `# Compiled workflow packages are generated: collapse them in diffs and keep them out of language stats.
*-*-workflow/** linguist-generated=true
`;
}

// Shell fragment shared by both workflows: finds the single compiled package folder.
const FIND_RELEASE_DIR = `shopt -s nullglob
          found=(*-workflow/)
          if [ "\${#found[@]}" -ne 1 ]; then
            echo "expected exactly one compiled *-workflow/ folder, found \${#found[@]}: \${found[*]}" >&2
            exit 1
          fi`;

function ciYml({ answers }: TemplateContext): string {
  const testCase = text(answers, 'ci_test_case');
  const tmp = text(answers, 'ci_tmp_dir').replace(/\/+$/, '');
  const pickCase = testCase
    ? `echo "CI_TEST_CASE=${testCase}" >> "$GITHUB_ENV"`
    : `first_case=$(yq -r 'keys | .[0]' test-cases.yaml)
          if [ -z "$first_case" ] || [ "$first_case" = "null" ]; then
            echo "test-cases.yaml has no test case yet: add one" >&2
            exit 1
          fi
          echo "CI_TEST_CASE=$first_case" >> "$GITHUB_ENV"`;
  return `# Written by \`scaffold init\`: compiles spec.yaml with wt-compiler, then runs the generated
# tests (mock IO) and a container smoke test for one case of test-cases.yaml.
name: CI

on:
  push:
    branches: ["main"]
  pull_request:

jobs:
  test:
    runs-on: ubuntu-latest
    strategy:
      fail-fast: false
      matrix:
        mode: ["local", "docker"]
    steps:
      - uses: actions/checkout@v4

      - name: Install pixi
        run: |
          curl -fsSL https://pixi.sh/install.sh | bash
          echo "$HOME/.pixi/bin" >> "$GITHUB_PATH"

      - name: Compile spec.yaml
        run: >-
          pixi exec
          --channel https://repo.prefix.dev/ecoscope-workflows/
          --channel conda-forge
          --spec wt-compiler
          wt-compiler compile --spec spec.yaml --clobber --install

      - name: Choose the package and the test case
        run: |
          ${FIND_RELEASE_DIR}
          echo "RELEASE_DIR=\${found[0]%/}" >> "$GITHUB_ENV"
          ${pickCase}

      - name: Run the generated tests
        if: matrix.mode == 'local'
        run: >-
          pixi run --manifest-path "$RELEASE_DIR/pixi.toml" -e test
          test-app-sequential-mock-io --case "$CI_TEST_CASE"

      - name: Build and start the container
        if: matrix.mode == 'docker'
        run: |
          pixi run --manifest-path "$RELEASE_DIR/pixi.toml" -e default docker-build
          mkdir -p "${tmp}/$RELEASE_DIR-results"
          docker run --detach --name "$RELEASE_DIR" \\
            --volume "$PWD/${tmp}/$RELEASE_DIR-results:/workflow/results" \\
            --env PORT=4000 --publish 4000:4000 "$RELEASE_DIR"
          sleep 5
          docker ps

      - name: Run the test case in the container
        if: matrix.mode == 'docker'
        run: |
          params=$(yq -o=json -I=0 ".[\\"$CI_TEST_CASE\\"].params" test-cases.yaml)
          curl --fail-with-body -X POST \\
            "http://localhost:4000/?execution_mode=sequential&mock_io=true&results_url=/workflow/results" \\
            -H "Content-Type: application/json" \\
            -d "{\\"params\\": $params}"
`;
}

function tagYml(): string {
  return `# Written by \`scaffold init\`: on pull requests, checks that the compiled package's VERSION.yaml
# names a new vMAJ.MIN.PATCH tag; when the pull request is merged, pushes that tag and a release.
name: Tag

on:
  pull_request:
    types: [opened, reopened, synchronize, closed]
    branches: ["main", "patch-*"]

jobs:
  check-version:
    runs-on: ubuntu-latest
    outputs:
      tag: \${{ steps.version.outputs.tag }}
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0

      - name: Read VERSION.yaml
        id: version
        run: |
          ${FIND_RELEASE_DIR}
          file="\${found[0]}VERSION.yaml"
          tag="v$(yq '.MAJ' "$file").$(yq '.MIN' "$file").$(yq '.PATCH' "$file")"
          echo "tag=$tag" >> "$GITHUB_OUTPUT"
          echo "VERSION.yaml says $tag"

      - name: Check the tag
        env:
          TAG: \${{ steps.version.outputs.tag }}
          BASE_REF: \${{ github.base_ref }}
        run: |
          if ! [[ "$TAG" =~ ^v[0-9]+\\.[0-9]+\\.[0-9]+$ ]]; then
            echo "$TAG is not of the form vMAJ.MIN.PATCH" >&2; exit 1
          fi
          if [ "$TAG" = "v0.0.0" ]; then
            echo "v0.0.0 is a fresh compile: recompile with --update to bump the version" >&2; exit 1
          fi
          if git rev-parse -q --verify "refs/tags/$TAG" > /dev/null; then
            echo "tag $TAG exists already: bump the version" >&2; exit 1
          fi
          if [[ "$BASE_REF" == patch-* ]] && [ "\${TAG##*.}" = "0" ]; then
            echo "pull requests into a patch branch must raise PATCH above 0" >&2; exit 1
          fi

  release:
    needs: check-version
    if: github.event.pull_request.merged == true
    runs-on: ubuntu-latest
    permissions:
      contents: write
    steps:
      - uses: actions/checkout@v4
        with:
          ref: \${{ github.event.pull_request.merge_commit_sha }}
          fetch-depth: 0

      - name: Push the tag
        env:
          TAG: \${{ needs.check-version.outputs.tag }}
        run: |
          git config user.name "github-actions[bot]"
          git config user.email "41898282+github-actions[bot]@users.noreply.github.com"
          git tag "$TAG"
          git push origin "$TAG"

      - name: Create the GitHub release
        env:
          GH_TOKEN: \${{ github.token }}
          TAG: \${{ needs.check-version.outputs.tag }}
        run: gh release create "$TAG" --repo "\${{ github.repository }}" --generate-notes
`;
}

function license({ answers, year }: TemplateContext): string {
  const type = text(answers, 'license_type');
  const known = (LICENSES as readonly string[]).includes(type) ? (type as LicenseType) : 'BSD-3-Clause';
  return licenseText(known, year, text(answers, 'author_name'));
}

/** The default files, in the order they are listed. */
export const BUILTIN_TEMPLATES: readonly BuiltinTemplate[] = [
  { path: 'spec.yaml', render: specYaml },
  { path: 'test-cases.yaml', render: testCasesYaml },
  { path: 'README.md', render: readme },
  { path: 'LICENSE', render: license },
  { path: '.gitignore', render: gitignore },
  { path: '.gitattributes', render: gitattributes },
  { path: '.github/workflows/ci.yml', render: ciYml },
  { path: '.github/workflows/tag.yml', render: tagYml },
];
