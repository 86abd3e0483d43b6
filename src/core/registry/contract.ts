import type { JsonObject } from '../util/json-value.ts';

/** `wt_contracts.registry.RegistryOutput`: what `wt-registry --format json` prints. */

export interface RegistryMetadata {
  title: string;
  description: string | null;
  tags: string[];
  deprecated: boolean;
  deprecation_message: string | null;
}

export interface RegistryEntry {
  metadata: RegistryMetadata;
  /** Private defining module. */
  module_path: string;
  /** Shortest public re-export path. */
  public_module_path: string;
  function_name: string;
  import_statement: string;
  /** Pydantic JSON schema of the parameters (ordered, int/float preserved). */
  json_schema: JsonObject;
}

export interface RegistryOutput {
  /** Keyed by fully qualified name `module_path.function_name`, in registry order. */
  entries: Map<string, RegistryEntry>;
  version: string;
}

export const REGISTRY_VERSION = '1.0.0';

/** Task tags the compiler acts on; others are kept for display only. */
export const KNOWN_TAGS = ['io'] as const;
