import { isObject, PyFloat, type JsonObject, type JsonValue } from '../util/json-value.ts';
import { dumpPythonJson } from '../util/python-json.ts';
import { FILE_HEADER } from '../util/file-header.ts';
import { bracket, flat, importBlock, INDENT, keyed, LINE_LENGTH, pyLiteral, pyString, render, type Expr } from './python/python-format.ts';
import { appendAll } from '../util/append.ts';

/**
 * Pydantic v2 models from a params.json / rjsf.json schema: the params.py / formdata.py modules of
 * pre-0.6 wt-compiler packages (datamodel-code-generator output), generated in pure TypeScript.
 *
 * Decisions (see also the tests):
 * - Class names: `$defs` keep their key (PascalCased when not already an identifier); inline
 *   objects are named after their property key (task instances → `TimeRange`, rjsf task groups →
 *   `EventCountMapGroup`), array items and union variants after their `title`; clashes get a
 *   numeric suffix. Identical inline models and enums are emitted once and reused.
 * - `enum`, and `oneOf`/`anyOf` made only of `const`s, become `enum.Enum` classes with a `str` or
 *   `int` mixin (one value → `Literal`; bools, mixed or float values → `Literal`/plain `Enum`).
 * - Defaults are Python literals (floats keep their `repr`); a scalar enum default names the member;
 *   a default that Pydantic would not store as the declared type (dicts for models, strings for
 *   enums inside lists) gets `validate_default=True`. `default: null` or a non-required property
 *   without default makes the type `Optional[...] = None`.
 * - Custom `ecoscope:*` keywords are kept in `json_schema_extra` (fields) or in
 *   `model_config["json_schema_extra"]` (models), so `model_json_schema()` still carries them.
 *   `format: date-time` maps to `datetime` (real test cases use naive timestamps).
 * - Layout follows `ruff format` (88 columns, subscript-style annotation splits) and isort; the
 *   tests check the output is a fixed point of ruff's wasm build. Classes come dependencies first,
 *   the root last; `model_rebuild()` calls close the module only when there are cycles.
 * - Known gaps: `allOf` with several members, tuple `items`, `uniqueItems`, `additionalProperties`
 *   schemas next to `properties`, and `$ref`s outside the document fall back to `Any`/are ignored.
 */

export interface PydanticModuleOptions {
  /** Name of the root model: `Params` for params.json, `FormData` for rjsf.json. */
  rootClassName: string;
}

/** Generates the Python module text (header, imports, classes) for a JSON Schema object. */
export function generatePydanticModule(schema: JsonObject, options: PydanticModuleOptions): string {
  const builder = new ModuleBuilder(schema, options.rootClassName);
  builder.build();
  return new ModuleRenderer(builder.classes, options.rootClassName).render();
}

// ---------------------------------------------------------------------------------------------
// Intermediate model

type Scalar = 'str' | 'int' | 'float' | 'bool' | 'Any' | 'None' | 'datetime' | 'date' | 'time';

type PyType =
  | { kind: 'scalar'; name: Scalar }
  | { kind: 'class'; name: string }
  | { kind: 'literal'; values: JsonValue[] }
  | { kind: 'list'; item: PyType }
  | { kind: 'dict'; value: PyType }
  | { kind: 'union'; options: PyType[] }
  | { kind: 'optional'; inner: PyType }
  | { kind: 'annotated'; inner: PyType; constraints: Kwarg[] };

type Kwarg = [name: string, value: Expr];

interface FieldDef {
  /** The property name in the schema. */
  key: string;
  /** The Python attribute name (differs from `key` when an alias is needed). */
  name: string;
  type: PyType;
  required: boolean;
  /** Present when the schema gives a non-null default. */
  default?: JsonValue;
  title?: string;
  description?: string;
  constraints: Kwarg[];
  extras: JsonObject;
}

interface ModelDef {
  kind: 'model';
  name: string;
  description?: string;
  forbidExtra: boolean;
  extras: JsonObject;
  fields: FieldDef[];
}

interface EnumDef {
  kind: 'enum';
  name: string;
  base: 'str' | 'int' | null;
  members: Array<{ name: string; value: JsonValue }>;
}

type ClassDef = ModelDef | EnumDef;

const ANY: PyType = { kind: 'scalar', name: 'Any' };
const NONE: PyType = { kind: 'scalar', name: 'None' };

const PY_KEYWORDS = new Set(
  ('False None True and as assert async await break class continue def del elif else except finally for from global if ' +
    'import in is lambda nonlocal not or pass raise return try while with yield match case type _').split(' '),
);

