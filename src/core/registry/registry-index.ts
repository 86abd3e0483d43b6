import { didYouMean } from '../util/suggest.ts';
import type { JsonObject } from '../util/json-value.ts';
import { KNOWN_TAGS, type RegistryEntry, type RegistryOutput } from './contract.ts';

/** A task the compiler can use: wt-compiler's `KnownTask`. */
export interface KnownTask {
  fqn: string;
  functionName: string;
  publicModulePath: string;
  /** `<public_module_path>.<function_name>`: the form a dotted `task:` uses. */
  importableReference: string;
  /** 0 for the first registry entry with this function name, 1, 2, … for later ones. */
  registryRef: number;
  /** The name generated code binds the task to: `fn`, or `fn_<ref>` for later duplicates. */
  alias: string;
  /** Recognised tags only (today `io`). */
  tags: string[];
  jsonSchema: JsonObject;
  /** Registry description, `null` when empty. */
  description: string | null;
  entry: RegistryEntry;
}

export type TaskResolution = { task: KnownTask } | { code: string; message: string };

/** Registry entries indexed by function name and public module path, as wt-compiler's discovery builds them. */
export class RegistryIndex {
  /** function name → public module path → task, in registry order. */
  readonly byFunction = new Map<string, Map<string, KnownTask>>();

  constructor(readonly registry: RegistryOutput) {
    for (const [fqn, entry] of registry.entries) {
      const byModule = this.byFunction.get(entry.function_name) ?? new Map<string, KnownTask>();
      this.byFunction.set(entry.function_name, byModule);
      // Upstream numbers by the dict size before insertion (a repeated module path overwrites but still counts).
      const registryRef = byModule.size;
      byModule.set(entry.public_module_path, {
        fqn,
        functionName: entry.function_name,
        publicModulePath: entry.public_module_path,
        importableReference: `${entry.public_module_path}.${entry.function_name}`,
        registryRef,
        alias: registryRef > 0 ? `${entry.function_name}_${registryRef}` : entry.function_name,
        tags: entry.metadata.tags.filter((t) => (KNOWN_TAGS as readonly string[]).includes(t)),
        jsonSchema: entry.json_schema,
        description: entry.metadata.description || null,
        entry,
      });
    }
  }

  /** True when `name` is a registered function name (instance ids may not shadow one). */
  hasFunction(name: string): boolean {
    return this.byFunction.has(name);
  }

  /** All tasks in registry order. */
  *tasks(): Iterable<KnownTask> {
    for (const byModule of this.byFunction.values()) yield* byModule.values();
  }

  /** Resolves a `task:` value: a unique short function name or a dotted `public.module.function`. */
  resolve(name: string): TaskResolution {
    const dot = name.lastIndexOf('.');
    if (dot >= 0) {
      const anchor = name.slice(0, dot);
      const fn = name.slice(dot + 1);
      const byModule = this.byFunction.get(fn);
      const task = byModule?.get(anchor);
      if (task) return { task };
      if (!byModule) {
        return { code: 'unknown-task', message: `no registered task \`${fn}\` (from \`${name}\`)${didYouMean(fn, this.byFunction.keys())}` };
      }
      const modules = [...byModule.keys()];
      const viaPrivate = [...byModule.values()].find((t) => t.entry.module_path === anchor);
      const hint = viaPrivate ? `; \`${anchor}\` is its private module, use the public path \`${viaPrivate.importableReference}\`` : `; it is available from: ${modules.map((m) => `\`${m}.${fn}\``).join(', ')}`;
      return { code: 'unknown-task-module', message: `task \`${fn}\` is not registered under \`${anchor}\`${hint}` };
    }
    const byModule = this.byFunction.get(name);
    if (!byModule) {
      return { code: 'unknown-task', message: `no registered task named \`${name}\`${didYouMean(name, this.byFunction.keys())}` };
    }
    if (byModule.size > 1) {
      const choices = [...byModule.values()].map((t) => `\`${t.importableReference}\``).join(', ');
      return { code: 'ambiguous-task', message: `several registered tasks are named \`${name}\`: write the full path, one of ${choices}` };
    }
    return { task: byModule.values().next().value! };
  }
}
