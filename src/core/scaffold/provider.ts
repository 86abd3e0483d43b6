import { isPythonIdentifier } from '../spec/identifiers.ts';
import { hasErrors, sortDiagnostics, type Diagnostic, type Range } from '../util/diagnostics.ts';
import { isObject, type JsonObject, type JsonValue } from '../util/json-value.ts';
import { didYouMean } from '../util/suggest.ts';
import { JsonReader } from './json-reader.ts';
import { findPlaceholders } from './placeholders.ts';
import { answerProblem, BUILTIN_QUESTIONS, VALIDATORS, type Condition, type Question, type ValidatorName } from './questions.ts';
import { BUILTIN_TEMPLATES } from './templates.ts';

/**
 * Declarative wizard providers: a JSON file that adds or replaces questions, adjusts built-in ones
 * and adds, replaces or removes files. The browser cannot load wt-compiler's Python providers, so
 * this is their data-only counterpart. Format: ./README.md.
 */

/** A provider file's template: `text` null removes the built-in file at `path`. */
export interface ProviderTemplate {
  path: string;
  text: string | null;
  /** Where the template's text (or null) is in the provider file. */
  range: Range;
}

/** A parsed provider: the full question list to ask (built-ins with its changes) and its templates. */
export interface Provider {
  name: string;
  description: string;
  questions: Question[];
  templates: ProviderTemplate[];
}

/** The provider, present only when the file has no errors, and every problem found. */
export interface ParsedProvider {
  provider?: Provider;
  diagnostics: Diagnostic[];
}

const ROOT_KEYS = ['$schema', 'name', 'description', 'questions', 'overrides', 'templates'];
const QUESTION_KEYS = ['dest', 'help', 'type', 'choices', 'default', 'condition', 'validate', 'after'];
const OVERRIDE_KEYS = ['help', 'default', 'choices'];
const CONDITION_OPERATORS = ['equals', 'in', 'notEmpty'];
/** Dests the scaffold itself depends on: they can be adjusted through `overrides` but not replaced. */
const FIXED_DESTS = ['workflow_id', 'requirements'];
/** Extra placeholder every template can use. */
const TEMPLATE_VARIABLES = ['year'];

/** Parses provider JSON; never throws, every problem is a positioned diagnostic with `source`. */
export function parseProvider(text: string, source = 'provider'): ParsedProvider {
  const r = new JsonReader(text, source);
  const root = r.root;
  if (root === undefined) return { diagnostics: r.diagnostics };
  if (!isObject(root)) {
    r.error(r.rangeAt(text.search(/\S|$/)), 'wrong-type', 'a provider file is a JSON object: {"name": …, "questions": […], "templates": {…}}');
    return { diagnostics: r.diagnostics };
  }
  r.checkKeys(root, ROOT_KEYS, 'the provider');
  const name = r.string(root, 'name', '`name`');
  if (!root.has('name')) r.error(r.rangeOf(root), 'missing-key', 'a provider needs a `name`');
  else if (name !== undefined && name.trim() === '') r.error(r.valueRange(root, 'name'), 'invalid-value', '`name` cannot be empty');

  const questions = BUILTIN_QUESTIONS.map((q) => (q.questions ? { ...q, questions: q.questions.map((s) => ({ ...s })) } : { ...q }));
  readOverrides(r, root, questions);
  const conditions = new Map<Question, Range>();
  readQuestions(r, root, questions, conditions);
  checkConditions(r, questions, conditions);
  const templates = readTemplates(r, root, questions);

  const diagnostics = sortDiagnostics(r.diagnostics);
  if (hasErrors(diagnostics)) return { diagnostics };
  return { provider: { name: name!.trim(), description: r.string(root, 'description', '`description`') ?? '', questions, templates }, diagnostics };
}

