// A run as CSV: one row per answer, with the run's reproducibility fields repeated on every row so a
// row copied alone still says what produced it. Formula-looking cells are neutralised (escapeFormulae).
import Papa from 'papaparse';
import type { ExportDocument } from './export-document';

const fields = [
  'run_id', 'run_created_at', 'exported_at', 'app_version', 'price_data', 'target_index', 'model_asked', 'model_served',
  'provider_served', 'connection_label', 'connection_kind', 'status', 'finish_reason', 'params', 'fallback_models',
  'prompt_tokens', 'completion_tokens', 'cached_tokens', 'reasoning_tokens', 'cost_usd', 'cost_source', 'ttft_ms',
  'total_ms', 'tokens_per_second', 'rating_stars', 'rating_thumb', 'rating_note', 'error', 'tags', 'system_prompt',
  'prompt', 'text',
] as const;

type Row = Record<(typeof fields)[number], string | number | null>;

export function runCsv(document: ExportDocument): string {
  const { run, priceData } = document;
  const priceDataText = `catalog ${priceData.catalog}${priceData.catalogRefreshedAt ? `, refreshed ${priceData.catalogRefreshedAt}` : ''}; genai-prices ${priceData.genaiPrices}`;
  const rows = document.responses.map((response): Row => ({
    run_id: run.id,
    run_created_at: run.createdAt,
    exported_at: document.exportedAt,
    app_version: document.app.version,
    price_data: priceDataText,
    target_index: response.targetIndex,
    model_asked: response.modelAsked,
    model_served: response.modelServed,
    provider_served: response.providerServed,
    connection_label: response.connection?.label ?? null,
    connection_kind: response.connection?.kind ?? null,
    status: response.status,
    finish_reason: response.finishReason,
    params: JSON.stringify(run.params),
    fallback_models: (run.targets[response.targetIndex]?.fallbackModels ?? []).join(' '),
    prompt_tokens: response.usage?.promptTokens ?? null,
    completion_tokens: response.usage?.completionTokens ?? null,
    cached_tokens: response.usage?.cachedTokens ?? null,
    reasoning_tokens: response.usage?.reasoningTokens ?? null,
    cost_usd: response.cost.usd,
    cost_source: response.cost.source,
    ttft_ms: response.metrics.ttftMs === null ? null : Math.round(response.metrics.ttftMs),
    total_ms: response.metrics.totalMs === null ? null : Math.round(response.metrics.totalMs),
    tokens_per_second: response.metrics.tokensPerSecond === null ? null : Number(response.metrics.tokensPerSecond.toFixed(1)),
    rating_stars: response.rating?.stars ?? null,
    rating_thumb: response.rating?.thumb ?? null,
    rating_note: response.rating?.note ?? null,
    error: response.error === null ? null : `${response.error.kind}: ${response.error.message}`,
    tags: run.tags.join(' '),
    system_prompt: run.systemPrompt,
    prompt: run.prompt,
    text: response.text,
  }));
  return Papa.unparse({ fields: [...fields], data: rows.map((row) => fields.map((field) => row[field] ?? '')) }, { escapeFormulae: true, newline: '\n' }) + '\n';
}
