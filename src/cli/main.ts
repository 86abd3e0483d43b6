import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { PreviousPackage } from '../core/compiler/index.ts';
import { reproducibleZip } from '../core/util/zip.ts';
import { hasErrors } from '../core/util/diagnostics.ts';
import { printDiagnostics } from './diagnostics-output.ts';
import { CliError, fsReason } from './cli-error.ts';
import { closeCore, core } from './core-call.ts';
import { checkOutFolder, checkZipTarget } from './output-targets.ts';
import { releaseWriteReport, writeReleaseFolder } from './release-folder.ts';
import { readIfExists } from './read-if-exists.ts';
import { terminalSafe, terminalSafeJson } from './terminal-text.ts';

/** `npm run --silent cli -- <command>`: the workbench core from a terminal or CI. Exit 0 ok, 1 problems, 2 usage. */

const USAGE = `wt workbench CLI

Usage: npm run --silent cli -- <command> [options]

Commands:
  compile  --spec FILE --registry FILE [--out DIR] [--zip FILE] [--pkg-name-prefix P]
           [--results-env-var V] [--variant gcp] [--env-overrides FILE] [--clobber]
           [--update] [--install] [--format text|json]
           Check the spec and write the workflow package to DIR/<release_name>/ and/or a
           reproducible zip. --clobber replaces the package's files in an existing folder and
           keeps every other file there (.git/, .pixi/, notes; it lists them), and lets --zip
           replace an existing file; --update (with --clobber) bumps the existing package's
           version and keeps its pixi.lock; --install runs 'pixi install -a' in the package.
  check    --spec FILE --registry FILE [--format text|json]
           Report every problem; exit 0 when there are no errors, 1 otherwise.
  convert  --params-json FILE --rjsf FILE --from formdata|params --to params|formdata [--json FILE]
           Convert run parameters and form data (stdin when --json is omitted).
           Prints {"result": …} or {"validation_errors": […]}; exit 1 on validation errors.
  scaffold init [--no-interactive --workflow-id ID --workflow-name N --author-name A …]
           New workflow project in <output-dir>/<workflow_id>/ (scaffold --help for all flags).

Diagnostics print as FILE:LINE:COL: error[CODE]: message (or {"diagnostics": […]} with --format json).
Control characters in printed text are shown as escapes (\e, \x07, …). A core step that runs longer
than WT_CLI_TIMEOUT_MS (default 60000) is stopped with exit 1.
`;

class UsageError extends CliError {}

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

function readText(path: string | 0, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${what} ${path}: ${fsReason(e)}`);
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

async function runCheck(args: string[]): Promise<number> {
  const v = parse(args, SPEC_OPTIONS);
  const specPath = need(v, 'spec');
  const registryPath = need(v, 'registry');
  const format = formatOf(v);
  const diagnostics = await core().call('checking the spec', 'check', readText(specPath, 'spec'), readText(registryPath, 'registry'));
  printDiagnostics(diagnostics, { spec: specPath, registry: registryPath }, format);
  return hasErrors(diagnostics) ? 1 : 0;
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
  const overridesPath = v['env-overrides'] as string | undefined;
  // Where the output goes is checked before any work, so a mistake costs nothing.
  if (out) checkOutFolder(out);
  if (zipPath) checkZipTarget(zipPath, { spec: specPath, registry: registryPath, '--env-overrides': overridesPath }, !!v.clobber);

  const result = await core().call('compiling the spec', 'compile', readText(specPath, 'spec'), readText(registryPath, 'registry'), prefix);
  const files: Record<string, string> = { spec: specPath, registry: registryPath, 'env-overrides': overridesPath ?? '' };
  if (result.releaseName === undefined) {
    printDiagnostics(result.diagnostics, files, format);
    return 1;
  }
  const releaseDir = out ? join(out, result.releaseName) : undefined;
  if (releaseDir) files['VERSION.yaml'] = join(releaseDir, 'VERSION.yaml');
  if (releaseDir && existsSync(releaseDir) && !v.clobber) {
    throw new UsageError(`${releaseDir} already exists; pass --clobber to replace the package's files in it (other files are kept; add --update to bump its version)`);
  }
  const previous = v.update && releaseDir ? readPrevious(releaseDir) : undefined;
  const pkg = await core().call('building the package', 'build', {
    resultsEnvVar: v['results-env-var'] as string | undefined,
    variant: v.variant as 'gcp' | undefined,
    envOverrides: overridesPath ? { text: readText(overridesPath, '--env-overrides'), path: resolve(overridesPath) } : undefined,
    previous,
  });
  const diagnostics = [...result.diagnostics, ...pkg.diagnostics];
  if (hasErrors(diagnostics)) {
    printDiagnostics(diagnostics, files, format);
    return 1;
  }
  const written = releaseDir ? writeReleaseFolder(releaseDir, pkg.files) : undefined;
  if (zipPath) {
    const zip = await reproducibleZip(pkg.files.map((f) => ({ path: `${result.releaseName}/${f.path}`, content: f.text })));
    try {
      mkdirSync(dirname(resolve(zipPath)), { recursive: true });
      writeFileSync(zipPath, zip);
    } catch (e) {
      throw new CliError(`cannot write --zip ${zipPath}: ${fsReason(e)}`, 1);
    }
  }
  printDiagnostics(diagnostics, files, format);
  if (format === 'text') {
    for (const line of written ? releaseWriteReport(written) : []) process.stderr.write(line + '\n');
    const where = [releaseDir, zipPath].filter(Boolean).join(' and ');
    const { maj, min, patch } = pkg.version;
    process.stderr.write(terminalSafe(`wrote ${result.releaseName} ${maj}.${min}.${patch} (${pkg.files.length} files) to ${where}`) + '\n');
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

async function runConvert(args: string[]): Promise<number> {
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
  // Parsed in the core worker too: the parsed values hold Python-float objects a thread boundary would flatten.
  const texts = { 'params-json': readText(need(v, 'params-json'), '--params-json'), rjsf: readText(need(v, 'rjsf'), '--rjsf') };
  const inputText = typeof v.json === 'string' ? readText(v.json, 'input') : readText(0, 'stdin');
  const converted = await core().call('converting the input', 'convert', pair, texts['params-json'], texts.rjsf, inputText);
  if (converted.kind === 'not-object') {
    const { what, diagnostic: d } = converted;
    const at = d ? ` (line ${d.range.start.line}, column ${d.range.start.column}: ${d.message})` : '';
    throw new UsageError(what === 'input' ? `the input is not a JSON object${at}` : `${String(v[what])} is not a JSON object schema${d ? `: ${d.message}` : ''}`);
  }
  process.stdout.write(terminalSafeJson(converted.output) + '\n');
  return converted.ok ? 0 : 1;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'compile':
        return await runCompile(rest);
      case 'check':
        return await runCheck(rest);
      case 'convert':
        return await runConvert(rest);
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
    if (e instanceof CliError) {
      process.stderr.write(`error: ${terminalSafe(e.message)}\n${e.exitCode === 2 ? '\nRun with --help for usage.\n' : ''}`);
      return e.exitCode;
    }
    // A bug, not a mistake of the user's: one line, with the stack only on request.
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`error: internal error: ${terminalSafe(message)}\n${process.env.WT_DEBUG ? `${e instanceof Error ? e.stack : ''}\n` : 'Set WT_DEBUG=1 to see where it happened, and please report it.\n'}`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
// The core worker (and the loader it runs) would keep the process alive.
await closeCore();
