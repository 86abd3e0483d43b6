import { useCallback, useEffect, useRef, useState } from 'react';
import { hasErrors, type Diagnostic } from '../../core/util/diagnostics.ts';
import type { CoreClient } from '../../worker/client.ts';
import type { RegistryResponse, TaskSummary } from '../../worker/protocol.ts';

/** The registry the app checks against: the last valid one, and why a newer text is not used yet. */
export interface RegistryInUse {
  /** The text the live check uses: the workspace's registry.json, or its last valid version while it has errors. */
  text?: string;
  tasks: TaskSummary[];
  /** The workspace's registry.json cannot be read: its problems (shown in Problems and on the file), plus a note that the previous one stays in use. */
  rejected?: Diagnostic[];
  /** Checks a registry from outside (a file, URL, paste) before it replaces the one in use: an error message, or undefined when it was accepted. */
  accept(text: string, name: string): Promise<string | undefined>;
}

/** A registry that yields no tasks and has errors is unreadable; anything else replaces the one in use. */
export function isUnusable(r: RegistryResponse): boolean {
  return r.tasks.length === 0 && hasErrors(r.diagnostics);
}

/** Where an unusable registry's first error is, for a one-line message. */
export function describeUnusable(r: RegistryResponse, name: string): string {
  const first = r.diagnostics.find((d) => d.severity === 'error');
  const at = first ? ` (line ${first.range.start.line}: ${first.message})` : '';
  return `${name} was not loaded: it is not a readable registry${at}. The registry in use stays until a valid one is loaded.`;
}

/**
 * Pasting or loading an invalid registry never discards the working one: registries from outside are
 * checked before they are saved (`accept`), and while the workspace's own registry.json has errors
 * (typed in Workspace files) the last valid version stays in use.
 */
export function useRegistry(client: CoreClient, workspaceId: string | undefined, text: string | undefined, save: (text: string) => void): RegistryInUse {
  /** `accepted`: the last valid registry of workspace `workspaceId`, if any. */
  const [state, setState] = useState<{ workspaceId?: string; accepted?: string; tasks: TaskSummary[]; rejected?: Diagnostic[] }>({ tasks: [] });
  const latest = useRef(text);
  latest.current = text;

  useEffect(() => {
    if (text === undefined) return;
    client.request({ type: 'registry', registryText: text }).then(
      (r) => {
        if (latest.current !== text) return;
        if (!isUnusable(r)) return setState({ workspaceId, accepted: text, tasks: r.tasks });
        const note: Diagnostic = {
          severity: 'warning',
          code: 'registry-not-used',
          message: 'registry.json has errors: the last valid registry stays in use until they are fixed.',
          range: r.diagnostics[0]?.range ?? { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
          source: 'registry',
        };
        setState((s) => (s.workspaceId === workspaceId ? { ...s, rejected: [...r.diagnostics, note] } : { workspaceId, tasks: [] }));
      },
      // A failed request (a worker restart, told to the user elsewhere) keeps what is in use.
      () => undefined,
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- per text; the workspace id only labels the answer
  }, [client, text]);

  const accept = useCallback(
    async (candidate: string, name: string) => {
      let r: RegistryResponse;
      try {
        r = await client.request({ type: 'registry', registryText: candidate });
      } catch (e) {
        return `${name} could not be checked: ${(e as Error).message}`;
      }
      if (isUnusable(r)) return describeUnusable(r, name);
      save(candidate);
      return undefined;
    },
    [client, save],
  );

  // Another workspace, or none valid yet: its own text is all there is (its errors come with the check).
  if (state.workspaceId !== workspaceId || state.accepted === undefined) return { text, tasks: state.workspaceId === workspaceId ? state.tasks : [], accept };
  const current = text === state.accepted;
  return { text: state.accepted, tasks: state.tasks, rejected: current ? undefined : state.rejected, accept };
}
