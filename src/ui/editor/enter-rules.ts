/**
 * Enter inside a YAML sequence item: after `- id: x` the next key of that item lines up under `id`
 * (two columns past the dash), after `- partial:` its content goes two columns deeper. Monaco's YAML
 * configuration only indents after a trailing colon, which leaves the cursor under the dash.
 * Rules are plain data (regex + what to append to the line's indentation), one per gap after the dash.
 */

export interface ListItemEnterRule {
  beforeText: RegExp;
  /** Spaces added to the current line's indentation on the new line. */
  appendText: string;
}

/** Widest gap between a dash and its key that gets a rule. */
const MAX_GAP = 8;

/** The rules, most specific first (an empty value indents further than a filled one). */
export function listItemEnterRules(): ListItemEnterRule[] {
  const rules: ListItemEnterRule[] = [];
  for (let gap = 1; gap <= MAX_GAP; gap++) {
    // `- key:` with nothing after it: the item's nested content.
    rules.push({ beforeText: new RegExp(`^\\s*-( {${gap}})[^\\s#-][^#]*?:\\s*$`), appendText: ' '.repeat(gap + 1 + 2) });
    // `- key: value`: the item's next key.
    rules.push({ beforeText: new RegExp(`^\\s*-( {${gap}})[^\\s#-][^#]*?:\\s+[^\\s#]`), appendText: ' '.repeat(gap + 1) });
  }
  return rules;
}
