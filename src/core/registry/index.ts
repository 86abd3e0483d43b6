/** The task registry: RegistryOutput contract, loading with diagnostics, lookup. */
export * from './contract.ts';
export { loadRegistry, type LoadedRegistry } from './load-registry.ts';
export { RegistryIndex, type KnownTask, type TaskResolution } from './registry-index.ts';
