// GET {baseUrl}/models, read in OpenRouter's richer shape when present (pricing per token as strings).
import type OpenAI from 'openai';
import type { ModelInfo, ModelPricing } from '../../../shared/records';

interface WireModel {
  id: string;
  name?: string;
  context_length?: number | null;
  pricing?: { prompt?: string | number; completion?: string | number; input_cache_read?: string | number; input_cache_write?: string | number } | null;
}

function perToken(value: string | number | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = typeof value === 'number' ? value : Number(value);
  // OpenRouter uses "-1" for router models whose price depends on the routed model.
  return Number.isFinite(parsed) && parsed >= 0 ? parsed : undefined;
}

function pricingOf(model: WireModel): ModelPricing | null {
  const prompt = perToken(model.pricing?.prompt);
  const completion = perToken(model.pricing?.completion);
  if (prompt === undefined || completion === undefined) return null;
  const cacheRead = perToken(model.pricing?.input_cache_read);
  const cacheWrite = perToken(model.pricing?.input_cache_write);
  return { prompt, completion, ...(cacheRead !== undefined ? { cacheRead } : {}), ...(cacheWrite !== undefined ? { cacheWrite } : {}) };
}

export async function listModels(client: OpenAI, signal?: AbortSignal): Promise<ModelInfo[]> {
  const models: ModelInfo[] = [];
  for await (const model of client.models.list({ signal })) {
    const wire = model as unknown as WireModel;
    models.push({
      id: wire.id,
      name: wire.name ?? wire.id,
      contextLength: typeof wire.context_length === 'number' ? wire.context_length : null,
      pricing: pricingOf(wire),
    });
  }
  return models.sort((a, b) => a.id.localeCompare(b.id));
}
