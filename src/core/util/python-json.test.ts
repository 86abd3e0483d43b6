import { describe, expect, it } from 'vitest';
import { parseJson } from './json-parse.ts';
import { PyFloat, type JsonValue } from './json-value.ts';
import { dumpPythonJson, dumpPythonJsonFile, pythonFloatRepr, quotePythonString } from './python-json.ts';
import { YamlReader } from './yaml-reader.ts';

/** Builds an ordered object from entries (the model uses Maps so key order is kept). */
const o = (...entries: Array<[string, JsonValue]>): JsonValue => new Map(entries);
const f = (x: number) => new PyFloat(x);

describe('pythonFloatRepr matches CPython repr(float)', () => {
  // Each expectation is `python3 -c 'import json; print(json.dumps(x))'` for the listed float.
  it.each([
    [1.0, '1.0'],
    [-90.0, '-90.0'],
    [0.4, '0.4'],
    [0.7, '0.7'],
    [1e-5, '1e-05'],
    [1e16, '1e+16'],
    [1e15, '1000000000000000.0'],
    [1e22, '1e+22'],
    [123456789012345680.0, '1.2345678901234568e+17'],
    [0.0001, '0.0001'],
    [0.00012345, '0.00012345'],
    [2.5e-5, '2.5e-05'],
    [-0.0, '-0.0'],
    [0.0, '0.0'],
    [0.1 + 0.2, '0.30000000000000004'],
    [9999999999999998.0, '9999999999999998.0'],
    [5e-324, '5e-324'],
    [1.7976931348623157e308, '1.7976931348623157e+308'],
    [1e100, '1e+100'],
    [123.456, '123.456'],
  ])('%s → %s', (x, expected) => {
    expect(pythonFloatRepr(x)).toBe(expected);
  });

  it('writes NaN and infinities as json.dumps does', () => {
    // json.dumps([float('nan'), float('inf'), float('-inf')]) == '[NaN, Infinity, -Infinity]'
    expect(dumpPythonJson([f(NaN), f(Infinity), f(-Infinity)])).toBe('[NaN, Infinity, -Infinity]');
  });

  // repr() of boundary values and of random doubles (random bit patterns and random magnitudes),
  // produced once with python3 (random.seed(7)) and pasted here.
  const PY_REPRS = [
    '1e+16', '9999999999999998.0', '1000000000000000.0', '0.0001', '9.999999999999999e-05', '0.00011', '1e-05',
    '123456789012345.67', '1234567890123456.8', '0.1', '2.2250738585072014e-308', '5e-324', '1.5', '100.0',
    '-2.5e-07', '3.141592653589793', '6.02214076e+23', '1.7976931348623157e+308', '-1.989032661366619e+244',
    '7.761117632285041e+178', '3.980498358697587e-249', '-1.5432835417340557e+88', '1.3647584518757569e-192',
    '-1.3701135617873088e-206', '-1.7160537630466207e+197', '6.294675241195386e-44', '1.0613447212142254e-202',
    '4.708325160387546e+207', '6.387016158513563e-12', '-9.973130378568733e-246', '8.779753225680271e-236',
    '-5.795503248498993e-228', '-5.988180159386011e+243', '-1.306052388527796e-147', '-2.436117699484841e-206',
    '2.233386999150174e-232', '-3.51527970626667e-203', '1.5987381841032883e-247', '4.6678633181812096e-36',
    '-8.441872792105456e-239', '1.9015657400796622e-144', '7.370437700706684e+208', '-1.7163996725272777e-258',
    '-3.2367190832119987e-221', '-2.2818334634712625e-234', '-3.0536383926309363e-84', '1.3449551894627777e-181',
    '-7.317495976062606e-221', '277.82693785236813', '-80513884801053.33', '-8.744220500533537e-08',
    '2380191.8634710773', '36079.99463635718', '554457.549961614', '171123.72701527746', '-0.027683528811086735',
    '58875896304498.234', '5.596592611684874e-07', '14884742.051734202', '-0.9767280889488861', '4.588905788784352',
    '2.1791803807280718e-07', '-76386.84434900757', '-67.00757927128535', '-6960309.306789905',
    '-1566032910465.1138', '-844759035.6384089', '1.4605188055476791e+19',
  ];
  it('reproduces CPython repr for a table of boundary and random doubles', () => {
    const wrong = PY_REPRS.filter((s) => pythonFloatRepr(Number(s)) !== s);
    expect(wrong).toEqual([]);
  });
});

