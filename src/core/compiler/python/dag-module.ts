import type { KnownTask, RegistryIndex } from '../../registry/index.ts';
import { methodOf, parseReference, type TaskInstance } from '../../spec/index.ts';
import { isObject, type JsonValue } from '../../util/json-value.ts';
import { withHeader } from '../../util/file-header.ts';
import type { ResolvedInstance } from '../task-schema.ts';
import { bracket, importBlock, INDENT, keyed, pyLiteral, pyString, render, type Expr } from './python-format.ts';

/**
 * `dags/run_sequential.py` and its mock-io variant (wt-compiler §5.1): `main(params)` validates the
 * parameters, then runs every instance in workflow order as a `wt_task` chain and returns the last
 * instance's result.
 */

export interface DagOptions {
  /** The testing variant: io-tagged tasks become magic mocks and skip `.validate()`. */
  mockIo: boolean;
}

const TEST_MARK = '# 🧪';
/** Columns `  # 🧪` takes: the emoji is double width, and ruff counts trailing comments. */
const TEST_MARK_WIDTH = 6;

/** The text of `run_sequential.py` (or `run_sequential_mock_io.py` when `mockIo`). */
export function generateDagModule(resolved: ResolvedInstance[], registry: RegistryIndex, options: DagOptions): string {
  const mocked = (task: KnownTask) => options.mockIo && task.tags.includes('io');
  const conditions = (t: TaskInstance) =>
    (t.effectiveSkipif?.conditions ?? []).flatMap((c) => {
      const r = registry.resolve(c.name);
      return 'task' in r ? [r.task] : [];
    });

  const taskImports: string[] = [];
  const mocks = new Map<string, string>();
  for (const { instance, task } of resolved) {
    for (const known of [task, ...conditions(instance)]) {
      if (mocked(known)) {
        const call = bracket('create_func_magicmock', '(', [`anchor=${pyString(known.publicModulePath)}`, `func_name=${pyString(known.functionName)}`], ')');
        const target = `${known.alias} = `;
        mocks.set(known.alias, `${target}${render(call, '', target.length, TEST_MARK_WIDTH)}  ${TEST_MARK}`);
      } else taskImports.push(`from ${known.publicModulePath} import ${known.functionName} as ${known.alias}`);
    }
  }
  const stdlib = ['import os', 'from typing import Any'];
  const thirdParty = [...taskImports, 'from wt_contracts import validate as _validate', 'from wt_task import task'];
  if (options.mockIo) {
    stdlib.push(`import warnings  ${TEST_MARK}`);
    if (mocks.size > 0) thirdParty.push(`from wt_task.testing import create_func_magicmock  ${TEST_MARK}`);
  }
  const parts: string[] = [];
  if (options.mockIo) {
    parts.push(
      '# ruff: noqa: E402',
      '"""WARNING: This file is generated in a testing context and should not be used in production.\n' +
        'Lines specific to the testing context are marked with a test tube emoji (🧪) to indicate\n' +
        'that they would not be included (or would be different) in the production version of this file.\n"""',
    );
  }
  // isort: one blank line after imports when plain statements follow, two before a def.
  const imports = importBlock([stdlib, thirdParty, ['from .. import metadata as _metadata']]);
  parts.push(mocks.size > 0 ? `${imports}\n\n${[...mocks.values()].join('\n')}` : imports);

  const body: string[] = [];
  if (options.mockIo) body.push(`${INDENT}warnings.warn("This test script should not be used in production!")  ${TEST_MARK}`);
  body.push(`${INDENT}if validate_params_schema:`, `${INDENT}${INDENT}_validate(params, _metadata.load_params_schema())`);
  for (const { instance, task } of resolved) body.push('', chain(instance, task, conditions(instance), mocked(task)));
  const last = resolved.at(-1);
  body.push('', `${INDENT}return ${last ? last.instance.id : 'None'}`);
  parts.push(`def main(params: dict[str, Any], validate_params_schema: bool = True) -> Any:\n${body.join('\n')}`);
  return withHeader(parts.join('\n\n\n').replace('\n\n\n"""', '\n\n"""').replace('"""\n\n\nimport', '"""\n\nimport') + '\n');
}

/** One instance's `wt_task` call chain, assigned to a variable named after the instance. */
function chain(t: TaskInstance, task: KnownTask, conditions: KnownTask[], mocked: boolean): string {
  const ind = INDENT + INDENT;
  const lines: string[] = [`task(${task.alias})`];
  lines.push(mocked ? `${TEST_MARK} validation omitted for mocked IO task` : '.validate()');
  lines.push(`.set_task_instance_id(${pyString(t.id)})`, '.handle_errors()', '.with_tracing()');
  if (t.effectiveSkipif) {
    const conds = bracket('', '[', conditions.map((c) => c.alias), ']');
    lines.push(render(bracket('.skipif', '(', [keyed('conditions=', conds), `unpack_depth=${t.effectiveSkipif.unpackDepth}`], ')'), ind));
  }
  const partial: Expr[] = t.partial.map((p) => keyed(`${p.name}=`, valueExpr(p.value)));
  partial.push(`**(params.get(${pyString(t.id)}) or {})`);
  lines.push(render(bracket('.partial', '(', partial, ')'), ind));
  const method = methodOf(t);
  if (method === 'call') lines.push('.call()');
  else {
    const op = (t.map ?? t.mapvalues)!;
    const argnames = bracket('', '[', op.argnames.map(pyString), ']');
    lines.push(render(bracket(`.${method}`, '(', [keyed('argnames=', argnames), keyed('argvalues=', valueExpr(op.argvalues))], ')'), ind));
  }
  return `${INDENT}${t.id} = (\n${lines.map((l) => ind + l).join('\n')}\n${INDENT})`;
}

/** A partial value or `argvalues`: references become variables or `os.environ[...]`, everything else a literal. */
function valueExpr(v: JsonValue): Expr {
  if (typeof v === 'string') {
    const r = parseReference(v);
    if (r.kind === 'reference') return r.reference.kind === 'workflow' ? r.reference.id : `os.environ[${pyString(r.reference.name)}]`;
    return pyString(v);
  }
  if (Array.isArray(v)) return bracket('', '[', v.map(valueExpr), ']');
  if (isObject(v)) return bracket('', '{', [...v].map(([k, x]) => keyed(`${pyString(k)}: `, valueExpr(x))), '}');
  return pyLiteral(v);
}
