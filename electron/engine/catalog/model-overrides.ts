// The user's own mapping of catalog ids to a connection's ids (e.g. "meta-llama/llama-3.1-8b-instruct"
// -> "llama3.1:8b" on Ollama). In memory for now: the store has no table for it yet, so overrides last
// until the app quits (a settings table in the store would keep them; see the routing notes).
import type { ModelOverride } from '../../../shared/catalog-records';

export class ModelOverrides {
  private readonly byConnection = new Map<string, Map<string, string>>();

  set(connectionId: string, modelId: string, nativeId: string | null): void {
    let overrides = this.byConnection.get(connectionId);
    if (nativeId === null) {
      overrides?.delete(modelId);
      return;
    }
    if (!overrides) this.byConnection.set(connectionId, (overrides = new Map()));
    overrides.set(modelId, nativeId);
  }

  get(connectionId: string, modelId: string): string | undefined {
    return this.byConnection.get(connectionId)?.get(modelId);
  }

  removeConnection(connectionId: string): void {
    this.byConnection.delete(connectionId);
  }

  list(connectionId?: string): ModelOverride[] {
    const result: ModelOverride[] = [];
    for (const [id, overrides] of this.byConnection) {
      if (connectionId !== undefined && id !== connectionId) continue;
      for (const [modelId, nativeId] of overrides) result.push({ connectionId: id, modelId, nativeId });
    }
    return result.sort((a, b) => a.connectionId.localeCompare(b.connectionId) || a.modelId.localeCompare(b.modelId));
  }
}
