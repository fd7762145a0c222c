import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { UsageRow } from '../../electron/store/index';
import { makeResponse, makeRun, openTempStore, type TempStore } from './store-fixtures';

const usageRow: UsageRow = {
  createdAt: 1_700_000_000_500,
  connectionId: 'conn-or',
  responseId: 'response-1',
  modelAsked: 'anthropic/claude-sonnet-4',
  modelServed: 'anthropic/claude-sonnet-4-20250514',
  provider: 'Anthropic',
  promptTokens: 120,
  completionTokens: 480,
  cachedTokens: 64,
  cacheWriteTokens: 0,
  reasoningTokens: 0,
  costUsd: 0.00756,
  costSource: 'provider',
  status: 'ok',
  errorKind: null,
  ttftMs: 412.25,
  totalMs: 3120.5,
};

describe('persistence', () => {
  let temp: TempStore | undefined;
  afterEach(() => temp?.dispose());

  it('keeps connections, secrets, runs, responses and usage across close and reopen', () => {
    temp = openTempStore();
    const connection = {
      id: 'conn-or',
      kind: 'openrouter' as const,
      label: 'OpenRouter',
      baseUrl: 'https://openrouter.ai/api/v1',
      secretRef: 'vault:conn-or',
      keyHint: 'sk-or-…9f2c',
      createdAt: 1_699_000_000_000,
    };
    const ciphertext = Buffer.from([0, 1, 2, 250, 255]);
    const run = makeRun();
    const response = makeResponse({ text: 'Ownership rules.', cost: { usd: 0.00756, source: 'provider' } });
    temp.store.insertConnection(connection);
    temp.store.putSecret('vault:conn-or', ciphertext);
    temp.store.insertRun(run);
    temp.store.saveResponse(response);
    temp.store.insertUsage(usageRow);
    temp.store.insertUsage({ ...usageRow, responseId: null, status: 'error', errorKind: 'rate_limited', costUsd: null, costSource: 'unknown', modelServed: null, provider: null, ttftMs: null, totalMs: 80 });

    const store = temp.reopen();
    expect(store.listConnections()).toEqual([connection]);
    expect(store.getConnection('conn-or')).toEqual(connection);
    expect(store.getSecret('vault:conn-or')).toEqual(ciphertext);
    expect(store.getRun('run-1')).toEqual({ run, responses: [response] });
    expect(store.listRuns({ limit: 10 }).map((summary) => summary.id)).toEqual(['run-1']);
    store.close();

    const db = new BetterSqlite3(temp.path, { readonly: true });
    try {
      const rows = db.prepare('SELECT * FROM usage ORDER BY id').all();
      expect(rows).toHaveLength(2);
      expect(rows[0]).toMatchObject({ created_at: usageRow.createdAt, model_served: usageRow.modelServed, cost_usd: 0.00756, ttft_ms: 412.25, error_kind: null });
      expect(rows[1]).toMatchObject({ status: 'error', error_kind: 'rate_limited', cost_usd: null, response_id: null });
    } finally {
      db.close();
    }
  });

  it('replaces and deletes secrets, deletes connections', () => {
    temp = openTempStore();
    temp.store.putSecret('vault:a', Buffer.from('one'));
    temp.store.putSecret('vault:a', Buffer.from('two'));
    expect(temp.store.getSecret('vault:a')?.toString()).toBe('two');
    temp.store.deleteSecret('vault:a');
    temp.store.deleteSecret('vault:a');
    expect(temp.store.getSecret('vault:a')).toBeUndefined();

    temp.store.insertConnection({ id: 'local', kind: 'openai-compatible', label: 'Ollama', baseUrl: 'http://127.0.0.1:11434/v1', secretRef: null, keyHint: null, createdAt: 2 });
    temp.store.insertConnection({ id: 'demo', kind: 'demo', label: 'Demo', baseUrl: 'http://demo.invalid', secretRef: null, keyHint: null, createdAt: 1 });
    expect(temp.store.listConnections().map((row) => row.id)).toEqual(['demo', 'local']);
    expect(temp.store.deleteConnection('local')).toBe(true);
    expect(temp.store.deleteConnection('local')).toBe(false);
    expect(temp.store.getConnection('local')).toBeUndefined();
  });

  it('logs store methods slower than slowQueryMs', () => {
    const lines: string[] = [];
    temp = openTempStore({ slowQueryMs: -1, log: (line) => lines.push(line) });
    temp.store.listConnections();
    expect(lines).toContainEqual(expect.stringMatching(/^\[store\] slow query: listConnections took \d+\.\d ms$/));
  });
});