/** Every name the module may import: fields and classes must not shadow them. */
const IMPORTABLE: Record<string, string> = {
  annotations: '__future__',
  date: 'datetime',
  datetime: 'datetime',
  time: 'datetime',
  Enum: 'enum',
  Annotated: 'typing',
  Any: 'typing',
  Literal: 'typing',
  Optional: 'typing',
  Union: 'typing',
  BaseModel: 'pydantic',
  ConfigDict: 'pydantic',
  Field: 'pydantic',
};

/**
 * Names a field must not take: BaseModel attributes (Pydantic warns or breaks) and the builtins
 * annotations use (`int: Optional[int] = None` turns every later `int` annotation into `None`).
 */
const RESERVED_FIELD_NAMES = new Set(
  ('copy dict json parse_obj parse_raw parse_file from_orm construct schema schema_json validate update_forward_refs ' + 'str int float bool list').split(' '),
);

const CONST_OPTION_KEYS = new Set(['const', 'title', 'description']);

// ---------------------------------------------------------------------------------------------
// Naming helpers

/** True for an ASCII Python identifier. */
function isIdentifier(s: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(s);
}

/** PascalCase from any text: words split on non-alphanumerics, first letter of each upper-cased. */
function pascalCase(text: string): string {
  const words = text.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const name = words.map((w) => w[0].toUpperCase() + w.slice(1)).join('');
  if (name === '') return 'Model';
  return /^[0-9]/.test(name) ? `Model${name}` : name;
}

/** A class name for a `$defs` key: kept when it already is a capitalised identifier. */
function defClassName(key: string): string {
  return isIdentifier(key) && /^[A-Z]/.test(key) ? key : pascalCase(key);
}

/** A safe attribute name for a property key (alias handled by the caller). */
function fieldName(key: string): string {
  let name = isIdentifier(key) ? key : key.split(/[^A-Za-z0-9_]+/).filter(Boolean).join('_');
  if (name === '') name = 'field';
  if (/^[0-9_]/.test(name)) name = `field_${name.replace(/^_+/, '')}`.replace(/_$/, '') || 'field';
  if (name.startsWith('model_')) name = `field_${name}`;
  if (PY_KEYWORDS.has(name) || RESERVED_FIELD_NAMES.has(name) || name in IMPORTABLE) name += '_';
  return name;
}

/** An enum member name derived from its value, like datamodel-code-generator does. */
function memberName(value: JsonValue): string {
  if (typeof value === 'number' || typeof value === 'bigint') return `integer_${String(value).replace('-', 'minus_')}`;
  if (value instanceof PyFloat) return `number_${String(value.value).replace('-', 'minus_').replace(/[^A-Za-z0-9]/g, '_')}`;
  let name = String(value).replace(/[^A-Za-z0-9_]/g, '_');
  if (name === '') return 'empty';
  if (/^[0-9]/.test(name)) name = `field_${name}`;
  else if (name.startsWith('_')) name = `field${name}`;
  return PY_KEYWORDS.has(name) || name === 'mro' ? `${name}_` : name;
}

/** `base`, or `base1`, `base2`, … — the first not in `taken`; the result is added to `taken`. */
function unique(base: string, taken: Set<string>, separator = ''): string {
  let name = base;
  for (let i = 1; taken.has(name); i++) name = `${base}${separator}${i}`;
  taken.add(name);
  return name;
}

// ---------------------------------------------------------------------------------------------
// Schema → intermediate model

/** Reads a schema into `ClassDef`s; classes are recorded in creation order. */
class ModuleBuilder {
  readonly classes = new Map<string, ClassDef>();
  private readonly taken = new Set<string>([...Object.keys(IMPORTABLE), 'None', 'True', 'False']);
  private readonly defs: JsonObject;
  /** Class names of `$defs` entries that become classes (models and enums). */
  private readonly defClasses = new Map<string, string>();
  /** `$ref`s being inlined, to stop recursion through non-class definitions. */
  private readonly inlining = new Set<string>();
  /** Canonical schema text → class, so identical inline models and enums are emitted once. */
  private readonly reuse = new Map<string, string>();

  constructor(
    private readonly root: JsonObject,
    private readonly rootName: string,
  ) {
    const defs = root.get('$defs') ?? root.get('definitions');
    this.defs = isObject(defs) ? defs : new Map();
    this.taken.add(rootName);
  }