function readOverrides(r: JsonReader, root: JsonObject, questions: Question[]): void {
  const overrides = r.object(root, 'overrides', '`overrides`');
  if (!overrides) return;
  const targets = new Map<string, Question>();
  for (const q of questions) {
    targets.set(q.dest, q);
    for (const s of q.questions ?? []) targets.set(`${q.dest}.${s.dest}`, s);
  }
  for (const [key, value] of overrides) {
    const target = targets.get(key);
    if (!target) {
      r.error(r.keyRange(overrides, key), 'unknown-question', `\`overrides\` names no built-in question \`${key}\`${didYouMean(key, targets.keys())}`);
      continue;
    }
    if (!isObject(value)) {
      r.error(r.valueRange(overrides, key), 'wrong-type', `the override of \`${key}\` must be an object with ${OVERRIDE_KEYS.join(', ')}`);
      continue;
    }
    r.checkKeys(value, OVERRIDE_KEYS, `the override of \`${key}\``);
    if (target.type === 'requirement-loop' && (value.has('default') || value.has('choices'))) {
      r.error(r.keyRange(value, value.has('default') ? 'default' : 'choices'), 'invalid-override', `\`${key}\` is a loop: only its \`help\` can be overridden`);
      continue;
    }
    const help = r.string(value, 'help', '`help`');
    if (help !== undefined) target.help = help;
    const choices = r.strings(value, 'choices', '`choices`');
    if (choices !== undefined) {
      const unknown = choices.filter((c) => !target.choices?.includes(c));
      if (target.type !== 'choice') r.error(r.keyRange(value, 'choices'), 'invalid-override', `\`${key}\` is not a choice question`);
      else if (choices.length === 0) r.error(r.valueRange(value, 'choices'), 'invalid-value', '`choices` cannot be empty');
      else if (unknown.length > 0) {
        r.error(r.valueRange(value, 'choices'), 'invalid-override', `\`choices\` can only narrow \`${key}\`'s choices (${target.choices!.join(', ')}); unknown: ${unknown.join(', ')}`);
      } else target.choices = choices;
    }
    const def = r.string(value, 'default', '`default`');
    if (def !== undefined) {
      const problem = answerProblem(target, def.trim());
      if (problem) r.error(r.valueRange(value, 'default'), 'invalid-default', `default of \`${key}\`: ${problem}`);
      else target.default = def.trim();
    } else if (target.default !== undefined && target.choices && !target.choices.includes(target.default)) {
      r.error(r.keyRange(overrides, key), 'invalid-default', `\`${key}\`'s default \`${target.default}\` is no longer a choice: give a new \`default\``);
    }
  }
}

function readQuestions(r: JsonReader, root: JsonObject, questions: Question[], conditions: Map<Question, Range>): void {
  const list = root.get('questions');
  if (list === undefined) return;
  if (!Array.isArray(list)) {
    r.error(r.valueRange(root, 'questions'), 'wrong-type', '`questions` must be a list of question objects');
    return;
  }
  const builtinDests = new Set(BUILTIN_QUESTIONS.map((q) => q.dest));
  const seen = new Set<string>();
  const lastInsertedAfter = new Map<string, Question>();
  list.forEach((item, i) => {
    if (!isObject(item)) {
      r.error(r.valueRange(list, i), 'wrong-type', 'a question must be an object with at least `dest`');
      return;
    }
    const q = readQuestion(r, item, conditions);
    if (!q) return;
    const destRange = r.valueRange(item, 'dest');
    if (seen.has(q.dest)) {
      r.error(destRange, 'duplicate-question', `question \`${q.dest}\` is defined twice`);
      return;
    }
    seen.add(q.dest);
    const after = r.string(item, 'after', '`after`');
    if (builtinDests.has(q.dest)) {
      if (FIXED_DESTS.includes(q.dest)) {
        r.error(destRange, 'fixed-question', `the built-in \`${q.dest}\` cannot be replaced; adjust its \`help\` or \`default\` under \`overrides\``);
      } else if (after !== undefined) {
        r.error(r.keyRange(item, 'after'), 'invalid-after', `\`${q.dest}\` replaces the built-in question in place, so \`after\` does not apply`);
      } else questions[questions.findIndex((b) => b.dest === q.dest)] = q;
      return;
    }
    if (after === undefined) {
      questions.push(q);
      return;
    }
    const anchor = lastInsertedAfter.get(after) ?? questions.find((b) => b.dest === after);
    if (!anchor) {
      r.error(r.valueRange(item, 'after'), 'unknown-question', `\`after\` names no earlier question \`${after}\`${didYouMean(after, questions.map((b) => b.dest))}`);
      return;
    }
    questions.splice(questions.indexOf(anchor) + 1, 0, q);
    lastInsertedAfter.set(after, q);
  });
}

