import { parseSpec } from '../spec/parse-spec.ts';
import { DOCUMENT_START, sortDiagnostics, type Diagnostic } from '../util/diagnostics.ts';
import { renderPlaceholders } from './placeholders.ts';
import type { Provider } from './provider.ts';
import { BUILTIN_QUESTIONS, problemPath, resolveAnswers, type Answers, type RawAnswers } from './questions.ts';
import { BUILTIN_TEMPLATES } from './templates.ts';
import { pushAll } from '../util/arrays.ts';

/** The new project's files: `dir` is the folder to create (the workflow id), paths are relative to it. */
export interface ScaffoldResult {
  dir: string;
  files: Array<{ path: string; text: string }>;
  /** Answer problems (`source: 'answers'`), and any problem of the generated spec (`source: 'spec.yaml'`). */
  diagnostics: Diagnostic[];
}

/** What `scaffoldFiles` needs besides the answers. */
export interface ScaffoldOptions {
  /** Copyright year for LICENSE and `{{ year }}`. */
  year: number;
  provider?: Provider;
}

/**
 * Renders the project wt-compiler's `scaffold init` writes, from answers to the provider's (or the
 * built-in) questions. Answers are validated again here, so any input gives diagnostics, never a throw;
 * files are returned only when there are no errors.
 */
export function scaffoldFiles(answers: RawAnswers, options: ScaffoldOptions): ScaffoldResult {
  const questions = options.provider?.questions ?? BUILTIN_QUESTIONS;
  const resolved = resolveAnswers(questions, answers);
  const diagnostics: Diagnostic[] = resolved.problems.map((p) => ({
    severity: p.severity,
    code: p.code,
    message: `${problemPath(p)}: ${p.message}`,
    range: DOCUMENT_START,
    source: 'answers',
  }));
  const dir = typeof resolved.answers.workflow_id === 'string' ? resolved.answers.workflow_id : '';
  if (diagnostics.some((d) => d.severity === 'error')) return { dir, files: [], diagnostics };

  const files = renderFiles(resolved.answers, options);
  const spec = files.find((f) => f.path === 'spec.yaml');
  if (spec) pushAll(diagnostics, parseSpec(spec.text, 'spec.yaml').diagnostics);
  return { dir, files, diagnostics: sortDiagnostics(diagnostics) };
}

function renderFiles(answers: Answers, { year, provider }: ScaffoldOptions): Array<{ path: string; text: string }> {
  const files = BUILTIN_TEMPLATES.map((t) => ({ path: t.path, text: t.render({ answers, year }) }));
  const value = (name: string) => {
    if (name === 'year') return String(year);
    const v = Object.hasOwn(answers, name) ? answers[name] : undefined;
    return typeof v === 'string' ? v : ''; // a question skipped by its condition renders empty
  };
  for (const t of provider?.templates ?? []) {
    const at = files.findIndex((f) => f.path === t.path);
    if (t.text === null) {
      if (at >= 0) files.splice(at, 1);
      continue;
    }
    const file = { path: t.path, text: renderPlaceholders(t.text, value) };
    if (at >= 0) files[at] = file;
    else files.push(file);
  }
  return files;
}