  build(): void {
    for (const [key, def] of this.defs) {
      if (isObject(def) && (isModelSchema(def) || enumClassValues(def))) this.defClasses.set(key, unique(defClassName(key), this.taken));
    }
    for (const [key, def] of this.defs) {
      const name = this.defClasses.get(key);
      if (name === undefined || !isObject(def)) continue;
      if (isModelSchema(def)) this.buildModel(def, name);
      else this.buildEnum(enumClassValues(def)!, name);
    }
    this.buildModel(this.root, this.rootName);
  }

  private buildModel(schema: JsonObject, name: string): ModelDef {
    const model: ModelDef = {
      kind: 'model',
      name,
      description: stringAt(schema, 'description'),
      forbidExtra: schema.get('additionalProperties') === false,
      extras: customKeywords(schema),
      fields: [],
    };
    this.classes.set(name, model);
    const properties = schema.get('properties');
    const required = new Set(arrayAt(schema, 'required').filter((r): r is string => typeof r === 'string'));
    const names = new Set<string>();
    if (isObject(properties)) {
      for (const [key, prop] of properties) model.fields.push(this.buildField(key, prop, required.has(key), names));
    }
    return model;
  }

  private buildField(key: string, prop: JsonValue, required: boolean, names: Set<string>): FieldDef {
    const schema = isObject(prop) ? prop : new Map<string, JsonValue>();
    // rjsf task groups get a `Group` suffix so member task classes keep the names they have in params.py.
    const base = pascalCase(key);
    const hint = schema.get('ecoscope:task_group') === true && !base.endsWith('Group') ? `${base}Group` : base;
    let type = this.resolve(prop, hint, false);
    const dflt = schema.get('default');
    if (dflt === null || (!required && dflt === undefined)) type = optional(type);
    return {
      key,
      name: unique(fieldName(key), names, '_'),
      type,
      required,
      default: required || dflt === null ? undefined : dflt,
      title: stringAt(schema, 'title'),
      description: stringAt(schema, 'description'),
      constraints: constraintsFor(schema, type),
      extras: customKeywords(schema),
    };
  }

  private buildEnum(values: JsonValue[], name: string): EnumDef {
    const base = values.every((v) => typeof v === 'string') ? 'str' : values.every(isInt) ? 'int' : null;
    const taken = new Set<string>();
    const members = values.map((value) => ({ name: unique(memberName(value), taken, '_'), value }));
    const def: EnumDef = { kind: 'enum', name, base, members };
    this.classes.set(name, def);
    return def;
  }

  /** The Python type of a schema; `nested` puts constraints into `Annotated[...]`. */
  private resolve(schema: JsonValue, hint: string, nested: boolean): PyType {
    if (!isObject(schema)) return ANY;
    const type = this.resolveBare(schema, hint);
    if (!nested) return type;
    const constraints = constraintsFor(schema, type);
    return constraints.length > 0 ? { kind: 'annotated', inner: type, constraints } : type;
  }

  private resolveBare(schema: JsonObject, hint: string): PyType {
    const ref = schema.get('$ref');
    if (typeof ref === 'string') return this.resolveRef(ref);
    const values = enumValues(schema);
    if (values) return this.enumType(values, hint);
    const allOf = arrayAt(schema, 'allOf');
    if (allOf.length === 1) return this.resolve(allOf[0], hint, true);
    if (allOf.length > 1) return ANY; // known gap: intersections are not modelled
    const options = [...arrayAt(schema, 'anyOf'), ...arrayAt(schema, 'oneOf')];
    if (options.length > 0) return this.unionOf(schema, options, hint);
    return this.resolveTyped(schema, hint);
  }

  private resolveRef(ref: string): PyType {
    if (ref === '#') return { kind: 'class', name: this.rootName };
    const m = /^#\/(?:\$defs|definitions)\/(.+)$/.exec(ref);
    if (!m) return ANY; // known gap: external or deep JSON-pointer references
    const key = m[1].replace(/~1/g, '/').replace(/~0/g, '~');
    const className = this.defClasses.get(key);
    if (className !== undefined) return { kind: 'class', name: className };
    const target = this.defs.get(key);
    if (target === undefined || this.inlining.has(key)) return ANY;
    this.inlining.add(key);
    try {
      return this.resolve(target, defClassName(key), true);
    } finally {
      this.inlining.delete(key);
    }
  }

  private enumType(values: JsonValue[], hint: string): PyType {
    const nonNull = values.filter((v) => v !== null);
    if (nonNull.length === 0) return NONE;
    const type = this.enumClassOrLiteral(nonNull, hint);
    return nonNull.length < values.length ? optional(type) : type;
  }

