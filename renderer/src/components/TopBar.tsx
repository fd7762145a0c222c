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
      <ViewToggleButton label="Catalog" testId="catalog-button" pressed={catalogOpen} onClick={useCatalogToggle.getState().toggle} disabled={!ready} />
      <ViewToggleButton label="Dashboard" testId="dashboard-button" pressed={dashboardOpen} onClick={useDashboardToggle.getState().toggle} disabled={!ready} />
      <ViewToggleButton
        label="Leaderboard"
        testId="leaderboard-button"
        pressed={leaderboardOpen && !dashboardOpen}
        onClick={toggleLeaderboard}
        disabled={!ready}
      />
      <ViewToggleButton
        label="History"
        testId="history-button"
        pressed={historyOpen}
        controls="history-panel"
        onClick={() => useAppStore.setState({ historyOpen: !historyOpen })}
        disabled={!ready}
      />
      <button type="button" className="button" onClick={() => openConnectionsDialog(false)} data-testid="connections-button" disabled={!ready}>
        Connections
      </button>
    </header>
  );
}

/** A top-bar button that shows or hides one view; pressed while its view is open. */
function ViewToggleButton(props: { label: string; testId: string; pressed: boolean; onClick: () => void; disabled: boolean; controls?: string }) {
  return (
    <button
      type="button"
      className={`button ghost${props.pressed ? ' active' : ''}`}
      aria-pressed={props.pressed}
      aria-controls={props.controls}
      onClick={props.onClick}
      data-testid={props.testId}
      disabled={props.disabled}
    >
      {props.label}
    </button>
  );
}
