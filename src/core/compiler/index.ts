/** Spec + registry → workflow artifacts. */
export { checkSpec, compileWorkflow, buildFormSchemas, indexRegistry, type CheckResult, type CompileResult, type CompileOptions, type FormSchemas, type RegistryInput } from './compile.ts';
export { paramsSha256, paramsHashInput } from './params-hash.ts';
export { releaseName, packageName, DEFAULT_PKG_NAME_PREFIX, DEFAULT_RESULTS_ENV_VAR } from './names.ts';
export { formdataToParams, paramsToFormdata, type ConversionResult, type ValidationErrorRecord } from './formdata.ts';
export type { InstanceSchema, ResolvedInstance } from './task-schema.ts';
export { buildPackageFiles, isCompiled, type PackageFile, type PackageOptions, type CompiledWorkflow } from './package.ts';
