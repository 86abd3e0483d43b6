import { KNOWN_CHANNELS, resolveChannel } from '../spec/channels.ts';
import { identifierProblem } from '../spec/identifiers.ts';
import { isCondaVersionSpec } from '../spec/requirements.ts';
import { didYouMean } from '../util/suggest.ts';

/** The scaffold wizard's question model, its built-in questions (wt-compiler §7 order) and answer resolution. */

/** One item of a loop answer, e.g. a requirement `{name, req_type, version, channel}`. */
export type LoopItem = Record<string, string>;
/** A text answer, or the items collected by a loop question. */
export type AnswerValue = string | LoopItem[];
/** Answers by question `dest`; questions skipped by their condition are absent. */
export type Answers = Record<string, AnswerValue>;
/** Unvalidated answers: text, or loop items as parsed from JSON. */
export type RawAnswers = Record<string, string | readonly Record<string, unknown>[] | undefined>;

/** Asks a question only when an earlier answer (in a loop: an earlier field of the same item) matches. */
export type Condition =
  | { dest: string; equals: string }
  | { dest: string; in: readonly string[] }
  | { dest: string; notEmpty: true };

/** A wizard question; `validate` returns why a trimmed, non-defaulted answer is wrong, or undefined. */
export interface Question {
  dest: string;
  help: string;
  type: 'string' | 'choice' | 'requirement-loop';
  /** `choice`: the allowed answers (checked before `validate`). */
  choices?: readonly string[];
  /** Used when the answer is empty. */
  default?: string;
  condition?: Condition;
  validate: (value: string) => string | undefined;
  /** `requirement-loop`: the fields asked per item; the first one is required and ends the loop when empty. */
  questions?: readonly Question[];
  /** `requirement-loop`: singular item label, as in "Add a requirement?". */
  item?: string;
  /** `requirement-loop`: cross-field check of a complete item. */
  validateItem?: (item: LoopItem) => string | undefined;
}

/** Why an answer was rejected; `index`/`field` locate it inside a loop answer. */
export interface AnswerProblem {
  severity: 'error' | 'warning';
  code: 'missing-answer' | 'invalid-answer' | 'unknown-answer' | 'not-applicable' | 'wrong-type';
  dest: string;
  index?: number;
  field?: string;
  message: string;
}

/** Licences the scaffold can write, the default first. */
export const LICENSES = ['BSD-3-Clause', 'MIT', 'Apache-2.0'] as const;
/** One of the licences the scaffold can write. */
export type LicenseType = (typeof LICENSES)[number];

const CONDA_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.+-]*$/;
const PEP508_NAME = /^([A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9])$/;
const TEST_CASE_KEY = /^[A-Za-z0-9_.-]*$/;
const TMP_DIR = /^[A-Za-z0-9_.][A-Za-z0-9_./-]*$/;

/** Validators shared by built-in and provider questions, by name. */
export const VALIDATORS = {
  'non-empty': (v: string) => (v === '' ? 'an answer is required' : /[\r\n]/.test(v) ? 'use a single line' : undefined),
  identifier: (v: string) => identifierProblem(v, 64)?.message,
  'conda-version': (v: string) =>
    isCondaVersionSpec(v) ? undefined : `\`${v}\` is not a conda version constraint (e.g. \`2.13.0\`, \`>=1.2,<2\`, \`*\`)`,
  channel: (v: string) =>
    resolveChannel(v) ? undefined : `unknown conda channel \`${v}\`${didYouMean(v, KNOWN_CHANNEL_NAMES)}; use one of ${KNOWN_CHANNEL_NAMES.join(', ')}, a known channel URL, or a file:// channel`,
  'pip-source': pipSourceProblem,
} satisfies Record<string, (v: string) => string | undefined>;

/** A validator name usable in provider files. */
export type ValidatorName = keyof typeof VALIDATORS;

const KNOWN_CHANNEL_NAMES = KNOWN_CHANNELS.map((c) => c.name);