  /** An `Enum` class (shared by identical value lists), a `Literal`, or Any for unsupported values. */
  private enumClassOrLiteral(values: JsonValue[], hint: string): PyType {
    if (enumClassValues(new Map([['enum', values]]))) {
      const key = `enum:${dumpPythonJson(values)}`;
      let name = this.reuse.get(key);
      if (name === undefined) {
        name = unique(hint, this.taken);
        this.reuse.set(key, name);
        this.buildEnum(values, name);
      }
      return { kind: 'class', name };
    }
    return values.every(isLiteralValue) ? { kind: 'literal', values } : ANY;
  }

  private unionOf(parent: JsonObject, options: JsonValue[], hint: string): PyType {
    const parentType = parent.get('type');
    const types = options.map((option, i) => {
      // An option without its own type inherits the parent's (`{type: string, anyOf: [{pattern}, …]}`).
      const opt = isObject(option) && parentType !== undefined && !option.has('type') && !option.has('$ref') ? new Map([['type', parentType], ...option]) : option;
      const title = isObject(option) ? stringAt(option, 'title') : undefined;
      return this.resolve(opt, title?.trim() ? pascalCase(title) : `${hint}${i + 1}`, true);
    });
    return unionType(types);
  }

  private resolveTyped(schema: JsonObject, hint: string): PyType {
    const type = schema.get('type');
    if (Array.isArray(type)) {
      return unionType(type.map((t) => (typeof t === 'string' ? this.typeFor(t, schema, hint) : ANY)));
    }
    if (typeof type === 'string') return this.typeFor(type, schema, hint);
    return schema.has('properties') ? this.inlineModel(schema, hint) : ANY;
  }

  private typeFor(type: string, schema: JsonObject, hint: string): PyType {
    switch (type) {
      case 'string':
        return { kind: 'scalar', name: stringFormat(schema.get('format')) };
      case 'integer':
        return { kind: 'scalar', name: 'int' };
      case 'number':
        return { kind: 'scalar', name: 'float' };
      case 'boolean':
        return { kind: 'scalar', name: 'bool' };
      case 'null':
        return NONE;
      case 'array':
        return { kind: 'list', item: this.itemType(schema.get('items'), hint) };
      case 'object':
        return this.objectType(schema, hint);
      default:
        return ANY;
    }
  }

  private itemType(items: JsonValue | undefined, hint: string): PyType {
    if (!isObject(items)) return ANY; // absent, `true`, or tuple form (known gap)
    const title = stringAt(items, 'title');
    return this.resolve(items, title?.trim() ? pascalCase(title) : `${hint}Item`, true);
  }

  private objectType(schema: JsonObject, hint: string): PyType {
    if (schema.has('properties')) return this.inlineModel(schema, hint);
    const extra = schema.get('additionalProperties');
    return { kind: 'dict', value: isObject(extra) ? this.resolve(extra, `${hint}Value`, true) : ANY };
  }

  private inlineModel(schema: JsonObject, hint: string): PyType {
    const key = `model:${dumpPythonJson(schema, { sortKeys: true })}`;
    let name = this.reuse.get(key);
    if (name === undefined) {
      name = unique(hint, this.taken);
      this.reuse.set(key, name);
      this.buildModel(schema, name);
    }
    return { kind: 'class', name };
  }
}

/** An object schema with `properties` becomes a model class. */
function isModelSchema(schema: JsonObject): boolean {
  const type = schema.get('type');
  return schema.has('properties') && (type === undefined || type === 'object') && !schema.has('$ref');
}

/** The allowed values of `const`, `enum`, or a `oneOf`/`anyOf` of consts; undefined otherwise. */
function enumValues(schema: JsonObject): JsonValue[] | undefined {
  if (schema.has('const')) return [schema.get('const')!];
  const values = schema.get('enum');
  if (Array.isArray(values)) return values;
  const options = [...arrayAt(schema, 'oneOf'), ...arrayAt(schema, 'anyOf')];
  if (options.length === 0) return undefined;
  const consts = options.every((o) => isObject(o) && o.has('const') && [...o.keys()].every((k) => CONST_OPTION_KEYS.has(k)));
  return consts ? options.map((o) => (o as JsonObject).get('const')!) : undefined;
}

/** The values when a schema's enumeration becomes an `Enum` class (≥ 2 strings, or ≥ 2 numbers). */
function enumClassValues(schema: JsonObject): JsonValue[] | undefined {
  const values = enumValues(schema)?.filter((v) => v !== null);
  if (!values || values.length < 2) return undefined;
  const strings = values.every((v) => typeof v === 'string');
  const numbers = values.every((v) => isInt(v) || v instanceof PyFloat);
  return strings || numbers ? values : undefined;
}

function isInt(v: JsonValue): boolean {
  return typeof v === 'number' || typeof v === 'bigint';
}

