import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
// `yaml` (eemeli) is only used here, to read the emitter's output back as a real YAML loader would.
import { parse } from 'yaml';
import { toYaml } from './yaml.ts';

describe('toYaml', () => {
  test('writes block mappings and sequences, with empty collections inline', () => {
    expect(
      toYaml({
        time_range: { since: '2024-01-01T00:00:00.000Z', until: null },
        sightings: { page_size: 500 },
        charts: { opacity: 0.8, types: ['bar', 'pie'], extra: [], options: {} },
        list: [{ a: 1, b: [true, false] }, [1, 2], 'x'],
      }),
    ).toBe(
      [
        'time_range:',
        '  since: "2024-01-01T00:00:00.000Z"',
        '  until: null',
        'sightings:',
        '  page_size: 500',
        'charts:',
        '  opacity: 0.8',
        '  types:',
        '    - bar',
        '    - pie',
        '  extra: []',
        '  options: {}',
        'list:',
        '  - a: 1',
        '    b:',
        '      - true',
        '      - false',
        '  -',
        '    - 1',
        '    - 2',
        '  - x',
        '',
      ].join('\n'),
    );
  });

  test('quotes strings YAML would read as something else', () => {
    for (const s of ['', 'true', 'No', 'on', 'y', 'null', '~', '1', '1.0', '0x1f', '.inf', '- a', 'a: b', 'a #b', ' lead', 'trail ', 'multi\nline', '@at', '*ref', '2024-01-01', 'tab\there', '\u2028']) {
      const line = toYaml({ k: s });
      expect(line.startsWith('k: "'), `${JSON.stringify(s)} → ${line}`).toBe(true);
      expect(parse(line)).toEqual({ k: s });
    }
    expect(toYaml({ k: 'Species per site' })).toBe('k: Species per site\n');
    expect(toYaml({ 'Species Counts': 1, 'a:b': 2 })).toBe('Species Counts: 1\n"a:b": 2\n');
  });

  test('scalars and empty documents', () => {
    expect(toYaml({})).toBe('{}\n');
    expect(toYaml([])).toBe('[]\n');
    expect(toYaml(null)).toBe('null\n');
    expect(toYaml('yes')).toBe('"yes"\n');
    expect(toYaml({ a: undefined, b: 1 })).toBe('b: 1\n');
    expect(toYaml([1e21, 1e-7, 1.5e-7, -2.5])).toBe('- 1.0e+21\n- 1.0e-7\n- 1.5e-7\n- -2.5\n');
    expect(parse(toYaml([1e21, 1e-7]), { version: '1.1' })).toEqual([1e21, 1e-7]);
  });

  test('reads back as the same data under YAML 1.2 and YAML 1.1', () => {
    const json = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.constant(null), fc.boolean(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(1e21, 5e-324, -1e-7), fc.string({ unit: 'binary' }), tie('array'), tie('object')),
      array: fc.array(tie('value'), { maxLength: 4 }),
      // `__proto__` is left out: the `yaml` reader assigns it as a JS prototype, so it could not read back as data.
      object: fc.dictionary(fc.string({ unit: 'binary' }).filter((k) => k !== '__proto__'), tie('value'), { maxKeys: 4 }),
    })).value;
    fc.assert(
      fc.property(json, (v) => {
        const text = toYaml(v);
        const plain = JSON.parse(JSON.stringify(v)) as unknown;
        expect(parse(text, { version: '1.2' })).toEqual(plain);
        expect(parse(text, { version: '1.1' })).toEqual(plain);
      }),
      { numRuns: 300 },
    );
  });
});
