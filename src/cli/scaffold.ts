import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import {
  BUILTIN_QUESTIONS,
  parseProvider,
  problemPath,
  resolveAnswers,
  scaffoldFiles,
  textQuestionDests,
  wizard,
  type AnswerProblem,
  type Answers,
  type Prompt,
  type Provider,
  type Question,
  type RawAnswers,
} from '../core/scaffold/index.ts';
import { hasErrors } from '../core/util/diagnostics.ts';
import { parseJson } from '../core/util/json-parse.ts';
import { isObject, toPlain } from '../core/util/json-value.ts';
import { printDiagnostics } from './diagnostics-output.ts';
import { terminalSafe } from './terminal-text.ts';

/** `scaffold init`: a new workflow project from the wizard's answers (interactive on a TTY, or from flags). */

/** Help text of the `scaffold` command. */
export const SCAFFOLD_USAGE = `Usage: npm run --silent cli -- scaffold init [options]

Creates <output-dir>/<workflow_id>/ with spec.yaml, test-cases.yaml, README.md, LICENSE,
.gitignore, .gitattributes and .github/workflows/{ci,tag}.yml. On a terminal it asks the
questions; with --no-interactive the answers come from flags:

  --workflow-id ID            Python identifier, at most 64 characters (required)
  --workflow-name NAME        human-readable name (required)
  --author-name NAME          (required)
  --workflow-description D
  --license L                 BSD-3-Clause (default) | MIT | Apache-2.0
  --ci-test-case K            test-cases.yaml key CI runs (default: the first key)
  --ci-tmp-dir D              CI scratch directory (default .wt-tmp)
  --requirement JSON          repeatable, e.g.
      '{"name":"ecoscope-platform","req_type":"conda","version":"2.13.0","channel":"ecoscope-workflows"}'
      '{"name":"my-tasks","req_type":"pip","source":"/abs/path"}'   (source: /abs/path, https://…, git+https://…)
  --answer DEST=VALUE         repeatable: answers a provider's question (or any question by its dest)
  --provider FILE             a declarative provider (JSON; see src/core/scaffold/README.md)
  --output-dir DIR            where the project folder goes (default .)
  --clobber                   write into an existing project folder, overwriting the scaffold files

Exit 0 written, 1 invalid answers or provider, 2 usage (missing flags, folder exists, no terminal).
`;

class ScaffoldUsageError extends Error {}

