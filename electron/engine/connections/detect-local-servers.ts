// Is Ollama or LM Studio running here? One quick GET /models per local preset; nothing listens
// means "not running", never an error. Short timeout: the form asks this while the user waits.
import type { LocalServerStatus } from '../../../shared/catalog-records';
import type { ConnectionRow } from '../../store/store-types';
import { presets } from './connection-presets';

const PROBE_TIMEOUT_MS = 800;

async function probe(baseUrl: string, fetchImpl: typeof fetch): Promise<number | null> {
  try {
    const response = await fetchImpl(`${baseUrl}/models`, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    if (!response.ok) return null;
    const body = (await response.json()) as { data?: unknown };
    return Array.isArray(body.data) ? body.data.length : 0;
  } catch {
    return null;
  }
}

export async function detectLocalServers(rows: readonly ConnectionRow[], fetchImpl: typeof fetch = fetch): Promise<LocalServerStatus[]> {
  const local = presets.filter((preset) => preset.local && preset.baseUrl !== null);
  return Promise.all(
    local.map(async (preset): Promise<LocalServerStatus> => {
      const baseUrl = preset.baseUrl!;
      const modelCount = await probe(baseUrl, fetchImpl);
      const port = new URL(baseUrl).port;
      const existing = rows.find((row) => {
        try {
          const url = new URL(row.baseUrl);
          return preset.hosts.includes(url.hostname) && url.port === port;
        } catch {
          return false;
        }
      });
      return { presetId: preset.id, baseUrl, running: modelCount !== null, modelCount, connectionId: existing?.id ?? null };
    }),
  );
}
