import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from './diagnostics.ts';
import { parseJson } from './json-parse.ts';
import { jsonEquals, PyFloat, toPlain, type JsonValue } from './json-value.ts';
import { dumpPythonJson, pythonFloatRepr } from './python-json.ts';

/** Every diagnostic points inside the text: 1-based line within the line count, column within that line (+1 for its end). */
function expectPositioned(text: string, diagnostics: Diagnostic[]): void {
  const lines = text.split('\n');
  for (const d of diagnostics) {
    for (const p of [d.range.start, d.range.end]) {
      expect(p.line).toBeGreaterThanOrEqual(1);
      expect(p.line).toBeLessThanOrEqual(lines.length);
      expect(p.column).toBeGreaterThanOrEqual(1);
      expect(p.column).toBeLessThanOrEqual(lines[p.line - 1].length + 1);
    }
  }
}

const strings = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('', '\ud800', 'a\udfffb', '\x7f', 'é', '😀', '"\\/', '\u2028', '${{ workflow.a.return }}'),
);

/** Values of the JSON model: ints (incl. beyond 2^53 as bigint), floats, strings, nested arrays and ordered objects. */
function values(finiteOnly: boolean) {
  const bigInts = fc.oneof(fc.bigInt({ min: 2n ** 53n, max: 2n ** 80n }), fc.bigInt({ min: -(2n ** 80n), max: -(2n ** 53n) }));
  const floats = fc
    .double(finiteOnly ? { noNaN: true, noDefaultInfinity: true } : {})
    .map((x) => new PyFloat(x));
  const leaf: fc.Arbitrary<JsonValue> = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.maxSafeInteger(), bigInts, floats, strings);
  return fc.letrec<{ value: JsonValue }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.array(tie('value'), { maxLength: 4 }),
      fc.uniqueArray(fc.tuple(strings, tie('value')), { maxLength: 4, selector: ([k]) => k }).map((entries) => new Map(entries)),
    ),
  })).value;
}

describe('parseJson on arbitrary input', () => {
  it('never throws; returns a value or one positioned json-syntax diagnostic', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.json().map((j) => j.slice(0, Math.max(0, j.length - 1)))), (text) => {
        const r = parseJson(text);
        if (r.value === undefined) {
          expect(r.diagnostics.map((d) => d.code)).toEqual(['json-syntax']);
          expectPositioned(text, r.diagnostics);
        } else expect(r.diagnostics).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  // Token soup without NaN/Infinity or huge exponents: there the Python and JS JSON grammars agree.
  const TOKENS = ['{', '}', '[', ']', ',', ':', '"a"', '"b"', '"\\u00e9"', '"x', '1', '-2', '3.5', '1e3', '01', '-', 'true', 'false', 'null', ' ', '\n', '\t'];
  it('accepts exactly what JSON.parse accepts, with the same values', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 14 }), (tokens) => {
        const text = tokens.join('');
        let expected: unknown;
        let valid = true;
        try {
          expected = JSON.parse(text);
        } catch {
          valid = false;
        }
        const r = parseJson(text);
        expect(r.value !== undefined).toBe(valid);
        if (valid) expect(toPlain(r.value!)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('dumpPythonJson ∘ parseJson', () => {
  it('is the identity on Python-style dumps of arbitrary values', () => {
    fc.assert(
      fc.property(values(false), fc.constantFrom(undefined, 2, 4), fc.boolean(), (value, indent, sortKeys) => {
        const text = dumpPythonJson(value, { indent, sortKeys });
        const parsed = parseJson(text);
        expect(parsed.diagnostics).toEqual([]);
        expect(jsonEquals(parsed.value!, value)).toBe(true);
        expect(dumpPythonJson(parsed.value!, { indent, sortKeys })).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('produces ASCII text that JSON.parse reads back to the same plain value', () => {
    fc.assert(
      fc.property(values(true), (value) => {
        const text = dumpPythonJson(value, { indent: 2 });
        expect(/^[\x20-\x7e\n]*$/.test(text)).toBe(true);
        expect(JSON.parse(text)).toEqual(toPlain(value));
      }),
      { numRuns: 300 },
    );
  });

  it('writes every finite float as a float that reads back exactly', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const s = pythonFloatRepr(x);
        // Python's repr always marks a float: a '.', or an exponent.
        expect(/[.e]/.test(s)).toBe(true);
        expect(Object.is(Number(s), x)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
