import { useAppStore } from '../state/app-store';
import { openConnectionsDialog, selectConnection } from '../state/actions';
import type { ThemePreference } from '../state/prefs';
import { kindLabel, SimulatedBadge } from './ConnectionBadge';
import { useDashboardToggle } from '../dashboard/dashboard-toggle';
import { useCatalogToggle } from '../catalog/catalog-toggle';
import { toggleLeaderboard } from '../review/review-actions';
import { useReviewStore } from '../review/review-store';

const nextTheme: Record<ThemePreference, ThemePreference> = { system: 'dark', dark: 'light', light: 'system' };
const themeLabels: Record<ThemePreference, string> = { system: 'Theme: system', dark: 'Theme: dark', light: 'Theme: light' };

function ConnectionStatus() {
  const connections = useAppStore((state) => state.connections);
  const selectedId = useAppStore((state) => state.selectedConnectionId);
  const entry = useAppStore((state) => (state.selectedConnectionId ? state.models[state.selectedConnectionId] : undefined));
  const selected = connections.find((connection) => connection.id === selectedId);
  if (connections.length === 0) return <span className="muted">No connection</span>;

  let status: { tone: 'ok' | 'busy' | 'bad'; text: string } = { tone: 'busy', text: 'connecting…' };
  if (entry?.status === 'ready') status = { tone: 'ok', text: `${entry.models.length} models` };
  if (entry?.status === 'failed') status = { tone: 'bad', text: entry.error.message };

  return (
    <div className="connection-picker">
      <label className="visually-hidden" htmlFor="connection-select">
        Connection
      </label>
      <select
        id="connection-select"
        className="select"
        value={selectedId ?? ''}
        onChange={(event) => selectConnection(event.target.value)}
        data-testid="connection-select"
      >
        {connections.map((connection) => (
          <option key={connection.id} value={connection.id}>
            {connection.label}
            {connection.kind === 'demo'
              ? /simulated/i.test(connection.label)
                ? ''
                : ' (simulated)'
              : ` · ${kindLabel(connection.kind)}`}
          </option>
        ))}
      </select>
      {selected?.kind === 'demo' && <SimulatedBadge />}
      <span className={`status-dot status-${status.tone}`} aria-hidden="true" />
      <span className={`connection-status ${status.tone === 'bad' ? 'text-danger' : 'muted'}`} title={status.text} role="status">
        {status.text}
      </span>
    </div>
  );
}

export function TopBar() {
  const historyOpen = useAppStore((state) => state.historyOpen);
  const theme = useAppStore((state) => state.theme);
  const version = useAppStore((state) => state.appInfo?.version);
  const ready = useAppStore((state) => state.status === 'ready');
  const dashboardOpen = useDashboardToggle((state) => state.open);
  const catalogOpen = useCatalogToggle((state) => state.open);
  const leaderboardOpen = useReviewStore((state) => state.leaderboardOpen);
  return (
    <header className="top-bar">
      <div className="brand" title={version ? `Juxta ${version}` : 'Juxta'}>
        <span className="brand-mark" aria-hidden="true">
          ◧
        </span>
        Juxta
      </div>
      {ready && <ConnectionStatus />}
      <div className="spacer" />
      <button
        type="button"
        className="button ghost"
        onClick={() => useAppStore.setState({ theme: nextTheme[theme] })}
        title="Switch theme (system, dark, light)"
      >
        {themeLabels[theme]}
      </button>
      <button
        type="button"
        className={`button ghost${catalogOpen ? ' active' : ''}`}
        aria-pressed={catalogOpen}
        onClick={useCatalogToggle.getState().toggle}
        data-testid="catalog-button"
        disabled={!ready}
      >
        Catalog
      </button>
      <button
        type="button"
        className={`button ghost${dashboardOpen ? ' active' : ''}`}
        aria-pressed={dashboardOpen}
        onClick={useDashboardToggle.getState().toggle}
        data-testid="dashboard-button"
        disabled={!ready}
      >
        Dashboard
      </button>
      <button
        type="button"
        className={`button ghost${leaderboardOpen && !dashboardOpen ? ' active' : ''}`}
        aria-pressed={leaderboardOpen && !dashboardOpen}
        onClick={toggleLeaderboard}
        data-testid="leaderboard-button"
        disabled={!ready}
      >
        Leaderboard
      </button>
      <button
        type="button"
        className={`button ghost${historyOpen ? ' active' : ''}`}
        aria-pressed={historyOpen}
        aria-controls="history-panel"
        onClick={() => useAppStore.setState({ historyOpen: !historyOpen })}
        data-testid="history-button"
        disabled={!ready}
      >
        History
      </button>
      <button type="button" className="button" onClick={() => openConnectionsDialog(false)} data-testid="connections-button" disabled={!ready}>
        Connections
      </button>
    </header>
  );
}
