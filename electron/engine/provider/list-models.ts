// GET {baseUrl}/models, read in OpenRouter's richer shape when present (pricing per token as strings).
import type OpenAI from 'openai';
import type { ModelInfo } from '../../../shared/records';
import { openRouterPricing, type WireOpenRouterModel } from '../catalog/convert-openrouter-listing';

/** The raw listing entries: the catalog refresh reads more of them than ModelInfo keeps. */
export async function listWireModels(client: OpenAI, signal?: AbortSignal): Promise<WireOpenRouterModel[]> {
  const models: WireOpenRouterModel[] = [];
  for await (const model of client.models.list({ signal })) models.push(model as unknown as WireOpenRouterModel);
  return models;
}

export function toModelInfo(wire: WireOpenRouterModel): ModelInfo | undefined {
  if (typeof wire.id !== 'string' || wire.id === '') return undefined;
  return {
    id: wire.id,
    name: typeof wire.name === 'string' && wire.name ? wire.name : wire.id,
    contextLength: typeof wire.context_length === 'number' ? wire.context_length : null,
    pricing: openRouterPricing(wire.pricing),
  };
}

export function toModelInfos(wires: readonly WireOpenRouterModel[]): ModelInfo[] {
  return wires
    .map(toModelInfo)
    .filter((model): model is ModelInfo => model !== undefined)
    .sort((a, b) => a.id.localeCompare(b.id));
}

export async function listModels(client: OpenAI, signal?: AbortSignal): Promise<ModelInfo[]> {
  return toModelInfos(await listWireModels(client, signal));
}
