// Usage rows for the dashboard suites.
import type { UsageRow } from '../../electron/store/store-types';

export function makeUsage(overrides: Partial<UsageRow> & { createdAt: number }): UsageRow {
  return {
    connectionId: 'conn-a',
    responseId: null,
    modelAsked: 'openai/gpt-4o',
    modelServed: overrides.status === 'error' ? null : (overrides.modelAsked ?? 'openai/gpt-4o'),
    provider: 'OpenAI',
    promptTokens: 100,
    completionTokens: 50,
    cachedTokens: 0,
    cacheWriteTokens: 0,
    reasoningTokens: 0,
    costUsd: 0.01,
    costSource: 'provider',
    status: 'ok',
    errorKind: null,
    ttftMs: 300,
    totalMs: 1300,
    ...overrides,
  };
}