function isLiteralValue(v: JsonValue): boolean {
  return typeof v === 'string' || typeof v === 'boolean' || isInt(v);
}

function stringFormat(format: JsonValue | undefined): Scalar {
  if (format === 'date-time') return 'datetime';
  if (format === 'date') return 'date';
  if (format === 'time') return 'time';
  return 'str';
}

/** `Optional[t]`, unless `t` already admits None. */
function optional(t: PyType): PyType {
  if (t.kind === 'optional' || (t.kind === 'scalar' && (t.name === 'Any' || t.name === 'None'))) return t;
  if (t.kind === 'union') return unionType([...t.options, NONE]);
  return { kind: 'optional', inner: t };
}

/** A flattened, de-duplicated union; a None member turns it into `Optional[...]`. */
function unionType(types: PyType[]): PyType {
  const members: PyType[] = [];
  let nullable = false;
  const add = (t: PyType): void => {
    if (t.kind === 'union') t.options.forEach(add);
    else if (t.kind === 'optional') {
      nullable = true;
      add(t.inner);
    } else if (t.kind === 'scalar' && t.name === 'None') nullable = true;
    else if (!members.some((m) => sameType(m, t))) members.push(t);
  };
  types.forEach(add);
  if (members.some((m) => m.kind === 'scalar' && m.name === 'Any')) return ANY;
  if (members.length === 0) return nullable ? NONE : ANY;
  const core: PyType = members.length === 1 ? members[0] : { kind: 'union', options: members };
  return nullable ? { kind: 'optional', inner: core } : core;
}

function sameType(a: PyType, b: PyType): boolean {
  const text = (t: PyType) => flatAnnotation(annotationOf(t, () => undefined));
  return text(a) === text(b);
}

function unwrap(t: PyType): PyType {
  return t.kind === 'optional' || t.kind === 'annotated' ? unwrap(t.inner) : t;
}

/** Pydantic constraint keywords for a schema whose Python type can carry them. */
function constraintsFor(schema: JsonObject, type: PyType): Kwarg[] {
  const base = unwrap(type);
  const num = (key: string) => {
    const v = schema.get(key);
    return isInt(v ?? null) || v instanceof PyFloat ? v! : undefined;
  };
  const out: Kwarg[] = [];
  const push = (name: string, v: JsonValue | undefined) => {
    if (v !== undefined) out.push([name, flat(pyLiteral(v))]);
  };
  if (base.kind === 'scalar' && (base.name === 'int' || base.name === 'float')) {
    // Draft 4 spelled exclusive bounds as booleans next to minimum/maximum.
    const exMin = schema.get('exclusiveMinimum') === true;
    const exMax = schema.get('exclusiveMaximum') === true;
    push(exMin ? 'gt' : 'ge', num('minimum'));
    push(exMax ? 'lt' : 'le', num('maximum'));
    push('gt', num('exclusiveMinimum'));
    push('lt', num('exclusiveMaximum'));
    push('multiple_of', num('multipleOf'));
  } else if (base.kind === 'scalar' && base.name === 'str') {
    push('min_length', num('minLength'));
    push('max_length', num('maxLength'));
    const pattern = schema.get('pattern');
    if (typeof pattern === 'string') out.push(['pattern', pyString(pattern)]);
  } else if (base.kind === 'list') {
    push('min_length', num('minItems'));
    push('max_length', num('maxItems'));
  }
  return out;
}

/** The `ecoscope:*` keywords of a schema, in order. */
function customKeywords(schema: JsonObject): JsonObject {
  return new Map([...schema].filter(([k]) => k.startsWith('ecoscope:')));
}

function stringAt(schema: JsonObject, key: string): string | undefined {
  const v = schema.get(key);
  return typeof v === 'string' ? v : undefined;
}

function arrayAt(schema: JsonObject, key: string): JsonValue[] {
  const v = schema.get(key);
  return Array.isArray(v) ? v : [];
}

/** A type annotation: a plain name, or `head[items]`, which ruff splits like a subscript. */
type Annotation = string | { head: string; items: Annotation[] };

