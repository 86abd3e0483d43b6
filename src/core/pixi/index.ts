/** pixi.toml generation: dependency layers (defaults, spec, --env-overrides), leaf-only rule, tomli_w-style output. */
export { generatePixiToml, defaultInjections, pixiCondaVersion, FILE_HEADER, PLATFORMS, STANDARD_CHANNELS } from './pixi-toml.ts';
export type { PixiTomlInput, PixiTomlResult } from './pixi-toml.ts';
export { parseEnvOverrides, resolveOverrideChannel } from './env-overrides.ts';
export type { EnvOverrides, ParsedEnvOverrides, EnvOverridesOptions } from './env-overrides.ts';
export { mergeLayers, ENVIRONMENTS, VARIANT_PACKAGES } from './layers.ts';
export type { LayerInput, MergedFeatures, Variant } from './layers.ts';
export { checkLeafOnly, pathSources } from './leaf-only.ts';
export type { ReadFile, PathSource } from './leaf-only.ts';
export * from './deps.ts';
export { DEFAULT_ENV_INJECTIONS_TOML } from './default-env-injections.ts';
