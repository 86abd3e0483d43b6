import { describe, expect, it } from 'vitest';
import { listItemEnterRules } from './enter-rules.ts';

/** The spaces the first matching rule adds after `line` (undefined: no rule, Monaco's default). */
const added = (line: string) => listItemEnterRules().find((r) => r.beforeText.test(line))?.appendText.length;

describe('listItemEnterRules', () => {
  it('puts the next key of a `- key: value` item under its first key', () => {
    expect(added('  - id: x')).toBe(2);
    expect(added('- id: x')).toBe(2);
    expect(added('      - id: counts  # a group instance')).toBe(2);
    expect(added('  -   id: x')).toBe(4);
    expect(added('  - name: "a: b"')).toBe(2);
  });

  it('indents the content of a `- key:` item two columns past its key', () => {
    expect(added('  - partial:')).toBe(4);
    expect(added('  - partial:   ')).toBe(4);
  });

  it('leaves plain items, comments and nested keys to Monaco', () => {
    expect(added('  - df')).toBeUndefined();
    expect(added('  # - id: x')).toBeUndefined();
    expect(added('    task: x')).toBeUndefined();
    expect(added('  - # id: x')).toBeUndefined();
  });
});