const OPTIONS = {
  'no-interactive': { type: 'boolean' },
  'workflow-id': { type: 'string' },
  'workflow-name': { type: 'string' },
  'workflow-description': { type: 'string' },
  'author-name': { type: 'string' },
  license: { type: 'string' },
  'ci-test-case': { type: 'string' },
  'ci-tmp-dir': { type: 'string' },
  requirement: { type: 'string', multiple: true },
  answer: { type: 'string', multiple: true },
  provider: { type: 'string' },
  'output-dir': { type: 'string' },
  clobber: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Built-in answers that have their own flag. */
const FLAG_DESTS: Record<string, string> = {
  'workflow-id': 'workflow_id',
  'workflow-name': 'workflow_name',
  'workflow-description': 'workflow_description',
  'author-name': 'author_name',
  license: 'license_type',
  'ci-test-case': 'ci_test_case',
  'ci-tmp-dir': 'ci_tmp_dir',
};

type Values = ReturnType<typeof parseScaffoldArgs>;

function parseScaffoldArgs(args: string[]) {
  try {
    return parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (e) {
    throw new ScaffoldUsageError((e as Error).message);
  }
}

/** Runs `scaffold <subcommand> …`; returns the exit code. */
export async function runScaffold(args: string[]): Promise<number> {
  try {
    const [sub, ...rest] = args;
    if (sub === undefined || sub === 'help' || sub === '--help' || sub === '-h') {
      process.stdout.write(SCAFFOLD_USAGE);
      return sub === undefined ? 2 : 0;
    }
    if (sub !== 'init') throw new ScaffoldUsageError(`unknown scaffold command ${sub}: use scaffold init`);
    return await init(parseScaffoldArgs(rest));
  } catch (e) {
    if (!(e instanceof ScaffoldUsageError)) throw e;
    process.stderr.write(`error: ${terminalSafe(e.message)}\n\nRun with scaffold --help for usage.\n`);
    return 2;
  }
}

async function init(v: Values): Promise<number> {
  if (v.help) {
    process.stdout.write(SCAFFOLD_USAGE);
    return 0;
  }
  const provider = v.provider === undefined ? undefined : loadProvider(v.provider);
  if (provider === null) return 1;
  const questions = provider?.questions ?? BUILTIN_QUESTIONS;
  const given = flagAnswers(v, questions);

  let answers: Answers;
  if (v['no-interactive']) {
    const items = readRequirementFlags(v.requirement ?? []);
    if (items.items.length > 0) given.requirements = items.items;
    const resolved = resolveAnswers(questions, given);
    const missing = resolved.problems.filter((p) => p.code === 'missing-answer' && p.index === undefined);
    if (missing.length > 0) throw new ScaffoldUsageError(`missing ${missing.map((p) => flagOf(p.dest)).join(', ')}`);
    // Problems of the JSON-valid items name them by their position among all --requirement flags.
    const lines = [...items.problems, ...resolved.problems.map((p) => formatProblem(p.index === undefined ? p : { ...p, index: items.flagIndex[p.index] }))];
    for (const line of lines) process.stderr.write(terminalSafe(line) + '\n');
    if (items.problems.length > 0 || resolved.problems.some((p) => p.severity === 'error')) {
      const n = items.problems.length + resolved.problems.filter((p) => p.severity === 'error').length;
      process.stderr.write(`${n} problem${n === 1 ? '' : 's'}: nothing written\n`);
      return 1;
    }
    answers = resolved.answers;
  } else {
    if (v.requirement?.length) throw new ScaffoldUsageError('--requirement needs --no-interactive (the wizard asks for requirements itself)');
    if (!process.stdin.isTTY) {
      throw new ScaffoldUsageError('stdin is not a terminal, so the wizard cannot ask its questions: pass --no-interactive with the answers as flags');
    }
    const asked = await askOnTerminal(withDefaults(questions, given));
    if (!asked) {
      process.stderr.write('cancelled: nothing written\n');
      return 2;
    }
    answers = asked;
  }

  const result = scaffoldFiles(answers, { year: new Date().getFullYear(), provider });
  const target = join(resolve(v['output-dir'] ?? '.'), result.dir);
  const specPath = join(target, 'spec.yaml');
  if (hasErrors(result.diagnostics)) {
    printDiagnostics(result.diagnostics, { answers: '<answers>', 'spec.yaml': specPath }, 'text');
    return 1;
  }
  if (existsSync(target) && !v.clobber) {
    throw new ScaffoldUsageError(`${target} already exists; pass --clobber to overwrite the scaffold files in it (other files are kept)`);
  }
  for (const file of result.files) {
    const path = join(target, ...file.path.split('/'));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.text);
  }
  printDiagnostics(result.diagnostics, { answers: '<answers>', 'spec.yaml': specPath }, 'text');
  for (const file of result.files) process.stdout.write(terminalSafe(join(target, file.path)) + '\n');
  process.stderr.write(`created ${terminalSafe(target)} (${result.files.length} files): add tasks to spec.yaml's workflow and cases to test-cases.yaml\n`);
  return 0;
}

/** Reads and parses --provider; null after printing its diagnostics when it has errors. */
function loadProvider(path: string): Provider | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ScaffoldUsageError(`cannot read provider ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const parsed = parseProvider(text, 'provider');
  printDiagnostics(parsed.diagnostics, { provider: path }, 'text');
  return parsed.provider ?? null;
}

/** Answers from the built-in flags and `--answer DEST=VALUE`. */
function flagAnswers(v: Values, questions: readonly Question[]): RawAnswers {
  const raw = Object.create(null) as RawAnswers;
  for (const [flag, dest] of Object.entries(FLAG_DESTS)) {
    const value = v[flag as keyof Values];
    if (typeof value === 'string') raw[dest] = value;
  }
  const dests = textQuestionDests(questions);
  for (const a of v.answer ?? []) {
    const eq = a.indexOf('=');
    if (eq <= 0) throw new ScaffoldUsageError(`--answer ${a}: write --answer DEST=VALUE`);
    const dest = a.slice(0, eq);
    if (!dests.includes(dest)) throw new ScaffoldUsageError(`--answer ${dest}: there is no such question (questions: ${dests.join(', ')})`);
    if (raw[dest] !== undefined) throw new ScaffoldUsageError(`${flagOf(dest)} is given twice`);
    raw[dest] = a.slice(eq + 1);
  }
  return raw;
}

/** Parses each --requirement JSON object; `flagIndex[i]` is the flag position of `items[i]`; problems are formatted lines. */
function readRequirementFlags(texts: string[]): { items: Record<string, unknown>[]; flagIndex: number[]; problems: string[] } {
  const items: Record<string, unknown>[] = [];
  const flagIndex: number[] = [];
  const problems: string[] = [];
  texts.forEach((text, i) => {
    const where = `--requirement #${i + 1}`;
    const parsed = parseJson(text, where);
    const d = parsed.diagnostics[0];
    if (d) problems.push(`error[${d.code}]: ${where}, column ${d.range.start.column}: ${d.message}`);
    else if (!isObject(parsed.value)) problems.push(`error[wrong-type]: ${where}: expected a JSON object such as {"name": "numpy", "req_type": "conda"}`);
    else {
      items.push(toPlain(parsed.value) as Record<string, unknown>);
      flagIndex.push(i);
    }
  });
  return { items, flagIndex, problems };
}