describe('quotePythonString uses ensure_ascii escaping', () => {
  it('escapes non-ASCII as lowercase \\uXXXX, astral characters as surrogate pairs', () => {
    // json.dumps("é ⚠️ 😀") == '"\\u00e9 \\u26a0\\ufe0f \\ud83d\\ude00"'
    expect(quotePythonString('é ⚠️ 😀')).toBe('"\\u00e9 \\u26a0\\ufe0f \\ud83d\\ude00"');
  });

  it('escapes every control character the way json.dumps does', () => {
    const all = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('');
    // json.dumps("".join(chr(i) for i in range(32)))
    expect(quotePythonString(all)).toBe(
      '"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000b\\f\\r\\u000e\\u000f' +
        '\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018\\u0019\\u001a\\u001b\\u001c\\u001d\\u001e\\u001f"',
    );
  });

  it('escapes DEL, quote and backslash but not slash', () => {
    // json.dumps("\x7f\"\\/") == '"\\u007f\\"\\\\/"' (ensure_ascii escapes everything outside ' '..'~')
    expect(quotePythonString('\x7f"\\/')).toBe('"\\u007f\\"\\\\/"');
  });

  it('leaves printable ASCII alone', () => {
    expect(quotePythonString("plain ASCII ~ { } ' :")).toBe(`"plain ASCII ~ { } ' :"`);
  });
});

describe('dumpPythonJson layout', () => {
  it('uses ", " and ": " separators on one line without indent', () => {
    // json.dumps({"a": [1, 2], "b": {"c": None, "d": True}})
    expect(dumpPythonJson(o(['a', [1, 2]], ['b', o(['c', null], ['d', true])]))).toBe('{"a": [1, 2], "b": {"c": null, "d": true}}');
  });

  it('sorts keys by code point (astral characters after U+FFFF)', () => {
    const v = o(['b', 1], ['a', 2], ['B', 3], ['é', 4], ['😀', 5], ['\uffff', 6], ['_', 7]);
    // json.dumps({...}, sort_keys=True)
    expect(dumpPythonJson(v, { sortKeys: true })).toBe(
      '{"B": 3, "_": 7, "a": 2, "b": 1, "\\u00e9": 4, "\\uffff": 6, "\\ud83d\\ude00": 5}',
    );
  });

  it('keeps insertion order (integer-like keys included) without sortKeys', () => {
    expect(dumpPythonJson(o(['2', 1], ['1', 2], ['x', 3], ['0', 4]))).toBe('{"2": 1, "1": 2, "x": 3, "0": 4}');
  });

  it('lays out nested empty {} and [] like indent=2', () => {
    const v = o(['a', o()], ['b', []], ['c', [o(), [], [1, o(['x', []])]]], ['d', o(['e', o()])]);
    // print(json.dumps({"a":{},"b":[],"c":[{}, [], [1, {"x": []}]], "d": {"e": {}}}, indent=2))
    const expected = `{
  "a": {},
  "b": [],
  "c": [
    {},
    [],
    [
      1,
      {
        "x": []
      }
    ]
  ],
  "d": {
    "e": {}
  }
}`;
    expect(dumpPythonJson(v, { indent: 2 })).toBe(expected);
    expect(dumpPythonJsonFile(v)).toBe(expected + '\n');
  });

  it('keeps ints and floats apart, big ints exact', () => {
    expect(dumpPythonJson([1, f(1), -0, f(-0), 10n ** 20n, -(10n ** 20n)])).toBe(
      '[1, 1.0, 0, -0.0, 100000000000000000000, -100000000000000000000]',
    );
  });
});