/** The annotation of a type; `use` records each imported name it needs. */
function annotationOf(t: PyType, use: (name: string) => void): Annotation {
  const sub = (head: string, items: Annotation[]): Annotation => ({ head, items });
  switch (t.kind) {
    case 'scalar':
      if (t.name in IMPORTABLE) use(t.name);
      return t.name;
    case 'class':
      return t.name;
    case 'literal':
      use('Literal');
      return sub('Literal', t.values.map((v) => flat(pyLiteral(v))));
    case 'list':
      return sub('list', [annotationOf(t.item, use)]);
    case 'dict':
      return sub('dict', ['str', annotationOf(t.value, use)]);
    case 'union':
      use('Union');
      return sub('Union', t.options.map((o) => annotationOf(o, use)));
    case 'optional':
      use('Optional');
      return sub('Optional', [annotationOf(t.inner, use)]);
    case 'annotated': {
      use('Annotated');
      use('Field');
      const args = t.constraints.map(([k, v]) => `${k}=${flat(v)}`).join(', ');
      return sub('Annotated', [annotationOf(t.inner, use), `Field(${args})`]);
    }
  }
}

function flatAnnotation(a: Annotation): string {
  return typeof a === 'string' ? a : `${a.head}[${a.items.map(flatAnnotation).join(', ')}]`;
}

/**
 * An annotation starting after `prefixLength` columns, split like ruff splits subscripts: one item
 * stays whole on its own line (a trailing comma would make it a tuple), several go one per line.
 */
function renderAnnotation(a: Annotation, indent: string, prefixLength: number, suffixLength: number): string {
  const one = flatAnnotation(a);
  if (typeof a === 'string' || indent.length + prefixLength + one.length + suffixLength <= LINE_LENGTH) return one;
  const inner = indent + INDENT;
  const body = a.items.map(flatAnnotation).join(', ');
  if (a.items.length === 1 || inner.length + body.length <= LINE_LENGTH) {
    const item = a.items.length === 1 ? renderAnnotation(a.items[0], inner, 0, 0) : body;
    return `${a.head}[\n${inner}${item}\n${indent}]`;
  }
  const lines = a.items.map((item) => inner + renderAnnotation(item, inner, 0, 1) + ',');
  return `${a.head}[\n${lines.join('\n')}\n${indent}]`;
}

/**
 * `target: annotation = value` in a class body, choosing like ruff: all on one line; else split
 * the value's brackets if its first line fits; else wrap the value in parentheses; else split the
 * annotation.
 */
function annotatedAssignment(target: string, annotation: Annotation, value: Expr | undefined): string {
  const left = `${target}: `;
  if (value === undefined) return INDENT + left + renderAnnotation(annotation, INDENT, left.length, 0);
  const head = `${left}${flatAnnotation(annotation)} = `;
  const width = INDENT.length + head.length;
  const one = flat(value);
  if (width + one.length <= LINE_LENGTH) return INDENT + head + one;
  if (typeof value !== 'string' && width + value.head.length + 1 <= LINE_LENGTH) return INDENT + head + render(value, INDENT, head.length);
  const inner = INDENT + INDENT;
  if (width + 1 <= LINE_LENGTH && (typeof value !== 'string' || inner.length + one.length <= LINE_LENGTH)) {
    return `${INDENT}${head}(\n${inner}${render(value, inner)}\n${INDENT})`;
  }
  const split = renderAnnotation(annotation, INDENT, left.length, 3 + (typeof value === 'string' ? one.length : value.head.length + 1));
  const before = `${INDENT}${left}${split} = `;
  const lastLine = before.slice(before.lastIndexOf('\n') + 1);
  return before + render(value, INDENT, lastLine.length - INDENT.length);
}

