/** The task registry: RegistryOutput contract, loading with diagnostics, lookup. */
export * from './contract.ts';
export { loadRegistry, type LoadedRegistry } from './load-registry.ts';
export { RegistryIndex, type KnownTask, type TaskResolution } from './registry-index.ts';
export { describeRegistry, describeTask, schemaTypeLabel, type TaskDescription, type ParameterDescription } from './describe.ts';
