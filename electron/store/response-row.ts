// Maps a ResponseRecord to its row and back. JSON columns hold the record's own shapes, so a
// saved record reads back equal to itself.
import type {
  AttemptRecord,
  CostSource,
  ResponseRecord,
  ResponseStatus,
  ToolCallRecord,
} from '../../shared/records';
import type { JuxtaError } from '../../shared/result';

/** Column values by name, as bound to the upsert and as read back. */
export interface ResponseRow {
  id: string;
  run_id: string;
  target_index: number;
  status: string;
  incomplete: number;
  connection_id: string;
  model_asked: string;
  model_served: string | null;
  provider_served: string | null;
  finish_reason: string | null;
  prompt_tokens: number | null;
  completion_tokens: number | null;
  cached_tokens: number | null;
  cache_write_tokens: number | null;
  reasoning_tokens: number | null;
  cost_usd: number | null;
  cost_source: string;
  ttft_ms: number | null;
  total_ms: number | null;
  tokens_per_second: number | null;
  error: string | null;
  attempts: string;
  tool_calls: string;
  reasoning: string;
  text: string;
}

export function toResponseRow(response: ResponseRecord): ResponseRow {
  const usage = response.usage;
  return {
    id: response.id,
    run_id: response.runId,
    target_index: response.targetIndex,
    status: response.status,
    incomplete: response.incomplete ? 1 : 0,
    connection_id: response.connectionId,
    model_asked: response.modelAsked,
    model_served: response.modelServed,
    provider_served: response.providerServed,
    finish_reason: response.finishReason,
    prompt_tokens: usage?.promptTokens ?? null,
    completion_tokens: usage?.completionTokens ?? null,
    cached_tokens: usage?.cachedTokens ?? null,
    cache_write_tokens: usage?.cacheWriteTokens ?? null,
    reasoning_tokens: usage?.reasoningTokens ?? null,
    cost_usd: response.cost.usd,
    cost_source: response.cost.source,
    ttft_ms: response.metrics.ttftMs,
    total_ms: response.metrics.totalMs,
    tokens_per_second: response.metrics.tokensPerSecond,
    error: response.error === null ? null : JSON.stringify(response.error),
    attempts: JSON.stringify(response.attempts),
    tool_calls: JSON.stringify(response.toolCalls),
    reasoning: response.reasoning,
    text: response.text,
  };
}

export function fromResponseRow(row: ResponseRow): ResponseRecord {
  return {
    id: row.id,
    runId: row.run_id,
    targetIndex: row.target_index,
    connectionId: row.connection_id,
    modelAsked: row.model_asked,
    modelServed: row.model_served,
    providerServed: row.provider_served,
    status: row.status as ResponseStatus,
    incomplete: row.incomplete === 1,
    text: row.text,
    reasoning: row.reasoning,
    toolCalls: JSON.parse(row.tool_calls) as ToolCallRecord[],
    finishReason: row.finish_reason,
    // The five token columns are written together: NULL in the first means the provider reported no usage.
    usage:
      row.prompt_tokens === null
        ? null
        : {
            promptTokens: row.prompt_tokens,
            completionTokens: row.completion_tokens ?? 0,
            cachedTokens: row.cached_tokens ?? 0,
            cacheWriteTokens: row.cache_write_tokens ?? 0,
            reasoningTokens: row.reasoning_tokens ?? 0,
          },
    cost: { usd: row.cost_usd, source: row.cost_source as CostSource },
    metrics: { ttftMs: row.ttft_ms, totalMs: row.total_ms, tokensPerSecond: row.tokens_per_second },
    error: row.error === null ? null : (JSON.parse(row.error) as JuxtaError),
    attempts: JSON.parse(row.attempts) as AttemptRecord[],
  };
}