/** Class names a type refers to. */
function typeRefs(t: PyType, out: Set<string>): Set<string> {
  if (t.kind === 'class') out.add(t.name);
  else if (t.kind === 'list') typeRefs(t.item, out);
  else if (t.kind === 'dict') typeRefs(t.value, out);
  else if (t.kind === 'union') t.options.forEach((o) => typeRefs(o, out));
  else if (t.kind === 'optional' || t.kind === 'annotated') typeRefs(t.inner, out);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Intermediate model → Python text

const LOOKAROUND = /\(\?<?[=!]|\\\\[1-9]/;

/** Orders and prints the classes; collects the imports they use. */
class ModuleRenderer {
  private readonly used = new Set<string>();

  constructor(
    private readonly classes: Map<string, ClassDef>,
    private readonly rootName: string,
  ) {}

  render(): string {
    this.avoidShadowing();
    const order = this.order();
    const blocks = order.map((name) => this.renderClass(this.classes.get(name)!));
    const rebuild = this.forwardReferencing(order).map((name) => `${name}.model_rebuild()`);
    if (rebuild.length > 0) blocks.push(rebuild.join('\n'));
    const imports = this.imports();
    return `${FILE_HEADER}\n\nfrom __future__ import annotations\n\n${imports}\n\n\n${blocks.join('\n\n\n')}\n`;
  }

  /** Fields named like a class of the module would shadow it inside annotations. */
  private avoidShadowing(): void {
    for (const def of this.classes.values()) {
      if (def.kind !== 'model') continue;
      const names = new Set(def.fields.map((f) => f.name));
      for (const f of def.fields) if (this.classes.has(f.name)) f.name = unique(`${f.name}_`, names, '_');
    }
  }

  /** Dependencies first (post-order DFS in creation order), the root model last. */
  private order(): string[] {
    const out: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (name: string): void => {
      if (state.has(name) || !this.classes.has(name)) return;
      state.set(name, 'visiting');
      for (const dep of this.deps(name)) visit(dep);
      state.set(name, 'done');
      out.push(name);
    };
    for (const name of this.classes.keys()) if (name !== this.rootName) visit(name);
    visit(this.rootName);
    return out;
  }

  private deps(name: string): string[] {
    const def = this.classes.get(name)!;
    if (def.kind === 'enum') return [];
    const refs = new Set<string>();
    for (const f of def.fields) typeRefs(f.type, refs);
    return [...refs];
  }

  /** Models that mention a class defined after them (cycles) need `model_rebuild()`. */
  private forwardReferencing(order: string[]): string[] {
    const position = new Map(order.map((name, i) => [name, i]));
    return order.filter((name, i) => this.deps(name).some((dep) => (position.get(dep) ?? -1) >= i));
  }

  private imports(): string {
    const byModule = new Map<string, string[]>();
    for (const name of this.used) {
      const module = IMPORTABLE[name];
      byModule.set(module, [...(byModule.get(module) ?? []), name]);
    }
    const line = (module: string) => `from ${module} import ${sortImportNames(byModule.get(module)!).join(', ')}`;
    const stdlib = ['datetime', 'enum', 'typing'].filter((m) => byModule.has(m)).map(line);
    return importBlock([stdlib, [line('pydantic')]]);
  }

  private renderClass(def: ClassDef): string {
    return def.kind === 'enum' ? this.renderEnum(def) : this.renderModel(def);
  }

  private renderEnum(def: EnumDef): string {
    this.used.add('Enum');
    const bases = def.base ? `${def.base}, Enum` : 'Enum';
    const members = def.members.map((m) => `${INDENT}${m.name} = ${flat(pyLiteral(m.value))}`);
    return `class ${def.name}(${bases}):\n${members.join('\n')}`;
  }

  private renderModel(def: ModelDef): string {
    this.used.add('BaseModel');
    const body: string[] = [];
    const doc = docstring(def.description ?? '');
    if (doc) body.push(doc, '');
    const fields = def.fields.map((f) => this.renderField(f));
    const config = this.modelConfig(def, fields);
    if (config) body.push(config);
    appendAll(body, fields);
    if (body.length === 0) body.push(`${INDENT}pass`);
    while (body.at(-1) === '') body.pop();
    return `class ${def.name}(BaseModel):\n${body.join('\n')}`;
  }

  private modelConfig(def: ModelDef, renderedFields: string[]): string | undefined {
    const args: Expr[] = [];
    if (def.forbidExtra) args.push('extra="forbid"');
    if (def.fields.some((f) => f.name !== f.key)) args.push('populate_by_name=True');
    if (renderedFields.some((f) => /pattern=/.test(f) && LOOKAROUND.test(f))) args.push('regex_engine="python-re"');
    if (def.extras.size > 0) args.push(keyed('json_schema_extra=', pyLiteral(def.extras)));
    if (args.length === 0) return undefined;
    this.used.add('ConfigDict');
    const prefix = 'model_config = ';
    return INDENT + prefix + render(bracket('ConfigDict', '(', args, ')'), INDENT, prefix.length);
  }

  private renderField(f: FieldDef): string {
    const annotation = annotationOf(f.type, (name) => this.used.add(name));
    const dflt = f.required ? undefined : f.default === undefined ? 'None' : this.defaultExpr(f.type, f.default);
    const kwargs = this.fieldKwargs(f);
    if (kwargs.length === 0) return annotatedAssignment(f.name, annotation, dflt);
    this.used.add('Field');
    return annotatedAssignment(f.name, annotation, bracket('Field', '(', [dflt ?? '...', ...kwargs], ')'));
  }

  private fieldKwargs(f: FieldDef): Expr[] {
    const out: Expr[] = [];
    if (f.name !== f.key) out.push(`alias=${pyString(f.key)}`);
    if (f.title !== undefined) out.push(`title=${pyString(f.title)}`);
    if (f.description !== undefined) out.push(`description=${pyString(f.description)}`);
    for (const [k, v] of f.constraints) out.push(keyed(`${k}=`, v));
    if (f.default !== undefined && !this.literalFits(f.type, f.default)) out.push('validate_default=True');
    if (f.extras.size > 0) out.push(keyed('json_schema_extra=', pyLiteral(f.extras)));
    return out;
  }

  /** A default as Python source; a scalar enum default names its member. */
  private defaultExpr(type: PyType, value: JsonValue): Expr {
    const base = unwrap(type);
    const def = base.kind === 'class' ? this.classes.get(base.name) : undefined;
    const member = def?.kind === 'enum' ? def.members.find((m) => sameValue(m.value, value)) : undefined;
    return member ? `${def!.name}.${member.name}` : pyLiteral(value);
  }

  /** True when Pydantic would store the literal default as a valid value of `type` without validating it. */
  private literalFits(type: PyType, value: JsonValue): boolean {
    switch (type.kind) {
      case 'optional':
      case 'annotated':
        return value === null || this.literalFits(type.inner, value);
      case 'scalar':
        return scalarFits(type.name, value);
      case 'literal':
        return true;
      case 'class': {
        const def = this.classes.get(type.name);
        return def?.kind === 'enum' && def.members.some((m) => sameValue(m.value, value)) && !Array.isArray(value);
      }
      case 'list':
        return Array.isArray(value) && value.every((v) => this.literalFits(type.item, v) && !this.isEnum(type.item));
      case 'dict':
        return isObject(value) && [...value.values()].every((v) => this.literalFits(type.value, v) && !this.isEnum(type.value));
      case 'union':
        return type.options.some((o) => this.literalFits(o, value));
    }
  }

  private isEnum(t: PyType): boolean {
    const base = unwrap(t);
    return base.kind === 'class' && this.classes.get(base.name)?.kind === 'enum';
  }
}

function scalarFits(name: Scalar, value: JsonValue): boolean {
  switch (name) {
    case 'Any':
      return true;
    case 'None':
      return value === null;
    case 'str':
      return typeof value === 'string';
    case 'int':
      return isInt(value);
    case 'float':
      return isInt(value) || value instanceof PyFloat;
    case 'bool':
      return typeof value === 'boolean';
    default:
      return true; // date/time strings stay strings, as datamodel-code-generator leaves them
  }
}

function sameValue(a: JsonValue, b: JsonValue): boolean {
  if (a instanceof PyFloat || b instanceof PyFloat) {
    const x = a instanceof PyFloat ? a.value : a;
    const y = b instanceof PyFloat ? b.value : b;
    return x === y;
  }
  return a === b;
}

/** isort's order within one `from x import …`: CONSTANTS, Classes, then functions/variables. */
function sortImportNames(names: string[]): string[] {
  const rank = (n: string) => (/^[A-Z0-9_]+$/.test(n) && n.length > 1 ? 0 : /^[A-Z]/.test(n) ? 1 : 2);
  return [...names].sort((a, b) => rank(a) - rank(b) || (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0));
}

/** A class docstring as ruff formats it: dedented, trailing spaces stripped, body-indented. */
function docstring(text: string): string | undefined {
  const lines = text.split(/\r\n|\r|\n/).map((l) => l.replace(/\s+$/, ''));
  const rest = lines.slice(1).filter((l) => l.trim() !== '');
  // A loop, not Math.min(...): a description of many lines would overflow the stack.
  let margin = Infinity;
  for (const l of rest) margin = Math.min(margin, l.length - l.trimStart().length);
  const body = [lines[0].trim(), ...lines.slice(1).map((l) => l.slice(Number.isFinite(margin) ? margin : 0))];
  while (body.length > 0 && body[0] === '') body.shift();
  while (body.length > 0 && body.at(-1) === '') body.pop();
  if (body.length === 0) return undefined;
  const escaped = body.map(escapeDocLine);
  if (escaped.at(-1)!.endsWith('"')) escaped[escaped.length - 1] = escaped.at(-1)!.slice(0, -1) + '\\"';
  if (escaped.length === 1) return `${INDENT}"""${escaped[0]}"""`;
  const inner = escaped.slice(1).map((l) => (l === '' ? '' : INDENT + l));
  return `${INDENT}"""${escaped[0]}\n${inner.join('\n')}\n${INDENT}"""`;
}

function escapeDocLine(line: string): string {
  return line
    .replace(/\\/g, '\\\\')
    .replace(/"""/g, '\\"\\"\\"')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, (c) => '\\x' + c.charCodeAt(0).toString(16).padStart(2, '0'))
    .replace(/\t/g, '\\t');
}
