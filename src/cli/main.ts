import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { buildPackage, checkSpec, compileWorkflow, formdataToParams, isCompiled, paramsToFormdata, type PreviousPackage, type ValidationErrorRecord } from '../core/compiler/index.ts';
import { reproducibleZip } from '../core/util/zip.ts';
import { hasErrors } from '../core/util/diagnostics.ts';
import { parseJson } from '../core/util/json-parse.ts';
import { isObject, type JsonObject, type JsonValue } from '../core/util/json-value.ts';
import { dumpPythonJson } from '../core/util/python-json.ts';
import { printDiagnostics } from './diagnostics-output.ts';

/** `npm run --silent cli -- <command>`: the workbench core from a terminal or CI. Exit 0 ok, 1 problems, 2 usage. */

const USAGE = `wt workbench CLI

Usage: npm run --silent cli -- <command> [options]

Commands:
  compile  --spec FILE --registry FILE [--out DIR] [--zip FILE] [--pkg-name-prefix P]
           [--results-env-var V] [--variant gcp] [--env-overrides FILE] [--clobber]
           [--update] [--install] [--format text|json]
           Check the spec and write the workflow package to DIR/<release_name>/ and/or a
           reproducible zip. --update (with --clobber) bumps the existing package's version
           and keeps its pixi.lock; --install runs 'pixi install -a' in the package.
  check    --spec FILE --registry FILE [--format text|json]
           Report every problem; exit 0 when there are no errors, 1 otherwise.
  convert  --params-json FILE --rjsf FILE --from formdata|params --to params|formdata [--json FILE]
           Convert run parameters and form data (stdin when --json is omitted).
           Prints {"result": …} or {"validation_errors": […]}; exit 1 on validation errors.
  scaffold init [--no-interactive --workflow-id ID --workflow-name N --author-name A …]
           New workflow project in <output-dir>/<workflow_id>/ (scaffold --help for all flags).

Diagnostics print as FILE:LINE:COL: error[CODE]: message (or {"diagnostics": […]} with --format json).
`;

class UsageError extends Error {}

function parse(args: string[], options: ParseArgsConfig['options']) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values as Record<string, string | boolean | undefined>;
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

function need(values: Record<string, string | boolean | undefined>, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v === '') throw new UsageError(`missing --${name}`);
  return v;
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${what} ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

function formatOf(values: Record<string, string | boolean | undefined>): 'text' | 'json' {
  const f = values.format ?? 'text';
  if (f !== 'text' && f !== 'json') throw new UsageError(`--format must be text or json, not ${String(f)}`);
  return f;
}

const SPEC_OPTIONS = {
  spec: { type: 'string' },
  registry: { type: 'string' },
  format: { type: 'string' },
} as const;

function runCheck(args: string[]): number {
  const v = parse(args, SPEC_OPTIONS);
  const specPath = need(v, 'spec');
  const registryPath = need(v, 'registry');
  const result = checkSpec(readText(specPath, 'spec'), readText(registryPath, 'registry'));
  printDiagnostics(result.diagnostics, { spec: specPath, registry: registryPath }, formatOf(v));
  return hasErrors(result.diagnostics) ? 1 : 0;
}

async function runCompile(args: string[]): Promise<number> {
  const v = parse(args, {
    ...SPEC_OPTIONS,
    out: { type: 'string' },
    zip: { type: 'string' },
    'pkg-name-prefix': { type: 'string' },
    'results-env-var': { type: 'string' },
    variant: { type: 'string' },
    'env-overrides': { type: 'string' },
    clobber: { type: 'boolean' },
    update: { type: 'boolean' },
    install: { type: 'boolean' },
  });
  const specPath = need(v, 'spec');
  const registryPath = need(v, 'registry');
  const out = v.out as string | undefined;
  const zipPath = v.zip as string | undefined;
  if (!out && !zipPath) throw new UsageError('give --out DIR, --zip FILE, or both');
  const format = formatOf(v);
  if (v.variant !== undefined && v.variant !== 'gcp') throw new UsageError(`--variant must be gcp, not ${String(v.variant)}`);
  const prefix = v['pkg-name-prefix'] as string | undefined;
  if (prefix !== undefined && !/^[a-z0-9][a-z0-9-]*$/.test(prefix)) throw new UsageError('--pkg-name-prefix must be lowercase letters, digits and -');
  if (v.update && !v.clobber) throw new UsageError('--update rewrites the existing package: pass --clobber with it');
  if (v.update && v.install) throw new UsageError('--update keeps pixi.lock as it is, so it cannot be combined with --install');
  if ((v.update || v.install) && !out) throw new UsageError('--update and --install need --out DIR');

  const result = compileWorkflow(readText(specPath, 'spec'), readText(registryPath, 'registry'), { pkgNamePrefix: prefix });
  const overridesPath = v['env-overrides'] as string | undefined;
  const files: Record<string, string> = { spec: specPath, registry: registryPath, 'env-overrides': overridesPath ?? '' };
  if (!isCompiled(result)) {
    printDiagnostics(result.diagnostics, files, format);
    return 1;
  }
  const releaseDir = out ? join(out, result.releaseName) : undefined;
  if (releaseDir) files['VERSION.yaml'] = join(releaseDir, 'VERSION.yaml');
  if (releaseDir && existsSync(releaseDir) && !v.clobber) {
    throw new UsageError(`${releaseDir} already exists; pass --clobber to replace it (add --update to bump its version)`);
  }
  const previous = v.update && releaseDir ? readPrevious(releaseDir) : undefined;
  const pkg = await buildPackage(result, {
    resultsEnvVar: v['results-env-var'] as string | undefined,
    variant: v.variant as 'gcp' | undefined,
    envOverrides: overridesPath ? { text: readText(overridesPath, '--env-overrides'), path: resolve(overridesPath) } : undefined,
    readFile: readIfExists,
    previous,
  });
  const diagnostics = [...result.diagnostics, ...pkg.diagnostics];
  if (hasErrors(diagnostics)) {
    printDiagnostics(diagnostics, files, format);
    return 1;
  }
  if (releaseDir) {
    rmSync(releaseDir, { recursive: true, force: true });
    for (const file of pkg.files) {
      const path = join(releaseDir, ...file.path.split('/'));
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.text);
    }
  }
  if (zipPath) {
    const zip = await reproducibleZip(pkg.files.map((f) => ({ path: `${result.releaseName}/${f.path}`, content: f.text })));
    mkdirSync(dirname(resolve(zipPath)), { recursive: true });
    writeFileSync(zipPath, zip);
  }
  printDiagnostics(diagnostics, files, format);
  if (format === 'text') {
    const where = [releaseDir, zipPath].filter(Boolean).join(' and ');
    const { maj, min, patch } = pkg.version;
    process.stderr.write(`wrote ${result.releaseName} ${maj}.${min}.${patch} (${pkg.files.length} files) to ${where}\n`);
  }
  if (v.install && releaseDir) return installWithPixi(releaseDir);
  return 0;
}

