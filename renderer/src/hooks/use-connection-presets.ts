// Presets (default base URL, key variable, handled quirks) and local servers found running, from
// the host. Both are optional: without them the form falls back to a few built-in local presets.
import { useEffect, useState } from 'react';
import type { ConnectionPreset, LocalServerStatus } from '../../../shared/catalog-records';
import { api } from '../transport';

export const fallbackPresets: ConnectionPreset[] = [
  { id: 'ollama', label: 'Ollama (local)', kind: 'openai-compatible', baseUrl: 'http://localhost:11434/v1', apiKeyEnv: null, needsKey: false, local: true, catalogProvider: null, notes: [] },
  { id: 'lmstudio', label: 'LM Studio (local)', kind: 'openai-compatible', baseUrl: 'http://localhost:1234/v1', apiKeyEnv: null, needsKey: false, local: true, catalogProvider: null, notes: [] },
  { id: 'custom', label: 'Custom (OpenAI-compatible)', kind: 'openai-compatible', baseUrl: null, apiKeyEnv: null, needsKey: false, local: false, catalogProvider: null, notes: [] },
];

export interface PresetsState {
  presets: ConnectionPreset[];
  /** False when the host did not answer listConnectionPresets: the ids are not sent then. */
  fromHost: boolean;
  localServers: LocalServerStatus[];
}

export function useConnectionPresets(): PresetsState {
  const [state, setState] = useState<PresetsState>({ presets: fallbackPresets, fromHost: false, localServers: [] });
  useEffect(() => {
    let cancelled = false;
    void api.listConnectionPresets({}).then((result) => {
      if (!cancelled && result.ok && result.value.length > 0) setState((previous) => ({ ...previous, presets: result.value, fromHost: true }));
    });
    void api.detectLocalServers({}).then((result) => {
      if (!cancelled && result.ok) setState((previous) => ({ ...previous, localServers: result.value.filter((server) => server.running) }));
    });
    return () => {
      cancelled = true;
    };
  }, []);
  return state;
}
