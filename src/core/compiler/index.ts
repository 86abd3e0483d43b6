/** Spec + registry → workflow artifacts. */
export { checkSpec, compileWorkflow, buildFormSchemas, indexRegistry, type CheckResult, type CompileResult, type CompileOptions, type FormSchemas, type RegistryInput } from './compile.ts';
export { paramsSha256, paramsHashInput } from './params-hash.ts';
export { releaseName, packageName, DEFAULT_PKG_NAME_PREFIX, DEFAULT_RESULTS_ENV_VAR } from './names.ts';
export { formdataToParams, paramsToFormdata, type ConversionResult, type ValidationErrorRecord } from './formdata.ts';
export type { InstanceSchema, ResolvedInstance } from './task-schema.ts';
export { buildPackage, packageSources, isCompiled, type BuiltPackage, type PackageFile, type PackageOptions, type PreviousPackage, type CompiledWorkflow } from './package.ts';
export { bumpVersion, formatVersionYaml, parseVersionYaml, type Version } from './release/version.ts';
export { readFingerprintHashes, type Fingerprint } from './release/fingerprint.ts';
export { generatePydanticModule } from './pydantic-model.ts';