function flagOf(dest: string): string {
  const flag = Object.entries(FLAG_DESTS).find(([, d]) => d === dest)?.[0];
  return flag ? `--${flag}` : `--answer ${dest}=…`;
}

function formatProblem(p: AnswerProblem): string {
  let where: string;
  if (p.index !== undefined) where = `--requirement #${p.index + 1}${p.field ? ` (${p.field})` : ''}`;
  else if (p.code === 'unknown-answer') where = problemPath(p);
  else where = flagOf(p.dest).replace('=…', '');
  return `${p.severity}[${p.code}]: ${where}: ${p.message}`;
}

/** Flag values become the defaults the wizard offers. */
function withDefaults(questions: readonly Question[], given: RawAnswers): Question[] {
  return questions.map((q) => {
    const v = given[q.dest];
    return typeof v === 'string' ? { ...q, default: v } : q;
  });
}

function promptText(p: Prompt): string {
  const error = p.error ? `  ! ${p.error}\n` : '';
  if (p.kind === 'confirm') return `${error}${p.text} [y/N] `;
  const q = p.question;
  const choices = q.choices ? ` [${q.choices.map((c, i) => `${i + 1}) ${c}`).join(', ')}]` : '';
  const def = q.default ? ` (default: ${q.default})` : '';
  return `${error}${q.help}${choices}${def}: `;
}

/** Asks the questions on the terminal; undefined when the user ends input or presses Ctrl-C. */
async function askOnTerminal(questions: readonly Question[]): Promise<Answers | undefined> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  let closed = false;
  let cancel: (() => void) | undefined;
  rl.on('close', () => {
    closed = true;
    cancel?.();
  });
  rl.on('SIGINT', () => rl.close());
  const ask = (text: string) =>
    new Promise<string | undefined>((done) => {
      if (closed) return done(undefined);
      cancel = () => done(undefined);
      rl.question(text, (answer) => done(answer));
    });
  try {
    const steps = wizard(questions);
    let step = steps.next();
    while (!step.done) {
      // Question texts come from a provider file: shown, never obeyed, by the terminal.
      const answer = await ask(promptText(step.value).split('\n').map(terminalSafe).join('\n'));
      if (answer === undefined) return undefined;
      step = steps.next(answer);
    }
    return step.value;
  } finally {
    rl.close();
  }
}
