import { isMapNode, YamlReader } from '../../core/util/yaml-reader.ts';

// A top-level `key:` line (optionally quoted), for files the YAML parser gives up on.
const KEY_LINE = /^(["']?)([^\s"'#:][^"':]*?)\1[ \t]*:(?:[ \t]|$)/gm;

/**
 * The top-level keys of a test-cases.yaml text, so "Save as test case" can refuse a key the file
 * already has (a second `case_1:` would make the file invalid YAML). Read with the same YAML parser
 * as the spec; when the text does not parse (it may already hold a duplicate or a typo), every
 * unindented `key:` line counts instead, so the guard still works on a broken file.
 */
export function testCaseKeys(text: string | undefined): Set<string> {
  if (!text?.trim()) return new Set();
  const reader = new YamlReader(text);
  const root = reader.root;
  if (isMapNode(root) && !reader.diagnostics.some((d) => d.severity === 'error')) {
    return new Set(reader.pairs(root).map((p) => p.key));
  }
  return new Set(Array.from(text.matchAll(KEY_LINE), (m) => m[2]));
}
