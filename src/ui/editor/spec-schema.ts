import type { JSONSchema } from 'monaco-yaml';

/**
 * The structure of spec.yaml, for monaco-yaml's key completion and hover only: the checks
 * themselves (and every marker) come from core, so this stays permissive where core is exact.
 */

const reference = 'A `${{ workflow.<id>.return }}` reference, or a list of them.';

const parallel = (name: string, description: string): JSONSchema => ({
  type: 'object',
  description,
  properties: {
    argnames: {
      description: `Parameter name(s) of the task that receive the ${name} values.`,
      anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
    },
    argvalues: { description: reference, anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
  },
});

const skipif: JSONSchema = {
  type: 'object',
  description: 'When to skip the task instead of running it.',
  properties: {
    conditions: { type: 'array', description: 'Names of registered skip-condition tasks (e.g. `is_empty`, `never`).', items: { type: 'string' } },
    unpack_depth: { type: 'integer', description: 'How deep the conditions look into nested inputs.' },
  },
};

const instance: JSONSchema = {
  type: 'object',
  description: 'A task instance: runs one registered task.',
  properties: {
    id: { type: 'string', description: 'Unique id of the instance (a Python identifier); referenced as `${{ workflow.<id>.return }}`.' },
    name: { type: 'string', description: 'Human-readable name, shown in the form and the graph.' },
    task: { type: 'string', description: 'The registered task to run: its function name, or `module.function` when ambiguous.' },
    partial: { type: 'object', description: 'Arguments bound in the spec (literals or references); the form asks for the others.' },
    map: parallel('map', 'Call the task once per element of `argvalues` (a list).'),
    mapvalues: parallel('mapvalues', 'Call the task once per value of `argvalues` (a keyed mapping), keeping the keys.'),
    skipif,
  },
};

const group: JSONSchema = {
  type: 'object',
  description: 'A task group: a titled section of instances in the form.',
  properties: {
    type: { const: 'task-group', description: 'Marks the entry as a task group.' },
    title: { type: 'string', description: 'Section title.' },
    description: { type: 'string', description: 'Section description.' },
    tasks: { type: 'array', description: 'The instances of the group.', items: instance },
  },
};

export const SPEC_SCHEMA: JSONSchema = {
  type: 'object',
  title: 'wt workflow spec',
  properties: {
    id: { type: 'string', description: 'Workflow id (a Python identifier).' },
    requirements: {
      type: 'array',
      description: 'Conda or PyPI packages that provide the tasks.',
      items: {
        anyOf: [
          { type: 'string', description: 'A conda match spec: `[channel::]name[ version]`.' },
          {
            type: 'object',
            properties: {
              name: { type: 'string' },
              version: { type: 'string', description: 'A conda version constraint, e.g. `>=1.2,<2`.' },
              channel: { type: 'string' },
              requirement: { type: 'string', description: 'A conda match spec.' },
              git: { type: 'string' },
              rev: { type: 'string' },
              branch: { type: 'string' },
              tag: { type: 'string' },
              path: { type: 'string' },
              editable: { type: 'boolean' },
              url: { type: 'string' },
              subdirectory: { type: 'string' },
              extras: { type: 'array', items: { type: 'string' } },
            },
          },
        ],
      },
    },
    'rjsf-overrides': { type: 'object', description: 'Dotted paths into the generated form schema and the values that replace them.' },
    'task-instance-defaults': { type: 'object', description: 'Defaults for every instance.', properties: { skipif } },
    workflow: { type: 'array', description: 'Task instances and task groups, in order.', items: { anyOf: [instance, group] } },
  },
};
