import type { InstanceSummary, ParameterSummary, TaskSummary } from '../../worker/protocol.ts';
import type { CompletionContext, HoverTarget } from './yaml-context.ts';

/** Completion items and hover text for a context, independent of Monaco (which only maps them). */

export interface Suggestion {
  label: string;
  kind: 'task' | 'parameter' | 'reference' | 'env';
  insertText: string;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  sortText?: string;
  /** What the typed text is matched against (default: the label). */
  filterText?: string;
  /** `insertText` is a Monaco snippet (`$1` is where the cursor goes). */
  snippet?: boolean;
}

export interface EditorData {
  tasks: readonly TaskSummary[];
  instances: readonly InstanceSummary[];
}

/** The task a `task:` value names: its importable reference, else its (preferably unambiguous) function name. */
export function findTask(tasks: readonly TaskSummary[], name: string | undefined): TaskSummary | undefined {
  if (!name) return undefined;
  return tasks.find((t) => t.importableReference === name) ?? tasks.find((t) => t.functionName === name && !t.ambiguous) ?? tasks.find((t) => t.functionName === name);
}

/** The completion items for a context. */
export function suggestions(ctx: CompletionContext, data: EditorData): Suggestion[] {
  switch (ctx.kind) {
    case 'task-name':
      return data.tasks.map((t) => {
        const label = t.ambiguous ? t.importableReference : t.functionName;
        return {
          label,
          kind: 'task',
          insertText: (ctx.needsSpace ? ' ' : '') + label,
          detail: t.deprecated ? `${t.title} (deprecated)` : t.title,
          documentation: t.description ?? undefined,
          sortText: `${t.deprecated ? 1 : 0}${label}`,
        };
      });
    case 'partial-key':
    case 'argname': {
      const task = findTask(data.tasks, ctx.task);
      if (!task) return [];
      const bound = new Set(ctx.bound);
      return task.parameters
        .filter((p) => !bound.has(p.name))
        .map((p, i) => ({
          label: p.name,
          kind: 'parameter',
          insertText: ctx.kind === 'partial-key' && !ctx.hasColon ? `${p.name}: ` : p.name,
          detail: `${p.type}${p.required ? ' · required' : ' · optional'}`,
          documentation: parameterDoc(p),
          // Required parameters first, then in the task's own order.
          sortText: `${p.required ? 0 : 1}${String(i).padStart(3, '0')}`,
        }));
    }
    case 'reference': {
      const wrap = (expr: string) =>
        (ctx.needsLeadingSpace ? ' ' : '') + expr + (ctx.closed ? (ctx.needsTrailingSpace ? ' ' : '') : ' }}');
      const visible = data.instances.filter((i) => ctx.beforeLine === undefined || i.line < ctx.beforeLine);
      const refs: Suggestion[] = visible.map((inst, i) => ({
        label: `workflow.${inst.id}.return`,
        kind: 'reference',
        insertText: wrap(`workflow.${inst.id}.return`),
        detail: `${inst.name} (${inst.task})`,
        documentation: instanceDoc(inst),
        sortText: `0${String(i).padStart(4, '0')}`,
      }));
      const env: Suggestion[] = ctx.envNames.map((name) => ({
        label: `env.${name}`,
        kind: 'env',
        insertText: wrap(`env.${name}`),
        detail: 'environment variable used elsewhere in this spec',
        sortText: `1${name}`,
      }));
      env.push({
        label: 'env.',
        kind: 'env',
        insertText: (ctx.needsLeadingSpace ? ' ' : '') + 'env.',
        detail: 'an environment variable, read when the workflow runs',
        sortText: '2',
      });
      return [...refs, ...env];
    }
    case 'argument-value': {
      const lead = ctx.needsSpace ? ' ' : '';
      // Typed without `$`, the words inside the expression are what the user is matching.
      const filter = (expr: string) => (ctx.typed.startsWith('$') ? `\${{ ${expr} }}` : expr);
      const visible = data.instances.filter((i) => i.line < ctx.beforeLine);
      const refs: Suggestion[] = visible.map((inst, i) => ({
        label: `\${{ workflow.${inst.id}.return }}`,
        kind: 'reference',
        insertText: `${lead}\${{ workflow.${inst.id}.return }}`,
        filterText: filter(`workflow.${inst.id}.return`),
        detail: `${inst.name} (${inst.task})`,
        documentation: instanceDoc(inst),
        sortText: `0${String(i).padStart(4, '0')}`,
      }));
      const env: Suggestion[] = ctx.envNames.map((name) => ({
        label: `\${{ env.${name} }}`,
        kind: 'env',
        insertText: `${lead}\${{ env.${name} }}`,
        filterText: filter(`env.${name}`),
        detail: 'environment variable used elsewhere in this spec',
        sortText: `1${name}`,
      }));
      env.push({
        label: '${{ env.… }}',
        kind: 'env',
        // Snippet syntax: `\$` is a literal dollar, `$1` the cursor between `env.` and `}}`.
        insertText: `${lead}\\\${{ env.$1 }}`,
        snippet: true,
        filterText: filter('env.'),
        detail: 'an environment variable, read when the workflow runs',
        sortText: '2',
      });
      return [...refs, ...env];
    }
    default:
      return [];
  }
}

function instanceDoc(inst: InstanceSummary): string {
  return `The return value of **${inst.name}** (\`${inst.id}\`, task \`${inst.task}\`)${inst.group ? ` in group *${inst.group}*` : ''}.`;
}

function parameterDoc(p: ParameterSummary): string {
  const parts: string[] = [];
  if (p.title && p.title !== p.name) parts.push(`**${p.title}**`);
  if (p.description) parts.push(p.description);
  if (p.default !== undefined) parts.push(`Default: \`${p.default}\``);
  return parts.join('\n\n');
}

/** Markdown for a hover target, or undefined when the name is unknown. */
export function hoverMarkdown(target: HoverTarget, data: EditorData): string | undefined {
  switch (target.kind) {
    case 'task': {
      const t = findTask(data.tasks, target.name);
      if (!t) return undefined;
      const lines = [`**${t.title}** — \`${t.importableReference}\``];
      if (t.deprecated) lines.push('*Deprecated.*');
      if (t.description) lines.push(t.description);
      if (t.parameters.length > 0) {
        lines.push(
          'Parameters:\n\n' +
            t.parameters
              .map((p) => `- \`${p.name}\`: \`${p.type}\`${p.required ? ' (required)' : ''}${p.description ? ` — ${p.description}` : ''}`)
              .join('\n'),
        );
      } else lines.push('No parameters.');
      return lines.join('\n\n');
    }
    case 'parameter': {
      const t = findTask(data.tasks, target.task);
      const p = t?.parameters.find((x) => x.name === target.name);
      if (!t || !p) return undefined;
      const head = `\`${p.name}\`: \`${p.type}\` — ${p.required ? 'required' : 'optional'} parameter of \`${t.functionName}\``;
      const doc = parameterDoc(p);
      return doc ? `${head}\n\n${doc}` : head;
    }
    case 'instance': {
      const inst = data.instances.find((i) => i.id === target.id);
      if (!inst) return undefined;
      const t = findTask(data.tasks, inst.task);
      return `**${inst.name}** (\`${inst.id}\`) runs \`${inst.task}\`${t ? ` — ${t.title}` : ''}${inst.group ? `, in group *${inst.group}*` : ''}.`;
    }
  }
}
