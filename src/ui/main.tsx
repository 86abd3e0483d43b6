import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { ErrorBoundary } from './shell/ErrorBoundary.tsx';
import { lastWorkspaceIds } from './workspace/store.ts';
import { markCrashed } from './workspace/start-guard.ts';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {/* An error outside every panel: the next load must not reopen the workspace that caused it. */}
    <ErrorBoundary what="the workbench" hint="Reload the page: it opens the Workspaces list instead of this workspace." onError={() => markCrashed(lastWorkspaceIds()[0])}>
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
