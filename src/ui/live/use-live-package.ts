import { useEffect, useState } from 'react';
import { hasErrors, type Diagnostic } from '../../core/util/diagnostics.ts';
import type { CoreClient } from '../../worker/client.ts';
import type { CheckResponse, PackageResponse } from '../../worker/protocol.ts';

/** The package a clean check leads to, the one before it, and the build's own problems. */
export interface LivePackage {
  current?: PackageResponse;
  previous?: PackageResponse;
  building?: boolean;
  /** env-overrides, pixi.toml and graph problems, which the live check does not see. */
  buildDiagnostics?: Diagnostic[];
}

/** Typing must pause this long before the package is rebuilt. */
const PACKAGE_DELAY_MS = 300;

/**
 * Rebuilds the package after each clean check once typing pauses, and after each env-overrides
 * edit: it shares the serial core worker with the live check, and a full package build per
 * keystroke would delay the next check.
 */
export function useLivePackage(client: CoreClient, check: CheckResponse | undefined, spec: string | undefined, registry: string | undefined, envOverrides: string | undefined): LivePackage {
  const [pkg, setPkg] = useState<LivePackage>({});
  useEffect(() => {
    if (!check?.paramsJsonText || spec === undefined) {
      // No package while the spec has errors: the build's own problems would be stale.
      setPkg((p) => (p.buildDiagnostics?.length || p.building ? { ...p, building: false, buildDiagnostics: [] } : p));
      return;
    }
    let stale = false;
    setPkg((p) => (p.building ? p : { ...p, building: true }));
    const timer = setTimeout(() => {
      client.request({ type: 'package', specText: spec, registryText: registry ?? '', envOverridesText: envOverrides }).then(
        (r) => {
          if (stale) return;
          setPkg((p) => ({ ...(r.files.length > 0 ? { previous: p.current, current: r } : p), building: false, buildDiagnostics: r.buildDiagnostics }));
        },
        // The worker failed (a bug, not a user error): stop saying "building" and keep the last package.
        () => !stale && setPkg((p) => ({ ...p, building: false })),
      );
    }, PACKAGE_DELAY_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- per check (not per keystroke) and per env-overrides edit
  }, [check, envOverrides]);
  return pkg;
}

/** What the Package files panel shows, in a sentence: building, current, or the last good build. */
export function packageStatus(check: CheckResponse | undefined, pkg: LivePackage): string {
  if (!check || (pkg.building && !pkg.current)) return 'Building the package…';
  const failed = !check.paramsJsonText || hasErrors(pkg.buildDiagnostics ?? []);
  if (failed) return pkg.current ? 'Shows the last package that built: fix the errors in Problems to update it.' : 'Fix the errors in Problems to see the package.';
  if (pkg.building) return 'Updating the package…';
  return pkg.current ? `${pkg.current.files.length} files, as the CLI writes them.` : 'Building the package…';
}
