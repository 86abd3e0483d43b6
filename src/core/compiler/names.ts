/** Package naming: `<prefix>-<id with _ as ->-workflow` and its Python package form. */

export const DEFAULT_PKG_NAME_PREFIX = 'wt';
export const DEFAULT_RESULTS_ENV_VAR = 'WT_RESULTS';

/** wt-compiler's `release_name`. */
export function releaseName(specId: string, prefix = DEFAULT_PKG_NAME_PREFIX): string {
  return `${prefix}-${specId.replaceAll('_', '-')}-workflow`;
}

/** wt-compiler's `package_name`: the release name with `-` as `_`. */
export function packageName(release: string): string {
  return release.replaceAll('-', '_');
}
