// The last /models listing of each connection: which ids it serves and, when it says, at what price.
// Filled by listModels and refreshCatalog; read by routing (does this connection serve the model?)
// and pricing (its own listed price beats the catalog's).
import type { ModelInfo } from '../../../shared/records';

export class ConnectionModelLists {
  private readonly lists = new Map<string, Map<string, ModelInfo>>();

  set(connectionId: string, models: readonly ModelInfo[]): void {
    this.lists.set(connectionId, new Map(models.map((model) => [model.id, model])));
  }

  delete(connectionId: string): void {
    this.lists.delete(connectionId);
  }

  /** Whether the connection has been listed at all (an unlisted connection may serve anything). */
  has(connectionId: string): boolean {
    return this.lists.has(connectionId);
  }

  get(connectionId: string, modelId: string): ModelInfo | undefined {
    return this.lists.get(connectionId)?.get(modelId);
  }
}
