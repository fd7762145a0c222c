// Usage rows: one per provider call, the source of the spend dashboard.
import type { Database } from 'better-sqlite3';
import type { UsageRow } from './store-types';

export function createUsageRepository(db: Database) {
  const insertStatement = db.prepare<[Record<string, unknown>]>(`
    INSERT INTO usage (
      created_at, connection_id, response_id, model_asked, model_served, provider,
      prompt_tokens, completion_tokens, cached_tokens, cache_write_tokens, reasoning_tokens,
      cost_usd, cost_source, status, error_kind, ttft_ms, total_ms
    ) VALUES (
      @created_at, @connection_id, @response_id, @model_asked, @model_served, @provider,
      @prompt_tokens, @completion_tokens, @cached_tokens, @cache_write_tokens, @reasoning_tokens,
      @cost_usd, @cost_source, @status, @error_kind, @ttft_ms, @total_ms
    )`);

  return {
    insertUsage(row: UsageRow): void {
      insertStatement.run({
        created_at: row.createdAt,
        connection_id: row.connectionId,
        response_id: row.responseId,
        model_asked: row.modelAsked,
        model_served: row.modelServed,
        provider: row.provider,
        prompt_tokens: row.promptTokens,
        completion_tokens: row.completionTokens,
        cached_tokens: row.cachedTokens,
        cache_write_tokens: row.cacheWriteTokens,
        reasoning_tokens: row.reasoningTokens,
        cost_usd: row.costUsd,
        cost_source: row.costSource,
        status: row.status,
        error_kind: row.errorKind,
        ttft_ms: row.ttftMs,
        total_ms: row.totalMs,
      });
    },
  };
}