describe('parseJson', () => {
  it('reads a float beyond double range as infinity, like json.loads', () => {
    // json.loads('[1e400, -1e400]') == [inf, -inf]
    const { value, diagnostics } = parseJson('[1e400, -1e400]');
    expect(diagnostics).toEqual([]);
    expect((value as PyFloat[]).map((f) => f.value)).toEqual([Infinity, -Infinity]);
  });

  it('keeps int vs float identity (1, 1.0, 1e5) like json.loads', () => {
    // json.loads('[1, 1.0, 1e5, 1E5, -0, -0.0]') == [1, 1.0, 100000.0, 100000.0, 0, -0.0]
    const { value, diagnostics } = parseJson('[1, 1.0, 1e5, 1E5, -0, -0.0]');
    expect(diagnostics).toEqual([]);
    const [a, b, c, d, e, g] = value as JsonValue[];
    expect(a).toBe(1);
    expect(b).toBeInstanceOf(PyFloat);
    expect((b as PyFloat).value).toBe(1);
    expect(c).toBeInstanceOf(PyFloat);
    expect((c as PyFloat).value).toBe(100000);
    expect(d).toBeInstanceOf(PyFloat);
    expect(typeof e).toBe('number');
    expect(g).toBeInstanceOf(PyFloat);
    expect(Object.is((g as PyFloat).value, -0)).toBe(true);
    expect(dumpPythonJson(value!)).toBe('[1, 1.0, 100000.0, 100000.0, 0, -0.0]');
  });

  it('reads integers beyond 2^53 exactly', () => {
    const { value } = parseJson('[12345678901234567890, 9007199254740993, 9007199254740991]');
    expect(value).toEqual([12345678901234567890n, 9007199254740993n, 9007199254740991]);
  });

  it('keeps key order, integer-like keys included', () => {
    const { value } = parseJson('{"2": 1, "1": 2, "x": 3, "0": 4}');
    expect([...(value as Map<string, JsonValue>).keys()]).toEqual(['2', '1', 'x', '0']);
  });

  it('lets a repeated key take the last value at its first position', () => {
    // json.loads('{"a":1,"b":2,"a":3}') == {'a': 3, 'b': 2}
    const { value, diagnostics } = parseJson('{"a":1,"b":2,"a":3}');
    expect(diagnostics).toEqual([]);
    expect([...(value as Map<string, JsonValue>).entries()]).toEqual([
      ['a', 3],
      ['b', 2],
    ]);
  });

  it('accepts NaN, Infinity and -Infinity as floats', () => {
    const { value, diagnostics } = parseJson('[NaN, Infinity, -Infinity]');
    expect(diagnostics).toEqual([]);
    const vals = (value as PyFloat[]).map((x) => x.value);
    expect(Number.isNaN(vals[0])).toBe(true);
    expect(vals.slice(1)).toEqual([Infinity, -Infinity]);
  });

  it('decodes escapes and surrogate pairs', () => {
    expect(parseJson('"a\\u00e9\\ud83d\\ude00\\n\\/\\""').value).toBe('aé😀\n/"');
  });

  it.each([
    ['missing colon', '{\n  "a": 1,\n  "b" 2\n}', 3, 7, "expected ':'"],
    ['trailing comma', '[1, 2,]', 1, 7, 'expected a value'],
    ['unterminated string', '{"a": "abc', 1, 7, 'unterminated string'],
    ['single quotes', "{\n 'a': 1}", 2, 2, 'property name'],
    ['extra data', '{}\n\n  x', 3, 3, 'after the JSON value'],
    ['leading zero', '01', 1, 2, 'after the JSON value'],
    ['bad escape', '"\\x"', 1, 2, 'invalid escape'],
    ['empty input', '', 1, 1, 'expected a value'],
    ['raw newline in string', '["a\nb"]', 1, 4, 'control character'],
  ])('reports %s as json-syntax at a 1-based position', (_name, text, line, column, words) => {
    const { value, diagnostics } = parseJson(text, 'registry');
    expect(value).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    const [d] = diagnostics;
    expect(d).toMatchObject({ severity: 'error', code: 'json-syntax', source: 'registry' });
    expect(d.range.start).toEqual({ line, column });
    expect(d.message).toContain(words);
  });

  it('reports excessive nesting instead of overflowing the stack', () => {
    const { diagnostics } = parseJson('['.repeat(100_000));
    expect(diagnostics.map((d) => d.code)).toEqual(['json-syntax']);
  });
});

describe('YAML reader (YAML 1.2 core schema)', () => {
  const read = (text: string) => {
    const r = new YamlReader(text);
    return { value: r.json(r.root) as Map<string, JsonValue>, diagnostics: r.diagnostics };
  };

  it('keeps yes/on/off as strings, 1.0 as float, 1 as int', () => {
    const { value, diagnostics } = read('a: yes\nb: on\nc: 1.0\nd: 1\ne: off\nf: true\ng: ~\nh: 0.700000\n');
    expect(diagnostics).toEqual([]);
    expect(value.get('a')).toBe('yes');
    expect(value.get('b')).toBe('on');
    expect(value.get('e')).toBe('off');
    expect(value.get('c')).toBeInstanceOf(PyFloat);
    expect(value.get('d')).toBe(1);
    expect(value.get('f')).toBe(true);
    expect(value.get('g')).toBe(null);
    // Python reads 0.700000 as the float 0.7 and writes it back as 0.7.
    expect(dumpPythonJson(value)).toBe('{"a": "yes", "b": "on", "c": 1.0, "d": 1, "e": "off", "f": true, "g": null, "h": 0.7}');
  });

  it('keeps mapping order with integer-like keys and writes them as strings', () => {
    const { value } = read('2: a\n1: b\nx: c\n');
    expect([...value.keys()]).toEqual(['2', '1', 'x']);
  });

  it('reports duplicate keys of a mapping with a position; the later value wins', () => {
    const r = new YamlReader('a: 1\nb: 2\na: 3\n');
    const pairs = r.pairs(r.map(r.root, 'the document')!);
    expect(pairs.map((p) => [p.key, r.json(p.value)])).toEqual([
      ['a', 3],
      ['b', 2],
    ]);
    expect(r.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.column])).toEqual([['duplicate-key', 3, 1]]);
  });
});