function readQuestion(r: JsonReader, item: JsonObject, conditions: Map<Question, Range>): Question | undefined {
  r.checkKeys(item, QUESTION_KEYS, 'a question');
  const dest = r.string(item, 'dest', '`dest`');
  if (dest === undefined) {
    if (!item.has('dest')) r.error(r.rangeOf(item), 'missing-key', 'a question needs `dest` (the answer\'s name, used as `{{ dest }}` in templates)');
    return undefined;
  }
  if (!isPythonIdentifier(dest) || dest.startsWith('__') || TEMPLATE_VARIABLES.includes(dest)) {
    const why = TEMPLATE_VARIABLES.includes(dest) ? `\`${dest}\` is reserved for templates` : 'use letters, digits and `_` (not starting with a digit or `__`)';
    r.error(r.valueRange(item, 'dest'), 'invalid-dest', `\`${dest}\` cannot be a question dest: ${why}`);
    return undefined;
  }
  const type = r.string(item, 'type', '`type`') ?? 'string';
  if (type !== 'string' && type !== 'choice') {
    r.error(r.valueRange(item, 'type'), 'invalid-type', `question type \`${type}\` is not supported: use \`string\` or \`choice\``);
    return undefined;
  }
  const q: Question = { dest, help: r.string(item, 'help', '`help`') ?? dest, type, validate: readValidate(r, item) };
  const choices = r.strings(item, 'choices', '`choices`');
  if (type === 'choice') {
    if (!choices || choices.length === 0) {
      if (choices || !item.has('choices')) r.error(item.has('choices') ? r.valueRange(item, 'choices') : r.rangeOf(item), 'missing-choices', `choice question \`${dest}\` needs a non-empty \`choices\` list`);
      return undefined;
    }
    if (new Set(choices).size !== choices.length) r.error(r.valueRange(item, 'choices'), 'duplicate-choice', `\`choices\` of \`${dest}\` repeats a value`);
    q.choices = choices;
  } else if (item.has('choices')) {
    r.error(r.keyRange(item, 'choices'), 'invalid-choices', `\`choices\` needs \`"type": "choice"\``);
  }
  const def = r.string(item, 'default', '`default`');
  if (def !== undefined) {
    const problem = answerProblem(q, def.trim());
    if (problem) r.error(r.valueRange(item, 'default'), 'invalid-default', `default of \`${dest}\`: ${problem}`);
    q.default = def.trim();
  }
  const condition = readCondition(r, item);
  if (condition) {
    q.condition = condition;
    conditions.set(q, r.valueRange(item, 'condition'));
  }
  return q;
}

function readValidate(r: JsonReader, item: JsonObject): Question['validate'] {
  const v = item.get('validate');
  if (v === undefined) return () => undefined;
  const rules = (Array.isArray(v) ? v : [v]).map((rule) => readRule(r, item, rule)).filter((f) => f !== undefined);
  return (value) => {
    for (const rule of rules) {
      const problem = rule(value);
      if (problem) return problem;
    }
    return undefined;
  };
}

function readRule(r: JsonReader, item: JsonObject, rule: JsonValue): ((v: string) => string | undefined) | undefined {
  const range = r.valueRange(item, 'validate');
  const names = Object.keys(VALIDATORS);
  if (typeof rule === 'string') {
    if (Object.hasOwn(VALIDATORS, rule)) return VALIDATORS[rule as ValidatorName];
    r.error(range, 'unknown-validator', `unknown validator \`${rule}\`${didYouMean(rule, names)} (known: ${names.join(', ')}, or {"pattern": …})`);
    return undefined;
  }
  if (isObject(rule) && typeof rule.get('pattern') === 'string') {
    const extra = [...rule.keys()].filter((k) => k !== 'pattern' && k !== 'message');
    if (extra.length > 0) r.error(range, 'unknown-key', `a pattern rule takes only \`pattern\` and \`message\`, not ${extra.map((k) => `\`${k}\``).join(', ')}`);
    const pattern = rule.get('pattern') as string;
    const message = rule.get('message');
    let re: RegExp;
    try {
      re = new RegExp(`^(?:${pattern})$`, 'u');
    } catch (e) {
      r.error(range, 'invalid-pattern', `\`${pattern}\` is not a valid regular expression: ${(e as Error).message}`);
      return undefined;
    }
    return (v) => (re.test(v) ? undefined : typeof message === 'string' ? message : `\`${v}\` does not match \`${pattern}\``);
  }
  r.error(range, 'invalid-validator', `\`validate\` is a validator name (${names.join(', ')}), {"pattern": "…", "message": "…"}, or a list of those`);
  return undefined;
}

function readCondition(r: JsonReader, item: JsonObject): Condition | undefined {
  const c = r.object(item, 'condition', '`condition`');
  if (!c) return undefined;
  r.checkKeys(c, ['dest', ...CONDITION_OPERATORS], 'a condition');
  const dest = r.string(c, 'dest', 'the condition `dest`');
  const ops = CONDITION_OPERATORS.filter((k) => c.has(k));
  if (dest === undefined || ops.length !== 1) {
    if (dest === undefined && !c.has('dest')) r.error(r.rangeOf(c), 'invalid-condition', 'a condition needs `dest`: the earlier question it looks at');
    if (ops.length !== 1) r.error(r.rangeOf(c), 'invalid-condition', 'a condition needs exactly one of `equals` (string), `in` (list of strings), `notEmpty` (true)');
    return undefined;
  }
  if (ops[0] === 'equals') {
    const equals = r.string(c, 'equals', '`equals`');
    return equals === undefined ? undefined : { dest, equals };
  }
  if (ops[0] === 'in') {
    const values = r.strings(c, 'in', '`in`');
    return values === undefined ? undefined : { dest, in: values };
  }
  if (c.get('notEmpty') !== true) {
    r.error(r.valueRange(c, 'notEmpty'), 'invalid-condition', '`notEmpty` must be true');
    return undefined;
  }
  return { dest, notEmpty: true };
}

