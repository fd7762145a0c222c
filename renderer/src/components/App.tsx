import { lazy, Suspense, useEffect } from 'react';
import { useApplyTheme } from '../hooks/use-theme';
import { api } from '../transport';
import { loadApp, newComparison, startRun, stopAll } from '../state/actions';
import { useAppStore } from '../state/app-store';
import { startPersistingPrefs } from '../state/persist';
import { useRunStore } from '../state/run-store';
import { Composer } from './Composer';
import { ConnectionsDialog } from './ConnectionsDialog';
import { HistoryDrawer } from './HistoryDrawer';
import { ErrorDetails } from './ResponseParts';
import { ResultsView } from './ResultsView';
import { TopBar } from './TopBar';
import { Welcome } from './Welcome';
import { useDashboardToggle } from '../dashboard/dashboard-toggle';
import { useCatalogToggle } from '../catalog/catalog-toggle';
import { BlindReviewView } from '../review/BlindReviewView';
import { openExportMenu } from '../review/review-actions';
import { useReviewStore } from '../review/review-store';

// The dashboard (and its chart library) loads on first open: first paint waits only for the compare view.
const DashboardView = lazy(() => import('../dashboard/DashboardView').then((module) => ({ default: module.DashboardView })));
const CatalogView = lazy(() => import('../catalog/CatalogView').then((module) => ({ default: module.CatalogView })));
const LeaderboardView = lazy(() => import('../review/LeaderboardView').then((module) => ({ default: module.LeaderboardView })));

function useGlobalShortcuts() {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || document.querySelector('dialog[open]')) return;
      const target = event.target instanceof Element ? event.target : null;
      if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
        // Inside Monaco the editor's own keybinding runs it.
        if (target?.closest('.monaco-editor')) return;
        event.preventDefault();
        void startRun();
      } else if (event.key === 'Escape') {
        const { view } = useRunStore.getState();
        if (view && !view.finished) {
          event.preventDefault();
          void stopAll();
        }
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

/** Desktop menu commands (and their accelerators) arrive through the preload; absent in a browser. */
function useMenuCommands() {
  useEffect(
    () =>
      api.onMenuCommand?.((command) => {
        switch (command) {
          case 'run':
            return void startRun();
          case 'stop':
            return void stopAll();
          case 'new-comparison':
            return newComparison();
          case 'open-history':
            return useAppStore.setState({ historyOpen: true });
          case 'export':
            return openExportMenu();
        }
      }),
    [],
  );
}

function Notice() {
  const notice = useAppStore((state) => state.notice);
  if (!notice) return null;
  return (
    <div className="notice" role="status">
      <span>{notice}</span>
      <button type="button" className="button ghost small" onClick={() => useAppStore.setState({ notice: null })} aria-label="Dismiss">
        ✕
      </button>
    </div>
  );
}

function Workspace() {
  const theme = useApplyTheme();
  const status = useAppStore((state) => state.status);
  const loadError = useAppStore((state) => state.loadError);
  const hasConnections = useAppStore((state) => state.connections.length > 0);
  const historyOpen = useAppStore((state) => state.historyOpen);
  const dashboardOpen = useDashboardToggle((state) => state.open);
  const catalogOpen = useCatalogToggle((state) => state.open);
  const leaderboardOpen = useReviewStore((state) => state.leaderboardOpen);
  const blindOpen = useReviewStore((state) => state.blind !== null);

  if (status === 'loading') {
    return (
      <main className="splash" aria-busy="true">
        <p className="muted">Connecting to Juxta…</p>
      </main>
    );
  }
  if (status === 'failed') {
    return (
      <main className="splash">
        <div className="splash-card">
          <h1>Cannot reach the Juxta host</h1>
          {loadError && <ErrorDetails error={loadError} />}
          {loadError?.kind === 'auth' && (
            <p className="muted small">In a browser, open the URL that <code>npm run web</code> printed: it carries the access token.</p>
          )}
          <button type="button" className="button primary" onClick={() => void loadApp()}>
            Retry
          </button>
        </div>
      </main>
    );
  }
  return (
    <div className="workspace">
      <main className="main">
        {dashboardOpen ? (
          <Suspense fallback={<p className="muted splash">Loading the dashboard…</p>}>
            <DashboardView />
          </Suspense>
        ) : catalogOpen ? (
          <Suspense fallback={<p className="muted splash">Loading the catalog…</p>}>
            <CatalogView />
          </Suspense>
        ) : leaderboardOpen ? (
          <Suspense fallback={<p className="muted splash">Loading the leaderboard…</p>}>
            <LeaderboardView />
          </Suspense>
        ) : blindOpen ? (
          // The review replaces the composer and the results: no model name stays on screen.
          <BlindReviewView />
        ) : hasConnections ? (
          <>
            <Composer theme={theme} />
            <ResultsView />
          </>
        ) : (
          <Welcome />
        )}
      </main>
      {historyOpen && <HistoryDrawer />}
    </div>
  );
}

export function App() {
  useGlobalShortcuts();
  useMenuCommands();
  useEffect(() => {
    void loadApp();
    return startPersistingPrefs();
  }, []);
  return (
    <div className="app">
      <TopBar />
      <Notice />
      <Workspace />
      <ConnectionsDialog />
    </div>
  );
}
