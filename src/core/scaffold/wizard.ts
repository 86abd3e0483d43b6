import { conditionHolds, emptyAnswers, resolveText, type Answers, type LoopItem, type Question } from './questions.ts';

/**
 * The interactive wizard as a generator, independent of any terminal or UI: it yields prompts and
 * receives the user's raw text back, re-asking with an `error` until each answer is valid.
 */

/** What to show next: a question, or a yes/no question that opens (another) loop item. */
export type Prompt =
  | { kind: 'ask'; question: Question; error?: string }
  | { kind: 'confirm'; text: string; error?: string };

/** Drives `questions` in order; the generator's return value is the complete, valid answers. */
export function* wizard(questions: readonly Question[]): Generator<Prompt, Answers, string> {
  const answers = emptyAnswers();
  for (const q of questions) {
    if (!conditionHolds(q.condition, answers)) continue;
    answers[q.dest] = q.type === 'requirement-loop' ? yield* askLoop(q) : yield* askRequired(q);
  }
  return answers;
}

/** A choice may be answered by its 1-based number in the list. */
export function pickChoice(question: Question, raw: string): string {
  const t = raw.trim();
  if (question.type !== 'choice' || !question.choices || !/^[0-9]+$/.test(t)) return raw;
  const n = Number(t);
  return n >= 1 && n <= question.choices.length ? question.choices[n - 1] : raw;
}

function* askRequired(q: Question): Generator<Prompt, string, string> {
  return (yield* askText(q, false)) as string; // without endOnEmpty, askText only returns valid answers
}

function* askText(q: Question, endOnEmpty: boolean): Generator<Prompt, string | undefined, string> {
  let error: string | undefined;
  for (;;) {
    const raw = yield error === undefined ? { kind: 'ask', question: q } : { kind: 'ask', question: q, error };
    if (endOnEmpty && raw.trim() === '') return undefined;
    const r = resolveText(q, pickChoice(q, raw));
    if ('value' in r) return r.value;
    error = r.code === 'missing-answer' ? 'an answer is required' : r.message;
  }
}

function* confirm(text: string, note: string | undefined): Generator<Prompt, boolean, string> {
  let error = note;
  for (;;) {
    const raw = (yield error === undefined ? { kind: 'confirm', text } : { kind: 'confirm', text, error }).trim().toLowerCase();
    if (raw === 'y' || raw === 'yes') return true;
    if (raw === '' || raw === 'n' || raw === 'no') return false;
    error = 'answer y or n';
  }
}

function* askLoop(loop: Question): Generator<Prompt, LoopItem[], string> {
  const items: LoopItem[] = [];
  const label = loop.item ?? 'item';
  const [first, ...rest] = loop.questions ?? [];
  let note: string | undefined;
  for (;;) {
    const text = items.length === 0 ? `Add ${/^[aeiou]/i.test(label) ? 'an' : 'a'} ${label}?` : `Add another ${label}?`;
    if (!(yield* confirm(text, note)) || !first) return items;
    note = undefined;
    const item = Object.create(null) as LoopItem;
    const name = yield* askText(first, true);
    if (name === undefined) return items; // an empty first answer ends the loop, as upstream
    item[first.dest] = name;
    for (const f of rest) {
      if (!conditionHolds(f.condition, item)) continue;
      item[f.dest] = yield* askRequired(f);
    }
    const problem = loop.validateItem?.(item);
    if (problem) note = `${label} not added: ${problem}`;
    else items.push(item);
  }
}