function checkConditions(r: JsonReader, questions: Question[], conditions: Map<Question, Range>): void {
  questions.forEach((q, i) => {
    const range = conditions.get(q);
    if (!range || !q.condition) return;
    const c = q.condition;
    const j = questions.findIndex((o) => o.dest === c.dest);
    if (j < 0) {
      r.error(range, 'unknown-question', `the condition looks at \`${c.dest}\`, which is not a question${didYouMean(c.dest, questions.map((o) => o.dest))}`);
    } else if (j >= i) {
      r.error(range, 'condition-order', `the condition looks at \`${c.dest}\`, which is asked after \`${q.dest}\`: conditions can only use earlier answers`);
    } else if (questions[j].type === 'requirement-loop' && !('notEmpty' in c)) {
      r.error(range, 'invalid-condition', `\`${c.dest}\` is a list: only \`notEmpty\` applies to it`);
    } else if (questions[j].choices && !('notEmpty' in c)) {
      const values = 'equals' in c ? [c.equals] : c.in;
      const never = values.filter((v) => !questions[j].choices!.includes(v));
      if (never.length > 0) r.warning(range, 'never-matches', `\`${c.dest}\` is never ${never.join(' or ')} (choices: ${questions[j].choices!.join(', ')})`);
    }
  });
}

function templatePathProblem(path: string): string | undefined {
  if (path === '') return 'the path is empty';
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return 'use a path relative to the new project folder';
  if (path.includes('\\')) return 'use `/` as the separator';
  if (path.split('/').some((s) => s === '' || s === '.' || s === '..')) return 'empty, `.` and `..` path segments are not allowed';
  if (/[\u0000-\u001f]/.test(path)) return 'the path contains control characters';
  return undefined;
}

function readTemplates(r: JsonReader, root: JsonObject, questions: Question[]): ProviderTemplate[] {
  const templates = r.object(root, 'templates', '`templates`');
  if (!templates) return [];
  const builtinPaths = BUILTIN_TEMPLATES.map((t) => t.path);
  const textDests = new Set([...questions.filter((q) => q.type !== 'requirement-loop').map((q) => q.dest), ...TEMPLATE_VARIABLES]);
  const listDests = new Set(questions.filter((q) => q.type === 'requirement-loop').map((q) => q.dest));
  const out: ProviderTemplate[] = [];
  for (const [path, value] of templates) {
    const pathProblem = templatePathProblem(path);
    if (pathProblem) {
      r.error(r.keyRange(templates, path), 'invalid-path', `template path \`${path}\`: ${pathProblem}`);
      continue;
    }
    const range = r.valueRange(templates, path);
    if (value === null) {
      if (path === 'spec.yaml') r.error(range, 'required-file', 'spec.yaml cannot be removed; replace it with a template instead');
      else if (!builtinPaths.includes(path)) r.warning(range, 'nothing-to-remove', `\`${path}\` is not a built-in file, so null removes nothing (built-in: ${builtinPaths.join(', ')})`);
      else out.push({ path, text: null, range });
      continue;
    }
    if (typeof value !== 'string') {
      r.error(range, 'wrong-type', `the template for \`${path}\` must be a string (or null to drop a built-in file)`);
      continue;
    }
    checkPlaceholders(r, templates, path, value, textDests, listDests);
    out.push({ path, text: value, range });
  }
  return out;
}

function checkPlaceholders(r: JsonReader, templates: JsonObject, path: string, text: string, textDests: Set<string>, listDests: Set<string>): void {
  const offset = r.valueOffset(templates, path);
  const literal = offset === undefined ? '' : r.text.slice(offset, r.tokenEnd(offset));
  for (const p of findPlaceholders(text)) {
    if (textDests.has(p.name)) continue;
    // Position at the placeholder as written in the JSON source when it can be found there.
    const raw = findPlaceholders(literal).find((m) => m.name === p.name);
    const range = raw && offset !== undefined ? r.range(offset + raw.index, offset + raw.index + raw.length) : r.valueRange(templates, path);
    if (listDests.has(p.name)) {
      r.error(range, 'list-placeholder', `\`{{ ${p.name} }}\` is a list of items and cannot be substituted as text`);
    } else {
      r.error(range, 'unknown-placeholder', `\`{{ ${p.name} }}\` in \`${path}\` names no question${didYouMean(p.name, textDests)} (available: ${[...textDests].join(', ')})`);
    }
  }
}