/** What --update carries over from the package already in the output folder. */
function readPrevious(releaseDir: string): PreviousPackage {
  const versionYaml = readIfExists(join(releaseDir, 'VERSION.yaml'));
  if (versionYaml === undefined) throw new UsageError(`--update found no ${join(releaseDir, 'VERSION.yaml')}: compile without --update first`);
  return { versionYaml, readme: readIfExists(join(releaseDir, 'README.md')), pixiLock: readIfExists(join(releaseDir, 'pixi.lock')) };
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** `--install`: `pixi install -a` in the package, when pixi is on PATH. */
function installWithPixi(releaseDir: string): number {
  const probe = spawnSync('pixi', ['--version'], { encoding: 'utf8' });
  if (probe.error) {
    process.stderr.write('error: --install needs pixi on PATH, and it is not there: install pixi (https://pixi.sh) or compile without --install\n');
    return 1;
  }
  const run = spawnSync('pixi', ['install', '-a'], { cwd: releaseDir, stdio: 'inherit' });
  return run.status === 0 ? 0 : 1;
}

function runConvert(args: string[]): number {
  const v = parse(args, {
    'params-json': { type: 'string' },
    rjsf: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    json: { type: 'string' },
  });
  const from = need(v, 'from');
  const to = need(v, 'to');
  const pair = `${from}->${to}`;
  if (pair !== 'formdata->params' && pair !== 'params->formdata') {
    throw new UsageError('--from/--to must be formdata→params or params→formdata');
  }
  const schemaOf = (flag: string) => {
    const path = need(v, flag);
    const parsed = parseJson(readText(path, flag), flag);
    if (!isObject(parsed.value)) throw new UsageError(`${path} is not a JSON object schema${parsed.diagnostics[0] ? `: ${parsed.diagnostics[0].message}` : ''}`);
    return parsed.value;
  };
  const paramsSchema = schemaOf('params-json');
  const rjsfSchema = schemaOf('rjsf');
  const inputText = typeof v.json === 'string' ? readText(v.json, 'input') : readFileSync(0, 'utf8');
  const input = parseJson(inputText, 'input');
  if (!isObject(input.value)) {
    const d = input.diagnostics[0];
    throw new UsageError(`the input is not a JSON object${d ? ` (line ${d.range.start.line}, column ${d.range.start.column}: ${d.message})` : ''}`);
  }
  const result = pair === 'formdata->params' ? formdataToParams(input.value, paramsSchema, rjsfSchema) : paramsToFormdata(input.value, paramsSchema, rjsfSchema);
  const payload: JsonObject = 'result' in result ? new Map([['result', result.result]]) : new Map([['validation_errors', result.validation_errors.map(toJsonRecord)]]);
  process.stdout.write(dumpPythonJson(payload, { indent: 2 }) + '\n');
  return 'result' in result ? 0 : 1;
}

function toJsonRecord(e: ValidationErrorRecord): JsonObject {
  return new Map<string, JsonValue>([
    ['message', e.message],
    ['path', e.path],
    ['schema_path', e.schema_path],
    ['validator', e.validator],
    ['input', e.input],
  ]);
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'compile':
        return await runCompile(rest);
      case 'check':
        return runCheck(rest);
      case 'convert':
        return runConvert(rest);
      case 'scaffold':
        return await (await import('./scaffold.ts')).runScaffold(rest);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command ${command}`);
    }
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`error: ${e.message}\n\nRun with --help for usage.\n`);
    return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
