/**
 * Places the scaffold's answer errors next to the wizard's fields. Core reports each one as
 * `<path>: <problem>` with the answer's internal key (`workflow_id`, `requirements[1].version`);
 * the wizard shows it under that field, named by the field's visible label.
 */

/** Visible labels of the wizard's fields, by answer key. */
export const FIELD_LABELS: Record<string, string> = {
  workflow_id: 'Workflow id',
  workflow_name: 'Workflow name',
  workflow_description: 'Description',
  author_name: 'Author name',
  license_type: 'Licence',
};

/** Visible labels of a requirement's fields. */
export const REQUIREMENT_LABELS: Record<string, string> = { name: 'Name', req_type: 'Kind', version: 'Version', channel: 'Channel', source: 'Source' };

export interface PlacedErrors {
  /** By field key: `workflow_id`, or `requirements.<index>.<field>` (0-based index). */
  fields: Record<string, string>;
  /** Errors that belong to no field of the form. */
  other: string[];
}

/** The key of a requirement field in `PlacedErrors.fields`. */
export const requirementKey = (index: number, field: string) => `requirements.${index}.${field}`;

/** Splits error messages into per-field texts (labelled, first error per field) and the rest. */
export function placeErrors(messages: readonly string[]): PlacedErrors {
  const placed: PlacedErrors = { fields: {}, other: [] };
  for (const message of messages) {
    const m = /^(\w+)(?:\[(\d+)\])?(?:\.(\w+))?: ([\s\S]*)$/.exec(message);
    const [dest, index, field, rest] = m ? [m[1], m[2], m[3], m[4]] : [];
    let key: string | undefined;
    let label: string | undefined;
    if (dest && index === undefined && field === undefined && Object.hasOwn(FIELD_LABELS, dest)) {
      key = dest;
      label = FIELD_LABELS[dest];
    } else if (dest === 'requirements' && index !== undefined) {
      // A problem of the whole item (e.g. an invalid PyPI name) is shown at its name.
      const f = field ?? 'name';
      if (Object.hasOwn(REQUIREMENT_LABELS, f)) {
        key = requirementKey(Number(index), f);
        label = REQUIREMENT_LABELS[f];
      }
    }
    if (key === undefined || label === undefined || rest === undefined) {
      placed.other.push(message);
      continue;
    }
    placed.fields[key] ??= `${label}: ${readable(rest)}`;
  }
  return placed;
}

/** The problem without internal keys: a missing answer is "an answer is required", other keys become labels. */
function readable(problem: string): string {
  if (/: an answer is required$/.test(problem) || /^`\w+` is required\b/.test(problem)) return 'an answer is required';
  const labels: Record<string, string> = { ...FIELD_LABELS, ...REQUIREMENT_LABELS };
  return problem.replace(/`(\w+)`/g, (whole, k: string) => (Object.hasOwn(labels, k) ? labels[k] : whole));
}
