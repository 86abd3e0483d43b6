import type { Reference } from './model.ts';

/** Reference strings: a whole string `${{ workflow.<id>.return }}` or `${{ env.<NAME> }}`, nothing else. */

export type ReferenceParse =
  | { kind: 'literal' }
  | { kind: 'reference'; reference: Reference }
  | { kind: 'invalid'; message: string };

/** Classifies a string the way wt-compiler does: only a whole `${{ … }}` string is a reference. */
export function parseReference(s: string): ReferenceParse {
  if (!(s.startsWith('${{') && s.endsWith('}}')) || s.length < 5) return { kind: 'literal' };
  const inner = s.slice(3, -2).trim();
  const parts = inner.split('.');
  if (parts.length === 3 && parts[0] === 'workflow' && parts[2] === 'return' && parts[1] !== '') {
    return { kind: 'reference', reference: { kind: 'workflow', id: parts[1] } };
  }
  if (parts.length === 2 && parts[0] === 'env' && parts[1] !== '') {
    return { kind: 'reference', reference: { kind: 'env', name: parts[1] } };
  }
  let hint = '';
  if (parts[0] === 'workflow' && parts.length === 3) hint = ` (a task output is always \`.return\`)`;
  else if (parts[0] === 'workflow' && parts.length === 2) hint = ` (add \`.return\`: \`\${{ workflow.${parts[1]}.return }}\`)`;
  return {
    kind: 'invalid',
    message: `\`${s}\` is not a reference wt understands${hint}: write \`\${{ workflow.<task_id>.return }}\` or \`\${{ env.<ENV_VAR_NAME> }}\``,
  };
}

/** True when a string mentions `${{` without being a whole reference (wt has no interpolation). */
export function looksLikeInterpolation(s: string): boolean {
  return s.includes('${{') && parseReference(s).kind === 'literal';
}

/** Writes a reference back as spec text. */
export function formatReference(r: Reference): string {
  return r.kind === 'workflow' ? `\${{ workflow.${r.id}.return }}` : `\${{ env.${r.name} }}`;
}
