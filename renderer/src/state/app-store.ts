// App-wide state: host info, connections, the model catalogue per connection, panels and theme.
import { create } from 'zustand';
import type { AppInfo, ConnectionSummary, ModelInfo } from '../../../shared/records';
import type { JuxtaError } from '../../../shared/result';
import { loadPrefs, type ThemePreference } from './prefs-storage';

export type ModelsEntry =
  | { status: 'loading' }
  | { status: 'ready'; models: ModelInfo[] }
  | { status: 'failed'; error: JuxtaError };

export interface AppState {
  status: 'loading' | 'ready' | 'failed';
  loadError: JuxtaError | null;
  appInfo: AppInfo | null;
  connections: ConnectionSummary[];
  selectedConnectionId: string | null;
  models: Record<string, ModelsEntry>;
  connectionsDialogOpen: boolean;
  /** Open the dialog straight on the add form (from the empty state's "Add an API key"). */
  connectionsDialogAdding: boolean;
  historyOpen: boolean;
  theme: ThemePreference;
  syncScroll: boolean;
  /** A short notice shown in the top bar (e.g. a live stream was lost). */
  notice: string | null;
}

const prefs = loadPrefs();

export const useAppStore = create<AppState>(() => ({
  status: 'loading',
  loadError: null,
  appInfo: null,
  connections: [],
  selectedConnectionId: prefs.connectionId,
  models: {},
  connectionsDialogOpen: false,
  connectionsDialogAdding: false,
  historyOpen: false,
  theme: prefs.theme,
  syncScroll: prefs.syncScroll,
  notice: null,
}));

export function connectionById(connections: readonly ConnectionSummary[], id: string | null | undefined): ConnectionSummary | undefined {
  return id ? connections.find((connection) => connection.id === id) : undefined;
}
