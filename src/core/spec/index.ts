/** spec.yaml → Spec model + positioned diagnostics. */
export { parseSpec, INSTANCE_ID_MAX, type ParsedSpec } from './parse-spec.ts';
export * from './model.ts';
export { parseReference, formatReference, looksLikeInterpolation } from './references.ts';
export { identifierProblem, isPythonIdentifier } from './identifiers.ts';
export { KNOWN_CHANNELS, resolveChannel } from './channels.ts';
export { parseMatchSpec, isCondaVersionSpec } from './requirements.ts';