function pipSourceProblem(v: string): string | undefined {
  if (v === '') return 'an answer is required';
  if (/\s|"/.test(v)) return 'a source cannot contain spaces or quotes';
  if (v.startsWith('file://')) return `use the absolute path itself, not a file:// URL: \`${v.slice('file://'.length) || '/path/to/package'}\``;
  if (v.startsWith('/')) return v.length > 1 ? undefined : 'give the absolute path of the package folder';
  if (/^https?:\/\/[^/]+/.test(v)) return undefined;
  if (/^git\+https:\/\/[^/]+\/.+/.test(v)) return undefined;
  return `\`${v}\` is not a package source: give an absolute path (/home/me/my-tasks), an http(s) URL of a wheel or sdist, or git+https://host/org/repo.git`;
}

const ok = () => undefined;

/** The requirement fields asked per item: name, req_type, then version + channel (conda) or source (pip). */
export const REQUIREMENT_QUESTIONS: readonly Question[] = [
  {
    dest: 'name',
    help: 'Package name',
    type: 'string',
    validate: (v) => VALIDATORS['non-empty'](v) ?? (CONDA_NAME.test(v) ? undefined : `\`${v}\` is not a valid package name`),
  },
  { dest: 'req_type', help: 'Requirement type', type: 'choice', choices: ['conda', 'pip'], default: 'conda', validate: ok },
  {
    dest: 'version',
    help: 'Version spec (conda match spec)',
    type: 'string',
    default: '*',
    condition: { dest: 'req_type', equals: 'conda' },
    validate: VALIDATORS['conda-version'],
  },
  {
    dest: 'channel',
    help: `Channel (${KNOWN_CHANNEL_NAMES.join(', ')}, or a file:// channel)`,
    type: 'string',
    default: 'conda-forge',
    condition: { dest: 'req_type', equals: 'conda' },
    validate: VALIDATORS.channel,
  },
  {
    dest: 'source',
    help: 'Source: absolute path, http(s) URL, or git+https://… URL',
    type: 'string',
    condition: { dest: 'req_type', equals: 'pip' },
    validate: pipSourceProblem,
  },
];

/** The built-in questions, in wt-compiler's order. */
export const BUILTIN_QUESTIONS: readonly Question[] = [
  { dest: 'workflow_id', help: 'Workflow ID (Python identifier, at most 64 characters)', type: 'string', validate: VALIDATORS.identifier },
  { dest: 'workflow_name', help: 'Workflow name (human-readable)', type: 'string', validate: VALIDATORS['non-empty'] },
  { dest: 'workflow_description', help: 'Workflow description (optional)', type: 'string', default: '', validate: ok },
  { dest: 'author_name', help: 'Author name', type: 'string', validate: VALIDATORS['non-empty'] },
  { dest: 'license_type', help: 'License type', type: 'choice', choices: LICENSES, default: 'BSD-3-Clause', validate: ok },
  {
    dest: 'ci_test_case',
    help: 'Test case CI runs (a key of test-cases.yaml; empty = the first key)',
    type: 'string',
    default: '',
    validate: (v) => (TEST_CASE_KEY.test(v) ? undefined : `\`${v}\` cannot be a test case key here: use letters, digits, \`_\`, \`-\` and \`.\``),
  },
  {
    dest: 'ci_tmp_dir',
    help: 'Temporary directory for CI docker results',
    type: 'string',
    default: '.wt-tmp',
    validate: (v) =>
      TMP_DIR.test(v) && !v.split('/').includes('..')
        ? undefined
        : `\`${v}\` must be a relative path inside the repository (letters, digits, \`.\`, \`_\`, \`-\`, \`/\`; no \`..\`)`,
  },
  {
    dest: 'requirements',
    help: 'Requirements (conda packages or PyPI sources)',
    type: 'requirement-loop',
    item: 'requirement',
    questions: REQUIREMENT_QUESTIONS,
    validate: ok,
    validateItem: (item) =>
      item.req_type === 'pip' && !PEP508_NAME.test(item.name) ? `\`${item.name}\` is not a valid PyPI distribution name` : undefined,
  },
];

/** Creates an empty answers record (no prototype, so any `dest` is a plain key). */
export function emptyAnswers(): Answers {
  return Object.create(null) as Answers;
}

/** True when the condition is absent or met by `answers`. */
export function conditionHolds(condition: Condition | undefined, answers: Readonly<Record<string, AnswerValue | undefined>>): boolean {
  if (!condition) return true;
  const value = Object.hasOwn(answers, condition.dest) ? answers[condition.dest] : undefined;
  if ('notEmpty' in condition) return Array.isArray(value) ? value.length > 0 : typeof value === 'string' && value !== '';
  if (typeof value !== 'string') return false;
  if ('equals' in condition) return value === condition.equals;
  return condition.in.includes(value);
}

/** Human wording of a condition, e.g. "req_type is pip". */
export function describeCondition(condition: Condition): string {
  if ('notEmpty' in condition) return `${condition.dest} is not empty`;
  if ('equals' in condition) return `${condition.dest} is ${condition.equals}`;
  return `${condition.dest} is one of ${condition.in.join(', ')}`;
}

/** Why `value` (already trimmed, default applied) is not a valid answer to `question`, or undefined. */
export function answerProblem(question: Question, value: string): string | undefined {
  if (question.type === 'choice' && question.choices && !question.choices.includes(value)) {
    return `\`${value}\` is not one of ${question.choices.join(', ')}${didYouMean(value, question.choices)}`;
  }
  return question.validate(value);
}

/**
 * Resolves one text answer: trims it, applies the default to an empty answer, validates.
 * Returns the value, or a problem code and message.
 */
export function resolveText(question: Question, raw: string | undefined): { value: string } | { code: 'missing-answer' | 'invalid-answer'; message: string } {
  const trimmed = (raw ?? '').trim();
  const value = trimmed === '' && question.default !== undefined ? question.default : trimmed;
  const problem = answerProblem(question, value);
  if (problem === undefined) return { value };
  return value === '' ? { code: 'missing-answer', message: `${question.help}: an answer is required` } : { code: 'invalid-answer', message: problem };
}

/** Every dest that can take a text answer (questions outside loops, not loops themselves). */
export function textQuestionDests(questions: readonly Question[]): string[] {
  return questions.filter((q) => q.type !== 'requirement-loop').map((q) => q.dest);
}

/** Validates raw answers against the questions in order, applying defaults and conditions; collects every problem. */
export function resolveAnswers(questions: readonly Question[], raw: RawAnswers): { answers: Answers; problems: AnswerProblem[] } {
  const answers = emptyAnswers();
  const problems: AnswerProblem[] = [];
  const known = new Set(questions.map((q) => q.dest));
  for (const dest of Object.keys(raw)) {
    if (!known.has(dest) && raw[dest] !== undefined) {
      problems.push({ severity: 'error', code: 'unknown-answer', dest, message: `there is no question \`${dest}\`${didYouMean(dest, known)}` });
    }
  }
  for (const q of questions) {
    const given = Object.hasOwn(raw, q.dest) ? raw[q.dest] : undefined;
    if (!conditionHolds(q.condition, answers)) {
      if (given !== undefined && given !== '') {
        problems.push({ severity: 'warning', code: 'not-applicable', dest: q.dest, message: `ignored: asked only when ${describeCondition(q.condition!)}` });
      }
      continue;
    }
    if (q.type === 'requirement-loop') {
      if (given !== undefined && !Array.isArray(given)) {
        problems.push({ severity: 'error', code: 'wrong-type', dest: q.dest, message: 'expected a list of items' });
        continue;
      }
      answers[q.dest] = resolveLoop(q, (given ?? []) as readonly Record<string, unknown>[], problems);
      continue;
    }
    if (given !== undefined && typeof given !== 'string') {
      problems.push({ severity: 'error', code: 'wrong-type', dest: q.dest, message: 'expected text' });
      continue;
    }
    const r = resolveText(q, given);
    if ('value' in r) answers[q.dest] = r.value;
    else problems.push({ severity: 'error', code: r.code, dest: q.dest, message: r.message });
  }
  return { answers, problems };
}

function resolveLoop(loop: Question, items: readonly Record<string, unknown>[], problems: AnswerProblem[]): LoopItem[] {
  const out: LoopItem[] = [];
  const fields = loop.questions ?? [];
  const fieldNames = fields.map((f) => f.dest);
  items.forEach((rawItem, index) => {
    const item = Object.create(null) as LoopItem;
    const before = problems.length;
    const problem = (code: AnswerProblem['code'], field: string | undefined, message: string, severity: AnswerProblem['severity'] = 'error') =>
      problems.push({ severity, code, dest: loop.dest, index, ...(field === undefined ? {} : { field }), message });
    if (typeof rawItem !== 'object' || rawItem === null || Array.isArray(rawItem)) {
      problem('wrong-type', undefined, 'expected an object');
      return;
    }
    for (const key of Object.keys(rawItem)) {
      if (!fieldNames.includes(key)) problem('unknown-answer', key, `unknown field \`${key}\`${didYouMean(key, fieldNames)} (fields: ${fieldNames.join(', ')})`);
    }
    for (const f of fields) {
      const given = Object.hasOwn(rawItem, f.dest) ? rawItem[f.dest] : undefined;
      if (!conditionHolds(f.condition, item)) {
        if (given !== undefined) problem('not-applicable', f.dest, `\`${f.dest}\` applies only when ${describeCondition(f.condition!)}`);
        continue;
      }
      if (given !== undefined && typeof given !== 'string') {
        problem('wrong-type', f.dest, `\`${f.dest}\` must be a string`);
        continue;
      }
      const r = resolveText(f, given);
      if ('value' in r) item[f.dest] = r.value;
      else problem(r.code === 'missing-answer' ? 'missing-answer' : 'invalid-answer', f.dest, r.code === 'missing-answer' ? `\`${f.dest}\` is required (${f.help})` : r.message);
    }
    if (problems.length > before) return;
    const itemProblem = loop.validateItem?.(item);
    if (itemProblem) problem('invalid-answer', undefined, itemProblem);
    else out.push(item);
  });
  return out;
}

/** Where a problem is, e.g. `workflow_id` or `requirements[1].version` (0-based index). */
export function problemPath(p: AnswerProblem): string {
  return p.dest + (p.index === undefined ? '' : `[${p.index}]`) + (p.field === undefined ? '' : `.${p.field}`);
}
